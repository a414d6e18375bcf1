/**
 * Dispute reasons as the AliExpress dispute form offers them (docs/claims.md, "Sources"), with
 * the questions each one asks and the evidence that wins it. Pure data: every string a
 * shopper reads is a catalogue key (`claim_…`), never text.
 */

export const RECEIVED_REASONS = [
  'not_as_described',
  'does_not_work',
  'quality',
  'counterfeit',
  'fewer_items',
  'empty_package',
  'damaged_in_transit',
  'different_shipping_method',
] as const;

export const NOT_RECEIVED_REASONS = [
  'protection_ending_in_transit',
  'returned_to_seller',
  'no_tracking_info',
  'customs_duty_too_high',
  'wrong_address',
] as const;

export const REASON_IDS = [...RECEIVED_REASONS, ...NOT_RECEIVED_REASONS] as const;
export type ReasonId = (typeof REASON_IDS)[number];
export type ReceivedReasonId = (typeof RECEIVED_REASONS)[number];
export type NotReceivedReasonId = (typeof NOT_RECEIVED_REASONS)[number];

/** Kinds of "not as described". */
export const SUB_KINDS = ['colour', 'size', 'material', 'design', 'incomplete'] as const;
export type SubKind = (typeof SUB_KINDS)[number];

/** How an answer is typed in: free text (one line), a whole count, a calendar date, yes/no. */
export type AnswerType = 'text' | 'count' | 'date' | 'yes_no';

export const QUESTION_IDS = [
  'ordered_colour',
  'received_colour',
  'ordered_size',
  'received_size',
  'ordered_material',
  'received_material',
  'ordered_model',
  'received_model',
  'missing_parts',
  'fault',
  'fault_since',
  'quality_problem',
  'counterfeit_brand',
  'counterfeit_how',
  'quantity_ordered',
  'quantity_received',
  'damage',
  'damage_visible',
  'package_damaged',
  'shipping_chosen',
  'shipping_used',
  'tracking_number',
  'last_tracking_update',
  'returned_on',
  'duty_amount',
  'delivered_to',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface Question {
  id: QuestionId;
  type: AnswerType;
  /** The claim text needs it; the details step is not complete without it. */
  required: boolean;
  /** `claim_question_<id>_label`. */
  labelKey: string;
}

export const QUESTION_TYPES: Readonly<Record<QuestionId, AnswerType>> = {
  ordered_colour: 'text',
  received_colour: 'text',
  ordered_size: 'text',
  received_size: 'text',
  ordered_material: 'text',
  received_material: 'text',
  ordered_model: 'text',
  received_model: 'text',
  missing_parts: 'text',
  fault: 'text',
  fault_since: 'date',
  quality_problem: 'text',
  counterfeit_brand: 'text',
  counterfeit_how: 'text',
  quantity_ordered: 'count',
  quantity_received: 'count',
  damage: 'text',
  damage_visible: 'yes_no',
  package_damaged: 'yes_no',
  shipping_chosen: 'text',
  shipping_used: 'text',
  tracking_number: 'text',
  last_tracking_update: 'date',
  returned_on: 'date',
  duty_amount: 'text',
  delivered_to: 'text',
};

function q(id: QuestionId, required: boolean): Question {
  return { id, type: QUESTION_TYPES[id], required, labelKey: `claim_question_${id}_label` };
}

export type EvidenceMedia = 'photo' | 'video' | 'screenshot' | 'document';

export const EVIDENCE_IDS = [
  'screenshot_listing',
  'photo_item_mismatch',
  'photo_colour_daylight',
  'photo_size_tape',
  'photo_size_label',
  'photo_material_closeup',
  'photo_all_received',
  'video_fault',
  'photo_fault',
  'photo_defect',
  'photo_logos',
  'photo_package',
  'photo_package_label',
  'video_unboxing',
  'photo_damage',
  'screenshot_order_shipping',
  'screenshot_order_address',
  'screenshot_tracking',
  'document_customs',
  'screenshot_chat',
] as const;
export type EvidenceId = (typeof EVIDENCE_IDS)[number];

export const EVIDENCE_MEDIA: Readonly<Record<EvidenceId, EvidenceMedia>> = {
  screenshot_listing: 'screenshot',
  photo_item_mismatch: 'photo',
  photo_colour_daylight: 'photo',
  photo_size_tape: 'photo',
  photo_size_label: 'photo',
  photo_material_closeup: 'photo',
  photo_all_received: 'photo',
  video_fault: 'video',
  photo_fault: 'photo',
  photo_defect: 'photo',
  photo_logos: 'photo',
  photo_package: 'photo',
  photo_package_label: 'photo',
  video_unboxing: 'video',
  photo_damage: 'photo',
  screenshot_order_shipping: 'screenshot',
  screenshot_order_address: 'screenshot',
  screenshot_tracking: 'screenshot',
  document_customs: 'document',
  screenshot_chat: 'screenshot',
};

export interface EvidenceItem {
  id: EvidenceId;
  media: EvidenceMedia;
  /** Core evidence for this reason (shown first, ticked by the checklist's "must have"). */
  essential: boolean;
  /** `claim_evidence_<id>_label`. */
  labelKey: string;
}

function ev(id: EvidenceId, essential: boolean): EvidenceItem {
  return { id, media: EVIDENCE_MEDIA[id], essential, labelKey: `claim_evidence_${id}_label` };
}

export interface Reason {
  id: ReasonId;
  /** The answer to "received the goods?" under which the form offers this reason. */
  received: boolean;
  labelKey: string;
  helpKey: string;
  /** Photos or videos must be attached (always when the goods were received). */
  photosRequired: boolean;
  /** Outcomes the form allows: nothing can be returned that never arrived. */
  outcomes: readonly Outcome[];
  /** AliExpress itself judges it rather than the seller (counterfeits). */
  goesToAliExpress: boolean;
  /** Sub-kinds to choose from (only "not as described"). */
  subKinds: readonly SubKind[];
  questions: readonly Question[];
  evidence: readonly EvidenceItem[];
}

export const OUTCOMES = ['refund_only', 'return_and_refund'] as const;
export type Outcome = (typeof OUTCOMES)[number];

const chat = ev('screenshot_chat', false);

interface ReasonSpec {
  questions: Question[];
  evidence: EvidenceItem[];
  subKinds?: readonly SubKind[];
  goesToAliExpress?: boolean;
}

const RECEIVED_SPECS: Record<ReceivedReasonId, ReasonSpec> = {
  not_as_described: {
    subKinds: SUB_KINDS,
    questions: [],
    evidence: [ev('screenshot_listing', true), ev('photo_item_mismatch', true), chat],
  },
  does_not_work: {
    questions: [q('fault', true), q('fault_since', false)],
    evidence: [ev('video_fault', true), ev('photo_fault', false), chat],
  },
  quality: {
    questions: [q('quality_problem', true)],
    evidence: [ev('photo_defect', true), ev('screenshot_listing', false), chat],
  },
  counterfeit: {
    goesToAliExpress: true,
    // How the shopper knows (serial check, hologram, a genuine one beside it): a claim, not a bare assertion.
    questions: [q('counterfeit_brand', false), q('counterfeit_how', true)],
    evidence: [ev('photo_logos', true), ev('screenshot_listing', true), chat],
  },
  fewer_items: {
    questions: [q('quantity_ordered', true), q('quantity_received', true)],
    evidence: [ev('photo_all_received', true), ev('photo_package_label', true), ev('video_unboxing', false), chat],
  },
  empty_package: {
    questions: [q('package_damaged', false)],
    evidence: [ev('photo_package', true), ev('photo_package_label', true), ev('video_unboxing', true), chat],
  },
  damaged_in_transit: {
    questions: [q('damage', true), q('damage_visible', true), q('package_damaged', true)],
    evidence: [
      ev('photo_damage', true),
      ev('photo_package', true),
      ev('photo_package_label', true),
      ev('video_unboxing', false),
      chat,
    ],
  },
  different_shipping_method: {
    questions: [q('shipping_chosen', true), q('shipping_used', true)],
    evidence: [ev('screenshot_order_shipping', true), ev('screenshot_tracking', false), ev('photo_package_label', true), chat],
  },
};

const NOT_RECEIVED_SPECS: Record<NotReceivedReasonId, ReasonSpec> = {
  protection_ending_in_transit: {
    questions: [q('tracking_number', false), q('last_tracking_update', false)],
    evidence: [ev('screenshot_tracking', true), chat],
  },
  returned_to_seller: {
    questions: [q('tracking_number', false), q('returned_on', false)],
    evidence: [ev('screenshot_tracking', true), chat],
  },
  no_tracking_info: {
    questions: [q('tracking_number', false)],
    evidence: [ev('screenshot_tracking', true), chat],
  },
  customs_duty_too_high: {
    questions: [q('duty_amount', true), q('tracking_number', false)],
    evidence: [ev('document_customs', true), ev('screenshot_tracking', false), chat],
  },
  wrong_address: {
    questions: [q('tracking_number', false), q('delivered_to', false)],
    evidence: [ev('screenshot_tracking', true), ev('screenshot_order_address', true), chat],
  },
};

/** Questions and evidence added by each kind of "not as described". */
export const SUB_KIND_SPECS: Readonly<Record<SubKind, { questions: readonly Question[]; evidence: readonly EvidenceItem[] }>> = {
  colour: {
    questions: [q('ordered_colour', true), q('received_colour', true)],
    evidence: [ev('photo_colour_daylight', true)],
  },
  size: {
    questions: [q('ordered_size', true), q('received_size', true)],
    evidence: [ev('photo_size_tape', true), ev('photo_size_label', true)],
  },
  material: {
    questions: [q('ordered_material', true), q('received_material', true)],
    evidence: [ev('photo_material_closeup', true)],
  },
  design: {
    questions: [q('ordered_model', true), q('received_model', true)],
    evidence: [],
  },
  incomplete: {
    questions: [q('missing_parts', true)],
    evidence: [ev('photo_all_received', true), ev('video_unboxing', false)],
  },
};

function build(id: ReasonId, received: boolean, spec: ReasonSpec): Reason {
  return {
    id,
    received,
    labelKey: `claim_reason_${id}_label`,
    helpKey: `claim_reason_${id}_help`,
    photosRequired: received,
    outcomes: received ? OUTCOMES : ['refund_only'],
    goesToAliExpress: spec.goesToAliExpress ?? false,
    subKinds: spec.subKinds ?? [],
    questions: spec.questions,
    evidence: spec.evidence,
  };
}

export const REASONS: Readonly<Record<ReasonId, Reason>> = Object.freeze({
  ...(Object.fromEntries(RECEIVED_REASONS.map((id) => [id, build(id, true, RECEIVED_SPECS[id])])) as Record<
    ReceivedReasonId,
    Reason
  >),
  ...(Object.fromEntries(NOT_RECEIVED_REASONS.map((id) => [id, build(id, false, NOT_RECEIVED_SPECS[id])])) as Record<
    NotReceivedReasonId,
    Reason
  >),
});

/** The reasons the form offers for an answer to "received the goods?", in the form's order. */
export function reasonsFor(received: boolean): Reason[] {
  return (received ? RECEIVED_REASONS : NOT_RECEIVED_REASONS).map((id) => REASONS[id]);
}

/** The questions to ask for a reason (and its sub-kind), in order, without repeats. */
export function questionsFor(reason: ReasonId, subKind: SubKind | null = null): Question[] {
  const r = REASONS[reason];
  const extra = subKind && r.subKinds.includes(subKind) ? SUB_KIND_SPECS[subKind].questions : [];
  return dedupe([...extra, ...r.questions]);
}

/** The evidence checklist for a reason (and its sub-kind): essential items first. */
export function evidenceFor(reason: ReasonId, subKind: SubKind | null = null): EvidenceItem[] {
  const r = REASONS[reason];
  const extra = subKind && r.subKinds.includes(subKind) ? SUB_KIND_SPECS[subKind].evidence : [];
  const all = dedupe([...extra, ...r.evidence]);
  return [...all.filter((e) => e.essential), ...all.filter((e) => !e.essential)];
}

function dedupe<T extends { id: string }>(xs: readonly T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}

/** Photos and videos (what AliExpress requires for goods that arrived). */
export function isPhotoOrVideo(id: EvidenceId): boolean {
  const m = EVIDENCE_MEDIA[id];
  return m === 'photo' || m === 'video';
}
