/**
 * m.aliexpress.com on a phone-sized page: the order list as mobile cards (each card one link to
 * its order, its buttons inside that link, prices one element per character), served without
 * its JSON, gives the same orders as the desktop page fed by the real capture; and the confirm
 * guard holds on the mobile "Confirm received", whose click would otherwise also follow the
 * card's link, as does the badge's own "Draft a claim".
 */
import { describe, expect, it } from 'vitest';
import { launch, waitUntil, type Harness } from './harness';
import { ACS, LIST_API, ORDER_LIST, ORDER_LIST_URL, fixtureText, gateway, html, listIds, orderListPage } from './pages';

const LIST = fixtureText('order-list.2026-09.json');
const MOBILE_LIST_URL = 'https://m.aliexpress.com/p/order/index.html';
const MOBILE_LIST = '^https://m\\.aliexpress\\.com/p/order/index\\.html';
const PHONE = { width: 390, height: 844 };

/** The mobile page with the page's own "Confirm received" handler (it counts, and keeps the card's link from navigating, as the page's app does). */
const mobilePage = (): string =>
  fixtureText('pages/order-list.mobile.en.html').replace(
    '</body>',
    `<script>window.__confirmed = 0;
document.addEventListener('click', function (e) { var b = e.target.closest('button'); if (b && /Confirm received/.test(b.textContent)) { e.preventDefault(); window.__confirmed++; } });</script></body>`,
  );

type Exported = { orderId: string; status: string; total: unknown; placedOn: string | null; canConfirm?: boolean; items: { title: string; quantity: number; price: unknown }[] };

async function exported(h: Harness): Promise<Exported[]> {
  const reply = await h.ask<{ ok: boolean; value: { orders: Exported[] } }>({ type: 'ui/export-backup' });
  expect(reply.ok).toBe(true);
  return reply.value.orders
    .map((o) => ({ orderId: o.orderId, status: o.status, total: o.total, placedOn: o.placedOn, canConfirm: o.canConfirm, items: o.items.map((i) => ({ title: i.title, quantity: i.quantity, price: i.price })) }))
    .sort((a, b) => a.orderId.localeCompare(b.orderId));
}

async function ordersFrom(url: string, routes: Parameters<Harness['routeAliExpress']>[0], phone: boolean): Promise<Exported[]> {
  const h = await launch();
  try {
    await h.routeAliExpress(routes);
    const tab = await h.context.newPage();
    if (phone) await tab.setViewportSize(PHONE);
    await tab.goto(url);
    await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, '10 orders');
    await waitUntil(() => tab.locator('[data-buyer-shield="badge"]').count(), (n) => n === 10, 15_000, '10 badges');
    if (phone) await h.screenshot(tab, 'mobile-order-list');
    return await exported(h);
  } finally {
    await h.close();
  }
}

describe('the m.aliexpress.com order list on a phone-sized page', () => {
  it('served without JSON, gives the same orders, totals, dates, items and unit prices in Export backup as the desktop page fed by the capture', async () => {
    const fromApi = await ordersFrom(ORDER_LIST_URL, { [ORDER_LIST]: html(orderListPage('xhr')), [ACS]: gateway({ [LIST_API]: LIST }) }, false);
    const fromMobile = await ordersFrom(MOBILE_LIST_URL, { [MOBILE_LIST]: html(mobilePage()) }, true);
    expect(fromMobile.map((o) => o.orderId)).toEqual(listIds(LIST));
    expect(fromMobile.every((o) => o.total !== null && o.placedOn !== null && o.items.every((i) => i.price !== null))).toBe(true);
    expect(fromMobile).toEqual(fromApi);
  });

  it('stops the mobile "Confirm received" (inside the card’s link) at the guard; nothing navigates until "Confirm anyway"', async () => {
    const h = await launch();
    try {
      await h.routeAliExpress({ [MOBILE_LIST]: html(mobilePage()), '^https://m\\.aliexpress\\.com/p/order/detail\\.html': html('<!doctype html><title>Order</title><p>Order details</p>') });
      const tab = await h.context.newPage();
      await tab.setViewportSize(PHONE);
      await tab.goto(MOBILE_LIST_URL);
      await waitUntil(() => tab.locator('[data-buyer-shield="badge"]').count(), (n) => n === 10, 15_000, '10 badges');
      const button = tab.locator('a.order-item[href*="orderId=8214398062177351"]').getByRole('button', { name: 'Confirm received' });
      const dialog = tab.locator('[data-buyer-shield="dialog"]').getByRole('alertdialog');
      await button.click();
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await h.screenshot(tab, 'mobile-confirm-dialog');
      await dialog.getByRole('button', { name: 'Not yet' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      await tab.waitForTimeout(300);
      expect(tab.url()).toBe(MOBILE_LIST_URL);
      expect(await tab.evaluate(() => (window as unknown as { __confirmed: number }).__confirmed)).toBe(0);

      await button.click();
      await dialog.getByRole('button', { name: 'Confirm anyway' }).click();
      await expect.poll(() => tab.evaluate(() => (window as unknown as { __confirmed: number }).__confirmed)).toBe(1);
      expect(tab.url()).toBe(MOBILE_LIST_URL);

      // The badge sits inside the card's link too: "Draft a claim" opens the claim, not the order.
      const claim = h.context.waitForEvent('page');
      await tab.locator('[data-buyer-shield="badge"][data-order-id="8214398062177351"]').getByRole('button', { name: 'Draft a claim' }).click();
      expect((await claim).url()).toMatch(/^chrome-extension:\/\/.*order=8214398062177351/);
      await tab.waitForTimeout(300);
      expect(tab.url()).toBe(MOBILE_LIST_URL);

      // A tap anywhere else on that card opens the order, as it does without us: no guard.
      await tab.locator('a.order-item[href*="orderId=8214398062177351"] .order-item-mobile-product-title').click();
      await tab.waitForURL(/\/p\/order\/detail\.html\?orderId=8214398062177351$/);
      expect(await tab.locator('[data-buyer-shield="dialog"]').count()).toBe(0);
    } finally {
      await h.close();
    }
  });
});
