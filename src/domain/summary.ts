/**
 * The order list's index: one compact summary per order, ranked by urgency, so the popup can
 * show the list without reading and checking every stored record (5,000 orders are about
 * 9 MB of records and well under 1 MB of summaries). The worker computes it from the records
 * whenever it recomputes the deadlines (src/background/deadlines.ts) and stores it beside
 * them (src/storage/schema.ts `index:*`; its readers validate it with the schemas in
 * src/storage/order-index.ts). Pure: no browser API, and no zod, so the worker that only
 * writes summaries does not carry their schemas.
 *
 * A summary holds what a row of the list shows and filters on, and the deadline that matters
 * most, as computed on `today`. A reader on another day shifts `daysLeft` (see `shiftTo`)
 * and asks the worker for a fresh index; the full deadlines of one order are computed from
 * its record when the shopper opens it.
 */
import { dayNumber } from './dates';
import { urgencyOf, type Assessment, type ComputedDeadline, type OrderStage, type RankedOrder } from './deadlines/engine';
import type { Rules } from './deadlines/rules';
import type { CalendarDate, DeadlineKind, Money, Order, OrderStatus } from './order';

/** Item titles kept in a summary (search and the row's first line), each cut to this length. */
export const SUMMARY_TITLES = 5;
export const SUMMARY_TITLE_LENGTH = 160;

/** The deadline shown on a row: a ComputedDeadline without its page text and reason. */
export type SummaryDeadline = Omit<ComputedDeadline, 'text' | 'reasonKey'>;

export interface OrderSummary {
  orderId: string;
  status: OrderStatus;
  store: string | null;
  /** The first SUMMARY_TITLES item titles, each cut to SUMMARY_TITLE_LENGTH. */
  titles: string[];
  total: Money | null;
  placedOn: CalendarDate | null;
  updatedAt: string;
  top: SummaryDeadline | null;
  /** Where the order stands, what tracking said and when protection ended: see `Outlook`. */
  stage: OrderStage;
  deliveredOn: CalendarDate | null;
  endedOn: CalendarDate | null;
  unknown: DeadlineKind[];
  parcels: { count: number; delivered: number };
  needsAction: boolean;
  inTransit: boolean;
  completed: boolean;
  inDispute: boolean;
}

export function isInDispute(order: Order): boolean {
  return order.status === 'in_dispute' || (order.dispute !== null && order.dispute.stage !== 'closed');
}

function summaryDeadline(d: ComputedDeadline): SummaryDeadline {
  return { kind: d.kind, due: d.due, source: d.source, action: d.action, applies: d.applies, daysLeft: d.daysLeft, urgency: d.urgency, params: d.params, remind: d.remind };
}

/**
 * What a badge or a row says beside the most urgent deadline: where the order stands, the day
 * tracking said delivered (or it reached a pickup point) while receipt is not confirmed, the
 * day protection ended when nothing is left, and the deadlines no page has told yet.
 */
export interface Outlook {
  stage: OrderStage;
  deliveredOn: CalendarDate | null;
  endedOn: CalendarDate | null;
  unknown: DeadlineKind[];
  parcels: { count: number; delivered: number };
}

export function outlookOf(r: Assessment): Outlook {
  return { stage: r.stage, deliveredOn: r.deliveredOn, endedOn: r.endedOn, unknown: r.unknown, parcels: r.parcels };
}

export type SummaryFlags = Pick<OrderSummary, 'needsAction' | 'inTransit' | 'completed' | 'inDispute'>;

/** Which filters a ranked order falls under (cheap: the counts of every order need only this). */
export function flagsOf(r: RankedOrder, rules: Pick<Rules, 'soonDays'>): SummaryFlags {
  const o = r.order;
  const top = r.top;
  const inDispute = isInDispute(o);
  return {
    needsAction: top !== null && top.remind && top.daysLeft <= rules.soonDays,
    inTransit: !inDispute && (o.status === 'awaiting_shipment' || o.status === 'awaiting_delivery') && !o.deliveredAt,
    completed: o.status === 'completed',
    inDispute,
  };
}

/** One ranked order (the engine's output) as its list row. */
export function summarise(r: RankedOrder, rules: Pick<Rules, 'soonDays'>): OrderSummary {
  const o = r.order;
  const titles: string[] = [];
  for (const it of o.items) {
    if (titles.length === SUMMARY_TITLES) break;
    titles.push(it.title.length > SUMMARY_TITLE_LENGTH ? it.title.slice(0, SUMMARY_TITLE_LENGTH) : it.title);
  }
  return {
    orderId: o.orderId,
    status: o.status,
    store: o.store.name,
    titles,
    total: o.total,
    placedOn: o.placedOn,
    updatedAt: o.updatedAt,
    top: r.top ? summaryDeadline(r.top) : null,
    ...outlookOf(r),
    ...flagsOf(r, rules),
  };
}

/**
 * Summaries computed on `from`, read on `to`: days left and urgency move with the calendar
 * (the ranking and the rest wait for the worker's next index, which the reader asks for).
 */
export function shiftTo(rows: readonly OrderSummary[], from: CalendarDate, to: CalendarDate, rules: Pick<Rules, 'urgentDays' | 'soonDays'>): OrderSummary[] {
  const by = dayNumber(from) - dayNumber(to);
  if (by === 0) return rows as OrderSummary[];
  return rows.map((s) => {
    if (!s.top) return s;
    const daysLeft = s.top.daysLeft + by;
    return {
      ...s,
      top: { ...s.top, daysLeft, urgency: urgencyOf(daysLeft, rules), remind: s.top.remind && daysLeft >= 0, params: { ...s.top.params, days: Math.abs(daysLeft) } },
      needsAction: s.top.remind && daysLeft >= 0 && daysLeft <= rules.soonDays,
    };
  });
}
