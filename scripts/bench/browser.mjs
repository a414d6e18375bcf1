// The figures measured in Chromium with the built extension (test/e2e/harness.ts, bundled):
// decorating cards, page load with and without the extension, storage with 5,000 orders,
// worker start to alarm re-armed, popup first render, backup export and import.
/* global window, document, performance, chrome, MutationObserver, MessageChannel, requestAnimationFrame, CSSStyleSheet -- the functions passed to page.evaluate and addInitScript run in the browser */
import { ROOT, importTs } from './bundle.mjs';
import { median, round } from './stats.mjs';
import { PAGE_SCRIPTS, appScript, listBody, storedOrders } from './synth.mjs';
import { orderListPage } from '../demo-pages.mjs';
import { benchFloors } from './floors.mjs';

const ORDER_LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const REMINDER_ALARM = 'buyer-shield:reminder'; // src/background/deadlines.ts
const CAP_BYTES = 10 * 1024 * 1024; // chrome.storage.local without unlimitedStorage

export async function loadHarness() {
  return importTs('test/e2e/harness.ts', { define: { 'import.meta.dirname': JSON.stringify(`${ROOT}/test/e2e`) } });
}

const APP_SCRIPT_URL = (i) => `https://assets.alicdn.com/g/ae-order/app-${i}.js`;

/**
 * The order list with the script weight of a real page (synth.mjs PAGE_SCRIPTS): its 24
 * application scripts load and run before the page starts its data request, as an app's do.
 */
export function realisticOrderListPage() {
  const scripts = Array.from({ length: PAGE_SCRIPTS.count }, (_, i) => `<script src="${APP_SCRIPT_URL(i)}"></script>`).join('');
  return orderListPage('xhr', { extraBody: scripts });
}

/**
 * Serves the order list on its real URL (`state.html`, else the plain page); its gateway
 * answers page 1 with `state.body`, and the application scripts of the realistic page are served.
 */
export async function routeOrderList(h, state) {
  const app = Array.from({ length: PAGE_SCRIPTS.count }, (_, i) => appScript(i));
  await h.routeAliExpress({
    '^https://www\\.aliexpress\\.com/p/order/index\\.html': (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: state.html ?? orderListPage('xhr') }),
    '^https://assets\\.alicdn\\.com/g/ae-order/app-\\d+\\.js$': (route, url) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: app[Number(/app-(\d+)/.exec(url.pathname)[1])] ?? '' }),
    '^https://acs\\.aliexpress\\.com/': (route, url) =>
      url.searchParams.get('pageIndex') === '1'
        ? route.fulfill({ status: 200, contentType: 'application/json', body: state.body })
        : route.fulfill({ status: 404, body: '' }),
  });
}

/**
 * In the page, from document start (the bench's own script, nothing of the product): when the
 * N cards are in the DOM, when the N badge hosts are, and how long the main thread was busy
 * drawing badges.
 *
 * From the cards' arrival a chain of MessageChannel tasks runs until the badges have been
 * still for QUIET_MS: the gap between two of them is the length of whatever ran in between
 * on the page's main thread. A gap is counted as decorating when a badge host was inserted
 * or a badge's shadow root changed in it (MutationObservers on the document and on every
 * badge's shadow root), and so is the gap holding the next animation frame (the style,
 * layout and paint that follow). Upper bounds: a counted gap holds whatever else ran in it.
 */
function watchCards([want, badges]) {
  const QUIET_MS = 1000;
  const CAP_MS = 8000;
  const b = (window.__bench = {
    cards: null,
    badges: null,
    drawTask: null,
    longestTask: 0,
    scriptMs: 0,
    frameMs: 0,
    tasks: 0,
    longestDecorateTask: 0,
    lastChange: null,
    done: false,
  });
  const cards = document.getElementsByClassName('order-item');
  const hosts = new Set();
  const ch = new MessageChannel();
  let last = 0;
  let changed = false; // a badge changed since the last ping
  let frame = false; // the animation frame after a change ran since the last ping
  let frameWanted = false;
  ch.port1.onmessage = () => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    if (gap > b.longestTask && b.badges === null) b.longestTask = gap;
    if (changed || frame) {
      if (changed) b.scriptMs += gap;
      else b.frameMs += gap;
      b.tasks++;
      if (gap > b.longestDecorateTask) b.longestDecorateTask = gap;
      if (changed && b.badges !== null && b.drawTask === null) b.drawTask = gap;
    }
    changed = false;
    frame = false;
    const quiet = b.badges !== null && now - b.lastChange > QUIET_MS;
    if (quiet || now - b.cards > CAP_MS) b.done = true;
    else ch.port2.postMessage(0);
  };
  const onChange = (now) => {
    // For the trace (tracedDecorate): this callback runs at the end of the task that changed a badge.
    performance.mark('bench:badge-changed');
    changed = true;
    b.lastChange = now;
    if (!frameWanted) {
      frameWanted = true;
      requestAnimationFrame(() => {
        frameWanted = false;
        frame = true;
      });
    }
  };
  const inShadow = new MutationObserver(() => {
    if (b.cards !== null) onChange(performance.now());
  });
  new MutationObserver((records) => {
    const now = performance.now();
    if (b.cards === null && cards.length >= want) {
      b.cards = now;
      last = now;
      ch.port2.postMessage(0);
    }
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.getAttribute('data-buyer-shield') === 'badge') {
          hosts.add(n);
          if (n.shadowRoot) inShadow.observe(n.shadowRoot, { childList: true, subtree: true, characterData: true, attributes: true });
          if (b.cards !== null) onChange(now);
        }
      }
    }
    if (b.cards !== null && b.badges === null && hosts.size >= badges) b.badges = now;
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
    const script = [];
    const frames = [];
    const tasks = [];
    const longestDecorate = [];
    const traced = [];
    for (let r = 0; r < runs; r++) {
      const page = await h.context.newPage();
      await page.addInitScript(watchCards, [n, Math.min(n, CARD_CAP)]);
      const trace = await startTrace(h.context, page);
      await page.goto(ORDER_LIST_URL);
      await page.waitForFunction(() => window.__bench.done, null, { timeout: 60_000, polling: 100 });
      traced.push(tracedDecorate(await trace.stop()));
      const b = await page.evaluate(() => window.__bench);
      samples.push(b.badges - b.cards);
      draws.push(b.drawTask);
      longest.push(b.longestTask);
      script.push(b.scriptMs);
      frames.push(b.frameMs);
      tasks.push(b.tasks);
      longestDecorate.push(b.longestDecorateTask);
      if (r === runs - 1) drawn = await page.locator('[data-buyer-shield="badge"]').count();
      await page.close();
    }
    const known = samples.slice(1);
    const rest = (xs) => round(median(xs.slice(1)), 1);
    out[String(n)] = {
      // The budgeted figure, from a trace of the page's main thread: the tasks that drew or
      // changed badges plus the rendering task (style, layout, paint) right after each.
      decorateMainThreadMs: rest(traced.map((t) => t.scriptMs + t.frameMs)),
      decorateScriptMs: rest(traced.map((t) => t.scriptMs)),
      decorateFrameMs: rest(traced.map((t) => t.frameMs)),
      // Thread CPU time of the same tasks (without waiting for a core on a busy machine).
      decorateCpuMs: rest(traced.map((t) => t.scriptCpuMs + t.frameCpuMs)),
      decorateScriptCpuMs: rest(traced.map((t) => t.scriptCpuMs)),
      decorateFrameCpuMs: rest(traced.map((t) => t.frameCpuMs)),
      decorateTasks: rest(traced.map((t) => t.tasks)),
      longestDecorateTaskMs: rest(traced.map((t) => t.longestMs)),
      // The same from the page's own clock (watchCards): gaps between MessageChannel ticks in
      // which a badge changed, and the frame after; an upper bound (a gap holds whatever else
      // ran in it: the reply's decoding, the page's own tasks).
      pingUpperBoundMs: rest(script.map((x, i) => x + frames[i])),
      pingScriptMs: rest(script),
      pingFrameMs: rest(frames),
      pingTasks: rest(tasks),
      pingLongestTaskMs: rest(longestDecorate),
      // Latency, not work: includes waiting for the page's load (the overlay's half that draws
      // runs at document_idle) and the round trip to the worker for the orders' deadlines.
      cardsToBadgesMs: round(median(known), 1),
      firstVisitMs: round(samples[0], 1),
      firstVisitMainThreadMs: round(script[0] + frames[0], 1),
      // The task in which the badge hosts appeared (the ping gap around it), and the longest task until then.
      drawTaskMs: rest(draws),
      longestTaskMs: rest(longest),
      runs: known.length,
      cards: n,
      badgesDrawn: drawn,
      samplesMs: samples.map((x) => round(x, 1)),
      mainThreadSamplesMs: traced.map((t) => round(t.scriptMs + t.frameMs, 1)),
      pingSamplesMs: script.map((x, i) => round(x + frames[i], 1)),
    };
  }
  return out;
}

/**
 * The floor under decorating: the same list in a browser without the extension, where the
 * page itself prepends a plain 38 px row of text to each of its N cards in one task, traced
 * like the badges. What inserting N in-flow boxes into this page costs whoever does it.
 * With `shadow`, each row is inside a host of its own with an open shadow root that adopts
 * one shared stylesheet, as the overlay's badges are (src/content/overlay/host.ts): what
 * N isolated boxes cost, before anything the extension itself computes or draws in them.
 */
export async function benchDecorateFloor(plain, state, n = 100, runs = 6, { shadow = false } = {}) {
  state.body = listBody(n, 950_000);
  const traced = [];
  for (let r = 0; r <= runs; r++) {
    const page = await plain.context.newPage();
    await page.goto(ORDER_LIST_URL);
    await page.waitForFunction((want) => document.getElementsByClassName('order-item').length >= want, n);
    await page.waitForTimeout(300);
    const trace = await startTrace(plain.context, page);
    await page.evaluate(
      (isolated) =>
        new Promise((resolve) =>
          setTimeout(() => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync('.row{block-size:38px;margin-block-end:6px;background:#eef3ff}');
            for (const card of document.getElementsByClassName('order-item')) {
              const row = document.createElement('div');
              row.className = 'row';
              row.textContent = '3 days left · 24 Nov 2026 · Refund if not delivered';
              if (isolated) {
                const host = document.createElement('div');
                const root = host.attachShadow({ mode: 'open' });
                root.adoptedStyleSheets = [sheet];
                root.append(row);
                card.prepend(host);
              } else {
                row.style.cssText = 'block-size:38px;margin-block-end:6px;background:#eef3ff';
                card.prepend(row);
              }
            }
            performance.mark('bench:badge-changed');
            setTimeout(resolve, 500);
          }, 50),
        ),
      shadow,
    );
    const t = tracedDecorate(await trace.stop());
    await page.close();
    if (r > 0) traced.push(t);
  }
  const med = (f) => round(median(traced.map(f)), 1);
  return { cards: n, runs, shadowRoots: shadow, mainThreadMs: med((t) => t.scriptMs + t.frameMs), scriptMs: med((t) => t.scriptMs), frameMs: med((t) => t.frameMs), cpuMs: med((t) => t.scriptCpuMs + t.frameCpuMs), frameCpuMs: med((t) => t.frameCpuMs) };
}

/** Records a Chromium trace of `page` (its renderer's main thread, tasks and user timing) until `stop()`. */
async function startTrace(context, page) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

/**
 * From a trace: the main-thread tasks in which a badge changed (they hold a
 * `bench:badge-changed` mark, set by watchCards at the end of such a task) and, after each,
 * the next task that updated rendering (style, layout, pre-paint, paint). Their durations,
 * each task counted once.
 */
export function tracedDecorate(events) {
  const marks = events.filter((e) => e.name === 'bench:badge-changed');
  if (!marks.length) throw new Error('the trace holds no badge change');
  const thread = (e) => `${e.pid}:${e.tid}`;
  const main = thread(marks[0]);
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && thread(e) === main).sort((a, b) => a.ts - b.ts);
  const renders = events.filter((e) => e.ph === 'X' && RENDERING.has(e.name) && thread(e) === main).map((e) => e.ts);
  const within = (t, ts) => ts >= t.ts && ts <= t.ts + t.dur;
  const drew = new Set();
  const framed = new Set();
  for (const m of marks) {
    const i = tasks.findIndex((t) => within(t, m.ts));
    if (i < 0) continue;
    drew.add(tasks[i]);
    const next = tasks.slice(i + 1).find((t) => renders.some((ts) => within(t, ts)));
    if (next) framed.add(next);
  }
  for (const t of drew) framed.delete(t);
  const ms = (xs, key = 'dur') => [...xs].reduce((sum, t) => sum + (t[key] ?? t.dur) / 1000, 0);
  return {
    scriptMs: ms(drew),
    frameMs: ms(framed),
    // The same tasks' thread CPU time: what the main thread spent on them, without the time it
    // waited for a core (the bench machine is shared).
    scriptCpuMs: ms(drew, 'tdur'),
    frameCpuMs: ms(framed, 'tdur'),
    tasks: drew.size + framed.size,
    longestMs: Math.max(0, ...[...drew, ...framed].map((t) => t.dur / 1000)),
  };
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

/**
 * loadEventEnd of the same order list with and without the extension, loads alternating
 * (one warm-up each, then `loads` each): medians, and the median of the pairwise differences.
 * Then `traced` more loads with the extension under a trace, for what the extension itself
 * ran on the page's main thread before the load event (its scripts' compile, evaluation and
 * callbacks, thread CPU time): a figure the machine's noise moves far less than the wall clock.
 */
export async function benchPageLoad(withExt, without, state, n = 50, loads = 15, traced = 5) {
  state.body = listBody(n, 900_000);
  state.html = realisticOrderListPage();
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
  const own = [];
  const plainCpu = [];
  for (let i = 0; i < traced; i++) {
    own.push(await extensionWorkBeforeLoad(withExt.context, ORDER_LIST_URL));
    plainCpu.push((await extensionWorkBeforeLoad(without.context, ORDER_LIST_URL)).mainThreadMs);
  }
  state.html = undefined;
  const ownMs = median(own.map((o) => o.totalMs));
  const withCpu = median(own.map((o) => o.mainThreadMs));
  const withoutCpu = median(plainCpu);
  return {
    orders: n,
    withExtensionMs: round(withMs, 1),
    withoutExtensionMs: round(withoutMs, 1),
    differencePercent: round(((withMs - withoutMs) / withoutMs) * 100, 1),
    pairedDifferenceMs: round(median(a.map((x, i) => x.loadEventEnd - b[i].loadEventEnd)), 1),
    domContentLoadedWithMs: round(median(a.map((x) => x.domContentLoaded)), 1),
    domContentLoadedWithoutMs: round(median(b.map((x) => x.domContentLoaded)), 1),
    withSamplesMs: a.map((x) => round(x.loadEventEnd, 1)),
    withoutSamplesMs: b.map((x) => round(x.loadEventEnd, 1)),
    // The extension's own main-thread time before the load event, and its share of the page's load without it.
    extensionBeforeLoadCpuMs: round(ownMs, 1),
    extensionBeforeLoadPercent: round((ownMs / withoutMs) * 100, 1),
    extensionBeforeLoadByScript: Object.fromEntries(Object.keys(own[0]?.byScript ?? {}).map((k) => [k, round(median(own.map((o) => o.byScript[k] ?? 0)), 2)])),
    // All the page's main-thread tasks before the load event (thread CPU), traced with and
    // without the extension: what it costs in all, its scripts and what the browser does for
    // them (their worlds, their injection) included, and far steadier than the wall clock.
    mainThreadBeforeLoadWithCpuMs: round(withCpu, 1),
    mainThreadBeforeLoadWithoutCpuMs: round(withoutCpu, 1),
    mainThreadBeforeLoadAddedPercent: round(((withCpu - withoutCpu) / withoutCpu) * 100, 1),
    // The share the budgets compare (docs/performance.md): the extension's own CPU of the page's
    // main-thread CPU before load, and the paired wall-clock difference of the page's load.
    extensionShareOfPageCpuPercent: round((ownMs / withoutCpu) * 100, 2),
    pairedDifferencePercent: round((median(a.map((x, i) => x.loadEventEnd - b[i].loadEventEnd)) / withoutMs) * 100, 2),
    page: { applicationScripts: PAGE_SCRIPTS.count, applicationScriptBytes: Array.from({ length: PAGE_SCRIPTS.count }, (_, i) => appScript(i).length).reduce((x, y) => x + y, 0) },
    runs: loads,
    tracedRuns: traced,
  };
}

/**
 * The page-load floors (floors.mjs): the same realistic page and traced count, with copies of
 * the extension whose content scripts do less and less, down to nothing; each in a browser of
 * its own. `pageCpuMs` is the page's own CPU before load without the extension (benchPageLoad).
 */
export async function benchPageLoadFloors(launch, pageCpuMs, n = 50) {
  const state = { body: listBody(n, 900_000), html: realisticOrderListPage() };
  return benchFloors(launch, (h) => routeOrderList(h, state), (h) => extensionWorkBeforeLoad(h.context, ORDER_LIST_URL), pageCpuMs);
}

const TOP_LEVEL = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'RunMicrotasks']);

/**
 * One traced load: thread CPU time of the extension's scripts (chrome-extension:// URLs)
 * before MarkLoad, outermost events only; and of all the main thread's tasks before it.
 */
async function extensionWorkBeforeLoad(context, url) {
  const page = await context.newPage();
  const trace = await startTrace(context, page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(100);
  const events = await trace.stop();
  await page.close();
  const load = events.find((e) => e.name === 'MarkLoad');
  if (!load) throw new Error('the trace holds no load event');
  const mine = events
    .filter((e) => e.ph === 'X' && TOP_LEVEL.has(e.name) && e.ts < load.ts && e.tid === load.tid)
    .map((e) => ({ e, script: String(e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.fileName ?? '') }))
    .filter((x) => x.script.startsWith('chrome-extension://'))
    .sort((x, y) => x.e.ts - y.e.ts);
  // Count each stretch once: an event inside one already counted (a compile inside its evaluation) is skipped.
  const byScript = {};
  let totalMs = 0;
  let end = -1;
  for (const { e, script } of mine) {
    if (e.ts < end) continue;
    end = e.ts + e.dur;
    const ms = (e.tdur ?? e.dur) / 1000;
    const name = script.split('/').pop();
    byScript[name] = (byScript[name] ?? 0) + ms;
    totalMs += ms;
  }
  const mainThreadMs = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === load.tid && e.pid === load.pid && e.ts < load.ts).reduce((sum, e) => sum + (e.tdur ?? e.dur) / 1000, 0);
  return { totalMs, byScript, mainThreadMs };
}

/** Replaces every stored order by `orders` (and the reminder log), from an extension page. */
async function seed(h, orders) {
  const probe = await h.probe();
  await probe.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('order:') || k === 'reminderLog'));
  });
  const values = Object.fromEntries(orders.map((o) => [`order:${o.orderId}`, o]));
  // Written as the worker writes orders: with the index's stale mark (src/storage/order-index.ts).
  values['index:stale'] = Date.now();
  await probe.evaluate((v) => chrome.storage.local.set(v), values);
  // Then the worker rebuilds the index, as it does after every write of orders.
  return probe.evaluate(async (n) => {
    await chrome.runtime.sendMessage({ type: 'ui/refresh' });
    const t0 = performance.now();
    for (;;) {
      const got = await chrome.storage.local.get(['index:stale', 'index:head']);
      if (got['index:stale'] === undefined && got['index:head']?.count === n) break;
      if (performance.now() - t0 > 60_000) throw new Error('the worker did not rebuild the order index within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const all = await chrome.storage.local.get(null);
    const orderKeys = Object.keys(all).filter((k) => k.startsWith('order:'));
    return {
      orders: orderKeys.length,
      bytesInUse: await chrome.storage.local.getBytesInUse(null),
      orderBytes: await chrome.storage.local.getBytesInUse(orderKeys),
      indexBytes: await chrome.storage.local.getBytesInUse(['index:head', 'index:rows']),
      unlimitedStorage: (chrome.runtime.getManifest().permissions ?? []).includes('unlimitedStorage'),
    };
  }, orders.length);
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
    indexBytes: s.indexBytes,
    // With unlimitedStorage (the Chrome build asks for it, docs/permissions.md) storage.local has
    // no quota of its own; the share of the 10 MB it would otherwise have is shown beside it.
    unlimitedStorage: s.unlimitedStorage,
    quotaBytes: s.unlimitedStorage ? null : CAP_BYTES,
    percentOf10MBCap: round((s.bytesInUse / CAP_BYTES) * 100, 1),
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

/** Until the worker's refresh that followed `since` has stored its schedule and the order index. */
async function waitForIdleWorker(probe, since) {
  await probe.evaluate(async (t) => {
    const t0 = performance.now();
    for (;;) {
      const got = await chrome.storage.local.get(['schedule', 'index:head', 'index:stale']);
      if ((got.schedule?.at ?? 0) >= t && (got['index:head']?.at ?? 0) >= t && got['index:stale'] === undefined) return;
      if (performance.now() - t0 > 60_000) throw new Error('the worker did not finish its refresh within 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }, since);
}

/** The worker's own User Timing mark (src/background/deadlines.ts ALARM_ARMED_MARK), ms from its start. */
async function workerMark(h, name) {
  const workers = h.context.serviceWorkers().filter((w) => w.url().startsWith(h.base));
  const sw = workers[workers.length - 1];
  if (!sw) return null;
  const read = sw.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? null, name);
  return Promise.race([read, new Promise((r) => setTimeout(() => r(null), 5000))]);
}

/**
 * Worker start to alarm re-armed with the seeded orders. Each run: wait until the worker is
 * idle (its last refresh stored), clear the alarm, kill the worker, wake it with a message
 * from an extension page, and poll chrome.alarms.get until the new worker has re-created it.
 * `workerStartToAlarmMs` is the new worker's own mark, from its start (its timeOrigin) to the
 * alarm re-armed; `wakeToAlarmMs` is what the page saw, which adds Chrome starting the worker.
 */
export async function benchAlarm(h, runs = 5) {
  const probe = await h.probe();
  const samples = [];
  const replies = [];
  let since = 0;
  for (let r = 0; r < runs + 1; r++) {
    await waitForIdleWorker(probe, since);
    // A worker idles out after 30 s without events; a second of quiet stands in for that here.
    await new Promise((r) => setTimeout(r, 1000));
    await probe.evaluate((name) => chrome.alarms.clear(name), REMINDER_ALARM);
    await killWorker(h);
    since = Date.now();
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
    m.markMs = await workerMark(h, 'buyer-shield:alarm-armed');
    if (r > 0) samples.push(m); // the first start raises the seeded orders' due reminders once
    else replies.push(m);
  }
  await waitForIdleWorker(probe, since);
  const marks = samples.map((s) => s.markMs).filter((x) => typeof x === 'number');
  return {
    workerStartToAlarmMs: marks.length ? round(median(marks), 1) : null,
    wakeToAlarmMs: round(median(samples.map((s) => s.armedMs)), 1),
    wakeToFirstReplyMs: round(median(samples.map((s) => s.replyMs)), 1),
    firstStartAfterSeedingMs: round(replies[0].armedMs, 1),
    runs,
    marksRead: marks.length,
    samplesMs: marks.map((x) => round(x, 1)),
    wakeSamplesMs: samples.map((s) => round(s.armedMs, 1)),
    alarmAt: new Date(samples[samples.length - 1].scheduledTime).toISOString(),
  };
}

function watchPopup() {
  const b = (window.__bench = { row: null, painted: null, firstRows: 0, page: null, pagePainted: null });
  new MutationObserver((_, obs) => {
    if (b.row === null && document.querySelector('li.order')) {
      b.row = performance.now();
      b.firstRows = document.querySelectorAll('li.order').length;
      requestAnimationFrame(() => (b.painted = performance.now()));
    }
    // The whole first page (src/ui/dashboard/Dashboard.tsx PAGE_SIZE) follows the first frame's rows.
    if (b.page === null && document.querySelectorAll('li.order').length >= 50) {
      b.page = performance.now();
      obs.disconnect();
      requestAnimationFrame(() => (b.pagePainted = performance.now()));
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Navigation start → first order row in the DOM, → the frame that paints it, → the first page of 50 rows painted. */
export async function benchPopup(h, runs = 15) {
  // The worker's work after the orders were stored (the seeded orders' due reminders, raised
  // once) ends first; the popup is measured on a quiet browser, as the worker-start figure is.
  await waitForIdleWorker(await h.probe(), 0);
  await new Promise((r) => setTimeout(r, 2000));
  const samples = [];
  let rows = 0;
  let firstFrameRows = 0;
  for (let r = 0; r < runs + 1; r++) {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 420, height: 640 });
    await page.addInitScript(watchPopup);
    await page.goto(`${h.base}/src/popup/index.html`);
    await page.waitForFunction(() => window.__bench.pagePainted !== null, null, { timeout: 30_000, polling: 50 });
    const b = await page.evaluate(() => window.__bench);
    rows = await page.locator('li.order').count();
    firstFrameRows = b.firstRows;
    if (r > 0) samples.push(b); // the first open also warms the HTTP cache of the extension's files
    await page.close();
  }
  return {
    firstRowPaintedMs: round(median(samples.map((s) => s.painted)), 1),
    firstRowInDomMs: round(median(samples.map((s) => s.row)), 1),
    // The first frame holds the rows a popup shows; the rest of the first page follows it.
    firstFrameRows,
    firstPagePaintedMs: round(median(samples.map((s) => s.pagePainted)), 1),
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
