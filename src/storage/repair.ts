/**
 * Reading storage through validate-and-repair. A record that fails validation is repaired
 * when the damage is local (an invalid list element or an optional field), otherwise kept
 * aside in quarantine with the reason. Nothing is silently dropped; nothing here throws.
 */
import { OrderSchema, type Order } from '../domain/order';
import {
  DRAFT_KEY_PREFIX,
  INDEX_STALE_KEY,
  ORDER_KEY_PREFIX,
  QUARANTINE_LIMIT,
  QuarantineEntrySchema,
  type QuarantineEntry,
} from './schema';
import type { RawStore } from './migrations';

const LIST_FIELDS = ['items', 'tracking', 'deadlines', 'statusHistory'] as const;
const OPTIONAL_FIELDS = ['shippedOn', 'completedOn', 'deliveredAt', 'canConfirm', 'statusHistory'] as const;
const NULLABLE_FIELDS = ['statusText', 'placedOn', 'total', 'dispute'] as const;

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}

export function safeSerialise(value: unknown, limit = 200_000): string {
  try {
    const s = JSON.stringify(value) ?? String(value);
    return s.length > limit ? s.slice(0, limit) : s;
  } catch {
    return String(value).slice(0, limit);
  }
}

export type OrderRead =
  | { ok: true; order: Order; repaired: string | null }
  | { ok: false; reason: string };

/** Validate one stored order; repair what can be repaired without inventing facts. */
export function readOrder(key: string, value: unknown): OrderRead {
  const first = OrderSchema.safeParse(value);
  if (first.success) {
    return key === ORDER_KEY_PREFIX + first.data.orderId
      ? { ok: true, order: first.data, repaired: null }
      : { ok: false, reason: `stored under ${key} but its id is ${first.data.orderId}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: `not a record: ${describe(first.error.issues)}` };
  }
  const draft: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of LIST_FIELDS) {
    const list = draft[field];
    if (!Array.isArray(list)) continue;
    const element = OrderSchema.shape[field];
    const kept = list.filter((item) => {
      const probe = element.safeParse([item]);
      return probe.success;
    });
    draft[field] = kept;
  }
  for (const field of OPTIONAL_FIELDS) {
    if (draft[field] !== undefined && !OrderSchema.shape[field].safeParse(draft[field]).success) delete draft[field];
  }
  for (const field of NULLABLE_FIELDS) {
    if (!OrderSchema.shape[field].safeParse(draft[field]).success) draft[field] = null;
  }
  const second = OrderSchema.safeParse(draft);
  if (second.success && key === ORDER_KEY_PREFIX + second.data.orderId) {
    return { ok: true, order: second.data, repaired: describe(first.error.issues) };
  }
  return { ok: false, reason: describe((second.error ?? first.error).issues) };
}

export interface StoreRead {
  orders: Map<string, Order>;
  /** Keys whose repaired value must be written back. */
  repairedOrders: Order[];
  /** New quarantine entries to add (their keys must then be removed from the store). */
  quarantined: QuarantineEntry[];
  /** Quarantine as stored, valid entries only. */
  quarantine: QuarantineEntry[];
  notices: string[];
  drafts: Map<string, unknown>;
  /** The order index's stale mark as read (src/storage/order-index.ts), or null. */
  indexStale: number | null;
}

export function readStore(raw: RawStore, now: string): StoreRead {
  const orders = new Map<string, Order>();
  const repairedOrders: Order[] = [];
  const quarantined: QuarantineEntry[] = [];
  const notices: string[] = [];
  const drafts = new Map<string, unknown>();
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(DRAFT_KEY_PREFIX)) {
      drafts.set(key.slice(DRAFT_KEY_PREFIX.length), value);
      continue;
    }
    if (!key.startsWith(ORDER_KEY_PREFIX)) continue;
    const result = readOrder(key, value);
    if (result.ok) {
      orders.set(result.order.orderId, result.order);
      if (result.repaired) {
        repairedOrders.push(result.order);
        quarantined.push({ key, reason: `repaired: ${result.repaired}`, at: now, raw: safeSerialise(value) });
        notices.push(`${key}: repaired (${result.repaired})`);
      }
    } else {
      quarantined.push({ key, reason: result.reason, at: now, raw: safeSerialise(value) });
      notices.push(`${key}: quarantined (${result.reason})`);
    }
  }
  const storedQuarantine: QuarantineEntry[] = [];
  if (Array.isArray(raw['quarantine'])) {
    for (const e of raw['quarantine'] as unknown[]) {
      const entry = QuarantineEntrySchema.safeParse(e);
      // A damaged entry is wrapped in a valid one, so rewriting the list loses nothing.
      if (entry.success) storedQuarantine.push(entry.data);
      else quarantined.push({ key: 'quarantine', reason: 'quarantine entry was damaged', at: now, raw: safeSerialise(e) });
    }
  } else if (raw['quarantine'] !== undefined) {
    quarantined.push({ key: 'quarantine', reason: 'quarantine list was not a list', at: now, raw: safeSerialise(raw['quarantine']) });
  }
  const mark = raw[INDEX_STALE_KEY];
  return { orders, repairedOrders, quarantined, quarantine: storedQuarantine, notices, drafts, indexStale: typeof mark === 'number' ? mark : null };
}

/** Append entries, keeping the newest within the limit. */
export function appendQuarantine(existing: QuarantineEntry[], added: QuarantineEntry[]): QuarantineEntry[] {
  return [...existing, ...added].slice(-QUARANTINE_LIMIT);
}
