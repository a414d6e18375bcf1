/**
 * The rule book: every number the deadline engine and the reminder planner use, as data.
 *
 * Source of truth: docs/deadlines.md ("Sources"). A date the AliExpress page states always wins;
 * these numbers only fill in what the page is silent about, and anything made from them is
 * labelled an estimate. The options page may adjust every number; the worker validates what
 * it reads with `RulesSchema` and falls back to `DEFAULT_RULES`.
 *
 * Deliberately NOT modelled (docs/deadlines.md, facts that no longer hold): a fixed 60 days of
 * protection from the order date, an automatic 15-day extension, double compensation for
 * jewellery or electronics, a 0.01 minimum refund.
 *
 * Pure data; no browser API.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../../lib/lazy-schema';

const days = (max: number) => z.int().check(z.gte(0), z.lte(max));
const HHMM = lazySchema(() => z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)));

export const QuietHoursSchema = lazySchema(() => z.object({
  /** Local wall-clock time "HH:MM" when quiet starts. */
  start: HHMM,
  /** Local wall-clock time "HH:MM" when quiet ends; may be earlier than start (wraps past midnight). */
  end: HHMM,
}));
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const RulesSchema = lazySchema(() => z.object({
  /** Return/refund window after completion when the page does not state one. */
  returnWindowDays: days(365),
  /** Dispute window (defective, not as described) counted from the order date when the page does not state one. */
  disputeWindowDays: days(365),
  /** Days after delivery (or arrival at a pickup point) after which AliExpress confirms receipt itself, when the page shows no countdown. */
  autoConfirmAfterDeliveryDays: days(60),
  /** Working days (Monday to Friday) until a refund reaches the payment method, when the page does not say. */
  refundWorkingDays: days(60),
  /** Days after a parcel reached a post office / pickup point on which to remind, in order. */
  pickupRemindDays: z.array(days(60)).check(z.minLength(1), z.maxLength(5)),
  /** Days the seller has to answer a dispute when the dispute page shows no countdown. */
  sellerResponseDays: days(60),
  /** Days after opening a dispute without agreement when AliExpress steps in. */
  escalationDays: days(60),
  /** Days to send a return back after agreeing to return it. */
  returnShippingDays: days(60),
  /** Reminders go out this many days before a due date (0 = on the day). */
  leadDays: z.array(days(60)).check(z.maxLength(8)),
  /** A deadline this many days away or fewer is "urgent" (badge, red). */
  urgentDays: days(60),
  /** A deadline this many days away or fewer (but not urgent) is "soon". */
  soonDays: days(365),
  /** Local hour of day (0–23) at which a reminder for a date goes out. */
  reminderHour: z.int().check(z.gte(0), z.lte(23)),
  /** No notification inside these local hours; one falling inside waits for the end. */
  quietHours: z.nullable(QuietHoursSchema),
  /** Open a "not received" dispute at the earliest this many days before the no-delivery date… */
  disputeEarliestDaysBefore: days(30),
  /** …and at the latest this many days before it (not on the last day). */
  disputeLatestDaysBefore: days(30),
  /** Tracking silent for this many days counts as "not moving". */
  stalledAfterDays: days(365),
  /** A reminder that should have gone out longer ago than this (browser closed) is "missed". */
  missedAfterHours: z.int().check(z.gte(1), z.lte(24 * 30)),
}));
export type Rules = z.infer<typeof RulesSchema>;

export const DEFAULT_RULES: Rules = Object.freeze({
  // docs/deadlines.md, "Sources" 1: AliExpress's own order text, "return/refund within 7 days of
  // confirming receipt" (the 2026-09 order-detail capture).
  returnWindowDays: 7,
  // docs/deadlines.md, "Sources" 1: "you can open a dispute within 90 days after order was placed".
  disputeWindowDays: 90,
  // docs/deadlines.md, "Sources" 2: shoppers' guides: the order closes about a week after the
  // parcel reaches the shopper or the post office. An estimate, labelled so.
  autoConfirmAfterDeliveryDays: 7,
  // docs/deadlines.md, "Sources" 3: a refund arrives in 1–10 working days; remind at the end.
  refundWorkingDays: 10,
  // docs/deadlines.md, Sources: "pick up a parcel waiting at a post office or pickup point": remind
  // after 2 days, again after 5.
  pickupRemindDays: Object.freeze([2, 5]) as number[],
  // docs/deadlines.md, Sources: "seller's answer to a dispute": 5 days; a silent seller means the
  // buyer's request is granted.
  sellerResponseDays: 5,
  // docs/deadlines.md, Sources: "AliExpress steps in": 7 days after opening without agreement.
  escalationDays: 7,
  // docs/deadlines.md, Sources: "return shipping after agreeing": 10 days.
  returnShippingDays: 10,
  // Product choice (docs/deadlines.md, Sources: AliExpress's own e-mail comes only 3–4 days before): a week
  // ahead, 3 days ahead (the advised moment to open a "not received" dispute), the day
  // before, and on the day.
  leadDays: Object.freeze([7, 3, 1, 0]) as number[],
  // Product choice: the badge turns urgent at 3 days, matching the advice to act 3–5 days
  // before the no-delivery date (docs/deadlines.md, Sources (advice)).
  urgentDays: 3,
  // Product choice: within the first reminder's lead (7 days) a deadline is "soon".
  soonDays: 7,
  // Product choice: 09:00 local, a time shoppers are awake.
  reminderHour: 9,
  // Product choice: none by default; the shopper sets them in the options.
  quietHours: null,
  // docs/deadlines.md, Sources (advice): open the "not received" dispute 3–5 days before the date, not on the
  // last day.
  disputeEarliestDaysBefore: 5,
  disputeLatestDaysBefore: 3,
  // docs/deadlines.md, Sources (advice): "if it has not moved for weeks" → two weeks of silence.
  stalledAfterDays: 14,
  // Product choice: a reminder missed by more than half a day is reported in a summary.
  missedAfterHours: 12,
}) as Rules;

