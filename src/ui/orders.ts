/** Reading orders in extension pages: straight from storage (read-only), validated like the worker does. */
import type { Order } from '../domain/order';
import { browser } from '../platform/browser';
import { readStore } from '../storage/repair';

export async function loadOrders(): Promise<{ orders: Order[]; drafts: Map<string, unknown>; quarantined: number }> {
  const raw = await browser.storage.local.get(null);
  const read = readStore(raw, new Date().toISOString());
  return { orders: [...read.orders.values()], drafts: read.drafts, quarantined: read.quarantine.length + read.quarantined.length };
}
