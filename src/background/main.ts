/**
 * Worker start-up and event wiring. Listeners are registered synchronously at the start
 * (MV3 wakes the worker for an event only if its listener exists at once), and every start
 * re-derives the badge, the reminders and the alarm from storage: install, update, browser
 * start and wake-up all come through here, so a killed worker or a restarted browser loses
 * nothing.
 */
import { DIGEST_META_KEY } from '../domain/sync-digest';
import { orderDetailUrl } from '../aliexpress/pages';
import { toICS } from '../domain/ics';
import { actionKey, kindKey } from '../domain/deadlines/engine';
import type { Replies } from '../messaging/messages';
import type { Browser } from '../platform/browser';
import { localeBundle } from '../platform/i18n';
import { localiseParams } from '../i18n/format';
import { OrderPrefsSchema } from '../storage/schema';
import { decodeNotificationId, parseSchedule, quickRearm, rankOrders, refreshDeadlines, REMINDER_ALARM, rulesOf } from './deadlines';
import { messageListener, readSettings, store, type Hooks } from './worker';
import { earlyRead } from './early';
import { overlayOrder, overlayMessages, type OverlayState } from '../messaging/overlay-state';

export function claimPageUrl(browser: Browser, orderId: string): string {
  return browser.runtime.getURL(`src/popup/index.html?view=claim&order=${encodeURIComponent(orderId)}`);
}

/** One refresh at a time; a request arriving meanwhile runs once more after it. */
let running: Promise<void> | null = null;
let again = false;
export function refresh(browser: Browser): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      try {
        await refreshDeadlines({ browser, store, settings: await readSettings(), now: Date.now });
      } catch (e) {
        console.error('[Buyer Shield] refresh failed', e);
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

/** The shopper's deadlines as a calendar file: one order's, or every order's when `orderId` is null. */
async function calendar(orderId: string | null): Promise<Replies['ui/calendar']> {
  const settings = await readSettings();
  const rules = rulesOf(settings);
  const orders = await store.allOrders();
  const { t, lang } = await localeBundle(settings.locale);
  const ranked = rankOrders(orders.values(), rules, Date.now()).filter((r) => orderId === null || r.order.orderId === orderId);
  const events = ranked.flatMap((r) =>
    r.deadlines
      .filter((d) => d.applies && d.daysLeft >= 0)
      .map((d) => ({
        uid: `${r.order.orderId}-${d.kind}-${d.due}@buyer-shield`,
        date: d.due,
        summary: t('deadline_ics_summary', { kind: t(kindKey(d.kind)), order: r.order.orderId }),
        description: [r.order.store.name, t(actionKey(d.action), localiseParams(t, d.params, lang)), d.source === 'estimate' ? t('deadline_ics_estimate') : '']
          .filter(Boolean)
          .join('\n'),
        url: orderDetailUrl(r.order.orderId),
        alarmDaysBefore: Math.min(1, d.daysLeft),
        alarmHour: rules.reminderHour,
      })),
  );
  return { ics: toICS(events, new Date()), count: events.length };
}

async function openOrder(browser: Browser, orderId: string): Promise<void> {
  await browser.tabs.create({ url: orderDetailUrl(orderId) });
}

export function startWorker(browser: Browser): void {
  const rearmed = quickRearm(browser, Date.now(), earlyRead).catch(() => undefined);
  const hooks: Hooks = {
    ready: rearmed,
    afterChange: () => refresh(browser),
    overlayState: async (orderIds): Promise<OverlayState> => {
      // Only the page's orders are read; the count comes from the last refresh's schedule
      // (every AliExpress tab asks for this, so it must not read every stored order).
      const [onPage, settings, local] = await Promise.all([store.ordersByIds(orderIds), readSettings(), browser.storage.local.get(['orderPrefs', 'schedule'])]);
      const prefs = OrderPrefsSchema.safeParse(local['orderPrefs']);
      const bundle = await localeBundle(settings.locale);
      const ranked = rankOrders(onPage.values(), rulesOf(settings), Date.now());
      const knownCount = parseSchedule(local['schedule'])?.orderCount ?? (await store.allOrders()).size;
      return {
        knownCount,
        orders: ranked.map(overlayOrder),
        settings,
        prefs: prefs.success ? prefs.data : {},
        locale: bundle.locale,
        dir: bundle.dir,
        lang: bundle.lang,
        messages: overlayMessages(bundle.messages, bundle.fallback),
      };
    },
    calendar,
    openClaim: async (orderId) => {
      await browser.tabs.create({ url: claimPageUrl(browser, orderId) });
    },
  };

  browser.runtime.onMessage.addListener(messageListener(hooks) as never);
  browser.runtime.onInstalled.addListener(() => void refresh(browser));
  browser.runtime.onStartup.addListener(() => void refresh(browser));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) void refresh(browser);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    // The settings, or the deadlines another browser shared (docs/sync.md).
    if (area === 'sync' && ('settings' in changes || DIGEST_META_KEY in changes)) void refresh(browser);
  });
  // Firefox for Android has no notifications, Firefox no notification buttons (src/platform/browser.ts).
  browser.notifications?.onClicked.addListener((id) => void onNotificationClicked(browser, id, 'open'));
  browser.notifications?.onButtonClicked?.addListener((id, index) => void onNotificationClicked(browser, id, index === 1 ? 'claim' : 'open'));
  void rearmed.then(() => refresh(browser));
}

/** Firefox has no buttons: a click opens the order. A summary opens the popup's list. */
export async function onNotificationClicked(browser: Browser, id: string, what: 'open' | 'claim'): Promise<void> {
  const ref = decodeNotificationId(id);
  if (!ref) return;
  await browser.notifications?.clear(id);
  if ('summary' in ref) {
    await browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html?view=list') });
    return;
  }
  if (what === 'claim') await browser.tabs.create({ url: claimPageUrl(browser, ref.orderId) });
  else await openOrder(browser, ref.orderId);
}
