// The figures measured in Chromium with the built extension (test/e2e/harness.ts, bundled):
// decorating cards, page load with and without the extension, storage with 5,000 orders,
// worker start to alarm re-armed, popup first render, backup export and import.
/* global window, document, performance, chrome, MutationObserver, MessageChannel, requestAnimationFrame -- the functions passed to page.evaluate and addInitScript run in the browser */
import { ROOT, importTs } from './bundle.mjs';
import { median, round } from './stats.mjs';
import { listBody, storedOrders } from './synth.mjs';
import { orderListPage } from '../demo-pages.mjs';

const ORDER_LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const REMINDER_ALARM = 'buyer-shield:reminder'; // src/background/deadlines.ts
const QUOTA_BYTES = 10 * 1024 * 1024; // chrome.storage.local without unlimitedStorage

export async function loadHarness() {
  return importTs('test/e2e/harness.ts', { define: { 'import.meta.dirname': JSON.stringify(`${ROOT}/test/e2e`) } });
}

/** Serves the order list on its real URL; its gateway answers page 1 with `state.body`. */
export async function routeOrderList(h, state) {
  await h.routeAliExpress({
    '^https://www\\.aliexpress\\.com/p/order/index\\.html': (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: orderListPage('xhr') }),
    '^https://acs\\.aliexpress\\.com/': (route, url) =>
      url.searchParams.get('pageIndex') === '1'
        ? route.fulfill({ status: 200, contentType: 'application/json', body: state.body })
        : route.fulfill({ status: 404, body: '' }),
  });
}

/**
 * In the page, from document start: when the N cards are in the DOM, and when the N badge
 * hosts are (MutationObserver callbacks, performance.now()).
 */
function watchCards([want, badges]) {
  const b = (window.__bench = { cards: null, badges: null, drawTask: null, longestTask: 0 });
  const cards = document.getElementsByClassName('order-item');
  // From the cards' arrival, a chain of MessageChannel tasks: a gap between two of them is
  // the length of whatever ran in between on the page's main thread (the overlay's draw).
  const ch = new MessageChannel();
  let last = 0;
  let badgesSeen = false;
  ch.port1.onmessage = () => {
    const now = performance.now();
    const gap = now - last;
    if (gap > b.longestTask) b.longestTask = gap;
    if (badgesSeen && b.drawTask === null) b.drawTask = gap;
    last = now;
    if (b.drawTask === null) ch.port2.postMessage(0);
  };
  new MutationObserver(() => {
    const now = performance.now();
    if (b.cards === null && cards.length >= want) {
      b.cards = now;
      last = now;
      ch.port2.postMessage(0);
    }
    if (b.cards !== null && b.badges === null && document.querySelectorAll('[data-buyer-shield="badge"]').length >= badges) {
      b.badges = now;
      badgesSeen = true;
    }
  }).observe(document, { childList: true, subtree: true });
}

/** The overlay decorates at most this many cards a page (MAX_CARDS in src/aliexpress/dom.ts). */
export const CARD_CAP = 500;

/**
 * Cards present → badge hosts present on all of them (at most CARD_CAP), for each N; the
 * first load of each list is a first visit (orders new to the worker), the others are not.
 */
export async function benchDecorate(h, state, sizes = [10, 100, 1000], loads = 5) {
  const out = {};
  let offset = 100_000;
  for (const n of sizes) {
    state.body = listBody(n, offset);
    offset += n;
    const samples = [];
    let drawn = 0;
    const draws = [];
    const longest = [];
    const runs = n >= 1000 ? Math.min(loads, 4) : loads;
    for (let r = 0; r < runs; r++) {
      const page = await h.context.newPage();
      await page.addInitScript(watchCards, [n, Math.min(n, CARD_CAP)]);
      await page.goto(ORDER_LIST_URL);
      await page.waitForFunction(() => window.__bench.drawTask !== null, null, { timeout: 60_000, polling: 100 });
      const b = await page.evaluate(() => window.__bench);
      samples.push(b.badges - b.cards);
      draws.push(b.drawTask);
      longest.push(b.longestTask);
      if (r === runs - 1) {
        await page.waitForTimeout(300);
        drawn = await page.locator('[data-buyer-shield="badge"]').count();
      }
      await page.close();
    }
    const known = samples.slice(1);
    out[String(n)] = {
      cardsToBadgesMs: round(median(known), 1),
      firstVisitMs: round(samples[0], 1),
      // The main-thread task that put the badges in (the ping gap around it), and the longest task seen meanwhile.
      drawTaskMs: round(median(draws.slice(1)), 1),
      longestTaskMs: round(median(longest.slice(1)), 1),
      runs: known.length,
      cards: n,
      badgesDrawn: drawn,
      samplesMs: samples.map((x) => round(x, 1)),
    };
  }
  return out;
}

async function loadTime(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType('navigation')[0];
    return { loadEventEnd: e.loadEventEnd, domContentLoaded: e.domContentLoadedEventEnd };
  });
  await page.close();
  return nav;
}

/** loadEventEnd of the same order list with and without the extension, loads alternating. */
export async function benchPageLoad(withExt, without, state, n = 100, loads = 7) {
  state.body = listBody(n, 900_000);
  const a = [];
  const b = [];
  await loadTime(withExt.context, ORDER_LIST_URL); // warm-up: first load of each browser
  await loadTime(without.context, ORDER_LIST_URL);
  for (let i = 0; i < loads; i++) {
    a.push(await loadTime(withExt.context, ORDER_LIST_URL));
    b.push(await loadTime(without.context, ORDER_LIST_URL));
  }
  const withMs = median(a.map((x) => x.loadEventEnd));
  const withoutMs = median(b.map((x) => x.loadEventEnd));
  return {
    orders: n,
    withExtensionMs: round(withMs, 1),
    withoutExtensionMs: round(withoutMs, 1),
    differencePercent: round(((withMs - withoutMs) / withoutMs) * 100, 1),
    domContentLoadedWithMs: round(median(a.map((x) => x.domContentLoaded)), 1),
    domContentLoadedWithoutMs: round(median(b.map((x) => x.domContentLoaded)), 1),
    runs: loads,
  };
}

/** Replaces every stored order by `orders` (and the reminder log), from an extension page. */
async function seed(h, orders) {
  const probe = await h.probe();
  await probe.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('order:') || k === 'reminderLog'));
  });
  const values = Object.fromEntries(orders.map((o) => [`order:${o.orderId}`, o]));
  await probe.evaluate((v) => chrome.storage.local.set(v), values);
  return probe.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const orderKeys = Object.keys(all).filter((k) => k.startsWith('order:'));
    return {
      orders: orderKeys.length,
      bytesInUse: await chrome.storage.local.getBytesInUse(null),
      orderBytes: await chrome.storage.local.getBytesInUse(orderKeys),
    };
  });
}

export async function benchStorage(h, lib, n = 5000) {
  const orders = storedOrders(lib, n);
  const s = await seed(h, orders);
  if (s.orders !== n) throw new Error(`seeded ${s.orders} of ${n} orders`);
  const onTheirWay = orders.filter((o) => o.tracking.length > 0).length;
  // What every reader of all orders pays first (worker start, popup): one get(null) from an extension page.
  const probe = await h.probe();
  const reads = [];
  for (let i = 0; i < 3; i++) {
    reads.push(await probe.evaluate(async () => {
      const t0 = performance.now();
      await chrome.storage.local.get(null);
      return performance.now() - t0;
    }));
  }
  return {
    orders: s.orders,
    bytesInUse: s.bytesInUse,
    orderBytes: s.orderBytes,
    quotaBytes: QUOTA_BYTES,
    percentOfQuota: round((s.bytesInUse / QUOTA_BYTES) * 100, 1),
    bytesPerOrder: Math.round(s.orderBytes / n),
    getAllMs: round(median(reads), 1),
    getAllRuns: reads.length,
    mix: `${onTheirWay} on their way with the captured tracking (26 events), ${n - onTheirWay} completed without tracking`,
  };
}

/** CDP Target.closeTarget on the extension's service worker (as Chrome does when it idles it out). */
async function killWorker(h) {
  const page = await h.probe();
  const cdp = await h.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(h.base));
  if (!sw) throw new Error('no service worker to close');
  await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  for (let i = 0; i < 100; i++) {
    const now = await cdp.send('Target.getTargets');
    if (!now.targetInfos.some((t) => t.targetId === sw.targetId)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await cdp.detach();
}

/**
 * Worker start to alarm re-armed with the seeded orders: the alarm is cleared and the worker
 * killed; an extension page then wakes it with a message and polls chrome.alarms.get until
 * the worker has re-created the alarm (every start recomputes all deadlines and re-arms).
 */
export async function benchAlarm(h, runs = 5) {
  const probe = await h.probe();
  const samples = [];
  const replies = [];
  for (let r = 0; r < runs + 1; r++) {
    await probe.evaluate((name) => chrome.alarms.clear(name), REMINDER_ALARM);
    await killWorker(h);
    const m = await probe.evaluate(async (name) => {
      const t0 = performance.now();
      let reply = null;
      const answered = chrome.runtime.sendMessage({ type: 'ui/get-state' }).then(() => (reply = performance.now()));
      for (;;) {
        const a = await chrome.alarms.get(name);
        if (a) {
          const t1 = performance.now();
          await answered;
          return { armedMs: t1 - t0, replyMs: reply - t0, scheduledTime: a.scheduledTime };
        }
        if (performance.now() - t0 > 30_000) return { armedMs: null, replyMs: null, scheduledTime: null };
      }
    }, REMINDER_ALARM);
    if (m.armedMs === null) throw new Error('the worker did not re-arm the alarm within 30 s');
    if (r > 0) samples.push(m); // the first start raises the seeded orders' due reminders once
    else replies.push(m);
  }
  return {
    workerStartToAlarmMs: round(median(samples.map((s) => s.armedMs)), 1),
    workerStartToFirstReplyMs: round(median(samples.map((s) => s.replyMs)), 1),
    firstStartAfterSeedingMs: round(replies[0].armedMs, 1),
    runs,
    samplesMs: samples.map((s) => round(s.armedMs, 1)),
    alarmAt: new Date(samples[samples.length - 1].scheduledTime).toISOString(),
  };
}

function watchPopup() {
  const b = (window.__bench = { row: null, painted: null });
  new MutationObserver((_, obs) => {
    if (b.row === null && document.querySelector('li.order')) {
      b.row = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => (b.painted = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Navigation start → first order row in the DOM, and → the frame that paints it. */
export async function benchPopup(h, runs = 5) {
  const samples = [];
  let rows = 0;
  for (let r = 0; r < runs + 1; r++) {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 420, height: 640 });
    await page.addInitScript(watchPopup);
    await page.goto(`${h.base}/src/popup/index.html`);
    await page.waitForFunction(() => window.__bench.painted !== null, null, { timeout: 30_000, polling: 50 });
    const b = await page.evaluate(() => window.__bench);
    rows = await page.locator('li.order').count();
    if (r > 0) samples.push(b); // the first open also warms the HTTP cache of the extension's files
    await page.close();
  }
  return {
    firstRowPaintedMs: round(median(samples.map((s) => s.painted)), 1),
    firstRowInDomMs: round(median(samples.map((s) => s.row)), 1),
    rowsRendered: rows,
    runs,
  };
}

/** ui/export-backup, then ui/import-backup of that text into a storage without orders. */
export async function benchBackup(h, n, runs = 3) {
  const probe = await h.probe();
  const ex = [];
  const im = [];
  let size = 0;
  for (let r = 0; r < runs; r++) {
    const m = await probe.evaluate(async () => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'ui/export-backup' });
      const t1 = performance.now();
      if (!reply?.ok) return { error: JSON.stringify(reply).slice(0, 300) };
      const text = JSON.stringify(reply.value);
      const all = await chrome.storage.local.get(null);
      await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('order:')));
      const t2 = performance.now();
      const back = await chrome.runtime.sendMessage({ type: 'ui/import-backup', text });
      const t3 = performance.now();
      const after = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('order:')).length;
      return { exportMs: t1 - t0, importMs: t3 - t2, ok: back?.ok === true, after, bytes: text.length, exported: reply.value.orders?.length ?? null };
    });
    if (m.error || !m.ok) throw new Error(`backup round trip failed: ${m.error ?? 'import refused'}`);
    if (m.after !== n || m.exported !== n) throw new Error(`backup round trip: exported ${m.exported}, ${m.after} orders after import, expected ${n}`);
    ex.push(m.exportMs);
    im.push(m.importMs);
    size = m.bytes;
  }
  return { orders: n, exportMs: round(median(ex), 1), importMs: round(median(im), 1), backupChars: size, runs };
}
