/**
 * A claim being drafted: one per order, saved by the worker between popup openings, so it is
 * plain JSON validated by a versioned zod schema. Every update is a pure function returning a
 * new draft; a UI calls one per shopper action and renders `steps(draft, order)`.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../../lib/lazy-schema';
import { isValidCalendarDate, OrderIdSchema, type Order } from '../order';
import { claimFacts, type ClaimFacts } from './facts';
import {
  EVIDENCE_IDS,
  OUTCOMES,
  QUESTION_IDS,
  QUESTION_TYPES,
  REASON_IDS,
  REASONS,
  SUB_KINDS,
  evidenceFor,
  isPhotoOrVideo,
  questionsFor,
  type EvidenceId,
  type Outcome,
  type QuestionId,
  type ReasonId,
  type SubKind,
} from './reasons';
import { computeAmount } from './amount';
import { ClaimLineSchema, chosenLines } from './lines';

export { chosenLines, type ChosenLine, type ClaimLine } from './lines';

export const DRAFT_VERSION = 2;

export const STEP_IDS = ['received', 'reason', 'details', 'outcome', 'amount', 'evidence', 'review'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const AMOUNT_MODES = ['full', 'partial'] as const;
/** How a partial amount is worked out. */
export const AMOUNT_METHODS = ['missing_quantity', 'percentage', 'sum'] as const;

/** Inputs are stored as typed, even when wrong, so the calculator can say what is wrong. */
const loose = () => z.nullable(z.number().check(z.gte(-1e12), z.lte(1e12)));

export const ClaimAmountSchema = lazySchema(() => z.object({
  mode: z.enum(AMOUNT_MODES),
  method: z.enum(AMOUNT_METHODS),
  /** Pieces missing (method `missing_quantity`). */
  missing: loose(),
  /** Pieces ordered, when the line is a lot of several pieces; null = the line's quantity. */
  ordered: loose(),
  /** Percent of what was paid (method `percentage`). */
  percent: loose(),
  /** Amount in the order currency's minor units (method `sum`). */
  sumMinor: loose(),
}));
export type ClaimAmount = z.infer<typeof ClaimAmountSchema>;

export const AnswerValueSchema = lazySchema(() => z.union([
  z.string().check(z.maxLength(500)),
  z.number().check(z.gte(-1e9), z.lte(1e9)),
  z.boolean(),
]));
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

export const ClaimDraftSchema = lazySchema(() => z.object({
  version: z.literal(DRAFT_VERSION),
  orderId: OrderIdSchema,
  /** Answer to "received the goods?"; null = not answered yet. */
  received: z.nullable(z.boolean()),
  /** Who answered it: pre-answered from the order's tracking, or the shopper. */
  receivedFrom: z.nullable(z.enum(['order', 'shopper'])),
  reason: z.nullable(z.enum(REASON_IDS)),
  subKind: z.nullable(z.enum(SUB_KINDS)),
  /** The items the claim is about and how many of each; empty = not chosen (or the order lists none). */
  lines: z.array(ClaimLineSchema).check(z.maxLength(200)),
  answers: z.partialRecord(z.enum(QUESTION_IDS), AnswerValueSchema),
  outcome: z.nullable(z.enum(OUTCOMES)),
  amount: ClaimAmountSchema,
  /** Evidence the shopper ticked as ready to attach. */
  evidence: z.array(z.enum(EVIDENCE_IDS)).check(z.maxLength(EVIDENCE_IDS.length)),
  /** The shopper's own words, added to the claim (must be English). */
  note: z.string().check(z.maxLength(2000)),
  step: z.enum(STEP_IDS),
}));
export type ClaimDraft = z.infer<typeof ClaimDraftSchema>;
export type Answers = ClaimDraft['answers'];

/** Validate a stored draft (migrating version 1); null when it is not a draft this version can use. */
export function parseDraft(x: unknown): ClaimDraft | null {
  const r = ClaimDraftSchema.safeParse(migrateV1(x));
  return r.success ? r.data : null;
}

/** Version 1 named one item (`item`: an index or null); version 2 lists lines with quantities. */
function migrateV1(x: unknown): unknown {
  if (!x || typeof x !== 'object' || (x as { version?: unknown }).version !== 1) return x;
  const { item, ...rest } = x as Record<string, unknown>;
  return { ...rest, version: 2, lines: typeof item === 'number' ? [{ index: item, quantity: null }] : [] };
}


/**
 * "Received the goods?" from the order's facts: tracking said delivered ⇒ yes; awaiting
 * delivery with no delivered event ⇒ no; anything else ⇒ unanswered.
 */
export function receivedFromOrder(order: Order, facts: ClaimFacts = claimFacts(order)): boolean | null {
  if (facts.delivered) return true;
  if (order.status === 'awaiting_delivery') return false;
  return null;
}

export function emptyDraft(order: Order, facts: ClaimFacts = claimFacts(order)): ClaimDraft {
  const received = receivedFromOrder(order, facts);
  const only = order.items.length === 1 ? order.items[0] : undefined;
  const answers: Answers = {};
  if (facts.trackingNumber) answers.tracking_number = facts.trackingNumber.slice(0, 500);
  if (facts.lastTrackingOn) answers.last_tracking_update = facts.lastTrackingOn;
  if (only && only.quantity > 0) answers.quantity_ordered = only.quantity;
  return {
    version: DRAFT_VERSION,
    orderId: order.orderId,
    received,
    receivedFrom: received === null ? null : 'order',
    reason: null,
    subKind: null,
    // One item: the claim is about all of it; several: the shopper chooses.
    lines: only ? [{ index: 0, quantity: only.quantity > 0 ? only.quantity : null }] : [],
    answers,
    outcome: null,
    amount: { mode: 'full', method: 'sum', missing: null, ordered: null, percent: null, sumMinor: null },
    evidence: [],
    note: '',
    step: 'received',
  };
}

// ---- updates (each returns a new draft) ----

export function setReceived(d: ClaimDraft, received: boolean): ClaimDraft {
  const keepReason = d.reason !== null && REASONS[d.reason].received === received;
  const next: ClaimDraft = { ...d, received, receivedFrom: 'shopper' };
  return keepReason ? next : withReason(next, null);
}

export function setReason(d: ClaimDraft, reason: ReasonId | null): ClaimDraft {
  return withReason(d, reason);
}

function withReason(d: ClaimDraft, reason: ReasonId | null): ClaimDraft {
  if (reason === null) return { ...d, reason: null, subKind: null, outcome: null, evidence: [] };
  const r = REASONS[reason];
  const subKind = d.subKind && r.subKinds.includes(d.subKind) ? d.subKind : null;
  const outcome = d.outcome && r.outcomes.includes(d.outcome) ? d.outcome : r.outcomes.length === 1 ? (r.outcomes[0] ?? null) : null;
  const offered = new Set(evidenceFor(reason, subKind).map((e) => e.id));
  return {
    ...d,
    received: d.received ?? r.received,
    reason,
    subKind,
    outcome,
    evidence: d.evidence.filter((e) => offered.has(e)),
  };
}

export function setSubKind(d: ClaimDraft, subKind: SubKind | null): ClaimDraft {
  if (subKind !== null && (d.reason === null || !REASONS[d.reason].subKinds.includes(subKind))) return d;
  return { ...d, subKind };
}

/** Set (or with `null`, clear) one answer. */
export function setAnswer(d: ClaimDraft, id: QuestionId, value: AnswerValue | null): ClaimDraft {
  const answers: Answers = { ...d.answers };
  if (value === null || value === '') delete answers[id];
  else answers[id] = typeof value === 'string' ? value.slice(0, 500) : value;
  return { ...d, answers };
}

/**
 * Choose how many pieces of item line `index` the claim is about: 0 takes the line out, null
 * means the whole line. Lines stay in the order's order.
 */
export function setLine(d: ClaimDraft, index: number, quantity: number | null): ClaimDraft {
  const rest = d.lines.filter((l) => l.index !== index);
  if (quantity === 0 || (quantity !== null && (!Number.isInteger(quantity) || quantity < 0))) return { ...d, lines: rest };
  return { ...d, lines: [...rest, { index, quantity }].sort((a, b) => a.index - b.index) };
}

export function setOutcome(d: ClaimDraft, outcome: Outcome): ClaimDraft {
  if (d.reason !== null && !REASONS[d.reason].outcomes.includes(outcome)) return d;
  return { ...d, outcome };
}

export function setAmount(d: ClaimDraft, patch: Partial<ClaimAmount>): ClaimDraft {
  return { ...d, amount: { ...d.amount, ...patch } };
}

export function toggleEvidence(d: ClaimDraft, id: EvidenceId, on: boolean): ClaimDraft {
  const rest = d.evidence.filter((e) => e !== id);
  return { ...d, evidence: on ? [...rest, id] : rest };
}

export function setNote(d: ClaimDraft, note: string): ClaimDraft {
  return { ...d, note: note.slice(0, 2000) };
}

export function goTo(d: ClaimDraft, step: StepId): ClaimDraft {
  return { ...d, step };
}

// ---- completion ----

export function isAnswered(id: QuestionId, v: AnswerValue | undefined): boolean {
  if (v === undefined) return false;
  switch (QUESTION_TYPES[id]) {
    case 'text':
      return typeof v === 'string' && v.trim() !== '';
    case 'count':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0;
    case 'date':
      return typeof v === 'string' && isValidCalendarDate(v);
    case 'yes_no':
      return typeof v === 'boolean';
  }
}

export interface StepState {
  id: StepId;
  /** `claim_step_<id>_label`. */
  labelKey: string;
  done: boolean;
  /** Every earlier step is done, so this one can be worked on. */
  enabled: boolean;
}

function stepDone(id: StepId, d: ClaimDraft, order: Order | null): boolean {
  const reason = d.reason === null ? null : REASONS[d.reason];
  switch (id) {
    case 'received':
      return d.received !== null;
    case 'reason':
      return reason !== null && reason.received === d.received;
    case 'details': {
      if (reason === null) return false;
      if (reason.subKinds.length > 0 && d.subKind === null) return false;
      if (order && order.items.length > 1 && chosenLines(d, order).length === 0) return false;
      return questionsFor(reason.id, d.subKind)
        .filter((qq) => qq.required)
        .every((qq) => isAnswered(qq.id, d.answers[qq.id]));
    }
    case 'outcome':
      return reason !== null && d.outcome !== null && reason.outcomes.includes(d.outcome);
    case 'amount':
      if (order) return computeAmount(d.amount, order, { lines: d.lines }).ok;
      return d.amount.mode === 'full' || partialInputsPresent(d.amount);
    case 'evidence':
      if (reason === null) return false;
      // AliExpress requires photos or a video when the goods arrived; for a parcel that never
      // came evidence is advised, not required (docs/claims.md, "Sources").
      return reason.photosRequired ? d.evidence.some(isPhotoOrVideo) : true;
    case 'review':
      return false;
  }
}

function partialInputsPresent(a: ClaimAmount): boolean {
  switch (a.method) {
    case 'missing_quantity':
      return a.missing !== null;
    case 'percentage':
      return a.percent !== null;
    case 'sum':
      return a.sumMinor !== null;
  }
}

/**
 * The steps in order with their state. Pass the order to check the item choice and the
 * amount against what was paid; without it only the inputs' presence is checked. `review` is
 * done when every other step is (it is where the text is composed and copied).
 */
export function steps(d: ClaimDraft, order: Order | null = null): StepState[] {
  const out: StepState[] = [];
  let allBefore = true;
  for (const id of STEP_IDS) {
    const done: boolean = id === 'review' ? allBefore : stepDone(id, d, order);
    out.push({ id, labelKey: `claim_step_${id}_label`, done, enabled: allBefore || id === 'received' });
    if (id !== 'review') allBefore = allBefore && done;
  }
  return out;
}

/** The first step not done (`review` when all are). */
export function nextStep(d: ClaimDraft, order: Order | null = null): StepId {
  return steps(d, order).find((s) => !s.done)?.id ?? 'review';
}
