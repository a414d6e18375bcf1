/**
 * What the dashboard shows: the worker's ranked order summaries (src/domain/summary.ts),
 * each with a lower-cased search text, so typing in the search box or switching a filter is
 * a cheap scan over plain rows; and one opened order's full deadlines. No DOM, no browser API.
 */
import { classifyTrackingEvent } from '../../aliexpress/tracking-class';
import { localDateOf } from '../../domain/dates';
import { assessOrder, mostUrgent, sortOrdersByUrgency, type ComputedDeadline, type RankedOrder } from '../../domain/deadlines/engine';
import type { Rules } from '../../domain/deadlines/rules';
import type { CalendarDate, Order } from '../../domain/order';
import { outlookOf, summarise, type OrderSummary, type Outlook } from '../../domain/summary';
import { countsOf } from '../../storage/index-write';

export const FILTERS = ['all', 'needs_action', 'in_transit', 'completed', 'in_dispute'] as const;
export type Filter = (typeof FILTERS)[number];

/** A row of the list: an order's summary (src/domain/summary.ts) and its lower-cased search text. */
export interface DashboardRow extends OrderSummary {
  /** Order id, store and item titles, lower-cased, for the search box. */
  search: string;
}

/** One opened order: its record and every deadline (engine order). */
export interface OrderDetail {
  order: Order;
  deadlines: ComputedDeadline[];
  top: ComputedDeadline | null;
  outlook: Outlook;
}

export { rulesOfSettings } from '../../storage/settings';

const FACTS = { classifyEvent: classifyTrackingEvent };

/** Summaries as list rows (adds the search text). */
export function toRows(summaries: readonly OrderSummary[]): DashboardRow[] {
  const rows: DashboardRow[] = new Array<DashboardRow>(summaries.length);
  for (let i = 0; i < summaries.length; i++) {
    const s = summaries[i]!;
    let search = `${s.orderId} ${s.store ?? ''}`;
    for (const title of s.titles) search += ` ${title}`;
    rows[i] = { ...s, search: search.toLowerCase() };
  }
  return rows;
}

/**
 * Rank and summarise every order here: what the worker stores as the index, computed by
 * the page itself when there is no usable index yet.
 */
export function buildRows(orders: readonly Order[], rules: Rules, today: CalendarDate = localDateOf(Date.now())): DashboardRow[] {
  return toRows(rankOrders(orders, rules, today).map((r) => summarise(r, rules)));
}

/** Orders with their deadlines, most urgent first, tracking read by the AliExpress classifier. */
export function rankOrders(orders: readonly Order[], rules: Rules, today: CalendarDate = localDateOf(Date.now())): RankedOrder[] {
  return sortOrdersByUrgency(orders, rules, today, () => FACTS);
}

/** Every deadline of one order, for its own view. */
export function detailOf(order: Order, rules: Rules, today: CalendarDate = localDateOf(Date.now())): OrderDetail {
  const assessment = assessOrder(order, rules, today, FACTS);
  const { deadlines } = assessment;
  return { order, deadlines, top: mostUrgent(deadlines), outlook: outlookOf(assessment) };
}

export function matchesFilter(row: DashboardRow, filter: Filter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'needs_action':
      return row.needsAction;
    case 'in_transit':
      return row.inTransit;
    case 'completed':
      return row.completed;
    case 'in_dispute':
      return row.inDispute;
  }
}

/** Rows matching every word of the query (store, item title, order id) and the filter, in rank order. */
export function filterRows(rows: readonly DashboardRow[], query: string, filter: Filter): DashboardRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 && filter === 'all') return rows as DashboardRow[];
  const out: DashboardRow[] = [];
  for (const r of rows) {
    if (!matchesFilter(r, filter)) continue;
    let ok = true;
    for (const w of words) {
      if (!r.search.includes(w)) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(r);
  }
  return out;
}

/** How many rows each filter would show (for the filter chips). */
export function filterCounts(rows: readonly DashboardRow[]): Record<Filter, number> {
  return countsOf(rows);
}

/** "in N days" as a catalogue key and its params (the shopper's language does the rest). */
export function daysLeftText(daysLeft: number): { key: string; params: Record<string, number> } {
  if (daysLeft < 0) return { key: daysLeft === -1 ? 'popup_due_yesterday' : 'popup_days_ago', params: { days: -daysLeft } };
  if (daysLeft === 0) return { key: 'popup_due_today', params: {} };
  if (daysLeft === 1) return { key: 'popup_due_tomorrow', params: {} };
  return { key: 'popup_days_left', params: { days: daysLeft } };
}
