/**
 * AliExpress-like pages for the e2e tests, built from the real captures in
 * test/fixtures/aliexpress (see its README for provenance). The order-list page behaves as
 * AliExpress's does: it loads its data from the acs.aliexpress.com gateway (by XHR, fetch or
 * JSONP) and renders the cards from it with AliExpress's class names; "Confirm received"
 * runs the page's own handler (counted in window.__confirmed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { gatewayUrl } from '../../scripts/demo-pages.mjs';
import { ROOT, type Handler } from './harness';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'aliexpress');
export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const fixtureJson = <T = Record<string, unknown>>(name: string): T => JSON.parse(fixtureText(name)) as T;

export const ORDER_LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
export { LIST_API, gatewayUrl, orderListPage } from '../../scripts/demo-pages.mjs';
export type { Transport } from '../../scripts/demo-pages.mjs';

export const html = (body: string) => (route: Route) =>
  route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });

/**
 * Serves captures from the gateway, as JSON or wrapped in the JSONP callback it was asked for.
 * A list of bodies is served by `pageIndex` (1-based); past the end, 404.
 */
export function gateway(payloads: Record<string, string | string[]>): Handler {
  return (route, url) => {
    const api = url.searchParams.get('api') ?? url.pathname.split('/')[2] ?? '';
    const entry = payloads[api];
    const page = Number(url.searchParams.get('pageIndex') ?? '1');
    const body = Array.isArray(entry) ? entry[page - 1] : page === 1 ? entry : undefined;
    if (!body) return route.fulfill({ status: 404, body: '' });
    const callback = url.searchParams.get('callback');
    if (callback) return route.fulfill({ status: 200, contentType: 'application/javascript', body: `${callback}(${body})` });
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  };
}

/** A second page of the order list: the same orders under other ids (first digits kept). */
export function listPageWithOtherIds(text: string, shift: number): string {
  return text.replace(/82(\d{14})/g, (_m, rest: string) => `83${String((BigInt(rest) + BigInt(shift)) % 10n ** 14n).padStart(14, '0')}`);
}

/** Order ids in an order-list payload. */
export function listIds(text: string): string[] {
  const d = JSON.parse(text) as { data: { data: Record<string, { tag: string; fields: { orderId: string } }> } };
  return Object.values(d.data.data)
    .filter((c) => c.tag === 'pc_om_list_order')
    .map((c) => c.fields.orderId)
    .sort();
}

export const ACS = '^https://acs\\.aliexpress\\.com/';
export const ORDER_LIST = '^https://www\\.aliexpress\\.com/p/order/index\\.html';

export const DETAIL_API = 'mtop.aliexpress.trade.buyer.order.detail';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Sep 4, 2026" for a local date `days` from now (the shopper's calendar). */
export function englishDateFromToday(days: number, now = new Date()): { text: string; iso: string } {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { text: `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`, iso };
}

/**
 * The real detail capture turned into an order still awaiting delivery: status block with
 * "Confirm received" (CONFIRM_GOODS), no completion date, and "Refund if no delivery before
 * `refundBy`" in the order services and the progress bar.
 */
export function awaitingDeliveryDetail(orderId: string, refundBy: string): string {
  const text = fixtureText('order-detail.2026-09.json')
    .replaceAll('8212313961591322', orderId)
    .replaceAll('Sep 4, 2026', refundBy);
  const d = JSON.parse(text) as { data: { data: Record<string, { tag: string; fields: Record<string, unknown> }> } };
  for (const c of Object.values(d.data.data)) {
    if (c.tag === 'detail_order_status_block') {
      c.fields['title'] = 'Awaiting delivery';
      c.fields['reminder'] = 'Your order is on its way.';
      c.fields['buttonVOList'] = [
        { displayType: 'primary', text: 'Confirm received', type: 'CONFIRM_GOODS' },
        { displayType: 'default', text: 'Track status', type: 'TRACKING', href: 'https://www.aliexpress.com/p/tracking/index.html' },
      ];
    }
    if (c.tag === 'detail_simple_order_info_component') {
      delete c.fields['orderEndTime'];
      delete c.fields['orderEndTimeTile'];
    }
  }
  return JSON.stringify(d);
}

/** An order detail page that loads its JSON from the gateway by XHR and shows a "Confirm received" button. */
export function detailPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order details</title></head><body>
<div class="order-detail"><h1 class="order-block-title"></h1><div class="order-status-btns"></div></div>
<script>
window.__confirmed = 0;
var id = new URL(location.href).searchParams.get('orderId');
var x = new XMLHttpRequest();
x.open('GET', ${JSON.stringify(gatewayUrl(DETAIL_API))} + '&orderId=' + id);
x.onload = function () {
  var d = JSON.parse(x.responseText); window.__received = d;
  Object.keys(d.data.data).forEach(function (k) { var c = d.data.data[k];
    if (c.tag === 'detail_order_status_block') {
      document.querySelector('.order-block-title').textContent = c.fields.title;
      (c.fields.buttonVOList || []).forEach(function (b) { var e = document.createElement('button'); e.type = 'button'; e.textContent = b.text;
        if (b.type === 'CONFIRM_GOODS') e.addEventListener('click', function () { window.__confirmed++; });
        document.querySelector('.order-status-btns').appendChild(e); });
    } });
};
x.send();
</script></body></html>`;
}


export const ORDER_DETAIL = '^https://www\\.aliexpress\\.com/p/order/detail\\.html';

export const TRACKING_API = 'mtop.ae.ld.querydetail';
export const TRACKING_PAGE = '^https://www\\.aliexpress\\.com/p/tracking/index\\.html';
export const DISPUTE_PAGE = '^https://trade\\.aliexpress\\.com/issue/fastissue/Detail\\.htm';

/** A tracking page that loads the querydetail JSON from the gateway by fetch (it names no order: the URL does). */
export function trackingPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tracking</title></head><body><div class="logistic-info-v2"></div>
<script>fetch(${JSON.stringify(gatewayUrl(TRACKING_API))}).then(function (r) { return r.json(); }).then(function (d) { window.__received = d; document.querySelector('.logistic-info-v2').textContent = 'Tracking loaded'; });</script></body></html>`;
}

/** The real tracking capture with its newest event turned into "waiting at the post office" (no code, as some carriers send). */
export function trackingWaitingForPickup(): string {
  const d = fixtureJson<{ data: { module: { trackingDetailLineList: { detailList: Record<string, unknown>[] }[] } } }>('tracking.2026-09.json');
  const events = d.data.module.trackingDetailLineList[0]!.detailList;
  events[0] = { ...events[0], trackingPrimaryCode: '', trackingSecondCode: '', trackingName: 'Ready for pickup at the post office', trackingDetailDesc: 'Your parcel is waiting at the post office' };
  return JSON.stringify(d);
}

/** A dispute page (still on trade.aliexpress.com) with the seller's offer and the two risky buttons; the page counts their clicks. */
export function disputePage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dispute</title></head><body>
<div class="issue-detail"><p>Seller's proposal: refund US $2.00</p>
<button type="button" id="accept">Accept</button> <button type="button" id="cancel">Cancel dispute</button></div>
<script>window.__accepted = 0; window.__cancelled = 0;
document.getElementById('accept').addEventListener('click', function () { window.__accepted++; });
document.getElementById('cancel').addEventListener('click', function () { window.__cancelled++; });</script></body></html>`;
}

/**
 * The real tracking capture moved in time so that its delivery (`AE_GTMS_SIGNED`) was
 * `daysAgo` days ago; every event keeps its distance from it. The page states no
 * auto-confirm countdown (the capture has none).
 */
export function trackingDeliveredDaysAgo(daysAgo: number, now = Date.now()): string {
  const d = fixtureJson<{ data: { module: { trackingDetailLineList: { detailList: { time?: number; trackingPrimaryCode?: string }[] }[] } } }>('tracking.2026-09.json');
  const events = d.data.module.trackingDetailLineList[0]!.detailList;
  const delivered = events.find((e) => e.trackingPrimaryCode === 'AE_GTMS_SIGNED')!.time!;
  const shift = now - daysAgo * 86_400_000 - delivered;
  for (const e of events) if (typeof e.time === 'number') e.time += shift;
  return JSON.stringify(d);
}

/**
 * An order shipped in two parcels: the real capture's delivered parcel, and a second one still
 * on its way (the same route up to the local carrier, another tracking number).
 */
export function trackingTwoParcels(): string {
  type Line = { mailNo?: string; originMailNo?: string; detailList: { trackingPrimaryCode?: string }[] };
  const d = fixtureJson<{ data: { module: { trackingDetailLineList: Line[] } } }>('tracking.2026-09.json');
  const lines = d.data.module.trackingDetailLineList;
  const first = lines[0]!;
  const second: Line = JSON.parse(JSON.stringify(first)) as Line;
  second.mailNo = 'LP00000000000002';
  second.originMailNo = 'LP00000000000002';
  second.detailList = second.detailList.filter((e) => e.trackingPrimaryCode !== 'AE_GTMS_SIGNED' && e.trackingPrimaryCode !== 'AE_GTMS_DELIVERING');
  lines.push(second);
  return JSON.stringify(d);
}
