/**
 * The order record: what Buyer Shield knows of one AliExpress order.
 * Pure data and its zod schema; no browser API. The backup format
 * (docs/backup-format.md) is this record, so changes here are a public-interface change.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lib/lazy-schema';
import { isValidCalendarDate } from './dates';

export { isValidCalendarDate };

export const ORDER_STATUSES = [
  'awaiting_payment',
  'awaiting_shipment',
  'awaiting_delivery',
  'completed',
  'closed',
  'cancelled',
  'in_dispute',
  'unknown',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const DEADLINE_KINDS = [
  'no-delivery-refund',
  'late-delivery-coupon',
  'auto-confirm',
  'return-window',
  'dispute-window',
  'free-return',
  'pickup',
  'seller-response',
  'escalation',
  'return-shipping',
  'refund-arrival',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Generous bounds: page strings are untrusted and must not bloat storage. */
const MAX_TEXT = 2000;
const text = () => z.string().check(z.maxLength(MAX_TEXT));

export const OrderIdSchema = lazySchema(() => z.string().check(z.regex(/^\d{6,24}$/)));

/** "YYYY-MM-DD", a calendar date as the page states it (never an instant). */
export const CalendarDateSchema = lazySchema(() => z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((s) => isValidCalendarDate(s), 'not a real calendar date'),
));
export type { CalendarDate } from './dates';


/** An ISO 8601 instant, e.g. 2026-09-07T10:00:00.000Z. */
export const InstantSchema = lazySchema(() => z.iso.datetime({ offset: true }));
export type Instant = string;

export const CurrencySchema = lazySchema(() => z.string().check(z.regex(/^[A-Z]{3}$/)));

export const MoneySchema = lazySchema(() => z.object({
  /** Integer amount in the currency's minor unit (cents, kopeks; yen and won have none). */
  minor: z.int().check(z.gte(0), z.lte(1e12)),
  currency: CurrencySchema,
}));
export type Money = z.infer<typeof MoneySchema>;

export const ItemSchema = lazySchema(() => z.object({
  title: text(),
  quantity: z.int().check(z.gte(0), z.lte(1e6)),
  price: z.nullable(MoneySchema),
  variant: z.nullable(text()),
  productId: z.optional(z.nullable(z.string().check(z.regex(/^\d{1,24}$/)))),
  imageUrl: z.optional(z.nullable(text())),
  /** The item is marked "Free returns" on the page. */
  freeReturn: z.optional(z.boolean()),
}));
export type Item = z.infer<typeof ItemSchema>;

export const TrackingEventSchema = lazySchema(() => z.object({
  at: z.nullable(InstantSchema),
  code: z.nullable(z.string().check(z.maxLength(100))),
  text: text(),
  /** AliExpress's secondary code, when it has one that differs from `code` (e.g. the pickup-point sub-state). */
  subCode: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  place: z.optional(z.nullable(text())),
}));
export type TrackingEvent = z.infer<typeof TrackingEventSchema>;

export const TrackingPackageSchema = lazySchema(() => z.object({
  number: z.nullable(z.string().check(z.maxLength(200))),
  carrier: z.nullable(text()),
  events: z.array(TrackingEventSchema).check(z.maxLength(500)),
}));
export type TrackingPackage = z.infer<typeof TrackingPackageSchema>;

export const DeadlineSchema = lazySchema(() => z.object({
  kind: z.enum(DEADLINE_KINDS),
  due: CalendarDateSchema,
  source: z.enum(['page', 'estimate']),
  /** The page text it came from, or for an estimate the rule that made it. */
  text: z.nullable(text()),
}));
export type Deadline = z.infer<typeof DeadlineSchema>;

export const DISPUTE_STAGES = [
  'awaiting_seller',
  'negotiating',
  'escalated',
  'awaiting_return',
  'refunding',
  'closed',
  'unknown',
] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];

export const DisputeSchema = lazySchema(() => z.object({
  id: z.nullable(z.string().check(z.maxLength(64))),
  stage: z.enum(DISPUTE_STAGES),
  statusText: z.nullable(text()),
  openedOn: z.nullable(CalendarDateSchema),
  url: z.nullable(text()),
  /** The shopper said so in the popup rather than the page showing it. */
  markedByShopper: z.optional(z.boolean()),
  requested: z.optional(z.nullable(MoneySchema)),
  offered: z.optional(z.nullable(MoneySchema)),
  /** Local date Buyer Shield first saw the dispute at its current stage (set by the merge). */
  stageSince: z.optional(z.nullable(CalendarDateSchema)),
}));
export type Dispute = z.infer<typeof DisputeSchema>;

export const StatusChangeSchema = lazySchema(() => z.object({
  status: z.enum(ORDER_STATUSES),
  at: InstantSchema,
}));

export const StoreSchema = lazySchema(() => z.object({ name: z.nullable(text()), url: z.nullable(text()) }));

export const OrderSchema = lazySchema(() => z.object({
  orderId: OrderIdSchema,
  site: z.string().check(z.regex(/^[a-z0-9.-]{1,100}$/)),
  status: z.enum(ORDER_STATUSES),
  statusText: z.nullable(text()),
  placedOn: z.nullable(CalendarDateSchema),
  shippedOn: z.optional(z.nullable(CalendarDateSchema)),
  completedOn: z.optional(z.nullable(CalendarDateSchema)),
  /** When tracking said delivered (AE_GTMS_SIGNED), if it did. */
  deliveredAt: z.optional(z.nullable(InstantSchema)),
  /** The day AliExpress expects delivery (the last day of the range it shows), as the page last said. */
  estimatedDelivery: z.optional(z.nullable(CalendarDateSchema)),
  store: StoreSchema,
  total: z.nullable(MoneySchema),
  items: z.array(ItemSchema).check(z.maxLength(200)),
  tracking: z.array(TrackingPackageSchema).check(z.maxLength(20)),
  deadlines: z.array(DeadlineSchema).check(z.maxLength(50)),
  dispute: z.nullable(DisputeSchema),
  /** The page offers "Confirm received" (button CONFIRM_GOODS). */
  canConfirm: z.optional(z.boolean()),
  statusHistory: z.optional(z.array(StatusChangeSchema).check(z.maxLength(50))),
  firstSeenAt: InstantSchema,
  updatedAt: InstantSchema,
}));
export type Order = z.infer<typeof OrderSchema>;

/**
 * What one reading of one page says of one order. Every field but the id and the site is
 * optional: a field the page did not show is absent, and absence never erases what was known.
 */
export const OrderObservationSchema = lazySchema(() => z.object({
  orderId: OrderIdSchema,
  site: z.string().check(z.regex(/^[a-z0-9.-]{1,100}$/)),
  status: z.optional(z.enum(ORDER_STATUSES)),
  statusText: z.optional(z.nullable(text())),
  placedOn: z.optional(z.nullable(CalendarDateSchema)),
  shippedOn: z.optional(z.nullable(CalendarDateSchema)),
  completedOn: z.optional(z.nullable(CalendarDateSchema)),
  deliveredAt: z.optional(z.nullable(InstantSchema)),
  estimatedDelivery: z.optional(z.nullable(CalendarDateSchema)),
  store: z.optional(StoreSchema),
  total: z.optional(z.nullable(MoneySchema)),
  items: z.optional(z.array(ItemSchema).check(z.maxLength(200))),
  tracking: z.optional(z.array(TrackingPackageSchema).check(z.maxLength(20))),
  deadlines: z.optional(z.array(DeadlineSchema).check(z.maxLength(50))),
  dispute: z.optional(z.nullable(DisputeSchema)),
  canConfirm: z.optional(z.boolean()),
}));
export type OrderObservation = z.infer<typeof OrderObservationSchema>;
