/**
 * The extension sends nothing. A full scenario runs (order list by XHR, detail page, tracking
 * page, a notification, popup, claim assistant, options, backup export and import, a worker
 * restart) while every request is recorded two ways: Playwright's context-wide `request`
 * event (pages, extension pages and the service worker) and the context route that serves
 * AliExpress (h.requests). Both recorders are first proved to see a deliberate fetch from the
 * service worker and from an extension page. The test fails on any request that is not an
 * AliExpress page load or gateway call the test served, or an extension resource.
 *
 * Also: page strings with HTML in them stay text (popup, claim assistant, overlay), and
 * `__proto__` / `constructor` keys in the gateway's JSON are harmless.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFromObservation } from '../../src/domain/merge';
import { OrderSchema } from '../../src/domain/order';
import { frameOf, launch, waitUntil, type Handler, type Harness } from './harness';
import {
  ACS,
  DETAIL_API,
  LIST_API,
  ORDER_DETAIL,
  ORDER_LIST,
  ORDER_LIST_URL,
  awaitingDeliveryDetail,
  detailPage,
  englishDateFromToday,
  fixtureText,
  gateway,
  gatewayUrl,
  html,
  listIds,
  orderListPage,
} from './pages';

const AWAITING = '8214398062177351';
const HOSTILE = '8211748238135282';
const TRACKED = '8212313961591322';
const TRACKING_API = 'mtop.ae.ld.querydetail';
const TRACKING = '^https://www\\.aliexpress\\.com/p/tracking/index\\.html';
const STORE_HTML = 'NANO <img src=x onerror="window.__pwned=1">';
const TITLE_HTML = '<script>window.__pwned=2</script><b>Bold</b> cable';
const PROBE_WORKER = 'https://example.invalid/recorder-probe-from-worker';
const PROBE_PAGE = 'https://example.invalid/recorder-probe-from-extension-page';
const PROBE_WORKER_2 = 'https://example.invalid/recorder-probe-from-restarted-worker';

/** The real list capture with HTML in a store name and an item title, and prototype keys in one order's fields. */
function hostileList(): string {
  const d = JSON.parse(fixtureText('order-list.2026-09.json')) as { data: { data: Record<string, { tag: string; fields: Record<string, unknown> }> } };
  for (const c of Object.values(d.data.data)) {
    if (c.tag !== 'pc_om_list_order' || c.fields['orderId'] !== HOSTILE) continue;
    c.fields['storeName'] = STORE_HTML;
    const lines = c.fields['orderLines'] as { itemTitle: string }[];
    lines[0]!.itemTitle = TITLE_HTML;
  }
  // Own "__proto__" and "constructor" keys, as JSON.parse makes them on the page.
  return JSON.stringify(d).replace(
    `"orderId":"${HOSTILE}"`,
    `"__proto__":{"polluted":"yes","orderId":"1"},"constructor":{"prototype":{"polluted":"yes"}},"orderId":"${HOSTILE}"`,
  );
}

/** A tracking page that loads its JSON from the gateway by XHR, as AliExpress's does. */
function trackingPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tracking</title></head><body><div class="logistic-info-v2--wrap--a1b2c"></div>
<script>
var id = new URL(location.href).searchParams.get('tradeOrderId');
var x = new XMLHttpRequest();
x.open('GET', ${JSON.stringify(gatewayUrl(TRACKING_API))} + '&tradeOrderId=' + id);
x.onload = function () { window.__received = JSON.parse(x.responseText); document.querySelector('div').textContent = 'Tracking loaded'; };
x.send();
</script></body></html>`;
}

interface Seen {
  url: string;
  via: 'context' | 'route';
  frame: string;
}

describe('the extension sends nothing', () => {
  let h: Harness;
  const seen: Seen[] = [];
  /** Every URL the test's own handlers answered. */
  const served = new Set<string>();
  const refundBy = englishDateFromToday(2);
  const LIST = hostileList();

  const serve =
    (handler: Handler): Handler =>
    (route: Route, url: URL) => {
      served.add(url.href);
      return handler(route, url);
    };

  beforeAll(async () => {
    h = await launch();
    h.context.on('request', (r: Request) => seen.push({ url: r.url(), via: 'context', frame: frameOf(r) }));
    await h.routeAliExpress({
      [ORDER_LIST]: serve(html(orderListPage('xhr'))),
      [ORDER_DETAIL]: serve(html(detailPage())),
      [TRACKING]: serve(html(trackingPage())),
      [ACS]: serve(gateway({ [LIST_API]: LIST, [DETAIL_API]: awaitingDeliveryDetail(AWAITING, refundBy.text), [TRACKING_API]: fixtureText('tracking.2026-09.json') })),
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const sawContext = (url: string) => seen.some((s) => s.via === 'context' && s.url === url);
  const sawRoute = (url: string) => h.requests.some((r) => r.url === url);

  it('records a deliberate fetch from the service worker and from an extension page, both ways', async () => {
    const worker = await h.worker();
    await worker.evaluate((u) => fetch(u).then(
      (r) => r.status,
      () => -1,
    ), PROBE_WORKER);
    const probe = await h.probe();
    await probe.evaluate((u) => fetch(u).then(
      (r) => r.status,
      () => -1,
    ), PROBE_PAGE);
    await waitUntil(async () => sawContext(PROBE_WORKER) && sawContext(PROBE_PAGE) && sawRoute(PROBE_WORKER) && sawRoute(PROBE_PAGE), (x) => x, 5000, 'both probes recorded');
    expect(seen.find((s) => s.url === PROBE_WORKER)?.frame).toBe('worker');
    expect(seen.find((s) => s.url === PROBE_PAGE)?.frame).toMatch(/^chrome-extension:\/\//);
    expect(h.requests.find((r) => r.url === PROBE_WORKER)?.from).toBe('worker');
  });

  it('runs the whole scenario with no request but AliExpress pages the test served', async () => {
    // 1. The order list (XHR), with HTML and prototype keys in the gateway's JSON.
    const list = await h.context.newPage();
    await list.goto(ORDER_LIST_URL);
    await waitUntil(async () => Object.keys(await h.orders()).sort(), (ids) => ids.join() === listIds(LIST).join(), 15_000, 'the 10 orders');
    await waitUntil(() => list.locator('[data-buyer-shield="badge"]').count(), (n) => n === 10, 15_000, '10 badges');

    // 2. The detail page of an order whose refund date is two days away: a notification.
    const detail = await h.context.newPage();
    await detail.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${AWAITING}`);
    const shown = await waitUntil(() => h.notifications(), (n) => Object.keys(n).length > 0, 15_000, 'a notification');
    expect(Object.keys(shown)).toEqual([`bs|${AWAITING}|no-delivery-refund|${refundBy.iso}`]);

    // 3. The tracking page (real querydetail capture).
    const tracking = await h.context.newPage();
    await tracking.goto(`https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${TRACKED}`);
    await waitUntil(async () => ((await h.orders())[TRACKED]?.['tracking'] as unknown[] | undefined)?.length ?? 0, (n) => n > 0, 15_000, 'tracking stored');

    // 4. The worker is killed and woken; the new instance is recorded too.
    expect(await h.restartWorker()).toMatchObject({ ok: true });
    const reborn = await waitUntil(
      async () => h.context.serviceWorkers().filter((w) => w.url().startsWith(h.base)),
      (ws) => ws.length > 0,
      10_000,
      'the restarted worker',
    );
    await reborn[reborn.length - 1]!.evaluate((u) => fetch(u).then(
      (r) => r.status,
      () => -1,
    ), PROBE_WORKER_2);
    await waitUntil(async () => sawContext(PROBE_WORKER_2), (x) => x, 5000, 'the restarted worker probe');

    // 5. Popup, claim assistant, options, backup export and import.
    const popup = await h.openPopup();
    await popup.getByText(`#${AWAITING}`).waitFor();
    await popup.getByText('Menu').click();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export backup' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'bs-sec-')), download.suggestedFilename());
    await download.saveAs(file);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { orders: unknown[] }).orders).toHaveLength(10);
    const claim = await h.openPopup(`?view=claim&order=${AWAITING}`);
    await claim.locator('#step-title').waitFor();
    const options = await h.openOptions();
    await options.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => options.getByRole('status').first().textContent()).toMatch(/Restored \d+ orders? from the backup \(of 10\)/);

    await new Promise((r) => setTimeout(r, 1500));
    for (const p of [list, detail, tracking, popup, claim, options]) await p.close();

    // Every request: an extension resource, a page or gateway call the test served, or a probe.
    const probes = new Set([PROBE_WORKER, PROBE_PAGE, PROBE_WORKER_2]);
    const allowed = (url: string) => url.startsWith(`${h.base}/`) || served.has(url) || probes.has(url) || url.startsWith('blob:chrome-extension://') || url.startsWith('data:');
    const outside = [...seen.map((s) => `${s.via} ${s.frame} → ${s.url}`), ...h.requests.map((r) => `route ${r.from} → ${r.url}`)].filter((line) => !allowed(line.split(' → ')[1]!));
    expect(outside).toEqual([]);
    // The recorders did see the scenario: pages and gateway calls of every kind.
    const contextUrls = seen.filter((s) => s.via === 'context').map((s) => s.url);
    expect(contextUrls.filter((u) => u.startsWith(ORDER_LIST_URL)).length).toBeGreaterThanOrEqual(1);
    for (const api of [LIST_API, DETAIL_API, TRACKING_API]) expect(contextUrls.some((u) => u.startsWith('https://acs.aliexpress.com/') && u.includes(`api=${api}`))).toBe(true);
    // Extension pages are recorded too: the popup and the options page fetch their catalogues.
    const fromFrame = (prefix: string) => seen.filter((s) => s.via === 'context' && s.frame.startsWith(`${h.base}/${prefix}`)).map((s) => s.url);
    expect(fromFrame('src/popup/').some((u) => u.startsWith(`${h.base}/_locales/`))).toBe(true);
    expect(fromFrame('src/options/').some((u) => u.startsWith(`${h.base}/_locales/`))).toBe(true);
    // The only outside hosts ever contacted are AliExpress's (and the deliberate probes).
    const hosts = new Set([...contextUrls, ...h.requests.map((r) => r.url)].filter((u) => /^https?:/.test(u) && !probes.has(u)).map((u) => new URL(u).hostname));
    expect([...hosts].sort()).toEqual(['acs.aliexpress.com', 'www.aliexpress.com']);
    console.log(JSON.stringify({ recorded: { context: contextUrls.length, route: h.requests.length, servedUrls: served.size, hosts: [...hosts].sort(), extension: [...new Set(contextUrls.filter((u) => u.startsWith(h.base)).map((u) => u.slice(h.base.length).split('?')[0]))] } }));
  });
});

describe('page strings are data', () => {
  let h: Harness;
  const LIST = hostileList();
  const IMPORTED = '8219999999999999';

  beforeAll(async () => {
    h = await launch();
    await h.routeAliExpress({ [ORDER_LIST]: html(orderListPage('xhr')), [ACS]: gateway({ [LIST_API]: LIST }) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads HTML in the gateway JSON as text (tags dropped), prototype keys as nothing, and creates no element', async () => {
    const page = await h.context.newPage();
    await page.goto(ORDER_LIST_URL);
    const order = (await waitUntil(async () => (await h.orders())[HOSTILE], (o) => !!o, 15_000, 'the hostile order')) as Record<string, unknown>;
    expect(OrderSchema.safeParse(order).success).toBe(true);
    expect(order['orderId']).toBe(HOSTILE);
    expect((order['store'] as { name: string }).name).toBe('NANO');
    const title = (order['items'] as { title: string }[])[0]?.title ?? '';
    expect(title).not.toMatch(/[<>]/);
    expect(title).toContain('cable');
    expect(Object.keys(order).filter((k) => k === 'polluted' || k === 'constructor' || k === '__proto__')).toEqual([]);
    // The overlay drew its badges; nothing of the payload became an element, in the page or in our shadow roots.
    await waitUntil(() => page.locator('[data-buyer-shield="badge"]').count(), (n) => n === 10, 15_000, '10 badges');
    const created = await page.evaluate(() => {
      const roots: (Document | ShadowRoot)[] = [document, ...[...document.querySelectorAll('[data-buyer-shield]')].map((e) => e.shadowRoot).filter((r): r is ShadowRoot => !!r)];
      return {
        imgs: roots.reduce((n, r) => n + r.querySelectorAll('img[src="x"], img[onerror]').length, 0),
        bold: roots.slice(1).reduce((n, r) => n + r.querySelectorAll('b').length, 0),
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        polluted: ({} as Record<string, unknown>)['polluted'] ?? null,
      };
    });
    expect(created).toEqual({ imgs: 0, bold: 0, pwned: null, polluted: null });
    await page.close();
  });

  it('shows HTML-like strings that arrive by a backup as literal text in the popup and the claim assistant', async () => {
    const hostile = orderFromObservation(
      {
        orderId: IMPORTED,
        site: 'www.aliexpress.com',
        status: 'awaiting_delivery',
        statusText: '<b>Awaiting</b> delivery',
        placedOn: '2026-08-01',
        total: { minor: 2509, currency: 'USD' },
        store: { name: STORE_HTML, url: null },
        items: [{ title: TITLE_HTML, quantity: 1, price: null, variant: '<i>Red</i>' }],
      },
      new Date().toISOString(),
    );
    expect(OrderSchema.safeParse(hostile).success).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'bs-sec-')), 'hostile.json');
    writeFileSync(file, JSON.stringify({ format: 'buyer-shield-backup', version: 1, exportedAt: new Date().toISOString(), orders: [hostile], settings: {} }));
    const options = await h.openOptions();
    await options.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => options.getByRole('status').first().textContent()).toBe('Restored 1 order from the backup (of 1).');
    await options.close();

    const popup = await h.openPopup();
    const store = popup.getByText(STORE_HTML, { exact: true });
    await store.waitFor();
    expect(await store.isVisible()).toBe(true);
    expect(await popup.getByText(TITLE_HTML, { exact: true }).isVisible()).toBe(true);
    const claim = await h.openPopup(`?view=claim&order=${IMPORTED}`);
    const line = claim.locator('.claim-order');
    await line.waitFor();
    expect(await line.textContent()).toBe(`${STORE_HTML} · ${TITLE_HTML} · $25.09`);
    expect(await claim.getByText(TITLE_HTML, { exact: true }).isVisible()).toBe(true);
    for (const p of [popup, claim]) {
      expect(
        await p.evaluate(() => ({
          imgs: document.querySelectorAll('img[src="x"], img[onerror]').length,
          scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned')).length,
          bold: document.querySelectorAll('b, i').length,
          pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        })),
      ).toEqual({ imgs: 0, scripts: 0, bold: 0, pwned: null });
    }
    await popup.close();
    await claim.close();
  });
});
