/**
 * What an order's tracking says, in one place for the deadline engine, the claim facts and the
 * overlay. Pure: AliExpress's codes and words stay in src/aliexpress, which supplies the
 * classifier (`classifyTrackingEvent`); this module only counts and dates the classes.
 *
 * Only a carrier event after the hand-over counts as movement (docs/deadlines.md, "Tracking"):
 * "label created", "order received by the warehouse" or an event without a carrier code say
 * nothing of a parcel on its way, so a parcel that never left is not "moving".
 */
import type { CalendarDate, Order, TrackingEvent } from '../order';
import { dateOfDay, localDayOf } from './days';

/**
 * - `pre_shipment`: before a carrier has the parcel (order placed, paid, label created, at the
 *   seller's or the warehouse);
 * - `movement`: a carrier event (collected, sorting centre, flight, customs, local carrier);
 * - `awaiting_pickup`: waiting for the shopper at a post office or pickup point;
 * - `delivered`: handed to the shopper (or their mailbox);
 * - `other`: says nothing of where the parcel is (delivery information updated, notices).
 */
export type TrackingEventClass = 'pre_shipment' | 'movement' | 'awaiting_pickup' | 'delivered' | 'other';
export type ClassifyEvent = (event: TrackingEvent) => TrackingEventClass;

/**
 * The classifier used where no AliExpress one is handed in (tests of the pure domain): an
 * event with a carrier code is movement, one without is before shipment.
 */
export const codeOnlyClassifier: ClassifyEvent = (e) => (e.code ? 'movement' : 'pre_shipment');

export interface TrackingFacts {
  /** Local day number of the first carrier event (the hand-over), or null. */
  handedOverDay: number | null;
  /** Local day number of the latest carrier event (movement, arrival at a pickup point, delivery). */
  lastMovementDay: number | null;
  /** Where the latest carrier event happened, when the page said. */
  lastMovementPlace: string | null;
  /** Carrier events seen (a working tracking number has at least one). */
  movementCount: number;
  /** Local day number the parcel started waiting at a pickup point (and was not collected since). */
  pickupSinceDay: number | null;
  /** Local day number of delivery: the latest parcel's, once every parcel with events is delivered. */
  deliveredDay: number | null;
  /** Parcels with at least one event, and how many of them are delivered. */
  parcels: number;
  deliveredParcels: number;
}

/** The later (or earlier) of two ISO instants: they compare as strings (UTC, as the reader writes them). */
const later = (a: string | null, b: string): string => (a === null || b > a ? b : a);
const earlier = (a: string | null, b: string): string => (a === null || b < a ? b : a);

function dayOfInstant(at: string | null): number | null {
  if (at === null) return null;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? null : localDayOf(ms);
}

/** Every tracking fact of an order, from one pass over its events with one classifier. */
export function trackingFacts(order: Pick<Order, 'tracking'>, classify: ClassifyEvent = codeOnlyClassifier): TrackingFacts {
  let firstMovement: string | null = null;
  let lastMovement: string | null = null;
  let lastMovementPlace: string | null = null;
  let movementCount = 0;
  let pickupAt: string | null = null;
  let collectedAt: string | null = null;
  let parcels = 0;
  let deliveredParcels = 0;
  let deliveredAt: string | null = null;
  for (const pkg of order.tracking) {
    if (pkg.events.length === 0) continue;
    parcels++;
    let parcelDelivered: string | null = null;
    let parcelHasDelivery = false;
    for (const e of pkg.events) {
      const c = classify(e);
      if (c === 'pre_shipment' || c === 'other') continue;
      movementCount++;
      if (c === 'delivered') parcelHasDelivery = true;
      const at = e.at;
      if (!at) continue;
      firstMovement = earlier(firstMovement, at);
      if (lastMovement === null || at > lastMovement) {
        lastMovement = at;
        lastMovementPlace = e.place ?? null;
      }
      if (c === 'awaiting_pickup') pickupAt = earlier(pickupAt, at);
      if (c === 'delivered') {
        parcelDelivered = later(parcelDelivered, at);
        collectedAt = later(collectedAt, at);
      }
    }
    if (parcelHasDelivery) {
      deliveredParcels++;
      if (parcelDelivered !== null) deliveredAt = later(deliveredAt, parcelDelivered);
    }
  }
  // Collected after it reached the pickup point: no longer waiting.
  if (pickupAt !== null && collectedAt !== null && collectedAt >= pickupAt) pickupAt = null;
  const allDelivered = parcels > 0 && deliveredParcels === parcels;
  return {
    handedOverDay: dayOfInstant(firstMovement),
    lastMovementDay: dayOfInstant(lastMovement),
    lastMovementPlace,
    movementCount,
    pickupSinceDay: dayOfInstant(pickupAt),
    deliveredDay: allDelivered ? dayOfInstant(deliveredAt) : null,
    parcels,
    deliveredParcels,
  };
}

/** A day number as a calendar date, or null. */
export function dateOrNull(day: number | null): CalendarDate | null {
  return day === null ? null : dateOfDay(day);
}
