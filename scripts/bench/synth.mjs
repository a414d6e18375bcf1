// Synthetic inputs for the bench, made from the real captures in test/fixtures/aliexpress:
// order-list payloads of N orders (the 10 captured order components cloned with new ids),
// order-list pages of N cards (the saved page's cards cloned), and N stored Order records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle.mjs';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'aliexpress');
const listCapture = JSON.parse(readFileSync(join(FIXTURES, 'order-list.2026-09.json'), 'utf8'));
const BODY_KEY = 'pc_om_list_body_109702';
const templateKeys = listCapture.data.hierarchy.structure[BODY_KEY];
const templates = templateKeys.map((k) => ({ id: listCapture.data.data[k].fields.orderId, json: JSON.stringify(listCapture.data.data[k]) }));

/** A 16-digit order id, distinct from the captured ones. */
export const synthId = (i) => String(8300000000000000 + i);

/** The body of an order-list response with `n` orders (a JSON string, as the page receives it). */
export function listBody(n, offset = 0) {
  const data = {};
  for (const [k, v] of Object.entries(listCapture.data.data)) if (v.tag !== 'pc_om_list_order') data[k] = v;
  const keys = [];
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length];
    const id = synthId(offset + i);
    const key = `pc_om_list_order_${id}`;
    data[key] = JSON.parse(t.json.replaceAll(t.id, id));
    keys.push(key);
  }
  const structure = { ...listCapture.data.hierarchy.structure, [BODY_KEY]: keys };
  return JSON.stringify({ ...listCapture, data: { ...listCapture.data, data, hierarchy: { ...listCapture.data.hierarchy, structure } } });
}

/** The saved order-list page with `n` cards, as a happy-dom Document. */
export function domPage(window, n) {
  const html = readFileSync(join(FIXTURES, 'pages', 'order-list.en.html'), 'utf8');
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const cards = [...doc.querySelectorAll('.order-item')];
  const parent = cards[0].parentElement;
  const sources = cards.map((c) => {
    const id = /Ref\. Number: (\d+)/.exec(c.textContent)[1];
    return { id, html: c.outerHTML };
  });
  for (const c of cards) c.remove();
  const out = [];
  for (let i = 0; i < n; i++) {
    const s = sources[i % sources.length];
    out.push(s.html.replaceAll(s.id, synthId(i)));
  }
  parent.insertAdjacentHTML('afterbegin', out.join('\n'));
  return doc;
}

/**
 * `n` valid stored orders (src/domain/order.ts), read from a synthetic list payload by the
 * real reader and made into records, with dates moved around today so deadlines lie ahead:
 * orders on their way carry a page "refund if no delivery" date and the captured tracking;
 * completed ones a completion date (return and dispute windows are estimated from it).
 */
export function storedOrders(lib, n, now = new Date()) {
  const ctx = { site: 'www.aliexpress.com', now };
  // The reader takes at most 2,000 components a response (a real page sends tens): read in pages of 1,000.
  const observations = [];
  for (let from = 0; from < n; from += 1000) {
    const body = listBody(Math.min(1000, n - from), from);
    observations.push(...lib.readApiPayload('mtop.aliexpress.trade.buyer.order.list', JSON.parse(body), ctx).observations);
  }
  if (observations.length !== n) throw new Error(`reader gave ${observations.length} of ${n} orders`);
  const tracking = lib.readApiPayload('mtop.ae.ld.querydetail', JSON.parse(readFileSync(join(FIXTURES, 'tracking.2026-09.json'), 'utf8')), ctx)
    .observations[0]?.tracking ?? [];
  const today = lib.localDateOf(now);
  const iso = now.toISOString();
  return observations.map((obs, i) => {
    const o = lib.orderFromObservation(obs, iso);
    o.placedOn = lib.addDays(today, -(i % 45) - 10);
    if (o.status === 'completed') {
      o.completedOn = lib.addDays(today, -(i % 20));
    } else {
      o.shippedOn = lib.addDays(o.placedOn, 2);
      o.tracking = tracking;
      o.deadlines = [{ kind: 'no-delivery-refund', due: lib.addDays(today, 3 + (i % 50)), source: 'page', text: 'Refund if no delivery before this date' }];
    }
    const ok = lib.OrderSchema.safeParse(o);
    if (!ok.success) throw new Error(`synthetic order ${o.orderId} is invalid: ${JSON.stringify(ok.error.issues[0])}`);
    return ok.data;
  });
}

/**
 * The script weight of a real page, for the page-load figure (docs/performance.md, "Page
 * load"): the median desktop page of the HTTP Archive Web Almanac 2024, Page Weight chapter,
 * loads 613 KB of JavaScript in 24 requests. So: 24 scripts of 613/24 KB each, generated
 * application-like code (functions that build and walk small trees of objects and strings),
 * every function called once when its script runs, so all of it is compiled and executed on
 * the page's main thread as an app bundle's start-up is. Deterministic: the same bytes every run.
 */
export const PAGE_SCRIPTS = { count: 24, totalBytes: 613 * 1024 };

export function appScript(index) {
  const target = Math.round(PAGE_SCRIPTS.totalBytes / PAGE_SCRIPTS.count);
  const parts = [`(function(){var registry${index}={};`];
  let size = parts[0].length;
  let i = 0;
  while (size < target - 400) {
    const fn =
      `function c${index}_${i}(props){var out={tag:'div',cls:'m${index}-c${i}',kids:[]};` +
      `for(var k=0;k<${4 + (i % 5)};k++){out.kids.push({tag:'span',text:String(props.n*k+${i})+'-'+props.label,key:'k'+k});}` +
      `var s=0;for(var j=0;j<out.kids.length;j++){s+=out.kids[j].text.length;}out.size=s;return out;}` +
      `registry${index}['c${i}']=c${index}_${i};`;
    parts.push(fn);
    size += fn.length;
    i++;
  }
  const init = `var total=0;for(var name in registry${index}){total+=registry${index}[name]({n:${index + 1},label:name}).size;}window.__appBoot=(window.__appBoot||0)+total;})();`;
  parts.push(init);
  return parts.join('\n');
}
