/**
 * The storage layout, versioned. Pure: works on plain objects as `storage.local.get(null)`
 * returns them, so it is tested without a browser.
 *
 * storage.local (this machine only):
 *   meta               { schemaVersion }
 *   order:<orderId>    Order (src/domain/order.ts)
 *   draft:<orderId>    claim draft (src/domain/claim)
 *   quarantine         records that failed validation, kept aside with the reason
 *   problems           the last pages Buyer Shield could not read (for diagnostics)
 *   reminderLog        which reminders were raised, snoozed or marked done
 *   orderPrefs         per-order choices (confirm guard off, …)
 *   lastReminder       the last reminder as it was shown { id, title, message, at, locale }
 *   schedule           what the last refresh decided { nextWakeAt, badge, badgeToday, at },
 *                      so a cold start re-arms the alarm before reading every order
 *   index:head         derived: the order list's first rows and counts (src/storage/order-index.ts)
 *   index:stale        a time, written with any order record until the index is rebuilt
 * storage.sync (follows the shopper's browser profile):
 *   settings           Settings (src/storage/settings.ts)
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lib/lazy-schema';
import { InstantSchema } from '../domain/order';

export const SCHEMA_VERSION = 1;

export { DRAFT_KEY_PREFIX, INDEX_HEAD_KEY, INDEX_STALE_KEY, ORDER_KEY_PREFIX, draftKey, orderKey } from './keys';

export const QuarantineEntrySchema = lazySchema(() => z.object({
  key: z.string().check(z.maxLength(200)),
  reason: z.string().check(z.maxLength(2000)),
  at: InstantSchema,
  /** The value as it was found, serialised (bounded), so nothing is lost. */
  raw: z.string().check(z.maxLength(200_000)),
}));
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;
export const QUARANTINE_LIMIT = 200;

export const ReadProblemEntrySchema = lazySchema(() => z.object({
  at: InstantSchema,
  url: z.string().check(z.maxLength(2000)),
  code: z.string().check(z.maxLength(100)),
  detail: z.string().check(z.maxLength(2000)),
}));
export type ReadProblemEntry = z.infer<typeof ReadProblemEntrySchema>;
export const PROBLEMS_LIMIT = 50;

export const OrderPrefsSchema = lazySchema(() => z.record(
  z.string().check(z.regex(/^\d{6,24}$/)),
  z.object({ guardOff: z.optional(z.boolean()) }),
));
export type OrderPrefs = z.infer<typeof OrderPrefsSchema>;
