/**
 * What the dashboard shows, computed once per load: orders ranked by urgency (the deadline
 * engine), each with a lower-cased search text and its filter categories, so typing in the
 * search box or switching a filter is a cheap scan over plain rows. No DOM, no browser API.
 */
import { classifyTrackingEvent } from '../../aliexpress/tracking-class';
import { localDateOf } from '../../domain/dates';
import { isNoDeliveryDateUnknown, sortOrdersByUrgency, type ComputedDeadline } from '../../domain/deadlines/engine';
import { DEFAULT_RULES, RulesSchema, type Rules } from '../../domain/deadlines/rules';
import type { CalendarDate, Order } from '../../domain/order';
import type { Settings } from '../../storage/settings';

export const FILTERS = ['all', 'needs_action', 'in_transit', 'completed', 'in_dispute'] as const;
export type Filter = (typeof FILTERS)[number];

export interface DashboardRow {
  order: Order;
  /** Every deadline of the order, by due date (engine order). */
  deadlines: ComputedDeadline[];
  /** The one that matters most now, or null. */
  top: ComputedDeadline | null;
  /** Store, item titles and order id, lower-cased, for the search box. */
  search: string;
  /** Still on its way and the page never stated the "refund if not delivered" date: say so, never guess. */
  noDeliveryDateUnknown: boolean;
  needsAction: boolean;
  inTransit: boolean;
  completed: boolean;
  inDispute: boolean;
}

/** The worker's rule book as the shopper set it: defaults merged with `settings.rules`, validated. */
export function rulesOfSettings(settings: Pick<Settings, 'rules'>): Rules {
  const merged = RulesSchema.safeParse({ ...DEFAULT_RULES, ...(settings.rules ?? {}) });
  return merged.success ? merged.data : DEFAULT_RULES;
}

const FACTS = { classifyEvent: classifyTrackingEvent };

export function isInDispute(order: Order): boolean {
  return order.status === 'in_dispute' || (order.dispute !== null && order.dispute.stage !== 'closed');
}

/** Rank and index every order once. */
export function buildRows(orders: readonly Order[], rules: Rules, today: CalendarDate = localDateOf(Date.now())): DashboardRow[] {
  const ranked = sortOrdersByUrgency(orders, rules, today, () => FACTS);
  const rows: DashboardRow[] = new Array<DashboardRow>(ranked.length);
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i]!;
    const o = r.order;
    let search = `${o.orderId} ${o.store.name ?? ''}`;
    for (const it of o.items) search += ` ${it.title}`;
    const top = r.top;
    const inDispute = isInDispute(o);
    rows[i] = {
      order: o,
      deadlines: r.deadlines,
      top,
      search: search.toLowerCase(),
      noDeliveryDateUnknown: isNoDeliveryDateUnknown(o, r.deadlines),
      needsAction: top !== null && top.remind && top.daysLeft <= rules.soonDays,
      inTransit: !inDispute && (o.status === 'awaiting_shipment' || o.status === 'awaiting_delivery') && !o.deliveredAt,
      completed: o.status === 'completed',
      inDispute,
    };
  }
  return rows;
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
  const c: Record<Filter, number> = { all: rows.length, needs_action: 0, in_transit: 0, completed: 0, in_dispute: 0 };
  for (const r of rows) {
    if (r.needsAction) c.needs_action++;
    if (r.inTransit) c.in_transit++;
    if (r.completed) c.completed++;
    if (r.inDispute) c.in_dispute++;
  }
  return c;
}

/** "in N days" as a catalogue key and its params (the shopper's language does the rest). */
export function daysLeftText(daysLeft: number): { key: string; params: Record<string, number> } {
  if (daysLeft < 0) return { key: daysLeft === -1 ? 'popup_due_yesterday' : 'popup_days_ago', params: { days: -daysLeft } };
  if (daysLeft === 0) return { key: 'popup_due_today', params: {} };
  if (daysLeft === 1) return { key: 'popup_due_tomorrow', params: {} };
  return { key: 'popup_days_left', params: { days: daysLeft } };
}
