/**
 * Firefox for Android lacks APIs the worker uses elsewhere: no notifications, perhaps no
 * toolbar badge. The worker does without them (src/platform/browser.ts): a refresh that raises
 * a reminder neither throws nor loses it — the reminder is kept for the popup — and a start
 * re-arms its alarm.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { quickRearm, refreshDeadlines } from '../../../src/background/deadlines';
import { OrderStore } from '../../../src/background/store';
import type { Order } from '../../../src/domain/order';
import type { Browser } from '../../../src/platform/browser';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings';
import { makeOrder } from '../claim/fixtures';
import { MemoryArea } from '../storage/memory-area';

// The English catalogue, as the extension's pages fetch it (no extension URL in a unit test).
vi.mock('../../../src/platform/i18n', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { createTranslator } = await import('../../../src/i18n');
  const dir = 'src/i18n/catalogue/en';
  const en = Object.assign({}, ...readdirSync(dir).map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Record<string, string>));
  return { localeBundle: async () => ({ locale: 'en', lang: 'en', dir: 'ltr', messages: en, fallback: en, t: createTranslator(en, en, 'en') }) };
});

/** 10:00 local on Sep 1, 2026: after the reminder hour (9). */
const NOW = new Date(2026, 8, 1, 10, 0).getTime();

/** A browser with storage and alarms, and neither notifications nor a badge. */
function androidBrowser(area: MemoryArea, alarms: unknown[]): Browser {
  return {
    storage: { local: area },
    alarms: { create: async (_name: string, info: unknown) => void alarms.push(info), clear: async () => true, get: async () => undefined },
    runtime: { getURL: (p: string) => `moz-extension://x/${p}` },
  } as unknown as Browser;
}

describe('on a browser without notifications or a toolbar badge', () => {
  it('a refresh that raises a reminder keeps it for the popup, and arms the next wake-up', async () => {
    const area = new MemoryArea();
    // Refund if not delivered by Sep 2: a reminder is due today.
    const order: Order = { ...makeOrder({ status: 'awaiting_delivery', deliveredAt: null }), orderId: '8300000000000001', deadlines: [{ kind: 'no-delivery-refund', due: '2026-09-02', source: 'page', text: null }] };
    await area.set({ [`order:${order.orderId}`]: order });
    const store = new OrderStore({ local: area as unknown as Storage.StorageArea, now: () => new Date(NOW) });
    const alarms: unknown[] = [];
    const browser = androidBrowser(area, alarms);
    await refreshDeadlines({ browser, store, settings: DEFAULT_SETTINGS, now: () => NOW });
    const last = area.snapshot()['lastReminder'] as { title: string; message: string } | undefined;
    expect(last?.title).toBeTruthy();
    expect(last?.message).toContain(order.orderId);
    expect(alarms.length).toBeGreaterThan(0);
    // A start after a restart: the alarm again, no badge to set, nothing thrown.
    await expect(quickRearm(browser, NOW + 60_000)).resolves.toBeUndefined();
  });
});
