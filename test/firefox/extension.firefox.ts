/**
 * The Firefox build in Firefox (firefox-esr over WebDriver BiDi): the capture and the content
 * script on an AliExpress page served on its real URL, the badges and the confirm guard, the
 * popup, storage, the reminder alarm and notification, the backup, and the mobile order list
 * on a phone-sized page with a phone's user agent (Firefox for Android's pages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL_API, LIST_API, awaitingDeliveryDetail, detailPage, englishDateFromToday, orderListPage } from '../../scripts/demo-pages.mjs';
import { launchFirefox, ROOT, until, type FirefoxHarness, type Responder } from './harness';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'aliexpress');
const LIST = readFileSync(join(FIXTURES, 'order-list.2026-09.json'), 'utf8');
const AWAITING = '8214398062177351';
const ORDER_LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const html = (body: string): Responder => () => ({ body });
const refundBy = englishDateFromToday(2);
/** The gateway: the order list and the detail of the order awaiting delivery, as JSON. */
const gateway: Responder = (url) => {
  const api = url.searchParams.get('api') ?? '';
  if (api === LIST_API && (url.searchParams.get('pageIndex') ?? '1') === '1') return { contentType: 'application/json', body: LIST };
  if (api === DETAIL_API) return { contentType: 'application/json', body: awaitingDeliveryDetail(AWAITING, refundBy.text) };
  return { status: 404, contentType: 'application/json', body: '' };
};
const ROUTES: Record<string, Responder> = {
  '^https://www\\.aliexpress\\.com/p/order/index\\.html': html(orderListPage('xhr')),
  '^https://www\\.aliexpress\\.com/p/order/detail\\.html': html(detailPage()),
  '^https://acs\\.aliexpress\\.com/': gateway,
};

/** The text of the badge on an order's card (inside its shadow root). */
const badgeText = (page: Page, orderId: string) =>
  page.evaluate((id) => document.querySelector(`[data-buyer-shield="badge"][data-order-id="${id}"]`)?.shadowRoot?.textContent ?? '', orderId);
const badgeCount = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-buyer-shield="badge"]').length);

describe('the Firefox build in Firefox', () => {
  let ff: FirefoxHarness;
  let list: Page;

  beforeAll(async () => {
    ff = await launchFirefox();
    // The detail page first: the refund date of the order awaiting delivery is known.
    const detail = await ff.page(ROUTES);
    await detail.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${AWAITING}`);
    const probe = await ff.extensionPage('src/options/index.html?probe');
    await until(() => probe.evaluate((id: string) => browser.storage.local.get(`order:${id}`).then((r) => JSON.stringify(r)), AWAITING), (s) => s.includes('no-delivery-refund'), 20_000, 'the detail page read');
    await probe.close();
    await detail.close();
    list = await ff.page(ROUTES);
    await list.goto(ORDER_LIST_URL);
    await until(() => badgeCount(list), (n) => n === 10, 20_000, '10 badges');
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('captures the gateway response and puts the right badge on every card', async () => {
    expect(await badgeText(list, AWAITING)).toMatch(/2 days left · .*2026 · Refund if not delivered/);
    expect(await badgeText(list, '8214779947343229')).toContain('Open the order to read its protection date');
    await ff.screenshot(list, 'order-list');
  });

  it('stops "Confirm received" at the guard; Not yet keeps the order unconfirmed', async () => {
    const clicked = await list.evaluate((id) => {
      const card = [...document.querySelectorAll('.order-item')].find((c) => c.textContent?.includes(id));
      const button = [...(card?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Confirm received');
      button?.click();
      return button !== undefined;
    }, AWAITING);
    expect(clicked).toBe(true);
    // A click from script is untrusted and passes: the guard stops the shopper's own clicks.
    await list.evaluate(() => ((window as unknown as { __confirmed: number }).__confirmed = 0));
    const box = await list.evaluate((id) => {
      const card = [...document.querySelectorAll('.order-item')].find((c) => c.textContent?.includes(id));
      const button = [...(card?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Confirm received')!;
      button.scrollIntoView();
      const r = button.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, AWAITING);
    await list.mouse.click(box.x, box.y);
    const dialog = () => list.evaluate(() => document.querySelector('[data-buyer-shield="dialog"]')?.shadowRoot?.querySelector('[role="alertdialog"]')?.textContent ?? '');
    expect(await until(dialog, (t) => t.length > 0, 10_000, 'the guard dialog')).toContain('Confirm anyway');
    expect(await list.evaluate(() => (window as unknown as { __confirmed: number }).__confirmed)).toBe(0);
    await ff.screenshot(list, 'confirm-dialog');
    await list.keyboard.press('Escape');
    await until(dialog, (t) => t === '', 10_000, 'the dialog closed');
    expect(await list.evaluate(() => (window as unknown as { __confirmed: number }).__confirmed)).toBe(0);
  });

  it('keeps the orders in storage, arms the reminder alarm and raises the reminder', async () => {
    const probe = await ff.extensionPage('src/options/index.html?probe');
    const state = await until(
      () =>
        probe.evaluate(async () => ({
          orders: Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('order:')).length,
          alarms: (await browser.alarms.getAll()).map((a) => a.name),
          notifications: Object.keys(await browser.notifications.getAll()),
          reminder: ((await browser.storage.local.get('lastReminder'))['lastReminder'] as { title?: string } | undefined)?.title ?? '',
        })),
      (s) => s.orders === 10 && s.notifications.length > 0,
      20_000,
      'orders and the reminder',
    );
    expect(state.alarms).toContain('buyer-shield:reminder');
    expect(state.notifications.some((n) => n.includes(AWAITING))).toBe(true);
    expect(state.reminder).toMatch(/Refund if not delivered/);
    await probe.close();
  });

  it('lists the orders in the popup, most urgent first, and exports the backup', async () => {
    const popup = await ff.extensionPage('src/popup/index.html');
    const rows = await until(() => popup.evaluate(() => [...document.querySelectorAll('li.order')].map((li) => li.textContent ?? '')), (r) => r.length >= 8, 15_000, 'popup rows');
    expect(rows[0]).toContain(AWAITING);
    await ff.screenshot(popup, 'popup');
    const backup = await popup.evaluate(async () => (await browser.runtime.sendMessage({ type: 'ui/export-backup' })) as { ok: boolean; value: { format: string; orders: { orderId: string }[] } });
    expect(backup.ok).toBe(true);
    expect(backup.value.format).toBe('buyer-shield-backup');
    expect(backup.value.orders).toHaveLength(10);
    await popup.close();
  });

  it('reads the m.aliexpress.com order list on a phone-sized page with a phone’s user agent, and badges it', async () => {
    const mobile = readFileSync(join(FIXTURES, 'pages', 'order-list.mobile.en.html'), 'utf8');
    const phone = await ff.page(
      { '^https://m\\.aliexpress\\.com/p/order/index\\.html': html(mobile) },
      { width: 390, height: 844, userAgent: 'Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0' },
    );
    await phone.goto('https://m.aliexpress.com/p/order/index.html');
    await until(() => badgeCount(phone), (n) => n === 10, 20_000, '10 badges on the mobile list');
    expect(await badgeText(phone, AWAITING)).toMatch(/Refund if not delivered/);
    await ff.screenshot(phone, 'mobile-order-list');
    await phone.close();
  });

  it('requested nothing the tests did not serve', () => {
    // Images the pages name (alicdn, aliexpress-media) and the browser's own favicon requests
    // are refused like anything else not served; data: URLs are no request.
    const network = ff.unserved.filter((u) => /^https?:/.test(u) && !/aliexpress-media\.com|alicdn\.com/.test(u) && !u.endsWith('/favicon.ico'));
    expect(network).toEqual([]);
  });
});
