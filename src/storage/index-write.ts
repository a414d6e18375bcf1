/**
 * Building the order index (src/storage/order-index.ts) from ranked summaries: the worker's
 * side, kept apart from the schemas the readers validate with so the worker stays small.
 */
import type { RankedOrder } from '../domain/deadlines/engine';
import type { Rules } from '../domain/deadlines/rules';
import type { CalendarDate } from '../domain/order';
import { flagsOf, summarise, type OrderSummary, type SummaryFlags } from '../domain/summary';
import { INDEX_HEAD_KEY } from './schema';

/** Rows in `index:head`: more than the popup shows before the shopper scrolls or searches. */
export const HEAD_ROWS = 50;

export interface IndexCounts {
  all: number;
  needs_action: number;
  in_transit: number;
  completed: number;
  in_dispute: number;
}

export function countsOf(rows: readonly SummaryFlags[]): IndexCounts {
  const c: IndexCounts = { all: rows.length, needs_action: 0, in_transit: 0, completed: 0, in_dispute: 0 };
  for (const r of rows) {
    if (r.needsAction) c.needs_action++;
    if (r.inTransit) c.in_transit++;
    if (r.completed) c.completed++;
    if (r.inDispute) c.in_dispute++;
  }
  return c;
}

export type IndexValues = {
  [INDEX_HEAD_KEY]: { today: CalendarDate; at: number; count: number; counts: IndexCounts; lastReadAt: string | null; rows: OrderSummary[] };
};

/**
 * The index value for ranked orders: the first HEAD_ROWS summarised, the counts of all (the
 * worker does this on every refresh, so the rest are only classified, not summarised).
 */
export function makeIndex(ranked: readonly RankedOrder[], rules: Pick<Rules, 'soonDays'>, today: CalendarDate, at: number): IndexValues {
  let lastReadAt: string | null = null;
  for (const r of ranked) if (lastReadAt === null || r.order.updatedAt > lastReadAt) lastReadAt = r.order.updatedAt;
  const rows = ranked.slice(0, HEAD_ROWS).map((r) => summarise(r, rules));
  const counts = countsOf(ranked.map((r) => flagsOf(r, rules)));
  return { [INDEX_HEAD_KEY]: { today, at, count: ranked.length, counts, lastReadAt, rows } };
}
