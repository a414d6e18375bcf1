/**
 * Orders as a table, one row per item, for a spreadsheet (the CSV export, docs/backup-format.md
 * "Orders as a spreadsheet"). Pure: values are data (money, calendar dates, codes); the UI
 * names the columns, translates the codes and writes the file.
 */
import type { RankedOrder } from './deadlines/engine';
import type { CalendarDate, DeadlineKind, Money, OrderStatus } from './order';

export const TABLE_COLUMNS = [
  'order_id',
  'placed_on',
  'store',
  'item',
  'variant',
  'quantity',
  'price',
  'order_total',
  'currency',
  'status',
  'tracking_numbers',
  'next_deadline',
  'next_deadline_kind',
  'next_deadline_source',
] as const;

export interface TableRow {
  order_id: string;
  placed_on: CalendarDate | null;
  store: string | null;
  item: string | null;
  variant: string | null;
  quantity: number | null;
  /** Unit price. */
  price: Money | null;
  order_total: Money | null;
  currency: string | null;
  status: OrderStatus;
  tracking_numbers: string;
  next_deadline: CalendarDate | null;
  next_deadline_kind: DeadlineKind | null;
  next_deadline_source: 'page' | 'estimate' | null;
}

/** One row per item line (an order without items still gets one), in the ranking's order. */
export function ordersTable(ranked: readonly RankedOrder[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const r of ranked) {
    const o = r.order;
    const next = r.top && r.top.daysLeft >= 0 ? r.top : null;
    const common = {
      order_id: o.orderId,
      placed_on: o.placedOn,
      store: o.store.name,
      order_total: o.total,
      currency: o.total?.currency ?? o.items.find((i) => i.price)?.price?.currency ?? null,
      status: o.status,
      tracking_numbers: o.tracking.map((p) => p.number).filter((n): n is string => !!n).join(' '),
      next_deadline: next?.due ?? null,
      next_deadline_kind: next?.kind ?? null,
      next_deadline_source: next?.source ?? null,
    };
    const items = o.items.length > 0 ? o.items : [null];
    for (const it of items) {
      rows.push({
        ...common,
        item: it?.title ?? null,
        variant: it?.variant ?? null,
        quantity: it ? it.quantity : null,
        price: it?.price ?? null,
      });
    }
  }
  return rows;
}
