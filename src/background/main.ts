/**
 * Worker start-up and event wiring. Listeners are registered synchronously at the top level
 * of the start (MV3 wakes the worker for an event only if its listener exists at once), and
 * every start re-derives the alarm and badge from storage: install, update, browser start
 * and wake-up all come through here.
 */
import type { Browser } from '../platform/browser';
import type { Order } from '../domain/order';
import { localeBundle } from '../platform/i18n';
import { OrderPrefsSchema } from '../storage/schema';
import { messageListener, readSettings, store, type Hooks } from './worker';

export function claimPageUrl(browser: Browser, orderId: string): string {
  return browser.runtime.getURL(`src/popup/index.html?view=claim&order=${encodeURIComponent(orderId)}`);
}

export function startWorker(browser: Browser): void {
  const hooks: Hooks = {
    afterChange: async (_changed: Order[]) => {
      await refresh(browser);
    },
    overlayState: async (orderIds) => {
      const [orders, settings, prefsRaw] = await Promise.all([
        store.allOrders(),
        readSettings(),
        browser.storage.local.get('orderPrefs'),
      ]);
      const prefs = OrderPrefsSchema.safeParse(prefsRaw['orderPrefs']);
      const bundle = await localeBundle(settings.locale);
      const wanted = new Set(orderIds);
      return {
        knownCount: orders.size,
        orders: [...orders.values()].filter((o) => wanted.has(o.orderId)),
        settings,
        prefs: prefs.success ? prefs.data : {},
        locale: bundle.locale,
        dir: bundle.dir,
        lang: bundle.lang,
        messages: { ...bundle.fallback, ...bundle.messages },
      };
    },
    uiExtra: async () => null,
    openClaim: async (orderId) => {
      await browser.tabs.create({ url: claimPageUrl(browser, orderId) });
    },
  };

  browser.runtime.onMessage.addListener(messageListener(hooks) as never);
  browser.runtime.onInstalled.addListener(() => void refresh(browser));
  browser.runtime.onStartup.addListener(() => void refresh(browser));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') void refresh(browser);
  });
  void refresh(browser);
}

/** Badge, reminders and the next alarm, all derived from storage. */
export async function refresh(browser: Browser): Promise<void> {
  const orders = await store.allOrders();
  const count = orders.size;
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
}
