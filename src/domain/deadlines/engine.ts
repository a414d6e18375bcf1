/**
 * The deadline engine: where an order stands, which protection deadlines it has, which of
 * them matter now, what the shopper should do about each, and how urgent it is. Pure; no
 * browser API.
 *
 * Inputs: the order record (its `deadlines` hold what the AliExpress reader found on the
 * page, `source: 'page'`), the rule book (rules.ts) and today's calendar date where the
 * shopper is. AliExpress tracking codes never appear here: what a tracking event means
 * reaches the engine through the `classifyEvent` the AliExpress adapter supplies
 * (tracking.ts), or as ready-made dates in `DeadlineFacts`.
 *
 * Precedence (docs/deadlines.md):
 *  1. A date the page states beats any estimate of the same kind; of two page dates of one
 *     kind, the earliest (the merge keeps only that one, src/domain/merge.ts).
 *  2. Estimates from the rule book fill in only the kinds the page is silent about.
 *     The "refund if not delivered" date is never guessed: when unknown, say so
 *     (`unknownKinds`), with how to learn it.
 */
import type { CalendarDate, DeadlineKind, Order, OrderStatus } from '../order';
import { DEADLINE_KINDS } from '../order';
import { dateOfDay, dayOf, localDayOf } from './days';
import type { Rules } from './rules';
import { trackingFacts, type ClassifyEvent } from './tracking';

export type { TrackingEventClass, ClassifyEvent } from './tracking';

export const ACTION_KEYS = [
  'open_not_received_dispute',
  'open_not_received_dispute_now',
  'ask_extension_or_dispute',
  'ask_extension_or_dispute_now',
  'not_received_date_passed',
  'pick_up_parcel',
  'answer_seller',
  'collect_coupon',
  'confirm_only_when_satisfied',
  'check_delivery',
  'collect_before_auto_confirm',
  'return_or_refund_before',
  'free_return_before',
  'open_dispute_before',
  'send_return',
  'wait_for_seller',
  'expect_escalation',
  'check_refund',
  'no_action',
] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];

/**
 * Where an order stands (docs/deadlines.md, "Order stages"), derived from everything read:
 * status, tracking, dispute, history.
 */
export const ORDER_STAGES = [
  'awaiting_payment',
  'awaiting_shipment',
  'shipped',
  'moving',
  'stalled',
  'at_pickup_point',
  'delivered',
  'completed',
  'in_dispute',
  'refunded',
  'closed',
  'unknown',
] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];

export const URGENCIES = ['overdue', 'today', 'urgent', 'soon', 'later'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Actions that only inform: nothing for the shopper to do, so no reminder goes out. */
const INFORMATIONAL: ReadonlySet<ActionKey> = new Set(['wait_for_seller', 'expect_escalation', 'no_action']);

export interface ComputedDeadline {
  kind: DeadlineKind;
  /** Due on this calendar date where the shopper is (the whole day counts). */
  due: CalendarDate;
  source: 'page' | 'estimate';
  /** The page text it came from; null for the engine's own estimates. */
  text: string | null;
  /** What to do, as a catalogue key suffix: `deadline_action_<action>`. */
  action: ActionKey;
  /** It matters for this order now (status, delivery, dispute). */
  applies: boolean;
  /** due − today in days; negative once past. */
  daysLeft: number;
  urgency: Urgency;
  /** Catalogue key (`deadline_reason_…`) saying where the date comes from or why it doesn't apply. */
  reasonKey: string;
  /**
   * Placeholders for the action and reason texts. Date values are CalendarDate strings the
   * UI formats for the shopper's locale: `date` (= due), `from`/`by` (act between),
   * `delivered` (tracking said delivered / arrived at the pickup point), `rule_days`.
   */
  params: Record<string, string | number>;
  /** Reminders should go out for it (applies, not past, and the shopper has something to do). */
  remind: boolean;
  /**
   * Days before due on which to remind, when not the rule book's `leadDays`: an estimated
   * pick-up or refund date is reminded on the day only; a delivery is told at once.
   */
  leads?: number[];
}

/**
 * Facts the caller may supply; each overrides what the engine would derive itself.
 * `undefined` = derive; `null` = known not to apply.
 */
export interface DeadlineFacts {
  /** Local date the parcel arrived at a post office / pickup point and started waiting. */
  pickupSince?: CalendarDate | null;
  /** Local date of delivery. Default: `order.deliveredAt`, else the tracking's delivery. */
  deliveredOn?: CalendarDate | null;
  /** Local date of the latest carrier movement. Default: from the tracking (tracking.ts). */
  lastMovementOn?: CalendarDate | null;
  /** Local date the shopper agreed to return the goods (the worker may pass the day it first saw stage `awaiting_return`). */
  returnAgreedOn?: CalendarDate | null;
  /** Classifies a tracking event (supplied by src/aliexpress). Default: `codeOnlyClassifier`. */
  classifyEvent?: ClassifyEvent;
}

const KIND_ORDER: Record<DeadlineKind, number> = Object.fromEntries(
  DEADLINE_KINDS.map((k, i) => [k, i]),
) as Record<DeadlineKind, number>;

export function urgencyOf(daysLeft: number, rules: Pick<Rules, 'urgentDays' | 'soonDays'>): Urgency {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft === 0) return 'today';
  if (daysLeft <= rules.urgentDays) return 'urgent';
  if (daysLeft <= rules.soonDays) return 'soon';
  return 'later';
}

/** Catalogue key of a kind's name: `deadline_kind_no_delivery_refund`. */
export function kindKey(kind: DeadlineKind): string {
  return `deadline_kind_${kind.replace(/-/g, '_')}`;
}

/** Catalogue key of an action's text: `deadline_action_pick_up_parcel`. */
export function actionKey(action: ActionKey): string {
  return `deadline_action_${action}`;
}

// ---------------------------------------------------------------------------------------
// Order situation

/** Dates are day numbers (days.ts) from here on. */
interface Situation {
  stage: OrderStage;
  status: OrderStatus;
  ended: boolean;
  completed: boolean;
  completedOn: number | null;
  delivered: boolean;
  deliveredOn: number | null;
  pickupSince: number | null;
  disputeOpen: boolean;
  disputeStage: string;
  /** A carrier moved the parcel within `rules.stalledAfterDays`. */
  moving: boolean;
  /** The day a refund was granted (cancelled after payment, a dispute refunding), or null. */
  refundFrom: number | null;
  /** Parcels with tracking events, and how many of them are delivered. */
  parcels: { count: number; delivered: number };
}

/** Local day number of an ISO instant, or null. */
function instantDay(at: string | null | undefined): number | null {
  if (!at) return null;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? null : localDayOf(ms);
}

const factDay = (d: CalendarDate | null | undefined): number | null => (d ? dayOf(d) : null);

/** The status, or when it is 'unknown' the last known one from the history. */
function effectiveStatus(order: Order): OrderStatus {
  if (order.status !== 'unknown') return order.status;
  const h = order.statusHistory;
  if (h) {
    for (let i = h.length - 1; i >= 0; i--) {
      const s = h[i]!.status;
      if (s !== 'unknown') return s;
    }
  }
  return 'unknown';
}

const PAID: ReadonlySet<OrderStatus> = new Set(['awaiting_shipment', 'awaiting_delivery', 'completed', 'in_dispute']);

/** The day a refund was granted, when the record shows one (docs/deadlines.md, "Refunds"). */
function refundStart(order: Order, status: OrderStatus): number | null {
  const dispute = order.dispute;
  if (dispute?.stage === 'refunding') return factDay(dispute.stageSince) ?? instantDay(order.updatedAt);
  if (status !== 'cancelled' && status !== 'closed') return null;
  // Cancelled or closed after it was paid: AliExpress refunds the payment.
  const h = order.statusHistory ?? [];
  let paid = false;
  for (const entry of h) {
    if (PAID.has(entry.status)) paid = true;
    else if (paid && (entry.status === 'cancelled' || entry.status === 'closed')) {
      // Closed after completion is the normal end of an order, not a refund.
      return h.some((e) => e.status === 'completed') ? null : instantDay(entry.at);
    }
  }
  return null;
}

/** Working day number `n` working days (Monday to Friday) after `day`. */
export function addWorkingDays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d++;
    const weekday = (((d + 4) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d;
}

function situationOf(order: Order, rules: Rules, todayDay: number, facts: DeadlineFacts): Situation {
  const status = effectiveStatus(order);
  let completedOn: number | null = factDay(order.completedOn);
  let everCompleted = status === 'completed' || completedOn !== null;
  if (order.statusHistory) {
    // The day Buyer Shield saw the order turn completed is its completion date only if it
    // saw another status first; an order first seen completed was completed earlier, on a
    // day the list does not say (the detail page does: orderEndTime).
    order.statusHistory.forEach((h, i) => {
      if (h.status !== 'completed') return;
      everCompleted = true;
      if (i > 0) completedOn ??= instantDay(h.at);
    });
  }
  const track = trackingFacts(order, facts.classifyEvent);
  const deliveredOn =
    facts.deliveredOn !== undefined ? factDay(facts.deliveredOn) : (instantDay(order.deliveredAt) ?? track.deliveredDay);
  let pickupSince = facts.pickupSince !== undefined ? factDay(facts.pickupSince) : track.pickupSinceDay;
  if (pickupSince !== null && deliveredOn !== null && deliveredOn >= pickupSince) pickupSince = null;
  const lastMovement = facts.lastMovementOn !== undefined ? factDay(facts.lastMovementOn) : track.lastMovementDay;
  const moving = lastMovement !== null && todayDay - lastMovement < rules.stalledAfterDays;
  const dispute = order.dispute;
  const disputeOpen =
    (dispute !== null && dispute.stage !== 'closed' && dispute.stage !== 'refunding') || (dispute === null && status === 'in_dispute');
  const ended = status === 'closed' || status === 'cancelled';
  const completed = everCompleted && !ended;
  const delivered = deliveredOn !== null || everCompleted;
  const refundFrom = refundStart(order, status);

  let stage: OrderStage;
  if (status === 'awaiting_payment') stage = 'awaiting_payment';
  else if (refundFrom !== null) stage = 'refunded';
  else if (disputeOpen) stage = 'in_dispute';
  else if (ended) stage = 'closed';
  else if (completed) stage = 'completed';
  else if (delivered) stage = 'delivered';
  else if (pickupSince !== null) stage = 'at_pickup_point';
  else if (lastMovement !== null) stage = moving ? 'moving' : 'stalled';
  else if (status === 'awaiting_shipment') stage = 'awaiting_shipment';
  else if (status === 'awaiting_delivery' || order.shippedOn) stage = 'shipped';
  else stage = 'unknown';

  return {
    stage,
    status,
    ended,
    completed,
    completedOn,
    delivered,
    deliveredOn,
    pickupSince,
    disputeOpen,
    disputeStage: dispute?.stage ?? 'unknown',
    moving,
    refundFrom,
    parcels: { count: track.parcels, delivered: track.deliveredParcels },
  };
}

// ---------------------------------------------------------------------------------------
// Applicability and advice

interface Verdict {
  applies: boolean;
  action: ActionKey;
  /** Overrides the source reason (used to say why a deadline doesn't apply, or a special case). */
  reasonKey?: string;
}

const no = (reasonKey: string): Verdict => ({ applies: false, action: 'no_action', reasonKey });

const DISPUTE_KINDS: ReadonlySet<DeadlineKind> = new Set(['seller-response', 'escalation', 'return-shipping']);

function judge(kind: DeadlineKind, due: number, s: Situation, today: number): Verdict {
  if (kind === 'refund-arrival') {
    return s.refundFrom !== null ? { applies: true, action: 'check_refund' } : no('deadline_reason_no_refund');
  }
  if (DISPUTE_KINDS.has(kind)) {
    // The only clocks that run on a closed or cancelled order: an open dispute's.
    if (!s.disputeOpen) return no('deadline_reason_no_open_dispute');
    const stage = s.disputeStage;
    switch (kind) {
      case 'seller-response':
        return stage === 'awaiting_seller' || stage === 'unknown'
          ? { applies: true, action: 'wait_for_seller' }
          : no('deadline_reason_seller_answered');
      case 'escalation':
        if (stage === 'negotiating') return { applies: true, action: 'answer_seller' };
        if (stage === 'awaiting_seller' || stage === 'unknown') return { applies: true, action: 'expect_escalation' };
        return no('deadline_reason_dispute_stage_passed');
      default: // return-shipping
        return stage === 'awaiting_return' || stage === 'unknown'
          ? { applies: true, action: 'send_return' }
          : no('deadline_reason_dispute_stage_passed');
    }
  }
  if (s.status === 'awaiting_payment') return no('deadline_reason_not_paid');
  if (s.ended) return no('deadline_reason_order_ended');
  if (s.disputeOpen) return no('deadline_reason_dispute_open');
  if (s.refundFrom !== null) return no('deadline_reason_refunded');
  const notReceived: ActionKey = s.moving ? 'ask_extension_or_dispute' : 'open_not_received_dispute';
  switch (kind) {
    case 'no-delivery-refund':
      return s.delivered ? no('deadline_reason_delivered') : { applies: true, action: notReceived };
    case 'late-delivery-coupon': {
      if (s.delivered) {
        const arrived = s.deliveredOn ?? s.completedOn;
        if (arrived === null) return no('deadline_reason_delivery_date_unknown');
        return arrived > due
          ? { applies: true, action: 'collect_coupon', reasonKey: 'deadline_reason_delivered_late' }
          : no('deadline_reason_delivered_in_time');
      }
      return today > due
        ? { applies: true, action: 'collect_coupon', reasonKey: 'deadline_reason_late_now' }
        : no('deadline_reason_coupon_pending');
    }
    case 'auto-confirm':
      if (s.completed) return no('deadline_reason_completed');
      if (s.deliveredOn !== null) return { applies: true, action: 'check_delivery' };
      if (s.delivered) return { applies: true, action: 'confirm_only_when_satisfied' };
      if (s.pickupSince !== null) return { applies: true, action: 'collect_before_auto_confirm' };
      return { applies: true, action: notReceived };
    case 'return-window':
      return s.completed ? { applies: true, action: 'return_or_refund_before' } : no('deadline_reason_not_completed');
    case 'dispute-window':
      return s.delivered ? { applies: true, action: 'open_dispute_before' } : no('deadline_reason_not_delivered');
    case 'free-return':
      return s.delivered ? { applies: true, action: 'free_return_before' } : no('deadline_reason_not_delivered');
    case 'pickup':
      if (s.delivered || s.completed) return no('deadline_reason_picked_up');
      return { applies: true, action: 'pick_up_parcel' };
    default:
      return no('deadline_reason_not_applicable');
  }
}

// ---------------------------------------------------------------------------------------
// Candidates: page dates, stored estimates, rule-book estimates

interface Candidate {
  kind: DeadlineKind;
  due: CalendarDate;
  dueDay: number;
  source: 'page' | 'estimate';
  text: string | null;
  reasonKey: string;
  ruleDays: number | null;
  /** The day the estimate counts from (for a reminder on that day), when it is one. */
  fromDay: number | null;
}

/** The rule book's estimates for kinds the page is silent about (`stated`). */
function estimates(order: Order, s: Situation, rules: Rules, todayDay: number, facts: DeadlineFacts, stated: ReadonlySet<DeadlineKind>): Candidate[] {
  const out: Candidate[] = [];
  const est = (kind: DeadlineKind, from: number, dueDay: number, ruleDays: number, reasonKey: string) => {
    if (stated.has(kind)) return;
    out.push({ kind, due: dateOfDay(dueDay), dueDay, source: 'estimate', text: null, reasonKey, ruleDays, fromDay: from });
  };
  const days = (kind: DeadlineKind, from: number, n: number, reasonKey: string) => est(kind, from, from + n, n, reasonKey);
  if (s.completedOn !== null) days('return-window', s.completedOn, rules.returnWindowDays, 'deadline_reason_est_return_window');
  const placed = factDay(order.placedOn);
  if (placed !== null && s.delivered) days('dispute-window', placed, rules.disputeWindowDays, 'deadline_reason_est_dispute_window');
  if (!s.completed && !s.ended) {
    // Delivered or waiting at a pickup point, not confirmed, no countdown on the page.
    if (s.deliveredOn !== null) days('auto-confirm', s.deliveredOn, rules.autoConfirmAfterDeliveryDays, 'deadline_reason_est_auto_confirm');
    else if (s.pickupSince !== null) days('auto-confirm', s.pickupSince, rules.autoConfirmAfterDeliveryDays, 'deadline_reason_est_auto_confirm_pickup');
  }
  if (s.pickupSince !== null) {
    // "Remind after 2 days, again after 5": the next reminder date still ahead, else the last one.
    const list = rules.pickupRemindDays;
    let chosen = list[list.length - 1] ?? 0;
    for (const d of list) {
      if (s.pickupSince + d >= todayDay) {
        chosen = d;
        break;
      }
    }
    days('pickup', s.pickupSince, chosen, 'deadline_reason_est_pickup');
  }
  const opened = order.dispute?.openedOn;
  if (opened && s.disputeOpen) {
    const day = dayOf(opened);
    days('seller-response', day, rules.sellerResponseDays, 'deadline_reason_est_seller_response');
    days('escalation', day, rules.escalationDays, 'deadline_reason_est_escalation');
  }
  if (s.disputeStage === 'awaiting_return' && facts.returnAgreedOn) {
    days('return-shipping', dayOf(facts.returnAgreedOn), rules.returnShippingDays, 'deadline_reason_est_return_shipping');
  }
  if (s.refundFrom !== null) {
    est('refund-arrival', s.refundFrom, addWorkingDays(s.refundFrom, rules.refundWorkingDays), rules.refundWorkingDays, 'deadline_reason_est_refund');
  }
  return out;
}

const EMPTY_FACTS: DeadlineFacts = {};

/** The longest lead the reminder log records (ReminderLogSchema). */
const MAX_LEAD = 366;

/** Kinds whose estimate is reminded on its day only (and once when it starts). */
const ON_THE_DAY: ReadonlySet<DeadlineKind> = new Set(['pickup', 'refund-arrival']);

/** Where an order stands and its deadlines, from one reading of the record. */
export interface Assessment {
  stage: OrderStage;
  deadlines: ComputedDeadline[];
  /** The day tracking said delivered (or the parcel reached a pickup point), when it did and receipt is not confirmed. */
  deliveredOn: CalendarDate | null;
  /** The day protection ended, when nothing is left to act on and nothing is unknown (`protectionEndedOn`). */
  endedOn: CalendarDate | null;
  /** Deadlines no page has told and no rule can estimate (`unknownKinds`). */
  unknown: DeadlineKind[];
  /** Parcels with tracking events and how many are delivered ("2 parcels, 1 delivered"). */
  parcels: { count: number; delivered: number };
}

export function assessOrder(order: Order, rules: Rules, today: CalendarDate, facts: DeadlineFacts = EMPTY_FACTS): Assessment {
  const todayDay = dayOf(today);
  const s = situationOf(order, rules, todayDay, facts);

  // Per kind: the earliest page date; else the rule book's estimate; else an estimate stored on the order.
  const page = new Map<DeadlineKind, Candidate>();
  const stored = new Map<DeadlineKind, Candidate>();
  for (const d of order.deadlines) {
    const c: Candidate = {
      kind: d.kind,
      due: d.due,
      dueDay: dayOf(d.due),
      source: d.source,
      text: d.text,
      reasonKey: d.source === 'page' ? 'deadline_reason_page' : 'deadline_reason_estimate',
      ruleDays: null,
      fromDay: null,
    };
    const into = d.source === 'page' ? page : stored;
    const known = into.get(d.kind);
    if (!known || c.dueDay < known.dueDay) into.set(d.kind, c);
  }
  const candidates: Candidate[] = [...page.values()];
  const stated = new Set(page.keys());
  const own = estimates(order, s, rules, todayDay, facts, stated);
  candidates.push(...own);
  for (const k of own) stated.add(k.kind);
  for (const c of stored.values()) if (!stated.has(c.kind)) candidates.push(c);

  const out: ComputedDeadline[] = [];
  for (const c of candidates) {
    const v = judge(c.kind, c.dueDay, s, todayDay);
    const daysLeft = c.dueDay - todayDay;
    const params: Record<string, string | number> = { date: c.due, days: Math.abs(daysLeft) };
    if (c.ruleDays !== null) params.rule_days = c.ruleDays;
    let action = v.action;
    if (action === 'open_not_received_dispute' || action === 'ask_extension_or_dispute') {
      const from = c.dueDay - rules.disputeEarliestDaysBefore;
      // Once the window has opened, the advice is "now", never a range already begun or past;
      // once the date itself has passed, what is left to try.
      if (todayDay > c.dueDay) action = 'not_received_date_passed';
      else if (todayDay >= from) action = action === 'open_not_received_dispute' ? 'open_not_received_dispute_now' : 'ask_extension_or_dispute_now';
      else {
        params.from = dateOfDay(from);
        params.by = dateOfDay(c.dueDay - rules.disputeLatestDaysBefore);
      }
    }
    if (action === 'check_delivery' && s.deliveredOn !== null) params.delivered = dateOfDay(s.deliveredOn);
    if (action === 'collect_before_auto_confirm' && s.pickupSince !== null) params.delivered = dateOfDay(s.pickupSince);
    const d: ComputedDeadline = {
      kind: c.kind,
      due: c.due,
      source: c.source,
      text: c.text,
      action,
      applies: v.applies,
      daysLeft,
      urgency: urgencyOf(daysLeft, rules),
      reasonKey: v.reasonKey ?? c.reasonKey,
      params,
      remind: v.applies && daysLeft >= 0 && !INFORMATIONAL.has(action),
    };
    const leads = leadsFor(c, action, s, rules);
    if (leads) d.leads = leads;
    out.push(d);
  }
  out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
  const arrived = s.stage === 'delivered' ? s.deliveredOn : s.stage === 'at_pickup_point' ? s.pickupSince : null;
  // First seen completed, completion day unknown: it was completed by the day it was first
  // seen, so its return window was over `returnWindowDays` after that day at the latest.
  const firstSeen = instantDay(order.firstSeenAt);
  const returnWindowOver = s.completedOn === null && firstSeen !== null && todayDay > firstSeen + rules.returnWindowDays;
  const unknown = unknownKinds(order, out, s.stage).filter((k) => !(k === 'return-window' && returnWindowOver));
  return {
    stage: s.stage,
    deadlines: out,
    deliveredOn: arrived === null ? null : dateOfDay(arrived),
    endedOn: unknown.length === 0 ? protectionEndedOn(out, s.stage) : null,
    unknown,
    parcels: s.parcels,
  };
}

/** Reminder leads other than the rule book's (see `ComputedDeadline.leads`). */
function leadsFor(c: Candidate, action: ActionKey, s: Situation, rules: Rules): number[] | undefined {
  if (c.source === 'estimate' && ON_THE_DAY.has(c.kind)) {
    // On the day, and once at the start (the parcel just reached the pickup point).
    return c.kind === 'pickup' && c.fromDay !== null ? [...new Set([c.dueDay - c.fromDay, 0])] : [0];
  }
  // Delivered or waiting to be collected: tell the shopper at once (check it, film the unboxing).
  const start = action === 'check_delivery' ? s.deliveredOn : action === 'collect_before_auto_confirm' ? s.pickupSince : null;
  if (start === null || start > c.dueDay) return undefined;
  // (The reminder log keeps leads of at most a year; a countdown further off is told at its leads.)
  const atOnce = c.dueDay - start;
  return [...new Set([...(atOnce <= MAX_LEAD ? [atOnce] : []), ...rules.leadDays])].sort((a, b) => b - a);
}

/**
 * Kinds the shopper should know of now but whose date no page has stated and no rule can
 * estimate; the UI says each is unknown and how to learn it (`deadline_unknown_<kind>`).
 */
export function unknownKinds(order: Order, computed: readonly ComputedDeadline[], stage: OrderStage): DeadlineKind[] {
  const has = (kind: DeadlineKind) => computed.some((d) => d.kind === kind && d.applies);
  const out: DeadlineKind[] = [];
  if ((stage === 'awaiting_shipment' || stage === 'shipped' || stage === 'moving' || stage === 'stalled' || stage === 'unknown') && !has('no-delivery-refund') && !has('auto-confirm')) {
    if (!order.deliveredAt && !order.completedOn) out.push('no-delivery-refund');
  }
  if (stage === 'completed' && !has('return-window')) out.push('return-window');
  if ((stage === 'completed' || stage === 'delivered') && !has('dispute-window')) out.push('dispute-window');
  return out;
}

/**
 * The day protection ended, when nothing is left to act on: the latest date among the
 * deadlines that applied and have passed. Null while a window is open or when nothing is known.
 */
export function protectionEndedOn(computed: readonly ComputedDeadline[], stage: OrderStage): CalendarDate | null {
  if (stage !== 'completed' && stage !== 'closed' && stage !== 'delivered') return null;
  let last: CalendarDate | null = null;
  for (const d of computed) {
    if (!d.applies) continue;
    if (d.daysLeft >= 0) return null;
    if (last === null || d.due > last) last = d.due;
  }
  return last;
}

// ---------------------------------------------------------------------------------------
// Ranking

/**
 * Sort key: applicable before not; upcoming (today first, then by days left) before
 * overdue; among overdue, the most recently passed first; then page before estimate, then
 * kind order. Lower is more urgent.
 */
function rankOf(d: ComputedDeadline): number {
  const applies = d.applies ? 0 : 1;
  const timing = d.daysLeft >= 0 ? d.daysLeft : 100_000 - d.daysLeft;
  return (
    applies * 1e10 + Math.min(timing, 999_999) * 1e3 + (d.source === 'page' ? 0 : 100) + KIND_ORDER[d.kind]
  );
}

/** The deadline that matters most among those that apply, or null. */
export function mostUrgent(list: readonly ComputedDeadline[]): ComputedDeadline | null {
  let best: ComputedDeadline | null = null;
  let bestRank = Infinity;
  for (const d of list) {
    if (!d.applies) continue;
    const r = rankOf(d);
    if (r < bestRank) {
      best = d;
      bestRank = r;
    }
  }
  return best;
}

export interface RankedOrder extends Assessment {
  order: Order;
  top: ComputedDeadline | null;
}

/**
 * Orders with their deadlines, most urgent first (see `rankOf`); orders with nothing that
 * applies go last, newest placed first, then by id. Each order's deadlines are computed once.
 */
export function sortOrdersByUrgency(
  orders: readonly Order[],
  rules: Rules,
  today: CalendarDate,
  factsOf?: (order: Order) => DeadlineFacts,
): RankedOrder[] {
  // Each order assessed once; its rank kept beside it (no object copied per order).
  const ranked: { r: RankedOrder; rank: number }[] = orders.map((order) => {
    const a = assessOrder(order, rules, today, factsOf ? factsOf(order) : EMPTY_FACTS);
    const top = mostUrgent(a.deadlines);
    const r: RankedOrder = { order, deadlines: a.deadlines, top, stage: a.stage, deliveredOn: a.deliveredOn, endedOn: a.endedOn, unknown: a.unknown, parcels: a.parcels };
    return { r, rank: top ? rankOf(top) : Infinity };
  });
  ranked.sort((x, y) => {
    if (x.rank !== y.rank) return x.rank - y.rank;
    const pa = x.r.order.placedOn ?? '';
    const pb = y.r.order.placedOn ?? '';
    if (pa !== pb) return pa < pb ? 1 : -1;
    return x.r.order.orderId < y.r.order.orderId ? -1 : x.r.order.orderId > y.r.order.orderId ? 1 : 0;
  });
  return ranked.map((x) => x.r);
}

