/**
 * Every message between the extension's contexts, in one table: each type's request (a zod
 * schema, validated by the worker) and its reply (`Replies`, validated by the caller: the
 * extension pages with zod, src/ui/messaging.ts; the content script, which carries no zod,
 * with the checks in src/messaging/replies.ts). CS→BG: a content script on an AliExpress tab
 * to the worker. UI→BG: the popup, the options page or the claim tab to the worker. The
 * worker answers each type in one handler (src/background/worker.ts `handle`).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lib/lazy-schema';
import type { Backup } from '../domain/backup';
import { OrderIdSchema, type Order } from '../domain/order';
import type { OrderPrefs } from '../storage/schema';
import type { Settings } from '../storage/settings';
import type { OverlayState } from './overlay-state';

const MAX_OBSERVATIONS = 2000;

/** CS→BG: what one reading of a page found. Observations are validated one by one in the worker. */
export const CsObservations = lazySchema(() => z.object({
  type: z.literal('cs/observations'),
  url: z.string().check(z.maxLength(4000)),
  via: z.enum(['api', 'dom']),
  observations: z.array(z.unknown()).check(z.maxLength(MAX_OBSERVATIONS)),
  problems: z.array(z.object({ code: z.string().check(z.maxLength(100)), detail: z.string().check(z.maxLength(2000)) })).check(z.maxLength(50)),
}));

/** CS→BG: the page could not be read (login, captcha, unsupported operator, nothing found). */
export const CsPageProblem = lazySchema(() => z.object({
  type: z.literal('cs/page-problem'),
  url: z.string().check(z.maxLength(4000)),
  code: z.string().check(z.maxLength(100)),
  detail: z.string().check(z.maxLength(2000)),
}));

/** CS→BG: what the overlay needs for the orders on this page. */
export const CsOverlayState = lazySchema(() => z.object({
  type: z.literal('cs/overlay-state'),
  orderIds: z.array(OrderIdSchema).check(z.maxLength(MAX_OBSERVATIONS)),
}));

export const CsSetOrderGuard = lazySchema(() => z.object({
  type: z.literal('cs/set-order-guard'),
  orderId: OrderIdSchema,
  guardOff: z.boolean(),
}));

export const CsOpenClaim = lazySchema(() => z.object({ type: z.literal('cs/open-claim'), orderId: OrderIdSchema }));

export const CsToBg = lazySchema(() => z.discriminatedUnion('type', [CsObservations, CsPageProblem, CsOverlayState, CsSetOrderGuard, CsOpenClaim]));
export type CsToBgMessage = z.infer<typeof CsToBg>;

export const UiExportBackup = lazySchema(() => z.object({ type: z.literal('ui/export-backup') }));
export const UiImportBackup = lazySchema(() => z.object({ type: z.literal('ui/import-backup'), text: z.string().check(z.maxLength(50_000_000)) }));
export const UiGetState = lazySchema(() => z.object({ type: z.literal('ui/get-state') }));
export const UiSetSettings = lazySchema(() => z.object({ type: z.literal('ui/set-settings'), settings: z.unknown() }));
export const UiSaveDraft = lazySchema(() => z.object({ type: z.literal('ui/save-draft'), orderId: OrderIdSchema, draft: z.unknown() }));
export const UiMarkDispute = lazySchema(() => z.object({ type: z.literal('ui/mark-dispute'), orderId: OrderIdSchema, opened: z.boolean() }));
export const UiReminderAction = lazySchema(() => z.object({
  type: z.literal('ui/reminder-action'),
  action: z.enum(['snooze', 'done']),
  orderId: OrderIdSchema,
  kind: z.string().check(z.maxLength(40)),
  due: z.string().check(z.maxLength(10)),
}));
export const UiCalendar = lazySchema(() => z.object({ type: z.literal('ui/calendar'), orderId: z.nullable(OrderIdSchema) }));
export const UiClearQuarantine = lazySchema(() => z.object({ type: z.literal('ui/clear-quarantine') }));
/** The page found the order index out of date: recompute deadlines and the index. */
export const UiRefresh = lazySchema(() => z.object({ type: z.literal('ui/refresh') }));

export const UiToBg = lazySchema(() => z.discriminatedUnion('type', [
  UiRefresh,
  UiExportBackup,
  UiImportBackup,
  UiGetState,
  UiSetSettings,
  UiSaveDraft,
  UiMarkDispute,
  UiReminderAction,
  UiCalendar,
  UiClearQuarantine,
]));
export type UiToBgMessage = z.infer<typeof UiToBg>;

export type Message = CsToBgMessage | UiToBgMessage;
export type MessageType = Message['type'];
export type MessageOf<K extends MessageType> = Extract<Message, { type: K }>;

/** A backup as the worker hands it out: with the records it keeps aside, if any (docs/backup-format.md). */
export type ExportedBackup = Backup & { quarantine?: unknown[] };

/** What the worker answers to each message (the reply's `value` when `ok`). */
export interface Replies {
  'cs/observations': { accepted: number; rejected: number };
  'cs/page-problem': null;
  'cs/overlay-state': OverlayState;
  'cs/set-order-guard': null;
  'cs/open-claim': null;
  'ui/refresh': null;
  'ui/export-backup': ExportedBackup;
  'ui/import-backup': { imported: number; total: number };
  'ui/get-state': { settings: Settings; prefs: OrderPrefs };
  'ui/set-settings': Settings;
  'ui/save-draft': null;
  'ui/mark-dispute': Order;
  'ui/reminder-action': null;
  'ui/calendar': { ics: string; count: number };
  'ui/clear-quarantine': null;
}

/** Replies carry ok/err so a caller never has to guess from undefined. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; params?: Record<string, string | number> };

/** The reply to a message of type K. */
export type ReplyTo<K extends MessageType> = Reply<Replies[K]>;
