/**
 * The overlay on the other risky pages: the tracking page (parcel waiting for pick-up;
 * delivered but not confirmed) and the dispute page (before "Cancel dispute" and before
 * accepting the seller's offer).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launch, waitUntil } from './harness';
import {
  ACS,
  DISPUTE_PAGE,
  LIST_API,
  ORDER_LIST,
  ORDER_LIST_URL,
  TRACKING_API,
  TRACKING_PAGE,
  disputePage,
  fixtureText,
  gateway,
  html,
  orderListPage,
  trackingPage,
  trackingWaitingForPickup,
} from './pages';

const AWAITING = '8214398062177351';
const panelText = (p: Page) => p.locator('[data-buyer-shield="panel"]').evaluate((el) => el.shadowRoot?.textContent ?? '');

describe.each([
  ['delivered', fixtureText('tracking.2026-09.json'), /Tracking says delivered.*It never arrived: draft a claim/s],
  ['waiting at the post office', trackingWaitingForPickup(), /Your parcel is waiting for you/],
])('tracking page: %s', (_name, tracking, expected) => {
  it('shows the right prompt for an order awaiting delivery', async () => {
    const h = await launch();
    try {
      await h.routeAliExpress({
        [ORDER_LIST]: html(orderListPage('xhr')),
        [TRACKING_PAGE]: html(trackingPage()),
        [ACS]: gateway({ [LIST_API]: fixtureText('order-list.2026-09.json'), [TRACKING_API]: tracking }),
      });
      const list = await h.context.newPage();
      await list.goto(ORDER_LIST_URL);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, 'orders');
      const page = await h.context.newPage();
      await page.goto(`https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${AWAITING}`);
      await expect.poll(() => panelText(page), { timeout: 15_000 }).toMatch(expected);
      const stored = (await h.orders())[AWAITING] as { tracking: { number: string; events: unknown[] }[] };
      expect(stored.tracking[0]?.number).toBe('AA000000000BR');
      expect(stored.tracking[0]?.events.length).toBe(26);
      await h.screenshot(page, `tracking-${_name.replace(/\s+/g, '-')}`);
    } finally {
      await h.close();
    }
  });
});

describe('dispute page', () => {
  it('asks before "Cancel dispute" and before accepting an offer; going on runs the page once', async () => {
    const h = await launch();
    try {
      await h.routeAliExpress({ [DISPUTE_PAGE]: html(disputePage()) });
      const page = await h.context.newPage();
      await page.goto('https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=1234567&from=1');
      await page.waitForSelector('[data-buyer-shield="panel"]', { state: 'attached' });
      const dialog = page.locator('[data-buyer-shield="dialog"]').getByRole('alertdialog');
      const count = (name: string) => page.evaluate((n) => (window as unknown as Record<string, number>)[n], name);

      await page.getByRole('button', { name: 'Cancel dispute' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.textContent()).toMatch(/Cancel the dispute\?/);
      expect(await count('__cancelled')).toBe(0);
      await dialog.getByRole('button', { name: 'Not yet' }).click();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await count('__cancelled')).toBe(0);

      await page.getByRole('button', { name: 'Accept' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.textContent()).toMatch(/Accepting is final/);
      await h.screenshot(page, 'dispute-accept-dialog');
      await dialog.getByRole('button', { name: 'Accept anyway' }).click();
      await expect.poll(() => count('__accepted')).toBe(1);
      expect(await count('__cancelled')).toBe(0);
    } finally {
      await h.close();
    }
  });
});
