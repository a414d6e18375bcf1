// npm run bench: every performance figure of docs/performance.md, printed as ONE JSON document
// on stdout (a short summary on stderr). Timed figures are printed, not asserted; the
// deterministic size budgets are enforced by scripts/budgets.mjs in npm test.
//   node scripts/bench.mjs            build dist/chrome if missing, then measure everything
//   node scripts/bench.mjs --build    rebuild dist/chrome first
//   node scripts/bench.mjs --node     only the figures measured in Node (no browser)
//   node scripts/bench.mjs --only=reader,decorate,pageload,store
//                                     only some parts (store = storage, worker start, popup and
//                                     backup with 5,000 orders); the JSON then holds only those
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { BUDGETS } from './budgets.mjs';
import { ROOT } from './bench/bundle.mjs';
import { benchApiReader, benchDeadlines, benchDomReader, loadLib } from './bench/node.mjs';
import { measure } from './sizes.mjs';

const args = process.argv.slice(2);
const nodeOnly = args.includes('--node');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const part = (name) => only === null || only.has(name);
const started = Date.now();
const log = (msg) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}`);

const dist = join(ROOT, 'dist', 'chrome');
if (args.includes('--build') || !existsSync(join(dist, 'manifest.json'))) {
  log('building dist/chrome');
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'chrome'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const TIMED = {
  /** The reader on a 50-order body (a page lists 10–50) over a bare JSON.parse of it. */
  readerOverParse50: 3,
  /** Decorating 100 cards: the extension's thread CPU over that of 100 plain rows inserted by the page. */
  decorateOverFloorCpuMs: 5,
  /** On a page of a real page's script weight: the extension's own CPU before load, % of the page's. */
  pageLoadOwnCpuPercent: 1,
  /** The same page's load, paired runs with and without the extension: the median difference, %. */
  pageLoadPairedDifferencePercent: 2,
  popupFirstRenderMs: 150,
  workerStartToAlarmMs: 50,
};
const within = (value, budget) => ({ value, budget, withinBudget: value !== null && value <= budget });

const sizes = measure(dist);
const size = (part) => ({ gzipBytes: sizes[part].gzip, rawBytes: sizes[part].raw, ...(BUDGETS[part] ? { budgetBytes: BUDGETS[part], withinBudget: sizes[part].gzip <= BUDGETS[part] } : {}) });

log('reader and deadlines in Node');
const lib = await loadLib();
const apiReader = part('reader') ? benchApiReader(lib) : null;
const domReader = part('reader') ? await benchDomReader(lib) : null;
const deadlinesNode = part('store') ? benchDeadlines(lib, 5000) : null;

const report = {
  bench: 'buyer-shield',
  version: JSON.parse((await import('node:fs')).readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, note: 'shared machine; timed figures are medians and vary from run to run' },
  method: 'Timed figures are medians of `runs` runs (Node: performance.now() around repeated calls; Chromium: performance.now() in the page). See docs/performance.md.',
  sizes: { mainWorld: size('mainWorld'), content: size('content'), worker: size('worker'), popup: size('popup'), popupAtOpen: size('popupAtOpen'), csvExport: size('csvExport'), pageCopy: size('pageCopy'), options: size('options') },
  reader: { api: apiReader, dom: domReader, mainWorldGzipBytes: sizes.mainWorld.gzip },
  worker: { deadlinesInNode: deadlinesNode },
};

if (!nodeOnly && (part('decorate') || part('pageload') || part('store'))) {
  const { loadHarness, benchAlarm, benchBackup, benchDecorate, benchDecorateFloor, benchPageLoad, benchPageLoadFloors, benchPopup, benchStorage, routeOrderList } = await import('./bench/browser.mjs');
  const { launch } = await loadHarness();
  const state = { body: '' };
  const h = await launch();
  const plain = await launch({ withExtension: false });
  try {
    await routeOrderList(h, state);
    await routeOrderList(plain, state);
    report.content = {};
    if (part('decorate')) {
      log('content script: decorating 10, 100, 1,000 cards');
      report.content.decorate = await benchDecorate(h, state);
      report.content.decorateFloor = await benchDecorateFloor(plain, state);
      report.content.decorateFloorShadowRoots = await benchDecorateFloor(plain, state, 100, 6, { shadow: true });
    }
    if (part('pageload')) {
      log('page load with and without the extension');
      report.content.pageLoad = await benchPageLoad(h, plain, state);
      log('page load: the floors (content scripts that do less and less)');
      report.content.pageLoadFloors = await benchPageLoadFloors(launch, report.content.pageLoad.mainThreadBeforeLoadWithoutCpuMs);
    }
    await plain.close();
    if (part('store')) {
      log('storage with 5,000 orders');
      report.storage = await benchStorage(h, lib, 5000);
      // Before the worker is killed: each CDP kill (Target.closeTarget) leaves this Chromium
      // slower at opening extension pages for good, whatever the page (docs/performance.md).
      log('popup first render');
      report.popup = await benchPopup(h);
      log('worker start to alarm re-armed');
      report.worker.startToAlarm = await benchAlarm(h);
      log('popup first render, after the worker was killed 6 times');
      report.popup.afterWorkerKills = await benchPopup(h);
      log('backup export and import');
      report.backup = await benchBackup(h, 5000);
    }
  } finally {
    await plain.close().catch(() => {});
    await h.close();
  }
}

const r = report;
report.budgets = {
  deterministic: Object.fromEntries(Object.keys(BUDGETS).map((p) => [p, within(sizes[p].gzip, BUDGETS[p])])),
  timed: {
    ...(r.reader.api ? { readerOverParse50: within(r.reader.api['50'].readerOverParse, TIMED.readerOverParse50) } : {}),
    // Main-thread work of decorating 100 cards (scripts/bench/browser.mjs benchDecorate), not the latency.
    // The extension's own thread CPU of decorating 100 cards over the floor of 100 plain rows.
    ...(r.content?.decorate ? { decorateOverFloorCpuMs: within(Math.round((r.content.decorate['100'].decorateCpuMs - r.content.decorateFloor.cpuMs) * 10) / 10, TIMED.decorateOverFloorCpuMs) } : {}),
    // On a page of a real page's script weight: the extension's CPU before load as a share of the page's, and the paired wall-clock difference.
    ...(r.content?.pageLoad ? { pageLoadOwnCpuPercent: within(r.content.pageLoad.extensionShareOfPageCpuPercent, TIMED.pageLoadOwnCpuPercent) } : {}),
    ...(r.content?.pageLoad ? { pageLoadPairedDifferencePercent: within(r.content.pageLoad.pairedDifferencePercent, TIMED.pageLoadPairedDifferencePercent) } : {}),
    ...(r.popup ? { popupFirstRenderMs: within(r.popup.firstRowPaintedMs, TIMED.popupFirstRenderMs) } : {}),
    ...(r.worker.startToAlarm ? { workerStartToAlarmMs: within(r.worker.startToAlarm.workerStartToAlarmMs, TIMED.workerStartToAlarmMs) } : {}),
  },
  note: 'timed budgets are compared, not enforced; the size budgets fail npm test (scripts/budgets.mjs)',
};
report.durationSeconds = Math.round((Date.now() - started) / 1000);

console.log(JSON.stringify(report, null, 2));
const line = (k, v) => console.error(`  ${k.padEnd(34)} ${v}`);
console.error('\nBuyer Shield bench (medians):');
for (const [k, v] of Object.entries(report.budgets.deterministic)) line(`${k} gz`, `${v.value} B  (≤ ${v.budget})  ${v.withinBudget ? 'ok' : 'OVER'}`);
line('popup gz at open (list only)', `${sizes.popupAtOpen.gzip} B; the order views load when an order is opened`);
for (const [k, v] of Object.entries(report.budgets.timed)) line(k, `${v.value}  (≤ ${v.budget})  ${v.withinBudget ? 'ok' : 'over'}`);
if (r.reader.api) line('capture → observations, 50 orders', `${r.reader.api['50'].captureToObservationMs} ms (message checked, body parsed, orders read)`);
if (r.content?.pageLoad) line('page load: paired diff / own work', `${r.content.pageLoad.pairedDifferenceMs} ms (${r.content.pageLoad.pairedDifferencePercent} % of ${r.content.pageLoad.withoutExtensionMs} ms) / ${r.content.pageLoad.extensionBeforeLoadCpuMs} ms CPU before load (${r.content.pageLoad.extensionShareOfPageCpuPercent} % of the page's ${r.content.pageLoad.mainThreadBeforeLoadWithoutCpuMs} ms)`);
if (r.content?.pageLoad) line('page load: main-thread CPU before load', `${r.content.pageLoad.mainThreadBeforeLoadWithCpuMs} ms with / ${r.content.pageLoad.mainThreadBeforeLoadWithoutCpuMs} ms without (+${r.content.pageLoad.mainThreadBeforeLoadAddedPercent} %)`);
for (const f of r.content?.pageLoadFloors ?? []) line(`page load floor: ${f.probe}`, `${f.extensionBeforeLoadCpuMs} ms (${f.shareOfPageCpuPercent} %)`);
if (r.content?.decorate) line('decorate 100, CPU / floor', `${r.content.decorate['100'].decorateCpuMs} ms / plain rows ${r.content.decorateFloor.cpuMs} ms / the same rows in shadow roots ${r.content.decorateFloorShadowRoots.cpuMs} ms`);
if (r.worker.deadlinesInNode) line('deadlines, 5,000 orders, Node', `${r.worker.deadlinesInNode.totalMs} ms`);
if (r.storage) line('storage, 5,000 orders', `${r.storage.bytesInUse} B (${r.storage.percentOf10MBCap} % of the 10 MB cap${r.storage.unlimitedStorage ? ', which unlimitedStorage lifts' : ''})`);
if (r.popup) line('popup: first frame / first page', `${r.popup.firstFrameRows} rows at ${r.popup.firstRowPaintedMs} ms / ${r.popup.rowsRendered} rows at ${r.popup.firstPagePaintedMs} ms`);
if (r.popup?.afterWorkerKills) line('popup after 6 worker kills', `${r.popup.afterWorkerKills.firstRowPaintedMs} ms (first frame)`);
if (r.backup) line('backup export / import, 5,000', `${r.backup.exportMs} / ${r.backup.importMs} ms`);
console.error(`  (${report.durationSeconds} s)`);
