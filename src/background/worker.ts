/**
 * The worker: wires the pure cores to browser APIs. It keeps no state in globals that it
 * would miss after being killed: every handler reads storage through the store.
 */
import type { Runtime } from 'webextension-polyfill';
import { makeBackup, parseBackup } from '../domain/backup';
import { localDateOf } from '../domain/dates';
import { markDone, parseLog, snooze } from '../domain/deadlines/reminders';
import { DEADLINE_KINDS, type DeadlineKind, type Order } from '../domain/order';
import { CsToBg, UiToBg, type Message, type MessageOf, type MessageType, type Replies, type Reply, type ReplyTo } from '../messaging/messages';
import type { OverlayState } from '../messaging/overlay-state';
import { classifyUrl } from '../aliexpress/pages';
import { browser } from '../platform/browser';
import { OrderPrefsSchema, draftKey, type OrderPrefs } from '../storage/schema';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from '../storage/settings';
import { OrderStore } from './store';

export const store = new OrderStore({ local: browser.storage.local, now: () => new Date() });

const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
const fail = (error: string, params?: Record<string, string | number>): Reply<never> => ({ ok: false, error, ...(params ? { params } : {}) });

export async function readSettings(): Promise<Settings> {
  try {
    const raw = (await browser.storage.sync.get('settings'))['settings'];
    return repairSettings(raw).settings;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

async function readOrderPrefs(): Promise<OrderPrefs> {
  const raw = (await browser.storage.local.get('orderPrefs'))['orderPrefs'];
  const parsed = OrderPrefsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** A content script of ours, in a tab showing an AliExpress page. */
export function isOurContentScript(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.tab || typeof sender.url !== 'string') return false;
  const page = classifyUrl(sender.url);
  return page.kind !== 'other' || page.unsupportedOperator;
}

/** One of our own extension pages (popup, options, claim tab). */
export function isOurPage(sender: Runtime.MessageSender): boolean {
  const root = browser.runtime.getURL('');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(root);
}

export type Hooks = {
  /** Called after orders changed: recompute deadlines, badge, reminders, alarm. */
  afterChange: (changed: Order[]) => Promise<void>;
  overlayState: (orderIds: string[]) => Promise<OverlayState>;
  calendar: (orderId: string | null) => Promise<Replies['ui/calendar']>;
  openClaim: (orderId: string) => Promise<void>;
  /** Settles when a starting worker has re-armed its reminder alarm; messages are read after it. */
  ready?: Promise<unknown>;
};

/** What a handler is given besides its message. */
interface Env {
  sender: Runtime.MessageSender;
  hooks: Hooks;
}

/** A message's handler: what the worker does with it, and its reply. */
type Handler<K extends MessageType> = (msg: MessageOf<K>, env: Env) => Promise<ReplyTo<K>>;

const observations: Handler<'cs/observations'> = async (msg, { sender, hooks }) => {
  const outcome = await store.mergeObservations(msg.observations);
  for (const p of msg.problems) await store.recordProblem({ at: new Date().toISOString(), url: sender.url ?? '', code: p.code, detail: p.detail });
  await hooks.afterChange(outcome.changed);
  return ok({ accepted: outcome.accepted, rejected: outcome.rejected });
};

const pageProblem: Handler<'cs/page-problem'> = async (msg, { sender }) => {
  await store.recordProblem({ at: new Date().toISOString(), url: sender.url ?? '', code: msg.code, detail: msg.detail });
  return ok(null);
};

const overlayState: Handler<'cs/overlay-state'> = async (msg, { hooks }) => ok(await hooks.overlayState(msg.orderIds));

const setOrderGuard: Handler<'cs/set-order-guard'> = async (msg) => {
  await store.update('orderPrefs', (current) => {
    const prefs = OrderPrefsSchema.safeParse(current);
    const next: OrderPrefs = prefs.success ? { ...prefs.data } : {};
    next[msg.orderId] = { ...next[msg.orderId], guardOff: msg.guardOff };
    return next;
  });
  return ok(null);
};

const openClaim: Handler<'cs/open-claim'> = async (msg, { hooks }) => {
  await hooks.openClaim(msg.orderId);
  return ok(null);
};

const refreshAll: Handler<'ui/refresh'> = async (_msg, { hooks }) => {
  await hooks.afterChange([]);
  return ok(null);
};

const exportBackup: Handler<'ui/export-backup'> = async () => {
  const read = await store.exclusive(() => store.readAll());
  const settings = await readSettings();
  const drafts = Object.fromEntries(read.drafts);
  // Records kept aside travel with the backup, so the shopper can keep them (docs/backup-format.md).
  const quarantine = [...read.quarantine, ...read.quarantined];
  return ok({ ...makeBackup(read.orders.values(), settings, new Date(), drafts), ...(quarantine.length ? { quarantine } : {}) });
};

const importBackup: Handler<'ui/import-backup'> = async (msg, { hooks }) => {
  const parsed = parseBackup(msg.text);
  if (!parsed.ok) return fail(parsed.error, { detail: parsed.detail });
  // Keep whichever record is newer: an import never replaces fresher knowledge.
  const current = await store.allOrders();
  const newer = parsed.orders.filter((o) => {
    const known = current.get(o.orderId);
    return !known || known.updatedAt <= o.updatedAt;
  });
  await store.putOrders(newer);
  if (parsed.settings) {
    const { settings } = repairSettings(parsed.settings);
    await browser.storage.sync.set({ settings });
  }
  if (parsed.drafts) {
    const set: Record<string, unknown> = {};
    for (const [id, d] of Object.entries(parsed.drafts)) if (/^\d{6,24}$/.test(id)) set[draftKey(id)] = d;
    await store.exclusive(() => browser.storage.local.set(set));
  }
  await hooks.afterChange(newer);
  return ok({ imported: newer.length, total: parsed.orders.length });
};

const getState: Handler<'ui/get-state'> = async () => {
  const [settings, prefs] = await Promise.all([readSettings(), readOrderPrefs()]);
  return ok({ settings, prefs });
};

const setSettings: Handler<'ui/set-settings'> = async (msg, { hooks }) => {
  const { settings, repaired } = repairSettings(msg.settings);
  if (repaired.length) return fail('settings_error_invalid', { fields: repaired.join(', ') });
  await browser.storage.sync.set({ settings });
  await hooks.afterChange([]);
  return ok(settings);
};

const saveDraft: Handler<'ui/save-draft'> = async (msg) => {
  await store.exclusive(() => browser.storage.local.set({ [draftKey(msg.orderId)]: msg.draft }));
  return ok(null);
};

const markDispute: Handler<'ui/mark-dispute'> = async (msg, { hooks }) => {
  const today = localDateOf(Date.now());
  const order = await store.updateOrder(msg.orderId, (o) =>
    msg.opened
      ? { ...o, dispute: o.dispute ?? { id: null, stage: 'awaiting_seller', statusText: null, openedOn: today, url: null, markedByShopper: true } }
      : { ...o, dispute: o.dispute?.markedByShopper ? null : o.dispute },
  );
  if (!order) return fail('unknown_order');
  await hooks.afterChange([]);
  return ok(order);
};

const reminderAction: Handler<'ui/reminder-action'> = async (msg, { hooks }) => {
  if (!(DEADLINE_KINDS as readonly string[]).includes(msg.kind) || !/^\d{4}-\d{2}-\d{2}$/.test(msg.due)) return fail('invalid_message');
  const ref = { orderId: msg.orderId, kind: msg.kind as DeadlineKind, due: msg.due };
  await store.update('reminderLog', (current) => {
    const log = parseLog(current);
    return msg.action === 'snooze' ? snooze(log, ref, Date.now()) : markDone(log, ref);
  });
  await hooks.afterChange([]);
  return ok(null);
};

const calendar: Handler<'ui/calendar'> = async (msg, { hooks }) => ok(await hooks.calendar(msg.orderId));

const clearQuarantine: Handler<'ui/clear-quarantine'> = async () => {
  await store.exclusive(() => browser.storage.local.set({ quarantine: [] }));
  return ok(null);
};

/** Every message, to its one handler: a type without one does not compile. */
export async function handle(msg: Message, env: Env): Promise<Reply<unknown>> {
  switch (msg.type) {
    case 'cs/observations':
      return observations(msg, env);
    case 'cs/page-problem':
      return pageProblem(msg, env);
    case 'cs/overlay-state':
      return overlayState(msg, env);
    case 'cs/set-order-guard':
      return setOrderGuard(msg, env);
    case 'cs/open-claim':
      return openClaim(msg, env);
    case 'ui/refresh':
      return refreshAll(msg, env);
    case 'ui/export-backup':
      return exportBackup(msg, env);
    case 'ui/import-backup':
      return importBackup(msg, env);
    case 'ui/get-state':
      return getState(msg, env);
    case 'ui/set-settings':
      return setSettings(msg, env);
    case 'ui/save-draft':
      return saveDraft(msg, env);
    case 'ui/mark-dispute':
      return markDispute(msg, env);
    case 'ui/reminder-action':
      return reminderAction(msg, env);
    case 'ui/calendar':
      return calendar(msg, env);
    case 'ui/clear-quarantine':
      return clearQuarantine(msg, env);
    default:
      return unhandled(msg);
  }
}

/** Reached by no message the schemas let through; `never` makes a missing case a compile error. */
function unhandled(msg: never): Reply<never> {
  return fail('unknown_message', { detail: String((msg as { type?: unknown }).type) });
}

/** 'cs' or 'ui' from a message's `type` ("cs/observations", "ui/get-state"), else null. */
export function messageFamily(message: unknown): 'cs' | 'ui' | null {
  if (typeof message !== 'object' || message === null) return null;
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string') return null;
  return type.startsWith('cs/') ? 'cs' : type.startsWith('ui/') ? 'ui' : null;
}

/** The runtime.onMessage listener: validate, check the sender, dispatch; never throw. */
export function messageListener(hooks: Hooks) {
  return async (message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> => {
    try {
      // The alarm first (src/background/deadlines.ts quickRearm, a few ms): the message that
      // woke the worker is read right after, and reading it must not hold the alarm back.
      await hooks.ready;
      // Each message is checked against its own family only (the types say which: `cs/…`, `ui/…`),
      // so a starting worker builds the schemas of the messages it gets, not of every message.
      const family = messageFamily(message);
      const cs = family === 'cs' ? CsToBg.safeParse(message) : null;
      if (cs?.success) {
        if (!isOurContentScript(sender)) return fail('sender_rejected');
        return await handle(cs.data, { sender, hooks });
      }
      const ui = family === 'ui' ? UiToBg.safeParse(message) : null;
      if (ui?.success) {
        if (!isOurPage(sender)) return fail('sender_rejected');
        return await handle(ui.data, { sender, hooks });
      }
      return fail('invalid_message');
    } catch (e) {
      return fail('internal_error', { detail: e instanceof Error ? e.message : String(e) });
    }
  };
}
