/**
 * A date to act by in every order state, in the built extension (docs/deadlines.md): an order
 * whose tracking says delivered two days ago, not confirmed, with no countdown on any page,
 * gets its estimated auto-confirm date on the list badge, in the popup and in a notification,
 * with "delivered on …: do you have it?" and the unboxing advice; a completed order whose
 * windows have passed says when protection ended.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitUntil, type Harness } from './harness';
import {
  ACS,
  DETAIL_API,
  LIST_API,
  ORDER_DETAIL,
  ORDER_LIST,
  ORDER_LIST_URL,
  TRACKING_API,
  TRACKING_PAGE,
  detailPage,
  englishDateFromToday,
  fixtureText,
  gateway,
  html,
  orderListPage,
  trackingDeliveredDaysAgo,
  trackingTwoParcels,
  trackingPage,
} from './pages';

const DELIVERED = '8214398062177351';
const COMPLETED = '8212313961591322';
const badgeText = (page: Page, orderId: string) =>
  page.locator(`[data-buyer-shield="badge"][data-order-id="${orderId}"]`).evaluate((el) => el.shadowRoot?.textContent ?? '');

describe('a date to act by once tracking says delivered', () => {
  let h: Harness;
  let list: Page;
  const deliveredOn = englishDateFromToday(-2);
  const actBy = englishDateFromToday(5);

  beforeAll(async () => {
    h = await launch();
    await h.routeAliExpress({
      [ORDER_LIST]: html(orderListPage('xhr')),
      [TRACKING_PAGE]: html(trackingPage()),
      [ORDER_DETAIL]: html(detailPage()),
      [ACS]: gateway({ [LIST_API]: fixtureText('order-list.2026-09.json'), [TRACKING_API]: trackingDeliveredDaysAgo(2), [DETAIL_API]: fixtureText('order-detail.2026-09.json') }),
    });
    list = await h.context.newPage();
    await list.goto(ORDER_LIST_URL);
    await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, 'orders');
    const tracking = await h.context.newPage();
    await tracking.goto(`https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${DELIVERED}`);
    await waitUntil(async () => (await h.orders())[DELIVERED]?.['tracking'] as unknown[] | undefined, (t) => !!t && t.length > 0, 15_000, 'the tracking');
    await tracking.close();
    const detail = await h.context.newPage();
    await detail.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${COMPLETED}`);
    await waitUntil(async () => (await h.orders())[COMPLETED]?.['completedOn'], (c) => !!c, 15_000, 'the completed order read');
    await detail.close();
    await list.reload();
    await waitUntil(() => list.locator('[data-buyer-shield="badge"]').count(), (n) => n === 10, 15_000, '10 badges');
  }, 90_000);

  afterAll(async () => {
    await h?.close();
  });

  it('the list badge shows the estimated date to act by and asks "do you have it?"', async () => {
    await expect.poll(() => badgeText(list, DELIVERED), { timeout: 10_000 }).toContain('5 days left');
    const text = await badgeText(list, DELIVERED);
    expect(text).toContain(`${actBy.text} · Automatic confirmation of receipt`);
    expect(text).toContain('(Estimate)');
    expect(text).toContain(`Tracking says delivered on ${deliveredOn.text}: do you have it?`);
    await list.locator(`[data-buyer-shield="badge"][data-order-id="${DELIVERED}"]`).scrollIntoViewIfNeeded();
    await h.screenshot(list, 'deadlines-list-badges');
  });

  it('a completed order whose windows have passed says when protection ended', async () => {
    // The real detail page: "open a dispute within 90 days after order was placed" (Jul 15 + 90 days).
    await expect.poll(() => badgeText(list, COMPLETED), { timeout: 10_000 }).toContain('Protection ended on Oct 13, 2026');
  });

  it('a notification tells it at once, with the two ways forward and the unboxing advice', async () => {
    const ids = await waitUntil(() => h.notifications(), (n) => Object.keys(n).some((id) => id.includes(DELIVERED)), 15_000, 'the notification');
    expect(Object.keys(ids)).toContain(`bs|${DELIVERED}|auto-confirm|${actBy.iso}`);
    const last = (await h.storage())['lastReminder'] as { title: string; message: string };
    expect(last.title).toBe('Automatic confirmation of receipt: 5 days left');
    expect(last.message).toContain(`Tracking says delivered on ${deliveredOn.text}. Do you have it? Film the unboxing before you open it.`);
    expect(last.message).toContain(`open a "not received" dispute before ${actBy.text}`);
    // The notification as shown, for a person to look at (notifications have no screenshot of their own).
    const card = await h.context.newPage();
    await card.setViewportSize({ width: 400, height: 260 });
    await card.setContent(`<div style="font:14px system-ui;width:360px;border:1px solid #ccc;border-radius:8px;padding:12px;margin:12px"><b>Buyer Shield · ${last.title}</b><p style="white-space:pre-wrap">${last.message.replace(/</g, '&lt;')}</p></div>`);
    await h.screenshot(card, 'deadlines-notification');
    await card.close();
  });

  it('the popup row shows the date and the prompt', async () => {
    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 420, height: 760 });
    const row = popup.locator('li.order', { hasText: `#${DELIVERED}` });
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain(`Tracking says delivered on ${deliveredOn.text}. Do you have it?`);
    const ended = popup.locator('li.order', { hasText: `#${COMPLETED}` });
    expect(await ended.innerText()).toContain('Protection ended on Oct 13, 2026');
    await h.screenshot(popup, 'deadlines-popup');
  });
});

describe('an order shipped in two parcels', () => {
  it('keeps both parcels, is not delivered until both are, and says "2 parcels, 1 delivered" on the badge and in the popup', async () => {
    const h = await launch();
    try {
      await h.routeAliExpress({
        [ORDER_LIST]: html(orderListPage('xhr')),
        [TRACKING_PAGE]: html(trackingPage()),
        [ACS]: gateway({ [LIST_API]: fixtureText('order-list.2026-09.json'), [TRACKING_API]: trackingTwoParcels() }),
      });
      const list = await h.context.newPage();
      await list.goto(ORDER_LIST_URL);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, 'orders');
      const tracking = await h.context.newPage();
      await tracking.goto(`https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${DELIVERED}`);
      const stored = await waitUntil(
        async () => (await h.orders())[DELIVERED] as { tracking: { number: string }[]; deliveredAt?: string | null } | undefined,
        (o) => (o?.tracking.length ?? 0) === 2,
        15_000,
        'two parcels stored',
      );
      expect(stored!.tracking.map((p) => p.number).sort()).toEqual(['AA000000000BR', 'LP00000000000002']);
      expect(stored!.deliveredAt ?? null).toBeNull();
      await tracking.close();
      await list.reload();
      await expect.poll(() => badgeText(list, DELIVERED), { timeout: 15_000 }).toContain('2 parcels, 1 delivered');
      const popup = await h.openPopup(`?view=order&order=${DELIVERED}`);
      await popup.setViewportSize({ width: 420, height: 900 });
      await expect.poll(() => popup.locator('body').innerText(), { timeout: 15_000 }).toContain('2 parcels, 1 delivered');
      const body = await popup.locator('body').innerText();
      expect(body).toContain('AA000000000BR');
      expect(body).toContain('LP00000000000002');
      await h.screenshot(popup, 'deadlines-two-parcels');
    } finally {
      await h.close();
    }
  });
});
