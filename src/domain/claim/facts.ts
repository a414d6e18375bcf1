/**
 * What a claim needs to know of an order, read from the shared `Order` record without naming
 * any AliExpress code (those live in `src/aliexpress`). A caller that knows better (e.g. a
 * tracking classifier from `src/aliexpress`) may pass its own `ClaimFacts` instead.
 */
import type { CalendarDate, Order } from '../order';
import { localDateOf } from '../dates';
import { dateOrNull, trackingFacts, type ClassifyEvent } from '../deadlines/tracking';

export interface ClaimFacts {
  /** Tracking said delivered. */
  delivered: boolean;
  deliveredOn: CalendarDate | null;
  /**
   * Carrier events seen (tracking.ts: only events after the hand-over count): at least one
   * means the tracking number "works".
   */
  carrierEvents: number;
  /** The latest carrier event's day. */
  lastTrackingOn: CalendarDate | null;
  /** Where the latest carrier event happened, when the page said. */
  lastTrackingPlace: string | null;
  trackingNumber: string | null;
  /** The "refund if no delivery before …" date, when known. */
  protectionEndsOn: CalendarDate | null;
}

/**
 * @param classify the AliExpress tracking classifier (src/aliexpress/tracking-class.ts), the
 *   same one the deadline engine uses; without it, an event with a carrier code is movement.
 */
export function claimFacts(order: Order, classify?: ClassifyEvent): ClaimFacts {
  const track = trackingFacts(order, classify);
  const protection = order.deadlines
    .filter((d) => d.kind === 'no-delivery-refund')
    .map((d) => d.due)
    .sort()[0];
  const number = order.tracking.map((p) => p.number).find((n): n is string => !!n && n.trim() !== '');
  const deliveredOn = order.deliveredAt ? localDateOf(order.deliveredAt) : dateOrNull(track.deliveredDay);
  return {
    delivered: deliveredOn !== null,
    deliveredOn,
    carrierEvents: track.movementCount,
    lastTrackingOn: dateOrNull(track.lastMovementDay),
    lastTrackingPlace: track.lastMovementPlace,
    trackingNumber: number?.trim() ?? null,
    protectionEndsOn: protection ?? null,
  };
}
