import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholdersOf as placeholders } from '../../../src/lib/placeholders';
import { AMOUNT_ERRORS } from '../../../src/domain/claim/amount';
import { NOTICE_KEYS } from '../../../src/domain/claim/checks';
import { PROBLEM_KEYS } from '../../../src/domain/claim/compose';
import { AMOUNT_METHODS, AMOUNT_MODES, STEP_IDS } from '../../../src/domain/claim/draft';
import { NON_ENGLISH_HINT_KEY } from '../../../src/domain/claim/keys';
import { EVIDENCE_IDS, OUTCOMES, QUESTION_IDS, REASON_IDS, SUB_KINDS } from '../../../src/domain/claim/reasons';
import { sentenceKey, type SentenceId } from '../../../src/domain/claim/templates';
import { SENTENCES } from '../../../src/domain/claim/templates';
import { placeholdersOf } from '../../../src/i18n';

/**
 * Every catalogue key the claim core hands to a UI, with the placeholders each one takes:
 * keys built from ids (`claim_reason_<id>_label`…) listed from the ids themselves.
 */
function claimKeys(): Record<string, string[]> {
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
  for (const id of Object.keys(SENTENCES) as SentenceId[]) add(sentenceKey(id), placeholders(SENTENCES[id]));
  add(NON_ENGLISH_HINT_KEY);
  return keys;
}

const root = join(__dirname, '../../..');
/** Base keys only; plural variants (`key__one`) are per language and checked in test/unit/i18n/plurals.test.ts. */
const load = (lang: string) =>
  Object.fromEntries(Object.entries(JSON.parse(readFileSync(join(root, `src/i18n/catalogue/${lang}/claim.json`), 'utf8')) as Record<string, string>).filter(([k]) => !k.includes('__')));
const en = load('en');
const he = load('he');

/** `claim_…` keys written literally in the claim sources. */
function literalKeys(): string[] {
  const dir = join(root, 'src/domain/claim');
  const keys = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/['"`](claim_[a-z0-9_]+)['"`]/g)) keys.add(m[1]!);
  }
  return [...keys].sort();
}

describe('claim catalogue', () => {
  const used = claimKeys();

  it('has every key the claim core hands out, in en and he, with the same placeholders', () => {
    expect(Object.keys(used).length).toBe(Object.keys(en).length);
    for (const [key, params] of Object.entries(used)) {
      expect(en[key], `en ${key}`).toBeTypeOf('string');
      expect(he[key], `he ${key}`).toBeTypeOf('string');
      expect(placeholdersOf(en[key]!), `en ${key}`).toEqual(params);
      expect(placeholdersOf(he[key]!), `he ${key}`).toEqual(params);
    }
  });

  it('has every literal claim_ key written in the sources', () => {
    const lits = literalKeys();
    expect(lits.length).toBeGreaterThanOrEqual(35);
    for (const k of lits) expect(Object.keys(used), k).toContain(k);
  });

  it('has no stray keys, all in the claim_ namespace and non-empty', () => {
    expect(Object.keys(he).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(used).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(he)]) {
      expect(k).toMatch(/^claim_[a-z0-9_]+$/);
      expect(v.trim()).not.toBe('');
    }
  });

  it('English meaning of each sentence is the sentence itself', () => {
    for (const [id, english] of Object.entries(SENTENCES)) expect(en[`claim_sentence_${id}`]).toBe(english);
  });

  it('Hebrew text is Hebrew', () => {
    for (const [k, v] of Object.entries(he)) if (k !== 'claim_sentence_note') expect(v, k).toMatch(/\p{Script=Hebrew}/u);
  });
});
