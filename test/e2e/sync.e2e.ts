/**
 * Deadlines on the shopper's other browsers (docs/sync.md), with two browser profiles sharing
 * a simulated sync area: what the first shares in storage.sync is copied into the second, as
 * the browser's own sync would carry it. The second, which has read no page, shows the badge
 * and the order in its popup; with sharing switched off, the first removes what it shared.
 */
import { describe, expect, it } from 'vitest';
import { launch, waitUntil } from './harness';
import { ACS, DETAIL_API, LIST_API, ORDER_DETAIL, ORDER_LIST, awaitingDeliveryDetail, detailPage, englishDateFromToday, fixtureText, gateway, html, orderListPage } from './pages';

const AWAITING = '8214398062177351';

describe('two browsers of one shopper, one sync area', () => {
  it('the second shows the badge and the urgent order before reading any page; switching sharing off removes it', async () => {
    const first = await launch();
    const second = await launch();
    try {
      const refundBy = englishDateFromToday(2);
      await first.routeAliExpress({
        [ORDER_LIST]: html(orderListPage('fetch')),
        [ORDER_DETAIL]: html(detailPage()),
        [ACS]: gateway({ [LIST_API]: fixtureText('order-list.2026-09.json'), [DETAIL_API]: awaitingDeliveryDetail(AWAITING, refundBy.text) }),
      });
      const detail = await first.context.newPage();
      await detail.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${AWAITING}`);
      const shared = await waitUntil(() => first.storage('sync'), (s) => s['digest'] !== undefined && JSON.stringify(s['digest:0'] ?? []).includes(AWAITING), 15_000, 'the digest shared');
      // Only ids, kinds, dates and what to do: no item, store or address.
      expect(JSON.stringify(shared['digest:0'])).not.toMatch(/Store|Cabo|Lima|title/i);

      // The browser's sync carries it to the second browser.
      const { settings: _settings, ...carried } = shared;
      await second.setStorage(carried, 'sync');
      await expect.poll(() => second.badgeText(), { timeout: 10_000 }).toBe('1');
      expect(Object.keys(await second.orders())).toEqual([]);
      const popup = await second.openPopup();
      const section = popup.getByRole('region', { name: 'From your other browsers' });
      await expect.poll(() => section.count(), { timeout: 10_000 }).toBe(1);
      expect(await section.textContent()).toContain(`#${AWAITING}`);
      expect(await section.textContent()).toContain('Refund if not delivered: 2 days left');
      expect(await section.getByRole('link', { name: `#${AWAITING}` }).getAttribute('href')).toBe(`https://www.aliexpress.com/p/order/detail.html?orderId=${AWAITING}`);
      await second.screenshot(popup, 'popup-other-browsers');

      // The second browser, knowing no order, writes nothing over what the first shared.
      await second.ask({ type: 'ui/refresh' });
      expect((await second.storage('sync'))['digest:0']).toEqual(shared['digest:0']);

      // Off in the first browser's options: what it shared goes.
      const options = await first.openOptions();
      await options.getByRole('checkbox', { name: 'Show my open deadlines in my other browsers' }).uncheck();
      await waitUntil(() => first.storage('sync'), (s) => s['digest'] === undefined && s['digest:0'] === undefined, 15_000, 'the digest removed');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
