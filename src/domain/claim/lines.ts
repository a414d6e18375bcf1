/**
 * The items a claim is about (docs/claims.md, "Items and amount"). Its own module so that the
 * draft and the amount both use it without importing each other.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../../lib/lazy-schema';
import type { Order } from '../order';

/**
 * One item line the claim is about: its index in `order.items`, and how many of its pieces
 * (null: the whole line, as a version-1 draft meant).
 */
export const ClaimLineSchema = lazySchema(() => z.object({
  index: z.int().check(z.gte(0), z.lt(200)),
  quantity: z.nullable(z.int().check(z.gte(1), z.lte(1e6))),
}));
export type ClaimLine = z.infer<typeof ClaimLineSchema>;

/** A chosen line with its order item and the pieces it is about (at least 1, at most the line's). */
export interface ChosenLine {
  index: number;
  item: Order['items'][number];
  quantity: number;
}

/** The lines the claim is about that the order has, with their quantities resolved. */
export function chosenLines(d: { lines: readonly ClaimLine[] }, order: Order): ChosenLine[] {
  const out: ChosenLine[] = [];
  for (const l of d.lines) {
    const item = order.items[l.index];
    if (!item || out.some((o) => o.index === l.index)) continue;
    const all = Math.max(item.quantity, 1);
    out.push({ index: l.index, item, quantity: Math.min(l.quantity ?? all, all) });
  }
  return out;
}
