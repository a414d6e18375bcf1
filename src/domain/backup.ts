/**
 * The backup file: a public interface (docs/backup-format.md). Pure.
 * Import validates the whole file before anything is written: a malformed or foreign file
 * changes nothing and says why.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lib/lazy-schema';
import { InstantSchema, OrderSchema, type Order } from './order';

export const BACKUP_FORMAT = 'buyer-shield-backup';
export const BACKUP_VERSION = 1;

export const BackupSchema = lazySchema(() => z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: InstantSchema,
  orders: z.array(z.unknown()).check(z.maxLength(100_000)),
  settings: z.optional(z.record(z.string(), z.unknown())),
  drafts: z.optional(z.record(z.string(), z.unknown())),
}));

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  orders: Order[];
  settings: Record<string, unknown>;
  drafts?: Record<string, unknown>;
}

export function makeBackup(orders: Iterable<Order>, settings: Record<string, unknown>, now: Date, drafts?: Record<string, unknown>): Backup {
  const sorted = [...orders].sort((a, b) => a.orderId.localeCompare(b.orderId));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), orders: sorted, settings, ...(drafts ? { drafts } : {}) };
}

export type BackupParse =
  | { ok: true; orders: Order[]; settings: Record<string, unknown> | null; drafts: Record<string, unknown> | null }
  | { ok: false; error: 'backup_error_not_json' | 'backup_error_not_ours' | 'backup_error_newer_version' | 'backup_error_invalid'; detail: string };

export function parseBackup(text: string): BackupParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: 'backup_error_not_json', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, error: 'backup_error_not_ours', detail: 'format is not "buyer-shield-backup"' };
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return { ok: false, error: 'backup_error_newer_version', detail: `version ${version}` };
  }
  const top = BackupSchema.safeParse(data);
  if (!top.success) {
    const issue = top.error.issues[0];
    return { ok: false, error: 'backup_error_invalid', detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  const orders: Order[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < top.data.orders.length; i++) {
    const parsed = OrderSchema.safeParse(top.data.orders[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: 'backup_error_invalid', detail: `orders.${i}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
    }
    if (seen.has(parsed.data.orderId)) {
      return { ok: false, error: 'backup_error_invalid', detail: `orders.${i}: order ${parsed.data.orderId} appears twice` };
    }
    seen.add(parsed.data.orderId);
    orders.push(parsed.data);
  }
  return { ok: true, orders, settings: top.data.settings ?? null, drafts: top.data.drafts ?? null };
}
