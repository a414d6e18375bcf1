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


/** Answers the demo's AliExpress URLs locally; everything else is refused. */
export async function demoRoutes(context, fixtures) {
  const list = readFileSync(join(fixtures, 'order-list.2026-09.json'), 'utf8');
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'www.aliexpress.com' && url.pathname === '/p/order/index.html') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: orderListPage('xhr') });
    }
    if (url.hostname === 'acs.aliexpress.com' && url.searchParams.get('api') === LIST_API) {
      return route.fulfill({ status: 200, contentType: 'application/json', body: list });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not part of the demo' });
  });
}
