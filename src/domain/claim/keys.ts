/**
 * Every catalogue key the claim core hands to a UI, with the placeholders each one takes.
 * Keys built from ids (`claim_reason_<id>_label`…) are listed here so the catalogue test can
 * prove both catalogues have them all.
 */
import { placeholdersOf } from '../../lib/placeholders';
import { AMOUNT_ERRORS } from './amount';
import { NOTICE_KEYS } from './checks';
import { PROBLEM_KEYS } from './compose';
import { AMOUNT_METHODS, AMOUNT_MODES, STEP_IDS } from './draft';
import { EVIDENCE_IDS, OUTCOMES, QUESTION_IDS, REASON_IDS, SUB_KINDS } from './reasons';
import { SENTENCES, sentenceKey, type SentenceId } from './templates';

/** The UI's hint beside a range `flagNonEnglish` found. */
export const NON_ENGLISH_HINT_KEY = 'claim_non_english_hint';

export function claimKeys(): Record<string, string[]> {
  const keys: Record<string, string[]> = {};
  const add = (key: string, params: readonly string[] = []) => (keys[key] = [...params].sort());
  for (const id of REASON_IDS) {
    add(`claim_reason_${id}_label`);
    add(`claim_reason_${id}_help`);
  }
  for (const id of SUB_KINDS) add(`claim_sub_kind_${id}_label`);
  for (const id of QUESTION_IDS) add(`claim_question_${id}_label`);
  for (const id of EVIDENCE_IDS) add(`claim_evidence_${id}_label`);
  for (const id of STEP_IDS) add(`claim_step_${id}_label`);
  for (const id of OUTCOMES) add(`claim_outcome_${id}_label`);
  for (const id of AMOUNT_MODES) add(`claim_amount_mode_${id}_label`);
  for (const id of AMOUNT_METHODS) add(`claim_amount_method_${id}_label`);
  for (const [k, ps] of Object.entries(AMOUNT_ERRORS)) add(k, ps);
  for (const [k, ps] of Object.entries(NOTICE_KEYS)) add(k, ps);
  for (const k of PROBLEM_KEYS) add(k);
  for (const id of Object.keys(SENTENCES) as SentenceId[]) add(sentenceKey(id), placeholdersOf(SENTENCES[id]));
  add(NON_ENGLISH_HINT_KEY);
  return keys;
}
