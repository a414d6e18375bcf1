/**
 * Every way AliExpress hands an order list to its page ends up as the right orders in
 * "Export backup": JSON by XHR, by fetch and by JSONP from the acs.aliexpress.com gateway,
 * and a page with no JSON at all (the rendered cards, read by the DOM fallback). And "Read
 * all my orders" presses the page's own "View orders" until there is no more.
 */
import { describe, expect, it } from 'vitest';
import { launch, waitUntil } from './harness';
import { ACS, LIST_API, ORDER_LIST, ORDER_LIST_URL, TRACKING_API, TRACKING_PAGE, fixtureText, gateway, html, listIds, listPageWithOtherIds, orderListPage, trackingDomPage, trackingPage } from './pages';

const LIST = fixtureText('order-list.2026-09.json');
const IDS = listIds(LIST);
type BackupOrder = { orderId: string; status: string; total: { minor: number; currency: string } | null; placedOn: string | null; items: { title: string }[]; canConfirm?: boolean };

/** The orders as the real capture states them: status, total in minor units, date, first item. */
const EXPECTED: Record<string, { status: string; minor: number }> = {
  '8214398062177351': { status: 'awaiting_delivery', minor: 3193 },
  '8214779947343229': { status: 'awaiting_delivery', minor: 8715 },
  '8212313961591322': { status: 'completed', minor: 13274 },
  '8211589415816822': { status: 'completed', minor: 1397 },
};

async function exported(h: Awaited<ReturnType<typeof launch>>): Promise<BackupOrder[]> {
  const reply = await h.ask<{ ok: boolean; value: { format: string; orders: BackupOrder[] } }>({ type: 'ui/export-backup' });
  expect(reply.ok).toBe(true);
  expect(reply.value.format).toBe('buyer-shield-backup');
  return reply.value.orders;
}

describe.each(['xhr', 'fetch', 'jsonp', 'dom-only'] as const)('order list by %s', (transport) => {
  it('ends up as the right orders in Export backup', async () => {
    const h = await launch();
    try {
      const page = transport === 'dom-only' ? fixtureText('pages/order-list.en.html') : orderListPage(transport);
      await h.routeAliExpress({ [ORDER_LIST]: html(page), [ACS]: gateway({ [LIST_API]: LIST }) });
      const tab = await h.context.newPage();
      await tab.goto(ORDER_LIST_URL);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, '10 orders');
      const orders = await exported(h);
      expect(orders.map((o) => o.orderId).sort()).toEqual(IDS);
      for (const [id, want] of Object.entries(EXPECTED)) {
        const o = orders.find((x) => x.orderId === id)!;
        expect(o.status, id).toBe(want.status);
        expect(o.total, id).toEqual({ minor: want.minor, currency: 'BRL' });
        expect(o.items.length, id).toBeGreaterThan(0);
      }
      expect(orders.find((o) => o.orderId === '8214398062177351')?.placedOn).toBe('2026-09-01');
      expect(orders.find((o) => o.orderId === '8214398062177351')?.canConfirm).toBe(true);
      if (transport !== 'dom-only') {
        // The page received exactly what the gateway sent.
        expect(await tab.evaluate(() => JSON.stringify((window as unknown as { __received: unknown }).__received))).toBe(JSON.stringify(JSON.parse(LIST)));
      }
    } finally {
      await h.close();
    }
  });
});

describe('a page whose prices show a bare "$"', () => {
  it('takes the currency of the shopper’s account (its aep_usuc_f cookie), never US dollars', async () => {
    const h = await launch();
    try {
      // The same rendered cards, every "R$" written as the bare "$" of a peso account.
      const page = fixtureText('pages/order-list.en.html').replaceAll('<span class="es--char--1pf7Swq">R</span>', '');
      await h.context.addCookies([{ name: 'aep_usuc_f', value: 'site=glo&c_tp=MXN&region=MX&b_locale=es_MX', domain: '.aliexpress.com', path: '/' }]);
      await h.routeAliExpress({ [ORDER_LIST]: html(page) });
      const tab = await h.context.newPage();
      await tab.goto(ORDER_LIST_URL);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, '10 orders');
      const orders = await exported(h);
      for (const [id, want] of Object.entries(EXPECTED)) {
        expect(orders.find((x) => x.orderId === id)?.total, id).toEqual({ minor: want.minor, currency: 'MXN' });
      }
    } finally {
      await h.close();
    }
  });
});

describe('an order list that carries its data in its HTML', () => {
  it('is read from the inline script as the gateway answer it stands for, with no request and no cards', async () => {
    const h = await launch();
    try {
      const page = `<!doctype html><html><head><script>window.__INIT_DATA__ = ${LIST.replace(/<\//g, '<\\/')};</script></head><body><div class="order-main"></div></body></html>`;
      await h.routeAliExpress({ [ORDER_LIST]: html(page) });
      const tab = await h.context.newPage();
      await tab.goto(ORDER_LIST_URL);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, '10 orders');
      const orders = await exported(h);
      expect(orders.map((o) => o.orderId).sort()).toEqual(IDS);
      for (const [id, want] of Object.entries(EXPECTED)) expect(orders.find((x) => x.orderId === id)?.total, id).toEqual({ minor: want.minor, currency: 'BRL' });
      expect(h.requests.filter((r) => r.url.startsWith('https://acs.aliexpress.com/'))).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('pages served without their JSON, as public exporters read them', () => {
  it('the order list and a two-parcel tracking page give orders, totals, unit prices, parcels and timed events in Export backup', async () => {
    const h = await launch();
    try {
      await h.routeAliExpress({
        [ORDER_LIST]: html(fixtureText('pages/order-list.scrapers-2025.html')),
        [TRACKING_PAGE]: html(fixtureText('pages/tracking.scrapers-2025.html')),
      });
      const list = await h.context.newPage();
      await list.goto(ORDER_LIST_URL);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 2, 15_000, '2 orders');
      const tracking = await h.context.newPage();
      await tracking.goto('https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8301234567890001');
      await waitUntil(async () => (await h.orders())['8301234567890001'] as { tracking?: unknown[] } | undefined, (o) => (o?.tracking?.length ?? 0) === 2, 15_000, 'two parcels');
      type Full = Omit<BackupOrder, 'items'> & { items: { title: string; quantity: number; price: unknown }[]; tracking: { number: string; carrier: string; events: { at: string | null; text: string }[] }[] };
      const orders = (await exported(h)) as unknown as Full[];
      const hub = orders.find((o) => o.orderId === '8301234567890001')!;
      expect(hub.total).toEqual({ minor: 2790, currency: 'USD' });
      expect(hub.items.map((i) => [i.title, i.quantity, i.price])).toEqual([
        ['USB-C hub 7 in 1', 2, { minor: 1240, currency: 'USD' }],
        ['Phone case', 1, { minor: 310, currency: 'USD' }],
      ]);
      expect(hub.tracking.map((p) => [p.number, p.carrier])).toEqual([
        ['LP00987654321001', 'Cainiao Super Economy Global'],
        ['LP00987654321002', 'Cainiao Super Economy Global'],
      ]);
      const events = hub.tracking[0]!.events;
      expect(events.map((e) => e.text)).toEqual(['Delivered: Package delivered', 'In transit: Arrived at destination country', 'Shipped: Package left the warehouse']);
      // Each event has its time, read in the shopper's zone (the browser's), on the day the page names.
      expect(events.every((e) => typeof e.at === 'string')).toBe(true);
      // "Delivery: Nov. 24 - Dec. 10": the last day of the range, in the year nearest to today.
      expect((hub as unknown as { estimatedDelivery: string }).estimatedDelivery).toMatch(/^\d{4}-12-10$/);
      expect(orders.find((o) => o.orderId === '8301234567890002')?.total).toEqual({ minor: 999, currency: 'USD' });
    } finally {
      await h.close();
    }
  });
});

describe('the tracking page served without its JSON, against the same page fed by the real response', () => {
  const TRACKED = '8212313961591322';
  const TRACKING = fixtureText('tracking.2026-09.json');
  type Parcel = { number: string | null; carrier: string | null; events: { at: string | null; text: string }[] };
  async function parcelsFrom(page: string, routes: Parameters<Awaited<ReturnType<typeof launch>>['routeAliExpress']>[0]): Promise<Parcel[]> {
    const h = await launch();
    try {
      await h.routeAliExpress({ [TRACKING_PAGE]: html(page), ...routes });
      const tab = await h.context.newPage();
      await tab.goto(`https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${TRACKED}`);
      await waitUntil(async () => (await h.orders())[TRACKED] as { tracking?: Parcel[] } | undefined, (o) => (o?.tracking?.[0]?.events.length ?? 0) > 0, 15_000, 'tracking read');
      const orders = (await exported(h)) as unknown as { orderId: string; tracking: Parcel[] }[];
      return orders.find((o) => o.orderId === TRACKED)!.tracking;
    } finally {
      await h.close();
    }
  }

  it('gives the same parcel, carrier and events (every text, each with its time) in Export backup', async () => {
    const fromApi = await parcelsFrom(trackingPage(), { [ACS]: gateway({ [TRACKING_API]: TRACKING }) });
    const fromDom = await parcelsFrom(trackingDomPage(TRACKING), {});
    expect(fromDom.map((p) => [p.number, p.carrier])).toEqual(fromApi.map((p) => [p.number, p.carrier]));
    const texts = (p: Parcel[]) => p.flatMap((x) => x.events.map((e) => e.text)).sort();
    expect(texts(fromDom)).toEqual(texts(fromApi));
    expect(texts(fromDom)).toHaveLength(26);
    // The page writes each time as "Tue | Jul. 28 18:39" (read in the shopper's zone); the
    // response gives an instant. In this anonymised capture the two disagree, so each is checked
    // against its own source: every event the page shows a time beside has one (24 of 26; the
    // page shows none for "Package in preparation" and "Order created").
    const timed = (JSON.parse(TRACKING) as { data: { module: { trackingDetailLineList: { detailList: { timeText?: string }[] }[] } } }).data.module.trackingDetailLineList.flatMap((l) => l.detailList).filter((e) => e.timeText).length;
    expect(timed).toBe(24);
    expect(fromDom.flatMap((p) => p.events).filter((e) => typeof e.at === 'string')).toHaveLength(timed);
  });
});

describe('Read all my orders', () => {
  it('presses the page’s own "View orders" until there is no more, with progress', async () => {
    const h = await launch();
    try {
      const page2 = listPageWithOtherIds(LIST, 7);
      await h.routeAliExpress({ [ORDER_LIST]: html(orderListPage('fetch')), [ACS]: gateway({ [LIST_API]: [LIST, page2] }) });
      const tab = await h.context.newPage();
      await tab.goto(ORDER_LIST_URL);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, 'page 1');
      const panel = tab.locator('[data-buyer-shield="panel"]');
      await panel.getByRole('button', { name: 'Read all my orders' }).click();
      await expect.poll(() => panel.getByText('Done: 20 orders on this page.').count(), { timeout: 20_000 }).toBe(1);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 20, 15_000, '20 orders');
      expect((await exported(h)).map((o) => o.orderId).sort()).toEqual([...IDS, ...listIds(page2)].sort());
      expect(await tab.locator('.order-more').count()).toBe(0);
      const requests = h.requests.filter((r) => r.url.startsWith('https://acs.aliexpress.com/')).length;
      expect(requests).toBe(2); // the page's own requests for pages 1 and 2; none of ours
    } finally {
      await h.close();
    }
  });
});
