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
import { ROOT, type Handler } from './harness';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'aliexpress');
export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const fixtureJson = <T = Record<string, unknown>>(name: string): T => JSON.parse(fixtureText(name)) as T;

export const ORDER_LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
export {
  DETAIL_API,
  LIST_API,
  TRACKING_API,
  awaitingDeliveryDetail,
  detailPage,
  englishDateFromToday,
  gatewayUrl,
  orderListPage,
  trackingDeliveredDaysAgo,
  trackingPage,
  trackingWaitingForPickup,
} from '../../scripts/demo-pages.mjs';
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

export const ORDER_DETAIL = '^https://www\\.aliexpress\\.com/p/order/detail\\.html';

export const TRACKING_PAGE = '^https://www\\.aliexpress\\.com/p/tracking/index\\.html';
export const DISPUTE_PAGE = '^https://trade\\.aliexpress\\.com/issue/fastissue/Detail\\.htm';

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

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The tracking page as AliExpress renders it from a tracking response, with no JSON left in
 * it (nothing for the capture or the embedded-data reader): every parcel's number, carrier and
 * events (title, description and the time text the response gives the page), in the 2024–2026
 * tracking v2 markup with hashed class names (src/aliexpress/selectors.ts).
 */
export function trackingDomPage(captureText: string): string {
  type Line = { mailNo: string; logisticsCpInfo?: { cpName?: string }; detailList: { trackingName?: string; trackingDetailDesc?: string; timeText?: string }[] };
  const lines = (JSON.parse(captureText) as { data: { module: { trackingDetailLineList: Line[] } } }).data.module.trackingDetailLineList;
  const parcels = lines.map((l) => {
    const nodes = l.detailList
      .map(
        (e) => `<div class="logistic-info-v2--nodeWrap--a81Kq"><div class="logistic-info-v2--nodeTitle--x8f3a">${escapeHtml(e.trackingName ?? '')}</div>` +
          `<div class="logistic-info-v2--nodeDesc--Pz1Yd">${escapeHtml(e.trackingDetailDesc ?? '')}</div><div class="logistic-info-v2--nodeTime--Qm2Lw">${escapeHtml(e.timeText ?? '')}</div></div>`,
      )
      .join('\n');
    return `<div class="logistic-info-v2--wrap--Hd7kR"><div class="logistic-info-v2--mailNo--c2Vb8">Tracking number <span class="logistic-info-v2--mailNoValue--k3Jq9">${escapeHtml(l.mailNo)}</span></div>
<div class="logistic-info-v2--carrierTitle--T0pq2">${escapeHtml(l.logisticsCpInfo?.cpName ?? '')}</div>${nodes}</div>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tracking</title></head><body><div id="root">${parcels.join('\n')}</div></body></html>`;
}
