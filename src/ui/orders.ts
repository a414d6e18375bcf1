/** Reading orders in extension pages: straight from storage (read-only), validated like the worker does. */
import type { Order } from '../domain/order';
import { browser } from '../platform/browser';
import { readStore } from '../storage/repair';
import { quarantinedRecords } from './diagnostics';

export interface StoreHealth {
  /** Saved records kept aside (already moved to quarantine, or found damaged and not moved yet). */
  quarantined: number;
  problems: unknown;
  meta: unknown;
  quarantine: unknown;
}

export async function loadOrders(): Promise<{ orders: Order[]; drafts: Map<string, unknown>; quarantined: number; health: StoreHealth }> {
  const raw = await browser.storage.local.get(null);
  const read = readStore(raw, new Date().toISOString());
  const pending = read.quarantined.length;
  return {
    orders: [...read.orders.values()],
    drafts: read.drafts,
    quarantined: read.quarantine.length + pending,
    health: { quarantined: quarantinedRecords(raw['quarantine']) + pending, problems: raw['problems'], meta: raw['meta'], quarantine: raw['quarantine'] },
  };
}
