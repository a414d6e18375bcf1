/**
 * Reading orders in extension pages, read-only and validated like the worker does.
 *
 * The list comes first from the worker's order index (src/storage/order-index.ts): its head
 * holds the first rows and the counts, and the popup paints from it. Every row comes from
 * the records, read, checked and ranked here when the shopper searches, filters or scrolls
 * past the first rows (about a second with 5,000 orders). Without a usable index (never built yet, damaged, out of date) the
 * page goes straight to the records and asks the worker for a new index. An opened order
 * is read from its own record.
 */
import { localDateOf } from '../domain/dates';
import type { Rules } from '../domain/deadlines/rules';
import type { Order } from '../domain/order';
import { shiftTo } from '../domain/summary';
import { browser } from '../platform/browser';
import { INDEX_HEAD_KEY, INDEX_STALE_KEY, countsOf, parseIndexHead, type IndexCounts } from '../storage/order-index';
import { readOrder, readStore } from '../storage/repair';
import { LIST_HEAD_KEYS } from '../storage/keys';
import { draftKey, orderKey } from '../storage/schema';
import { buildRows, detailOf, toRows, type DashboardRow, type OrderDetail } from './dashboard/model';
import { quarantinedRecords } from './diagnostics';
import { ask } from './messaging';

export interface StoreHealth {
  /** Saved records kept aside (already moved to quarantine, or found damaged and not moved yet). */
  quarantined: number;
  problems: unknown;
  meta: unknown;
  quarantine: unknown;
  orderCount: number;
  /** When a page was last read (the newest `updatedAt` of any order), or null. */
  lastReadAt: string | null;
}

export interface OrderList {
  rows: DashboardRow[];
  /** `rows` holds every order (false while only the index head is read). */
  complete: boolean;
  counts: IndexCounts;
  health: StoreHealth;
  /** From the index as stored, but it is out of date: the worker has been asked for a new one. */
  stale: boolean;
}


function healthOf(raw: Record<string, unknown>, orderCount: number, lastReadAt: string | null, pending = 0): StoreHealth {
  return {
    quarantined: quarantinedRecords(raw['quarantine']) + pending,
    problems: raw['problems'],
    meta: raw['meta'],
    quarantine: raw['quarantine'],
    orderCount,
    lastReadAt,
  };
}

/** Ask the worker for a new index, once per page. */
let asked = false;
export function askForIndex(): void {
  if (asked) return;
  asked = true;
  void ask({ type: 'ui/refresh' });
}

/** Start reading the index head and the notices' keys (the popup starts this before anything else). */
export function readListHead(): Promise<Record<string, unknown>> {
  return browser.storage.local.get([...LIST_HEAD_KEYS]);
}

/** The first rows from the index head, or null when there is no usable index. */
export async function loadListHead(rules: Rules, read: Promise<Record<string, unknown>> = readListHead(), now = Date.now()): Promise<OrderList | null> {
  const raw = await read;
  const head = parseIndexHead(raw[INDEX_HEAD_KEY]);
  if (!head) return null;
  const today = localDateOf(now);
  const stale = raw[INDEX_STALE_KEY] !== undefined || head.today !== today;
  if (stale) askForIndex();
  return {
    rows: toRows(shiftTo(head.rows, head.today, today, rules)),
    complete: head.rows.length === head.count,
    // On another day a few counts may be off until every record is read (loadListFromRecords recounts).
    counts: head.counts,
    health: healthOf(raw, head.count, head.lastReadAt),
    stale,
  };
}

/** The whole list from the records: every order read, checked and ranked here. */
export async function loadListFromRecords(rules: Rules): Promise<OrderList> {
  const raw = await browser.storage.local.get(null);
  const read = readStore(raw, new Date().toISOString());
  const orders = [...read.orders.values()];
  const rows = buildRows(orders, rules);
  let lastReadAt: string | null = null;
  for (const o of orders) if (lastReadAt === null || o.updatedAt > lastReadAt) lastReadAt = o.updatedAt;
  return { rows, complete: true, counts: countsOf(rows), health: healthOf(raw, orders.length, lastReadAt, read.quarantined.length), stale: false };
}

export type OpenedOrder = { kind: 'ok'; detail: OrderDetail; draft: unknown } | { kind: 'unknown' } | { kind: 'damaged' };

/** One order from its record, with every deadline, and its claim draft. */
export async function loadOrder(orderId: string, rules: Rules): Promise<OpenedOrder> {
  const key = orderKey(orderId);
  const raw = await browser.storage.local.get([key, draftKey(orderId)]);
  if (raw[key] === undefined) return { kind: 'unknown' };
  const read = readOrder(key, raw[key]);
  if (!read.ok) return { kind: 'damaged' };
  return { kind: 'ok', detail: detailOf(read.order as Order, rules), draft: raw[draftKey(orderId)] };
}
