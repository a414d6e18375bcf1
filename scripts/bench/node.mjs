// The figures measured in Node: the readers beside a bare JSON.parse, and the deadline engine.
import { Window } from 'happy-dom';
import { performance } from 'node:perf_hooks';
import { importTs } from './bundle.mjs';
import { median, round, timeTogether } from './stats.mjs';
import { domPage, listBody, storedOrders } from './synth.mjs';

const LIST_API = 'mtop.aliexpress.trade.buyer.order.list';

export async function loadLib() {
  return importTs('scripts/bench/entry.ts');
}

/** readApiPayload on order-list bodies of 10, 100, 1,000 orders, beside JSON.parse of the same body. */
export function benchApiReader(lib, sizes = [10, 50, 1000]) {
  const out = {};
  for (const n of sizes) {
    const body = listBody(n);
    const ctx = { site: 'www.aliexpress.com', now: new Date() };
    const check = lib.readApiPayload(LIST_API, lib.unwrapBody(body), ctx);
    if (check.observations.length !== n) throw new Error(`reader read ${check.observations.length} of ${n} orders`);
    const parsed = JSON.parse(body);
    // The message the MAIN-world capture posts to the content script (src/aliexpress/capture-protocol.ts).
    const message = { source: lib.CAPTURE_SOURCE, v: 1, api: LIST_API, url: 'https://acs.aliexpress.com/h5/x/1.0/', body };
    const t = timeTogether({
      parse: () => JSON.parse(body),
      // What the content script does with a captured body: unwrap (JSON.parse inside) and read.
      reader: () => lib.readApiPayload(LIST_API, lib.unwrapBody(body), ctx),
      readOnly: () => lib.readApiPayload(LIST_API, parsed, ctx),
      // The whole path in the content script: the message checked, the body unwrapped, the orders read.
      captureToObservation: () => {
        const capture = lib.parseCaptureMessage(message);
        return lib.readApiPayload(capture.api, lib.unwrapBody(capture.body), { site: 'www.aliexpress.com', now: new Date() });
      },
    }, { runs: 9, minMs: n >= 1000 ? 40 : 20 });
    out[String(n)] = {
      bodyBytes: Buffer.byteLength(body),
      jsonParseMs: round(t.ms.parse, 4),
      readerMs: round(t.ms.reader, 4),
      readerOverParse: round(t.ms.reader / t.ms.parse, 2),
      readApiPayloadOnlyMs: round(t.ms.readOnly, 4),
      captureToObservationMs: round(t.ms.captureToObservation, 4),
      runs: t.runs,
      callsPerRun: t.callsPerRun.reader,
    };
  }
  return out;
}

/** readDom on the saved order-list page with 10 and 100 cards (happy-dom). */
export async function benchDomReader(lib, sizes = [10, 100]) {
  const out = {};
  for (const n of sizes) {
    const window = new Window({ url: 'https://www.aliexpress.com/p/order/index.html' });
    const doc = domPage(window, n);
    const ctx = { site: 'www.aliexpress.com', now: new Date() };
    const check = lib.readDom(doc, ctx);
    if (check.observations.length !== n) throw new Error(`readDom read ${check.observations.length} of ${n} cards`);
    // The floor: JSON.parse of the list body carrying the same orders.
    const body = listBody(n);
    const t = timeTogether({ parse: () => JSON.parse(body), readDom: () => lib.readDom(doc, ctx) }, { runs: 7, minMs: 30 });
    out[String(n)] = {
      readDomMs: round(t.ms.readDom, 3),
      jsonParseOfSameOrdersMs: round(t.ms.parse, 4),
      readDomOverParse: round(t.ms.readDom / t.ms.parse, 1),
      runs: t.runs,
      callsPerRun: t.callsPerRun.readDom,
    };
    await window.happyDOM.close();
  }
  return out;
}

/**
 * The worker's recomputation for `n` stored orders, as refreshDeadlines does it:
 * sortOrdersByUrgency (every order's deadlines) then planReminders (due now + next wake-up).
 */
export function benchDeadlines(lib, n = 5000, runs = 9) {
  const now = Date.now();
  const orders = storedOrders(lib, n, new Date(now));
  const rules = lib.DEFAULT_RULES;
  const today = lib.localDateOf(now);
  const facts = () => ({ classifyEvent: lib.classifyTrackingEvent });
  const sortMs = [];
  const planMs = [];
  const totalMs = [];
  let next = null;
  for (let r = 0; r < runs + 2; r++) {
    const t0 = performance.now();
    const ranked = lib.sortOrdersByUrgency(orders, rules, today, facts);
    const t1 = performance.now();
    const entries = ranked.map((x) => ({ orderId: x.order.orderId, firstSeenAt: x.order.firstSeenAt, deadlines: x.deadlines }));
    const plan = lib.planReminders(entries, lib.emptyLog(), rules, now);
    const t2 = performance.now();
    next = plan.nextWakeIfNotRaised;
    if (r < 2) continue; // warm-up
    sortMs.push(t1 - t0);
    planMs.push(t2 - t1);
    totalMs.push(t2 - t0);
  }
  return {
    orders: n,
    sortOrdersByUrgencyMs: round(median(sortMs), 2),
    planRemindersMs: round(median(planMs), 2),
    totalMs: round(median(totalMs), 2),
    runs,
    nextWakeAt: next === null ? null : new Date(next).toISOString(),
  };
}
