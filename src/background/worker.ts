/**
 * The worker: wires the pure cores to browser APIs. It keeps no state in globals that it
 * would miss after being killed: every handler reads storage through the store.
 */
import type { Runtime } from 'webextension-polyfill';
import { makeBackup, parseBackup } from '../domain/backup';
import type { Order } from '../domain/order';
import { CsToBg, UiToBg, type CsToBgMessage, type Reply, type UiToBgMessage } from '../messaging/messages';
import { classifyUrl } from '../aliexpress/pages';
import { browser } from '../platform/browser';
import { OrderPrefsSchema, type OrderPrefs } from '../storage/schema';
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
  overlayState: (orderIds: string[]) => Promise<unknown>;
  uiExtra: (msg: UiToBgMessage) => Promise<Reply<unknown> | null>;
  openClaim: (orderId: string) => Promise<void>;
  /** Settles when a starting worker has re-armed its reminder alarm; messages are read after it. */
  ready?: Promise<unknown>;
};

export async function handleContent(msg: CsToBgMessage, sender: Runtime.MessageSender, hooks: Hooks): Promise<Reply<unknown>> {
  const url = sender.url ?? '';
  switch (msg.type) {
    case 'cs/observations': {
      const outcome = await store.mergeObservations(msg.observations);
      for (const p of msg.problems) await store.recordProblem({ at: new Date().toISOString(), url, code: p.code, detail: p.detail });
      await hooks.afterChange(outcome.changed);
      return ok({ accepted: outcome.accepted, rejected: outcome.rejected });
    }
    case 'cs/page-problem':
      await store.recordProblem({ at: new Date().toISOString(), url, code: msg.code, detail: msg.detail });
      return ok(null);
    case 'cs/overlay-state':
      return ok(await hooks.overlayState(msg.orderIds));
    case 'cs/set-order-guard':
      await store.update('orderPrefs', (current) => {
        const prefs = OrderPrefsSchema.safeParse(current);
        const next: OrderPrefs = prefs.success ? { ...prefs.data } : {};
        next[msg.orderId] = { ...next[msg.orderId], guardOff: msg.guardOff };
        return next;
      });
      return ok(null);
    case 'cs/open-claim':
      await hooks.openClaim(msg.orderId);
      return ok(null);
  }
}

export async function handleUi(msg: UiToBgMessage, hooks: Hooks): Promise<Reply<unknown>> {
  switch (msg.type) {
    case 'ui/export-backup': {
      const read = await store.exclusive(() => store.readAll());
      const settings = await readSettings();
      const drafts = Object.fromEntries(read.drafts);
      // Records kept aside travel with the backup, so the shopper can keep them (docs/backup-format.md).
      const quarantine = [...read.quarantine, ...read.quarantined];
      return ok({ ...makeBackup(read.orders.values(), settings, new Date(), drafts), ...(quarantine.length ? { quarantine } : {}) });
    }
    case 'ui/import-backup': {
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
        for (const [id, d] of Object.entries(parsed.drafts)) if (/^\d{6,24}$/.test(id)) set[`draft:${id}`] = d;
        await store.exclusive(() => browser.storage.local.set(set));
      }
      await hooks.afterChange(newer);
      return ok({ imported: newer.length, total: parsed.orders.length });
    }
    case 'ui/get-state': {
      const [settings, prefs] = await Promise.all([readSettings(), readOrderPrefs()]);
      return ok({ settings, prefs });
    }
    case 'ui/set-settings': {
      const { settings, repaired } = repairSettings(msg.settings);
      if (repaired.length) return fail('settings_error_invalid', { fields: repaired.join(', ') });
      await browser.storage.sync.set({ settings });
      await hooks.afterChange([]);
      return ok(settings);
    }
    case 'ui/refresh':
      await hooks.afterChange([]);
      return ok(null);
    case 'ui/clear-quarantine':
      await store.exclusive(() => browser.storage.local.set({ quarantine: [] }));
      return ok(null);
    default: {
      const extra = await hooks.uiExtra(msg);
      return extra ?? fail('unknown_message');
    }
  }
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
        return await handleContent(cs.data, sender, hooks);
      }
      const ui = family === 'ui' ? UiToBg.safeParse(message) : null;
      if (ui?.success) {
        if (!isOurPage(sender)) return fail('sender_rejected');
        return await handleUi(ui.data, hooks);
      }
      return fail('invalid_message');
    } catch (e) {
      return fail('internal_error', { detail: e instanceof Error ? e.message : String(e) });
    }
  };
}
