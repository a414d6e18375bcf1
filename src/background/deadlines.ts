/**
 * The worker's deadline duties, all derived from storage on every call: the toolbar badge,
 * the reminders due now (each raised once), and the one alarm for the next reminder.
 */
import { orderDetailUrl } from '../aliexpress/pages';
import { classifyTrackingEvent } from '../aliexpress/tracking-class';
import { localDateOf } from '../domain/dates';
import { sortOrdersByUrgency, type ComputedDeadline, type RankedOrder } from '../domain/deadlines/engine';
import { modeOf, parseLog, planReminders, recordRaised, reminderMessage, type DueReminder, type DueReminders } from '../domain/deadlines/reminders';
import {
  deadlineOfEntry,
  DIGEST_LIMITS,
  DIGEST_META_KEY,
  DIGEST_PART_PREFIX,
  digestEntries,
  mergedDigest,
  packDigest,
  parseShown,
  shownKey,
  SHOWN_KEY,
  splitShown,
  unpackDigest,
  unusedDigestKeys,
  withShown,
  type DigestEntry,
} from '../domain/sync-digest';
import type { Rules } from '../domain/deadlines/rules';
import type { Order } from '../domain/order';
import { localiseParams } from '../i18n/format';
import { hasNotifications, setBadge, supportsNotificationButtons, type Browser, type NotificationOptions } from '../platform/browser';
import { localeBundle } from '../platform/i18n';
import { makeIndex } from '../storage/index-write';
import { INDEX_HEAD_KEY, INDEX_STALE_KEY } from '../storage/schema';
import { rulesOfSettings, type Settings } from '../storage/settings';
import type { OrderStore } from './store';
import { REMINDER_ALARM, type EarlyRead } from './early';

export { REMINDER_ALARM };
/** Marked (performance.mark) when a starting worker has re-armed the alarm from the stored schedule. */
export const ALARM_ARMED_MARK = 'buyer-shield:alarm-armed';
export const NOTIFICATION_PREFIX = 'bs|';

export { rulesOfSettings as rulesOf };

export function rankOrders(orders: Iterable<Order>, rules: Rules, now: number): RankedOrder[] {
  return sortOrdersByUrgency([...orders], rules, localDateOf(now), () => ({ classifyEvent: classifyTrackingEvent }));
}

/** Orders with a deadline that applies within `urgentDays` (overdue ones excluded: nothing left to save). */
export function urgentCount(ranked: readonly Pick<RankedOrder, 'top'>[], rules: Rules): { count: number; today: boolean } {
  let count = 0;
  let today = false;
  for (const r of ranked) {
    const top = r.top;
    if (top && top.applies && top.daysLeft >= 0 && top.daysLeft <= rules.urgentDays) {
      count++;
      if (top.daysLeft <= 1) today = true;
    }
  }
  return { count, today };
}

export interface RefreshDeps {
  browser: Browser;
  store: OrderStore;
  settings: Settings;
  now: () => number;
}

/** Notification id: which deadline (single) or a summary; decoded on click. */
export function notificationId(due: DueReminders): string {
  const first = due.reminders[0];
  if (due.mode === 'single' && first) return `${NOTIFICATION_PREFIX}${first.orderId}|${first.kind}|${first.due}`;
  // Named by the reminders it holds, so raising the same summary again replaces it instead of adding one.
  let hash = 5381;
  for (const r of due.reminders) for (const ch of `${r.orderId}|${r.kind}|${r.due};`) hash = (Math.imul(hash, 33) + ch.charCodeAt(0)) >>> 0;
  return `${NOTIFICATION_PREFIX}summary|${due.reminders.length}-${hash.toString(36)}`;
}

export function decodeNotificationId(id: string): { orderId: string; kind: string; due: string } | { summary: true } | null {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return null;
  const [a, b, c] = id.slice(NOTIFICATION_PREFIX.length).split('|');
  if (a === 'summary') return { summary: true };
  if (a && /^\d{6,24}$/.test(a) && b && c) return { orderId: a, kind: b, due: c };
  return null;
}

export async function refreshDeadlines({ browser, store, settings, now }: RefreshDeps): Promise<void> {
  const rules = rulesOfSettings(settings);
  const read = await store.exclusive(() => store.readAll());
  const orders = read.orders;
  const at = now();
  const ranked = rankOrders(orders.values(), rules, at);
  const index = makeIndex(ranked, rules, localDateOf(at), at);

  // The shopper's other browsers (docs/sync.md): their open deadlines for orders this one has
  // not read, and the reminders they showed. Off with the setting: nothing read or written.
  const today = localDateOf(at);
  const share = settings.syncDeadlines !== false;
  const shared = share ? await readShared(browser) : { entries: [], shown: [] };
  const remote = remoteOrders(shared.entries, orders, today, rules);

  const urgent = urgentCount([...ranked, ...remote], rules);
  await setBadge(browser, urgent.count, urgent.today);

  const entries = [
    ...ranked.map((r) => ({ orderId: r.order.orderId, firstSeenAt: r.order.firstSeenAt, deadlines: r.deadlines })),
    // Seen long ago: reminded at their scheduled times, not at once for being new here.
    ...remote.map((r) => ({ orderId: r.orderId, firstSeenAt: 0, deadlines: r.deadlines })),
  ];
  // Read, decide, show and record under the store's queue, so a second wake-up cannot raise the
  // same reminder. Shown before it is recorded: a worker killed in between shows it again under
  // the same notification id (which replaces it), instead of recording a reminder never shown.
  await store.exclusive(async () => {
    const log = parseLog((await browser.storage.local.get('reminderLog'))['reminderLog']);
    const plan = planReminders(entries, log, rules, at);
    if (plan.due.mode !== 'none') {
      // A reminder another browser already showed is recorded here, not shown again.
      const { fresh } = splitShown(plan.due.reminders, shared.shown);
      if (settings.notificationsEnabled && fresh.length > 0) {
        try {
          await notify(browser, settings, { mode: modeOf(fresh), reminders: fresh }, orders, at);
          if (share) await writeShown(browser, shared.shown, fresh);
        } catch (e) {
          console.error('[Buyer Shield] notification failed', e);
        }
      }
      await browser.storage.local.set({ reminderLog: recordRaised(log, plan.due.reminders, at) });
    }
    const when = plan.due.mode !== 'none' ? plan.nextWakeAt : plan.nextWakeIfNotRaised;
    if (when === null) await browser.alarms.clear(REMINDER_ALARM);
    else await browser.alarms.create(REMINDER_ALARM, { when: Math.max(when, at + 1000) });
    const schedule: Schedule = { nextWakeAt: when, badge: urgent.count, badgeToday: urgent.today, orderCount: orders.size, at };
    // The index goes with the schedule; the stale mark is cleared only if no order was
    // written since the orders above were read (else the next refresh, already queued, rebuilds it).
    await browser.storage.local.set({ schedule });
    await shareDigest(browser, share, ranked, shared, orders, today, at);
    const mark = (await browser.storage.local.get(INDEX_STALE_KEY))[INDEX_STALE_KEY];
    try {
      await browser.storage.local.set(index);
    } catch (e) {
      // Storage full: no index rather than an outdated one; the mark stays, so pages read the records.
      console.warn('[Buyer Shield] order index not written', e);
      await browser.storage.local.remove(INDEX_HEAD_KEY).catch(() => undefined);
      return;
    }
    if (mark !== undefined && mark === read.indexStale) await browser.storage.local.remove(INDEX_STALE_KEY);
  });
}

// ---------------------------------------------------------------- the shopper's other browsers

interface Shared {
  entries: DigestEntry[];
  shown: string[];
  /** The stored parts, as JSON, to write only what changed. */
  stored?: string;
}

/** The digest and the reminders shown, from storage.sync; nothing when sync is unavailable. */
async function readShared(browser: Browser): Promise<Shared> {
  try {
    const items = (await browser.storage.sync.get(null)) as Record<string, unknown>;
    return { entries: unpackDigest(items), shown: parseShown(items[SHOWN_KEY]), stored: storedParts(items) };
  } catch {
    return { entries: [], shown: [] };
  }
}

function storedParts(items: Record<string, unknown>): string {
  const parts = (items[DIGEST_META_KEY] as { parts?: unknown } | undefined)?.parts;
  const n = typeof parts === 'number' ? Math.min(parts, DIGEST_LIMITS.parts) : 0;
  return JSON.stringify(Array.from({ length: n }, (_, i) => items[`${DIGEST_PART_PREFIX}${i}`] ?? null));
}

/** Orders known only from another browser's digest, with their deadlines as this browser ranks them. */
function remoteOrders(entries: readonly DigestEntry[], known: ReadonlyMap<string, Order>, today: string, rules: Rules): { orderId: string; deadlines: ComputedDeadline[]; top: ComputedDeadline | null }[] {
  const byOrder = new Map<string, ComputedDeadline[]>();
  for (const e of entries) {
    if (known.has(e.orderId) || e.due < today) continue;
    const list = byOrder.get(e.orderId) ?? [];
    list.push(deadlineOfEntry(e, today, rules));
    byOrder.set(e.orderId, list);
  }
  return [...byOrder].map(([orderId, deadlines]) => ({ orderId, deadlines, top: deadlines.reduce<ComputedDeadline | null>((a, d) => (!a || d.due < a.due ? d : a), null) }));
}

async function writeShown(browser: Browser, shown: readonly string[], raised: readonly DueReminder[]): Promise<void> {
  try {
    await browser.storage.sync.set({ [SHOWN_KEY]: withShown(shown, raised.map(shownKey)) });
  } catch (e) {
    console.warn('[Buyer Shield] reminders shown not shared', e);
  }
}

/**
 * This browser's open deadlines, with those learnt from the others for orders it does not know,
 * written to storage.sync when they changed (sync writes are rate-limited); removed when the
 * shopper switched sharing off.
 */
async function shareDigest(browser: Browser, share: boolean, ranked: readonly RankedOrder[], shared: Shared, orders: ReadonlyMap<string, Order>, today: string, at: number): Promise<void> {
  try {
    if (!share) {
      const items = (await browser.storage.sync.get(DIGEST_META_KEY)) as Record<string, unknown>;
      if (items[DIGEST_META_KEY] !== undefined) await browser.storage.sync.remove([DIGEST_META_KEY, SHOWN_KEY, ...unusedDigestKeys(0)]);
      return;
    }
    const own = digestEntries(ranked.map((r) => ({ orderId: r.order.orderId, deadlines: r.deadlines })), today);
    const packed = packDigest(mergedDigest(own, shared.entries, new Set(orders.keys()), today), at);
    const parts = (packed[DIGEST_META_KEY] as { parts: number }).parts;
    if (storedParts(packed) === shared.stored) return;
    await browser.storage.sync.set(packed);
    await browser.storage.sync.remove(unusedDigestKeys(parts));
  } catch (e) {
    console.warn('[Buyer Shield] deadlines not shared', e);
  }
}

/** What the last full refresh decided, so a cold start can re-arm at once (see quickRearm). */
export interface Schedule {
  nextWakeAt: number | null;
  badge: number;
  badgeToday: boolean;
  /** How many orders are stored (the overlay says it without reading them all). */
  orderCount?: number;
  at: number;
}

export function parseSchedule(x: unknown): Schedule | null {
  if (!x || typeof x !== 'object') return null;
  const s = x as Record<string, unknown>;
  const ok =
    (s['nextWakeAt'] === null || (typeof s['nextWakeAt'] === 'number' && Number.isFinite(s['nextWakeAt']))) &&
    typeof s['badge'] === 'number' &&
    typeof s['badgeToday'] === 'boolean' &&
    typeof s['at'] === 'number';
  return ok ? (s as unknown as Schedule) : null;
}

/**
 * The first thing a starting worker does: if the browser dropped the alarm (it does on a
 * restart), arm it again from the schedule the last refresh stored, and restore the badge —
 * a few milliseconds, however many orders are stored. The full refresh that follows
 * recomputes both from the orders and corrects them if anything changed.
 */
export async function quickRearm(browser: Browser, now: number, early: Promise<EarlyRead> | null = null): Promise<void> {
  const read = (await early?.catch(() => null)) ?? null;
  const [stored, alarm] = read ? [read.stored, read.alarm] : await Promise.all([browser.storage.local.get('schedule'), browser.alarms.get(REMINDER_ALARM)]);
  const schedule = parseSchedule(stored['schedule']);
  if (!schedule) return;
  if (!alarm && schedule.nextWakeAt !== null) await browser.alarms.create(REMINDER_ALARM, { when: Math.max(schedule.nextWakeAt, now + 1000) });
  // A User Timing mark (worker-local, seen by no page): `npm run bench` reads when it came.
  performance.mark(ALARM_ARMED_MARK);
  await setBadge(browser, schedule.badge, schedule.badgeToday);
}

async function notify(browser: Browser, settings: Settings, due: DueReminders, orders: Map<string, Order>, now: number): Promise<void> {
  const message = reminderMessage(due);
  const first = due.reminders[0];
  if (!message || !first) return;
  const { t, lang } = await localeBundle(settings.locale);
  const order = orders.get(first.orderId);
  const local = (p: Record<string, string | number>) => localiseParams(t, p, lang);
  const title = t(message.titleKey, local(message.titleParams));
  const what =
    due.mode === 'single' && order
      ? t('notify_which', { store: order.store.name ?? '—', item: (order.items[0]?.title ?? '').slice(0, 60), order: order.orderId })
      : '';
  const body = [what, t(message.bodyKey, local(message.bodyParams))].filter(Boolean).join('\n');
  const options: NotificationOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message: body,
    priority: 2,
  };
  if (supportsNotificationButtons() && due.mode === 'single') {
    options.buttons = [{ title: t('notify_open_order') }, { title: t('notify_draft_claim') }];
    options.requireInteraction = true;
  }
  const id = notificationId(due);
  // Without notifications (Firefox for Android) the reminder is only kept for the popup.
  if (hasNotifications(browser)) await browser.notifications.create(id, options as never);
  // The last reminder, as shown: the popup can repeat it after the notification is gone.
  await browser.storage.local.set({ lastReminder: { id, title, message: body, at: new Date(now).toISOString(), locale: lang } });
}

export { orderDetailUrl };
