/**
 * The deadline engine: which protection deadlines an order has, which of them matter now,
 * what the shopper should do about each, and how urgent it is. Pure; no browser API.
 *
 * Inputs: the order record (its `deadlines` hold what the AliExpress reader found on the
 * page, `source: 'page'`), the rule book (rules.ts) and today's calendar date where the
 * shopper is. AliExpress tracking codes never appear here: what a tracking event means
 * (parcel waiting at a pickup point, delivered) reaches the engine either as ready-made
 * dates in `DeadlineFacts` or through the `classifyEvent` predicate the AliExpress adapter
 * supplies.
 *
 * Precedence (docs/deadlines.md):
 *  1. A date the page states beats any estimate of the same kind.
 *  2. Two page dates of one kind within `rules.samePageDeadlineDays` are one deadline stated
 *     twice (order services vs tracking): the earlier wins. Dates further apart stay distinct.
 *  3. Estimates from the rule book fill in only kinds the page is silent about, and only the
 *     kinds BRIEF §4 gives a fallback for (return window, pickup, the three dispute clocks).
 *     The "refund if not delivered" date is never guessed: when unknown, say so
 *     (`isNoDeliveryDateUnknown`).
 */
import type { CalendarDate, DeadlineKind, Order, OrderStatus, TrackingEvent } from '../order';
import { DEADLINE_KINDS } from '../order';
import { dateOfDay, dayOf, localDayOf } from './days';
import type { Rules } from './rules';

export const ACTION_KEYS = [
  'open_not_received_dispute',
  'ask_extension_or_dispute',
  'pick_up_parcel',
  'answer_seller',
  'collect_coupon',
  'confirm_only_when_satisfied',
  'return_or_refund_before',
  'free_return_before',
  'open_dispute_before',
  'send_return',
  'wait_for_seller',
  'expect_escalation',
  'no_action',
] as const;
export type ActionKey = (typeof ACTION_KEYS)[number];

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
   * UI formats for the shopper's locale: `date` (= due), `from`/`by` (act between), `rule_days`.
   */
  params: Record<string, string | number>;
  /** Reminders should go out for it (applies, not past, and the shopper has something to do). */
  remind: boolean;
}

/** What the AliExpress adapter knows about a tracking event, without naming its codes here. */
export type TrackingEventClass = 'awaiting_pickup' | 'delivered' | 'other';

/**
 * Facts the caller may supply; each overrides what the engine would derive itself.
 * `undefined` = derive; `null` = known not to apply.
 */
export interface DeadlineFacts {
  /** Local date the parcel arrived at a post office / pickup point and started waiting. */
  pickupSince?: CalendarDate | null;
  /** Local date of delivery. Default: `order.deliveredAt`, else a `delivered` tracking event. */
  deliveredOn?: CalendarDate | null;
  /** Local date of the latest tracking movement. Default: the latest tracking event's time. */
  lastMovementOn?: CalendarDate | null;
  /** Local date the shopper agreed to return the goods (the worker may pass the day it first saw stage `awaiting_return`). */
  returnAgreedOn?: CalendarDate | null;
  /** Classifies a tracking event (supplied by src/aliexpress); used to derive pickupSince and deliveredOn. */
  classifyEvent?: (event: TrackingEvent) => TrackingEventClass;
}

const KIND_ORDER: Record<DeadlineKind, number> = Object.fromEntries(
  DEADLINE_KINDS.map((k, i) => [k, i]),
) as Record<DeadlineKind, number>;

const URGENCY_RANK: Record<Urgency, number> = { today: 0, urgent: 1, soon: 2, later: 3, overdue: 4 };

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

/** Catalogue key of an urgency label: `deadline_urgency_today`. */
export function urgencyKey(urgency: Urgency): string {
  return `deadline_urgency_${urgency}`;
}

// ---------------------------------------------------------------------------------------
// Order situation

/** Dates are day numbers (days.ts) from here on. */
interface Situation {
  status: OrderStatus;
  ended: boolean;
  completed: boolean;
  completedOn: number | null;
  delivered: boolean;
  deliveredOn: number | null;
  pickupSince: number | null;
  disputeOpen: boolean;
  disputeStage: string;
  /** Tracking moved within `rules.stalledAfterDays` (computed on first use: only the not-received advice needs it). */
  moving: () => boolean;
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

/** Latest local day among tracking events; only the two ends of each list are read (lists are chronological one way or the other). */
function latestEventDay(order: Order): number | null {
  let best = -Infinity;
  for (const pkg of order.tracking) {
    const ev = pkg.events;
    let first: string | null = null;
    let last: string | null = null;
    for (let i = 0; i < ev.length && first === null; i++) first = ev[i]!.at;
    for (let i = ev.length - 1; i >= 0 && last === null; i--) last = ev[i]!.at;
    if (first) best = Math.max(best, Date.parse(first) || -Infinity);
    if (last && last !== first) best = Math.max(best, Date.parse(last) || -Infinity);
  }
  return best === -Infinity ? null : localDayOf(best);
}

const NOTHING_CLASSIFIED = Object.freeze({ pickupSince: null, deliveredOn: null });

/** Scan events with the adapter's classifier: when did the parcel start waiting, when was it delivered. */
function classifyTracking(
  order: Order,
  classify: (e: TrackingEvent) => TrackingEventClass,
): { pickupSince: number | null; deliveredOn: number | null } {
  let pickupAt: number | null = null;
  let deliveredAt: number | null = null;
  for (const pkg of order.tracking) {
    for (const e of pkg.events) {
      const c = classify(e);
      if (c === 'other' || !e.at) continue;
      const ms = Date.parse(e.at);
      if (Number.isNaN(ms)) continue;
      if (c === 'awaiting_pickup') pickupAt = pickupAt === null ? ms : Math.min(pickupAt, ms);
      else deliveredAt = deliveredAt === null ? ms : Math.max(deliveredAt, ms);
    }
  }
  // Collected after it reached the pickup point: no longer waiting.
  if (pickupAt !== null && deliveredAt !== null && deliveredAt >= pickupAt) pickupAt = null;
  return {
    pickupSince: pickupAt === null ? null : localDayOf(pickupAt),
    deliveredOn: deliveredAt === null ? null : localDayOf(deliveredAt),
  };
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
  const classified =
    facts.classifyEvent && (facts.pickupSince === undefined || facts.deliveredOn === undefined)
      ? classifyTracking(order, facts.classifyEvent)
      : NOTHING_CLASSIFIED;
  let deliveredOn: number | null;
  if (facts.deliveredOn !== undefined) deliveredOn = factDay(facts.deliveredOn);
  else deliveredOn = instantDay(order.deliveredAt) ?? classified.deliveredOn;
  let pickupSince = facts.pickupSince !== undefined ? factDay(facts.pickupSince) : classified.pickupSince;
  if (pickupSince !== null && deliveredOn !== null && deliveredOn >= pickupSince) pickupSince = null;
  const dispute = order.dispute;
  const disputeOpen = (dispute !== null && dispute.stage !== 'closed') || (dispute === null && status === 'in_dispute');
  let moving: boolean | undefined;
  const isMoving = () => {
    if (moving === undefined) {
      const last = facts.lastMovementOn !== undefined ? factDay(facts.lastMovementOn) : latestEventDay(order);
      moving = last !== null && todayDay - last < rules.stalledAfterDays;
    }
    return moving;
  };
  return {
    status,
    ended: status === 'closed' || status === 'cancelled',
    completed: everCompleted && status !== 'closed' && status !== 'cancelled',
    completedOn,
    delivered: deliveredOn !== null || everCompleted,
    deliveredOn,
    pickupSince,
    disputeOpen,
    disputeStage: dispute?.stage ?? 'unknown',
    moving: isMoving,
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
  const notReceived = (): ActionKey => (s.moving() ? 'ask_extension_or_dispute' : 'open_not_received_dispute');
  switch (kind) {
    case 'no-delivery-refund':
      return s.delivered ? no('deadline_reason_delivered') : { applies: true, action: notReceived() };
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
      return s.delivered
        ? { applies: true, action: 'confirm_only_when_satisfied' }
        : { applies: true, action: notReceived() };
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
}

/**
 * Page dates merged per kind: a date within `windowDays` of its kind's cluster head collapses
 * into it (the earliest is kept); dates further apart stay distinct. Appends to `out`.
 */
function clusterPage(dates: Candidate[], windowDays: number, out: Candidate[]): void {
  if (dates.length > 1) dates.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.dueDay - b.dueDay);
  let head: Candidate | null = null;
  for (const c of dates) {
    if (head !== null && head.kind === c.kind && c.dueDay - head.dueDay <= windowDays) {
      if (c.dueDay !== head.dueDay) head.reasonKey = 'deadline_reason_page_earliest';
      continue;
    }
    head = c;
    out.push(c);
  }
}

/** Appends the rule book's estimates for kinds the page is silent about (`pageMask`); returns their kinds' mask. */
function estimates(
  order: Order,
  s: Situation,
  rules: Rules,
  todayDay: number,
  facts: DeadlineFacts,
  pageMask: number,
  out: Candidate[],
): number {
  let mask = 0;
  const est = (kind: DeadlineKind, from: number, days: number, reasonKey: string) => {
    const bit = 1 << KIND_ORDER[kind];
    if (pageMask & bit) return;
    mask |= bit;
    out.push({
      kind,
      due: dateOfDay(from + days),
      dueDay: from + days,
      source: 'estimate',
      text: null,
      reasonKey,
      ruleDays: days,
    });
  };
  if (s.completedOn !== null) est('return-window', s.completedOn, rules.returnWindowDays, 'deadline_reason_est_return_window');
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
    est('pickup', s.pickupSince, chosen, 'deadline_reason_est_pickup');
  }
  const opened = order.dispute?.openedOn;
  if (opened) {
    const day = dayOf(opened);
    est('seller-response', day, rules.sellerResponseDays, 'deadline_reason_est_seller_response');
    est('escalation', day, rules.escalationDays, 'deadline_reason_est_escalation');
  }
  if (s.disputeStage === 'awaiting_return' && facts.returnAgreedOn) {
    est('return-shipping', dayOf(facts.returnAgreedOn), rules.returnShippingDays, 'deadline_reason_est_return_shipping');
  }
  return mask;
}

const EMPTY_FACTS: DeadlineFacts = {};

/**
 * All deadlines of one order, page dates first in precedence, each judged against the
 * order's status and history. Sorted by due date, then kind.
 *
 * @param today the shopper's calendar date (`localDateOf(Date.now())` in the worker)
 * @param facts optional facts from outside the domain (tracking classification, agreed-return date)
 */
export function computeDeadlines(
  order: Order,
  rules: Rules,
  today: CalendarDate,
  facts: DeadlineFacts = EMPTY_FACTS,
): ComputedDeadline[] {
  const todayDay = dayOf(today);
  const s = situationOf(order, rules, todayDay, facts);

  // Page dates and stored estimates, with a bit per kind for O(1) "the page states this kind".
  const pageDates: Candidate[] = [];
  const candidates: Candidate[] = [];
  let pageMask = 0;
  let storedMask = 0;
  const stored: Candidate[] = [];
  for (const d of order.deadlines) {
    const bit = 1 << KIND_ORDER[d.kind];
    const c: Candidate = {
      kind: d.kind,
      due: d.due,
      dueDay: dayOf(d.due),
      source: d.source,
      text: d.text,
      reasonKey: d.source === 'page' ? 'deadline_reason_page' : 'deadline_reason_estimate',
      ruleDays: null,
    };
    if (d.source === 'page') {
      pageDates.push(c);
      pageMask |= bit;
    } else if (!(storedMask & bit)) {
      stored.push(c);
      storedMask |= bit;
    }
  }
  clusterPage(pageDates, rules.samePageDeadlineDays, candidates);
  const ownMask = estimates(order, s, rules, todayDay, facts, pageMask, candidates);
  for (const c of stored) {
    const bit = 1 << KIND_ORDER[c.kind];
    if (!(pageMask & bit) && !(ownMask & bit)) candidates.push(c);
  }

  const out: ComputedDeadline[] = [];
  for (const c of candidates) {
    const v = judge(c.kind, c.dueDay, s, todayDay);
    const daysLeft = c.dueDay - todayDay;
    const params: Record<string, string | number> = { date: c.due, days: Math.abs(daysLeft) };
    if (c.ruleDays !== null) params.rule_days = c.ruleDays;
    if (v.action === 'open_not_received_dispute' || v.action === 'ask_extension_or_dispute') {
      params.from = dateOfDay(c.dueDay - rules.disputeEarliestDaysBefore);
      params.by = dateOfDay(c.dueDay - rules.disputeLatestDaysBefore);
    }
    out.push({
      kind: c.kind,
      due: c.due,
      source: c.source,
      text: c.text,
      action: v.action,
      applies: v.applies,
      daysLeft,
      urgency: urgencyOf(daysLeft, rules),
      reasonKey: v.reasonKey ?? c.reasonKey,
      params,
      remind: v.applies && daysLeft >= 0 && !INFORMATIONAL.has(v.action),
    });
  }
  out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
  return out;
}

/**
 * The page is silent about the "refund if not delivered" date of an order still on its
 * way: the UI should say it is unknown (BRIEF §4: no fallback, never a guess).
 */
export function isNoDeliveryDateUnknown(order: Order, computed: readonly ComputedDeadline[]): boolean {
  const status = effectiveStatus(order);
  if (status !== 'awaiting_shipment' && status !== 'awaiting_delivery' && status !== 'unknown') return false;
  if (order.deliveredAt || order.completedOn) return false;
  return !computed.some((d) => d.kind === 'no-delivery-refund' || (d.kind === 'auto-confirm' && d.applies));
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

export interface RankedOrder {
  order: Order;
  deadlines: ComputedDeadline[];
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
  const ranked = orders.map((order) => {
    const deadlines = computeDeadlines(order, rules, today, factsOf ? factsOf(order) : EMPTY_FACTS);
    const top = mostUrgent(deadlines);
    return { order, deadlines, top, rank: top ? rankOf(top) : Infinity };
  });
  ranked.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    const pa = a.order.placedOn ?? '';
    const pb = b.order.placedOn ?? '';
    if (pa !== pb) return pa < pb ? 1 : -1;
    return a.order.orderId < b.order.orderId ? -1 : a.order.orderId > b.order.orderId ? 1 : 0;
  });
  return ranked.map(({ order, deadlines, top }) => ({ order, deadlines, top }));
}

/** Urgency rank for badges: today < urgent < soon < later < overdue. */
export function urgencyRank(u: Urgency): number {
  return URGENCY_RANK[u];
}
