// AliExpress-like pages built from the real captures, shared by `npm start` (the demo) and the
// e2e tests (test/e2e/pages.ts). The order-list page behaves as AliExpress's does: it loads
// its data from the acs.aliexpress.com gateway (by XHR, fetch or JSONP) and renders the cards
// from it with AliExpress's class names; "Confirm received" runs the page's own handler
// (counted in window.__confirmed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
export const gatewayUrl = (api, type = 'originaljson') =>
  `https://acs.aliexpress.com/h5/${api}/1.0/?jsv=2.5.1&appKey=12574478&t=1&sign=x&v=1.0&api=${api}&type=${type}&dataType=json`;

/** Renders order cards from an order-list payload, the way AliExpress's page does (text only). */
const RENDER_SCRIPT = String.raw`
window.__confirmed = 0;
function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
function render(payload) {
  window.__received = payload;
  var list = document.querySelector('.order-main'); var comps = payload.data.data;
  Object.keys(comps).forEach(function (k) {
    var c = comps[k]; if (c.tag !== 'pc_om_list_order') return; var f = c.fields;
    var card = el('div', 'order-item'); card.setAttribute('data-pl', 'order_item');
    var head = el('div', 'order-item-header');
    var st = el('div', 'order-item-header-status'); st.appendChild(el('span', 'order-item-header-status-text', f.statusText)); head.appendChild(st);
    var info = el('div', 'order-item-header-right-info');
    info.appendChild(el('div', null, 'Order date: ' + f.orderDateText));
    var idLine = el('div', null, 'Order ID: ' + f.orderId + ' '); var det = el('a', null, 'Details'); det.href = '/p/order/detail.html?orderId=' + f.orderId; idLine.appendChild(det); info.appendChild(idLine);
    head.appendChild(info); card.appendChild(head);
    var store = el('div', 'order-item-store'); var sn = el('span', 'order-item-store-name'); var sa = el('a', null, f.storeName); sa.href = f.storePageUrl || '#'; sn.appendChild(sa); store.appendChild(sn); card.appendChild(store);
    var content = el('div', 'order-item-content');
    (f.orderLines || []).forEach(function (l) {
      var body = el('div', 'order-item-content-body');
      var name = el('div', 'order-item-content-info-name'); var span = el('span', null, l.itemTitle); span.title = l.itemTitle; name.appendChild(span); body.appendChild(name);
      body.appendChild(el('div', 'order-item-content-info-sku', (l.skuAttrs || []).map(function (s) { return s.text; }).join(', ')));
      body.appendChild(el('div', 'order-item-content-info-number-quantity', 'x' + l.quantity));
      content.appendChild(body);
    });
    var opt = el('div', 'order-item-content-opt'); opt.appendChild(el('div', 'order-item-content-opt-price-total', 'Total: ' + f.totalPriceText)); content.appendChild(opt);
    card.appendChild(content);
    var btns = el('div', 'order-item-btns');
    (f.buttons || []).forEach(function (b) {
      var btn = el('button', 'comet-btn', b.text); btn.type = 'button';
      if (b.type === 'CONFIRM_GOODS') btn.addEventListener('click', function () { window.__confirmed++; });
      btns.appendChild(btn);
    });
    card.appendChild(btns);
    list.appendChild(card);
  });
}
`;

/**
 * Loads page N of the order list from the gateway and renders it; "View orders" loads the
 * next page until the gateway says there is no more (hasMore false or 404).
 */
function loaderScript(transport, api) {
  const url = JSON.stringify(gatewayUrl(api, transport === 'jsonp' ? 'originaljsonp' : 'originaljson'));
  const load = {
    xhr: `var x = new XMLHttpRequest(); x.open('GET', u); x.onload = function () { if (x.status === 200) done(JSON.parse(x.responseText)); else end(); }; x.send();`,
    fetch: `fetch(u).then(function (r) { if (!r.ok) { end(); return null; } return r.json(); }).then(function (d) { if (d) done(d); });`,
    jsonp: `var cb = 'mtopjsonp' + (++window.__jsonpN); window[cb] = function (d) { done(d); }; var s = document.createElement('script'); s.src = u + '&callback=' + cb; s.onerror = end; document.head.appendChild(s);`,
    none: `end();`,
  }[transport];
  return `window.__jsonpN = 2; window.__page = 0;
function end() { var m = document.querySelector('.order-more'); if (m) m.remove(); }
function done(d) { render(d); var more = false; try { Object.keys(d.data.data).forEach(function (k) { var c = d.data.data[k]; if (c.tag === 'pc_om_list_page' && c.fields && c.fields.hasMore) more = true; }); } catch (e) {} if (!more && window.__page > 1) end(); }
function loadPage() { window.__page++; var u = ${url} + '&pageIndex=' + window.__page; ${load} }
loadPage();
document.querySelector('.order-more button').addEventListener('click', loadPage);`;
}

export function orderListPage(transport, opts = {}) {
  return `<!doctype html><html lang="${opts.lang ?? 'en'}"><head><meta charset="utf-8"><title>Orders</title>
<style>body{font:14px Arial;margin:0}.order-main{max-width:980px;margin:0 auto}.order-item{border:1px solid #ddd;margin:12px;padding:12px}.order-item-btns button{margin-inline-end:8px}</style>
</head><body><div class="order-wrap"><div class="order-main"></div><div class="order-more"><button type="button">View orders</button></div></div>${opts.extraBody ?? ''}
<script>${RENDER_SCRIPT}${loaderScript(transport, LIST_API)}</script></body></html>`;
}


const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'aliexpress');
const fixture = (name) => readFileSync(join(FIXTURES, name), 'utf8');

export const DETAIL_API = 'mtop.aliexpress.trade.buyer.order.detail';
export const TRACKING_API = 'mtop.ae.ld.querydetail';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Sep 4, 2026" for a local date `days` from now (the shopper's calendar). */
export function englishDateFromToday(days, now = new Date()) {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { text: `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`, iso };
}

/** Every English date ("Jul 15, 2026") in a capture's text moved by `days`. */
export function shiftEnglishDates(text, days) {
  return text.replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})\b/g, (_m, mon, day, year) => {
    const d = new Date(Number(year), MONTHS.indexOf(mon), Number(day) + days);
    return `${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
  });
}

/** Days from a capture's English date to a local date `days` from today. */
function daysUntil(englishDate, days, now = new Date()) {
  const [mon, day, year] = englishDate.replace(',', '').split(' ');
  const from = new Date(Number(year), MONTHS.indexOf(mon), Number(day));
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return Math.round((to - from) / 86_400_000);
}

/**
 * The real detail capture turned into an order still awaiting delivery: status block with
 * "Confirm received" (CONFIRM_GOODS), no completion date, and "Refund if no delivery before
 * `refundBy`" in the order services and the progress bar.
 */
export function awaitingDeliveryDetail(orderId, refundBy) {
  const text = fixture('order-detail.2026-09.json').replaceAll('8212313961591322', orderId).replaceAll('Sep 4, 2026', refundBy);
  const d = JSON.parse(text);
  for (const c of Object.values(d.data.data)) {
    if (c.tag === 'detail_order_status_block') {
      c.fields.title = 'Awaiting delivery';
      c.fields.reminder = 'Your order is on its way.';
      c.fields.buttonVOList = [
        { displayType: 'primary', text: 'Confirm received', type: 'CONFIRM_GOODS' },
        { displayType: 'default', text: 'Track status', type: 'TRACKING', href: 'https://www.aliexpress.com/p/tracking/index.html' },
      ];
    }
    if (c.tag === 'detail_simple_order_info_component') {
      delete c.fields.orderEndTime;
      delete c.fields.orderEndTimeTile;
    }
  }
  return JSON.stringify(d);
}

/** An order detail page that loads its JSON from the gateway by XHR and shows a "Confirm received" button. */
export function detailPage() {
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

/** A tracking page that loads the querydetail JSON from the gateway by fetch (the order is named by the page's URL). */
export function trackingPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tracking</title></head><body><div class="logistic-info-v2"></div>
<script>var id = new URL(location.href).searchParams.get('tradeOrderId') || '';
fetch(${JSON.stringify(gatewayUrl(TRACKING_API))} + '&tradeOrderId=' + id).then(function (r) { return r.json(); }).then(function (d) { window.__received = d; document.querySelector('.logistic-info-v2').textContent = 'Tracking loaded'; });</script></body></html>`;
}

/** The real tracking capture with its newest event turned into "waiting at the post office" (no code, as some carriers send). */
export function trackingWaitingForPickup(daysAgo = null, now = Date.now()) {
  const d = JSON.parse(daysAgo === null ? fixture('tracking.2026-09.json') : trackingDeliveredDaysAgo(daysAgo, now));
  const events = d.data.module.trackingDetailLineList[0].detailList;
  events[0] = { ...events[0], trackingPrimaryCode: '', trackingSecondCode: '', trackingName: 'Ready for pickup at the post office', trackingDetailDesc: 'Your parcel is waiting at the post office' };
  return JSON.stringify(d);
}

/**
 * The real tracking capture moved in time so that its delivery (`AE_GTMS_SIGNED`) was
 * `daysAgo` days ago; every event keeps its distance from it. The page states no
 * auto-confirm countdown (the capture has none).
 */
export function trackingDeliveredDaysAgo(daysAgo, now = Date.now()) {
  const d = JSON.parse(fixture('tracking.2026-09.json'));
  const events = d.data.module.trackingDetailLineList[0].detailList;
  const delivered = events.find((e) => e.trackingPrimaryCode === 'AE_GTMS_SIGNED').time;
  const shift = now - daysAgo * 86_400_000 - delivered;
  for (const e of events) if (typeof e.time === 'number') e.time += shift;
  return JSON.stringify(d);
}

/**
 * The demo's orders (docs: README, "Set up and run"): the real captures' shapes with their dates
 * moved around today, so every state shows at once.
 */
export const DEMO = {
  /** In transit, "refund if not delivered" in 2 days: red. */
  inTransit: '8214398062177351',
  /** Tracking says delivered 2 days ago, receipt not confirmed, no countdown on the page. */
  delivered: '8214779947343229',
  /** Waiting at a post office since yesterday. */
  pickup: '8212268452148012',
  /** Completed 2 days ago: its return window as the page states it. */
  completed: '8212313961591322',
  /** A dispute the shopper opened today, waiting for the seller. */
  dispute: '8211736227630231',
};

/** The order list with its dates moved (the newest order placed 12 days ago) and the pick-up order still on its way. */
export function demoOrderList(now = new Date()) {
  const shifted = shiftEnglishDates(fixture('order-list.2026-09.json'), daysUntil('Sep 1, 2026', -12, now));
  const d = JSON.parse(shifted);
  for (const c of Object.values(d.data.data)) {
    if (c.tag !== 'pc_om_list_order' || c.fields.orderId !== DEMO.pickup) continue;
    c.fields.statusText = 'Awaiting delivery';
    c.fields.buttons = [{ type: 'CONFIRM_GOODS', text: 'Confirm received' }, { type: 'TRACKING', text: 'Track status' }];
  }
  return JSON.stringify(d);
}

/** The gateway's answer for the demo: by API, and for detail and tracking by the order asked for. */
function demoAnswer(url, now) {
  const api = url.searchParams.get('api');
  const id = url.searchParams.get('orderId') ?? url.searchParams.get('tradeOrderId');
  if (api === LIST_API) return demoOrderList(now);
  if (api === DETAIL_API && id === DEMO.inTransit) return awaitingDeliveryDetail(id, englishDateFromToday(2, now).text);
  if (api === DETAIL_API && id === DEMO.completed) return shiftEnglishDates(fixture('order-detail.2026-09.json'), daysUntil('Jul 28, 2026', -2, now));
  if (api === TRACKING_API && id === DEMO.delivered) return trackingDeliveredDaysAgo(2, now.getTime());
  if (api === TRACKING_API && id === DEMO.pickup) return trackingWaitingForPickup(1, now.getTime());
  return null;
}

/** Answers the demo's AliExpress URLs locally; everything else is refused. */
export async function demoRoutes(context, _fixtures, now = new Date()) {
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    const page = (body) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    if (url.hostname === 'www.aliexpress.com' && url.pathname === '/p/order/index.html') return page(orderListPage('xhr'));
    if (url.hostname === 'www.aliexpress.com' && url.pathname === '/p/order/detail.html') return page(detailPage());
    if (url.hostname === 'www.aliexpress.com' && url.pathname === '/p/tracking/index.html') return page(trackingPage());
    if (url.hostname === 'acs.aliexpress.com') {
      const body = demoAnswer(url, now);
      if (body) return route.fulfill({ status: 200, contentType: 'application/json', body });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not part of the demo' });
  });
}
