/**
 * Compose the English claim from a draft and its order: sentences from `templates.ts`, filled
 * with the order's facts and the shopper's answers, each paired with its meaning key
 * (`claim_sentence_<id>`) for the shopper's language. At most 1,000 characters: optional
 * sentences are dropped whole to fit, never cut. No placeholder is ever left in the text.
 *
 * The AliExpress page to open the dispute on is an AliExpress fact (src/aliexpress); the UI
 * builds that link, nothing here names AliExpress URLs.
 */
import type { Order } from '../order';
import { formatMoney } from '../money';
import { computeAmount } from './amount';
import { isAnswered, type AnswerValue, type ClaimDraft } from './draft';
import { chosenLines } from './lines';
import { dayNumber } from '../dates';
import { claimFacts, type ClaimFacts } from './facts';
import { REASONS, questionsFor, type QuestionId } from './reasons';
import { EVIDENCE_ENGLISH, SENTENCES, englishDate, englishList, fill, sentenceKey, type SentenceId } from './templates';

export const CLAIM_MAX_LENGTH = 1000;

export interface ClaimSentence {
  id: SentenceId;
  /** Meaning in the shopper's language: `claim_sentence_<id>`, same placeholders. */
  key: string;
  english: string;
  params: Record<string, string | number>;
  /**
   * Params that are lists of things with their own catalogue keys (the evidence): the UI
   * may show `t(key, { ...params, evidence: lists.evidence.map(t).join(', ') })`.
   */
  lists?: Record<string, string[]>;
  /** May be left out to fit the length. */
  optional: boolean;
}

export interface ComposedText {
  sentences: ClaimSentence[];
  text: string;
  length: number;
  /** Message keys of what keeps the claim from being ready (empty when it is). */
  problems: string[];
}

export interface ComposeOptions {
  maxLength?: number;
  /** The shopper's date: how long ago the last tracking update was is said from it. */
  today?: string;
  /** Order facts, when the caller knows better than `claimFacts(order)`. */
  facts?: ClaimFacts;
}

export const PROBLEM_KEYS = [
  'claim_problem_no_received',
  'claim_problem_no_reason',
  'claim_problem_reason_mismatch',
  'claim_problem_no_sub_kind',
  'claim_problem_missing_answers',
  'claim_problem_no_outcome',
  'claim_problem_no_evidence',
  'claim_problem_note_dropped',
  'claim_problem_too_long',
  'claim_problem_non_english',
] as const;

/** Drop rank of optional sentences: higher goes first when the text is too long. */
const DROP: Partial<Record<SentenceId, number>> = {
  item: 9,
  item_quantity: 9,
  item_all_quantity: 9,
  items: 9,
  delivered: 8,
  tracking_number: 8,
  last_update: 7,
  last_update_since: 7,
  does_not_work_since: 7,
  package_damaged: 6,
  package_opened: 6,
  counterfeit_review: 5,
  shipped_on: 7,
  last_scan: 6,
  closing_received: 5,
  closing_not_received: 5,
  greeting: 4,
  thanks: 3,
  note: 1,
};

interface Candidate {
  s: ClaimSentence;
  drop: number;
}

/** A shopper's typed value as a claim fragment: one line, no braces, no trailing stop. */
export function cleanValue(v: string, max: number): string {
  let s = v
    .replace(/[{}]/g, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .replace(/[\s.!?;:,]+$/u, '');
  if (s.length > max) {
    const cut = s.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    s = `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/u, '')}…`;
  }
  return s;
}

function sentence(id: SentenceId, params: Record<string, string | number> = {}, optional = false): Candidate | null {
  const filled = fill(SENTENCES[id], params);
  if (filled === null) return null;
  // A shortened value ("…") before the sentence's full stop: one mark, never "….".
  const english = filled.replace(/…\./g, '…');
  return { s: { id, key: sentenceKey(id), english, params, optional }, drop: optional ? (DROP[id] ?? 5) : 0 };
}

/** The first of `ids` whose placeholders all have values. */
function first(options: readonly [SentenceId, Record<string, string | number>][], optional = false): Candidate | null {
  for (const [id, params] of options) {
    const c = sentence(id, params, optional);
    if (c) return c;
  }
  return null;
}

function textAnswer(v: AnswerValue | undefined, max: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = cleanValue(v, max);
  return s === '' ? undefined : s;
}

function dateAnswer(v: AnswerValue | undefined): string | undefined {
  return typeof v === 'string' && isAnswered('last_tracking_update', v) ? englishDate(v) : undefined;
}

function countAnswer(v: AnswerValue | undefined): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Params without the undefined ones (so `fill` sees them as missing). */
function p(o: Record<string, string | number | undefined>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * The facts that win a "not received" claim: when it was shipped, when tracking last moved and
 * how long ago, and where the last scan was.
 */
function movementSentences(d: ClaimDraft, facts: ClaimFacts, order: Order, today: string | undefined): (Candidate | null)[] {
  const answered = typeof d.answers.last_tracking_update === 'string' && isAnswered('last_tracking_update', d.answers.last_tracking_update) ? d.answers.last_tracking_update : null;
  const last = answered ?? facts.lastTrackingOn;
  const since = last && today ? dayNumber(today) - dayNumber(last) : null;
  const place = facts.lastTrackingPlace ? cleanValue(facts.lastTrackingPlace, 60) : '';
  return [
    order.shippedOn ? sentence('shipped_on', { date: englishDate(order.shippedOn) }, true) : null,
    last === null || last === undefined
      ? null
      : since !== null && since >= 2
        ? sentence('last_update_since', { date: englishDate(last), days: since }, true)
        : sentence('last_update', { date: englishDate(last) }, true),
    place !== '' && flagNonEnglish(place).length === 0 ? sentence('last_scan', { place }, true) : null,
  ];
}

function reasonSentences(d: ClaimDraft, facts: ClaimFacts, order: Order, today: string | undefined, max: number): (Candidate | null)[] {
  const a = d.answers;
  const t = (id: QuestionId) => textAnswer(a[id], max);
  switch (d.reason) {
    case null:
      return [];
    case 'not_as_described':
      switch (d.subKind) {
        case 'colour':
          return [first([['nad_colour', p({ ordered: t('ordered_colour'), received: t('received_colour') })], ['nad_colour_generic', {}]])];
        case 'size':
          return [first([['nad_size', p({ ordered: t('ordered_size'), received: t('received_size') })], ['nad_size_generic', {}]])];
        case 'material':
          return [
            first([['nad_material', p({ ordered: t('ordered_material'), received: t('received_material') })], ['nad_material_generic', {}]]),
          ];
        case 'design':
          return [first([['nad_design', p({ ordered: t('ordered_model'), received: t('received_model') })], ['nad_design_generic', {}]])];
        case 'incomplete':
          return [first([['nad_incomplete', p({ missing: t('missing_parts') })], ['nad_incomplete_generic', {}]])];
        case null:
          return [sentence('nad_generic')];
      }
      return [];
    case 'does_not_work':
      return [
        first([['does_not_work', p({ fault: t('fault') })], ['does_not_work_generic', {}]]),
        sentence('does_not_work_since', p({ date: dateAnswer(a.fault_since) }), true),
      ];
    case 'quality':
      return [first([['quality', p({ problem: t('quality_problem') })], ['quality_generic', {}]])];
    case 'counterfeit':
      return [
        first([['counterfeit_brand', p({ brand: t('counterfeit_brand') })], ['counterfeit', {}]]),
        sentence('counterfeit_how', p({ how: t('counterfeit_how') })),
        sentence('counterfeit_review', {}, true),
      ];
    case 'fewer_items': {
      const ordered = countAnswer(a.quantity_ordered);
      const received = countAnswer(a.quantity_received);
      const valid = ordered !== undefined && received !== undefined && received < ordered;
      return [first([['fewer_items', valid ? { ordered, received } : {}], ['fewer_items_generic', {}]])];
    }
    case 'empty_package':
      return [sentence('empty_package'), a.package_damaged === true ? sentence('package_opened', {}, true) : null];
    case 'damaged_in_transit':
      return [
        first([['damaged', p({ damage: t('damage') })], ['damaged_generic', {}]]),
        a.package_damaged === true ? sentence('package_damaged', {}, true) : null,
      ];
    case 'different_shipping_method':
      return [first([['shipping', p({ used: t('shipping_used'), chosen: t('shipping_chosen') })], ['shipping_generic', {}]])];
    case 'protection_ending_in_transit':
      return [
        first([['in_transit_dated', p({ date: facts.protectionEndsOn ? englishDate(facts.protectionEndsOn) : undefined })], ['in_transit', {}]]),
        ...movementSentences(d, facts, order, today),
        trackingSentence(d, facts, max),
      ];
    case 'returned_to_seller':
      return [first([['returned_dated', p({ date: dateAnswer(a.returned_on) })], ['returned', {}]]), trackingSentence(d, facts, max)];
    case 'no_tracking_info':
      return [
        first([['no_tracking_number', p({ tracking: trackingNumber(d, facts, max) })], ['no_tracking', {}]]),
        order.shippedOn ? sentence('shipped_on', { date: englishDate(order.shippedOn) }, true) : null,
      ];
    case 'customs_duty_too_high':
      return [first([['customs', p({ duty: t('duty_amount') })], ['customs_generic', {}]]), trackingSentence(d, facts, max)];
    case 'wrong_address':
      return [first([['wrong_address_place', p({ place: t('delivered_to') })], ['wrong_address', {}]]), trackingSentence(d, facts, max)];
  }
}

function trackingNumber(d: ClaimDraft, facts: ClaimFacts, max: number): string | undefined {
  return textAnswer(d.answers.tracking_number, Math.min(max, 60)) ?? (facts.trackingNumber ? cleanValue(facts.trackingNumber, 60) : undefined);
}

function trackingSentence(d: ClaimDraft, facts: ClaimFacts, max: number): Candidate | null {
  return sentence('tracking_number', p({ tracking: trackingNumber(d, facts, max) }), true);
}

function outcomeSentence(d: ClaimDraft, order: Order, problems: string[]): Candidate | null {
  if (d.outcome === null) return null;
  const res = computeAmount(d.amount, order, { lines: d.lines });
  if (!res.ok) problems.push(res.error);
  const full = d.amount.mode === 'full' || (res.ok && res.full);
  const base = d.outcome === 'refund_only' ? (full ? 'refund_full' : 'refund_partial') : full ? 'return_full' : 'return_partial';
  // A partial refund for goods that arrived: say the shopper keeps them (the usual deal).
  // (Not for fewer items: there the refund is for the pieces that never came.)
  const keep = base === 'refund_partial' && d.received === true && d.reason !== 'fewer_items';
  if (res.ok) return sentence(keep ? 'refund_partial_keep' : base, { amount: formatMoney(res.amount, 'en') });
  return sentence(`${base}_no_amount`);
}

function evidenceSentence(d: ClaimDraft): Candidate | null {
  if (d.evidence.length === 0) return null;
  const c = sentence('evidence', { evidence: englishList(d.evidence.map((e) => EVIDENCE_ENGLISH[e])) });
  if (c) c.s.lists = { evidence: d.evidence.map((e) => `claim_evidence_${e}_label`) };
  return c;
}

/**
 * The items the claim is about, named as the shopper ordered them: "the “USB-C hub” I
 * ordered", "2 of the 5 pieces of “…”", or a list. Titles in another script (a localised
 * AliExpress site) are left out of the English; with none left, no sentence.
 */
function itemsSentence(d: ClaimDraft, order: Order, max: number): Candidate | null {
  const title = (t: string) => cleanValue(t, Math.min(max, 80));
  const named = chosenLines(d, order)
    .map((c) => {
      const name = title(c.item.title);
      // Two lines of one listing (colours, sizes) are told apart by their variant.
      const twin = order.items.some((other, i) => i !== c.index && title(other.title) === name);
      const variant = twin && c.item.variant ? cleanValue(c.item.variant, 40) : '';
      return { ...c, name, quoted: variant ? `“${name}” (${variant})` : `“${name}”` };
    })
    .filter((c) => c.name !== '' && flagNonEnglish(c.quoted).length === 0);
  const [one] = named;
  if (!one) return null;
  if (named.length === 1) {
    if (one.quantity < one.item.quantity) return sentence('item_quantity', { item: one.quoted, quantity: one.quantity, ordered: one.item.quantity }, true);
    if (one.quantity > 1) return sentence('item_all_quantity', { item: one.quoted, quantity: one.quantity }, true);
    return sentence('item', { item: one.quoted }, true);
  }
  const parts = named.map((c) => (c.quantity < c.item.quantity ? `${c.quoted} (${c.quantity} of ${c.item.quantity})` : c.quoted));
  return sentence('items', { items: englishList(parts) }, true);
}

function candidates(d: ClaimDraft, order: Order, facts: ClaimFacts, today: string | undefined, max: number, problems: string[]): Candidate[] {
  const itemSentence = itemsSentence(d, order, max);
  const note = cleanValue(d.note, 2000);
  const list: (Candidate | null)[] = [
    sentence('greeting', {}, true),
    first([['intro_dated', p({ order: order.orderId, date: order.placedOn ? englishDate(order.placedOn) : undefined })], ['intro', { order: order.orderId }]]),
    itemSentence,
    d.received === true && facts.deliveredOn ? sentence('delivered', { date: englishDate(facts.deliveredOn) }, true) : null,
    ...reasonSentences(d, facts, order, today, max),
    note === '' ? null : sentence('note', { note: /[.!?…]$/u.test(note) ? note : `${note}.` }, true),
    evidenceSentence(d),
    outcomeSentence(d, order, problems),
    // A closing that fits: nothing to "confirm" or "return" for a parcel that never came.
    sentence(d.received === false ? 'closing_not_received' : 'closing_received', {}, true),
    sentence('thanks', {}, true),
  ];
  return list.filter((c): c is Candidate => c !== null);
}

function join(cs: readonly Candidate[]): string {
  return cs.map((c) => c.s.english).join(' ');
}

function readiness(d: ClaimDraft): string[] {
  const problems: string[] = [];
  if (d.received === null) problems.push('claim_problem_no_received');
  if (d.reason === null) {
    problems.push('claim_problem_no_reason');
    return problems;
  }
  const r = REASONS[d.reason];
  if (d.received !== null && r.received !== d.received) problems.push('claim_problem_reason_mismatch');
  if (r.subKinds.length > 0 && d.subKind === null) problems.push('claim_problem_no_sub_kind');
  const missing = questionsFor(d.reason, d.subKind).filter((qq) => qq.required && !isAnswered(qq.id, d.answers[qq.id]));
  if (missing.length > 0) problems.push('claim_problem_missing_answers');
  if (d.outcome === null) problems.push('claim_problem_no_outcome');
  if (r.photosRequired && d.evidence.length === 0) problems.push('claim_problem_no_evidence');
  return problems;
}

/**
 * The English claim for `draft` about `order`. `problems` lists message keys of what is not
 * ready yet (unanswered steps, an amount error key, a dropped note, text in another language);
 * the text is still composed from what is known, never with a placeholder left in.
 */
export function composeClaim(d: ClaimDraft, order: Order, opts: ComposeOptions = {}): ComposedText {
  const maxLength = opts.maxLength ?? CLAIM_MAX_LENGTH;
  const facts = opts.facts ?? claimFacts(order);
  let problems: string[] = [];
  let kept: Candidate[] = [];
  // Shorter renderings of the shopper's answers if dropping optional sentences is not enough.
  for (const answerMax of [140, 70, 35]) {
    problems = readiness(d);
    kept = candidates(d, order, facts, opts.today, answerMax, problems);
    const all = kept;
    const byDrop = kept.filter((c) => c.drop > 0).sort((x, y) => y.drop - x.drop);
    const dropped: Candidate[] = [];
    for (const c of byDrop) {
      if (join(kept).length <= maxLength) break;
      kept = kept.filter((k) => k !== c);
      dropped.push(c);
    }
    // Dropping a long sentence may leave room for shorter ones dropped before it.
    for (const c of dropped.reverse()) {
      const trial = all.filter((k) => k === c || kept.includes(k));
      if (join(trial).length <= maxLength) kept = trial;
    }
    if (join(kept).length <= maxLength) break;
  }
  if (d.note.trim() !== '' && !kept.some((c) => c.s.id === 'note')) problems.push('claim_problem_note_dropped');
  let text = join(kept);
  if (text.length > maxLength) {
    // Only long required sentences remain: keep whole sentences that fit, in order.
    problems.push('claim_problem_too_long');
    const fit: Candidate[] = [];
    for (const c of kept) if (join([...fit, c]).length <= maxLength) fit.push(c);
    kept = fit;
    text = join(kept);
  }
  if (flagNonEnglish(text).length > 0) problems.push('claim_problem_non_english');
  return { sentences: kept.map((c) => c.s), text, length: text.length, problems };
}

// ---- text in another language ----

export type ForeignScript = 'cyrillic' | 'hebrew' | 'cjk' | 'arabic' | 'greek' | 'latin';

export interface ForeignRange {
  /** UTF-16 offsets in the text, end exclusive. */
  start: number;
  end: number;
  script: ForeignScript;
}

/**
 * Common function words of languages shoppers write in (Dutch, German, Portuguese, Spanish,
 * French, Italian) that are not English words. A hint, not a language detector.
 */
const FOREIGN_WORDS = new Set([
  // Dutch
  'het', 'niet', 'een', 'maar', 'ook', 'geen', 'heb', 'hebben', 'ik', 'mijn', 'omdat', 'werkt', 'kapot', 'besteld', 'ontvangen', 'pakket', 'nog', 'wel', 'dit', 'deze', 'zijn',
  // German
  'nicht', 'und', 'ich', 'ist', 'das', 'kein', 'keine', 'aber', 'auch', 'habe', 'bestellt', 'erhalten', 'funktioniert', 'paket', 'nur', 'wurde', 'sehr',
  // Portuguese
  'não', 'está', 'você', 'uma', 'muito', 'recebi', 'produto', 'pedido', 'chegou', 'também', 'porque', 'funciona', 'errado', 'tamanho',
  // Spanish
  'pero', 'muy', 'tengo', 'recibí', 'producto', 'llegó', 'nada', 'cuando', 'roto', 'talla', 'paquete', 'tiene',
  // French
  'pas', 'est', 'avec', 'mais', 'je', 'reçu', 'commandé', 'colis', 'très', 'cette', 'fonctionne', 'taille',
  // Italian
  'perché', 'questo', 'ricevuto', 'funziona', 'pacco',
]);

const SCRIPT_TESTS: readonly [ForeignScript, RegExp][] = [
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
];

/** Letters English words do not use. */
const NON_ENGLISH_LATIN = /[ãõñßäöüåøæœ]/iu;

function classify(word: string): ForeignScript | null {
  for (const [script, re] of SCRIPT_TESTS) if (re.test(word)) return script;
  const lower = word.toLowerCase().replace(/['’].*$/u, '');
  if (FOREIGN_WORDS.has(lower) || NON_ENGLISH_LATIN.test(word)) return 'latin';
  return null;
}

/**
 * Ranges of `text` written in another script or language, so the UI can say "write this part
 * in English". Neighbouring words of the same script (separated only by spaces, commas or
 * quotes) form one range.
 */
export function flagNonEnglish(text: string): ForeignRange[] {
  const out: ForeignRange[] = [];
  let prevFlagged = false;
  for (const m of text.matchAll(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu)) {
    const script = classify(m[0]);
    const start = m.index;
    const end = start + m[0].length;
    if (script === null) {
      prevFlagged = false;
      continue;
    }
    const last = out[out.length - 1];
    // Words of one script join across spaces and commas, not across a sentence's end.
    if (prevFlagged && last && last.script === script && /^[\s,'’"«»„“”\-–]*$/u.test(text.slice(last.end, start))) last.end = end;
    else out.push({ start, end, script });
    prevFlagged = true;
  }
  return out;
}
