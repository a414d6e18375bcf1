/**
 * What a claim needs to know of an order, read from the shared `Order` record without naming
 * any AliExpress code (those live in `src/aliexpress`). A caller that knows better (e.g. a
 * tracking classifier from `src/aliexpress`) may pass its own `ClaimFacts` instead.
 */
import type { CalendarDate, Order } from '../order';
import { localDateOf } from '../dates';

export interface ClaimFacts {
  /** Tracking said delivered. */
  delivered: boolean;
  deliveredOn: CalendarDate | null;
  /**
   * Carrier events seen. Events before shipment carry no code (BRIEF §3), so an event with a
   * code means the carrier had the parcel: the tracking number "works".
   */
  carrierEvents: number;
  lastTrackingOn: CalendarDate | null;
  trackingNumber: string | null;
  /** The "refund if no delivery before …" date, when known. */
  protectionEndsOn: CalendarDate | null;
}

export function claimFacts(order: Order): ClaimFacts {
  const events = order.tracking.flatMap((p) => p.events);
  const carrier = events.filter((e) => e.code !== null && e.code !== '');
  const times = events.map((e) => e.at).filter((t): t is string => t !== null).sort();
  const last = times[times.length - 1];
  const protection = order.deadlines
    .filter((d) => d.kind === 'no-delivery-refund')
    .map((d) => d.due)
    .sort()[0];
  const number = order.tracking.map((p) => p.number).find((n): n is string => !!n && n.trim() !== '');
  return {
    delivered: !!order.deliveredAt,
    deliveredOn: order.deliveredAt ? localDateOf(order.deliveredAt) : null,
    carrierEvents: carrier.length,
    lastTrackingOn: last ? localDateOf(last) : null,
    trackingNumber: number?.trim() ?? null,
    protectionEndsOn: protection ?? null,
  };
}
