/**
 * Extension pages → worker. The reply to each message type is validated here against its
 * schema (the table below, one per type of `Replies` in src/messaging/messages.ts), so a
 * caller gets the type its message promises or a refusal, never a shape it did not ask for.
 */
import * as z from 'zod/mini';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../domain/backup';
import { InstantSchema, OrderSchema } from '../domain/order';
import type { Replies, Reply, UiToBgMessage } from '../messaging/messages';
import { browser } from '../platform/browser';
import { OrderPrefsSchema } from '../storage/schema';
import { SettingsSchema } from '../storage/settings';

type UiType = UiToBgMessage['type'];

const count = () => z.int().check(z.gte(0));

/** The schema of each UI→BG message type's reply value (made when first needed). */
const REPLY_SCHEMAS: { readonly [K in UiType]: () => z.ZodMiniType<Replies[K]> } = {
  'ui/refresh': () => z.null(),
  'ui/export-backup': () =>
    z.object({
      format: z.literal(BACKUP_FORMAT),
      version: z.literal(BACKUP_VERSION),
      exportedAt: InstantSchema,
      orders: z.array(OrderSchema),
      settings: z.record(z.string(), z.unknown()),
      drafts: z.optional(z.record(z.string(), z.unknown())),
      quarantine: z.optional(z.array(z.unknown())),
    }),
  'ui/import-backup': () => z.object({ imported: count(), total: count() }),
  'ui/get-state': () => z.object({ settings: SettingsSchema, prefs: OrderPrefsSchema }),
  'ui/set-settings': () => SettingsSchema,
  'ui/save-draft': () => z.null(),
  'ui/mark-dispute': () => OrderSchema,
  'ui/reminder-action': () => z.null(),
  'ui/calendar': () => z.object({ ics: z.string(), count: count() }),
  'ui/clear-quarantine': () => z.null(),
};

/** Ask the worker; its reply, checked against what a reply to this message holds. */
export async function ask<M extends UiToBgMessage>(message: M): Promise<Reply<Replies[M['type']]>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch (e) {
    return { ok: false, error: 'no_reply', params: { detail: String(e) } };
  }
  if (typeof reply !== 'object' || reply === null) return { ok: false, error: 'no_reply' };
  const r = reply as { ok?: unknown; value?: unknown; error?: unknown; params?: Record<string, string | number> };
  if (r.ok === false && typeof r.error === 'string') return { ok: false, error: r.error, ...(r.params ? { params: r.params } : {}) };
  const schema: z.ZodMiniType<Replies[M['type']]> = REPLY_SCHEMAS[message.type as M['type']]();
  const value = r.ok === true ? schema.safeParse(r.value) : null;
  return value?.success ? { ok: true, value: value.data } : { ok: false, error: 'invalid_reply' };
}
