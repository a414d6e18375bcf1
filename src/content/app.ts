/** The late half of the content script (document_idle): capture → reader → worker → overlay. */
import {
  classifyUrl,
  currencyOfPage,
  detectPageProblem,
  parseCaptureMessage,
  readApiPayload,
  readDom,
  readEmbeddedData,
  unwrapBody,
  type ReadContext,
  type ReadResult,
} from '../aliexpress';
import { confirmLabelsFromPayload } from '../aliexpress/guard';
import { STARTED_EVENT } from './early';
import { browser } from '../platform/content-browser';
import { DialogHost } from './overlay/dialog';
import { FEATURES, type FeatureEnv } from './overlay/features';
import { isOurs } from './overlay/host';
import { Panel } from './overlay/panel';
import { PageState } from './overlay/state';
import type { EarlyPart } from './shared';
import { isSnapshotRequest, SNAPSHOT_LIMITS, type PageSnapshot } from '../messaging/page-snapshot';

const DOM_SETTLE_MS = 400;

export function startContent(early: EarlyPart): void {
  const { ctx, confirmLabels } = early;
  // An older copy of this script still on the page stops if its extension is gone (early.ts).
  document.dispatchEvent(new Event(STARTED_EVENT));
  const page = classifyUrl(location.href);
  const apiOrderIds = new Set<string>();
  const pageState = new PageState(ctx, page);
  let domTimer: ReturnType<typeof setTimeout> | undefined;
  // The overlay's features, each on the pages it declares, all stopped by the context's signal.
  const env: FeatureEnv = { state: pageState, panel: new Panel(pageState), dialog: new DialogHost(pageState), guards: {} };
  env.dialog.start(ctx.signal);
  for (const feature of FEATURES) if (feature.runsOn(page)) feature.start(env, ctx.signal);
  early.attach({
    guardActiveFor: (orderId) => env.guards.guardActiveFor?.(orderId) ?? true,
    askConfirm: (orderId) => env.guards.askConfirm?.(orderId) ?? Promise.resolve(true),
    askDispute: (action) => env.guards.askDispute?.(action) ?? Promise.resolve(true),
  });

  // The DOM is re-read whenever the page changes; only what is new goes to the worker
  // (each send is a storage write and a deadline refresh there).
  const sentDom = new Map<string, string>();
  const sentProblems = new Set<string>();
  const send = async (result: ReadResult, via: 'api' | 'dom'): Promise<void> => {
    const observations =
      via === 'api'
        ? result.observations
        : result.observations.filter((o) => {
            if (apiOrderIds.has(o.orderId)) return false;
            const text = JSON.stringify(o);
            if (sentDom.get(o.orderId) === text) return false;
            sentDom.set(o.orderId, text);
            return true;
          });
    const problems = result.problems.filter((p) => {
      const key = `${p.code}|${p.detail}`;
      if (sentProblems.has(key)) return false;
      sentProblems.add(key);
      return true;
    });
    if (observations.length === 0 && problems.length === 0) return;
    await ctx.send({ type: 'cs/observations', url: location.href, via, observations, problems: problems.slice(0, 50) });
    await pageState.refresh();
  };

  /** What every read of this page is told: the site, the time, the order, the account's currency. */
  const readContext = (): ReadContext => ({
    site: location.hostname,
    now: new Date(),
    orderId: page.orderId ?? undefined,
    currency: currencyOfPage(location.hostname, document.cookie),
  });

  // The last responses captured, for an anonymised copy of the page (below).
  const recentCaptures: PageSnapshot['captures'] = [];
  const onCapture = (data: unknown): void => {
    const capture = parseCaptureMessage(data);
    if (!capture || !ctx.alive) return;
    if (capture.body.length <= SNAPSHOT_LIMITS.captureChars) recentCaptures.push({ api: capture.api, body: capture.body });
    if (recentCaptures.length > SNAPSHOT_LIMITS.captures) recentCaptures.shift();
    try {
      const payload = unwrapBody(capture.body);
      if (payload === null) return;
      confirmLabelsFromPayload(payload, confirmLabels);
      onApiRead(readApiPayload(capture.api, payload, readContext()));
    } catch (e) {
      void ctx.send({ type: 'cs/page-problem', url: location.href, code: 'reader-error', detail: String(e).slice(0, 500) });
    }
  };
  /** A response read (captured, or carried in the page's HTML): its orders are not read again from the cards. */
  const onApiRead = (result: ReadResult): void => {
    for (const o of result.observations) apiOrderIds.add(o.orderId);
    pageState.noteApiRead(result);
    void send(result, 'api');
  };
  // What arrived before this half was loaded, then everything that follows.
  for (const data of early.captures.splice(0)) onCapture(data);
  early.onCapture = onCapture;
  ctx.onStop(() => {
    early.onCapture = null;
  });

  const readPage = (): void => {
    if (!ctx.alive) return;
    try {
      const problem = detectPageProblem(document, location.href);
      if (problem) {
        pageState.showProblem(problem);
        void ctx.send({ type: 'cs/page-problem', url: location.href, code: problem, detail: '' });
        return;
      }
      // Cards whose order the API already gave are not read again from the DOM.
      const result = readDom(document, readContext(), (id) => apiOrderIds.has(id));
      pageState.noteDomRead(result);
      void send(result, 'dom');
    } catch (e) {
      void ctx.send({ type: 'cs/page-problem', url: location.href, code: 'reader-error', detail: String(e).slice(0, 500) });
    }
  };
  const scheduleDomRead = (): void => {
    clearTimeout(domTimer);
    domTimer = setTimeout(readPage, DOM_SETTLE_MS);
  };

  const onReady = (): void => {
    if (!ctx.alive) return;
    env.panel.start(ctx.signal);
    void pageState.refresh();
    // Data the page carries in its HTML, read as the responses it stands for.
    try {
      for (const result of readEmbeddedData(document, readContext())) onApiRead(result);
    } catch (e) {
      void ctx.send({ type: 'cs/page-problem', url: location.href, code: 'reader-error', detail: String(e).slice(0, 500) });
    }
    scheduleDomRead();
    // AliExpress renders cards after its data arrives and adds more on "View orders".
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n instanceof Element && !isOurs(n)) {
            scheduleDomRead();
            pageState.cardsAdded();
            return;
          }
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onStop(() => {
      observer.disconnect();
      clearTimeout(domTimer);
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onReady, { once: true, signal: ctx.signal });
  else onReady();

  // Redraw when something this page shows changed: the settings (language, guard), the
  // per-order choices, or one of its orders read in another tab. Other writes (reminder log,
  // other orders) are not this page's business.
  const onStorage = (changes: Record<string, unknown>, area: string): void => {
    if (!ctx.alive) return;
    const keys = Object.keys(changes);
    const relevant =
      area === 'sync'
        ? keys.includes('settings')
        : keys.some((k) => k === 'orderPrefs' || (k.startsWith('order:') && pageState.pageOrderIds.has(k.slice(6))));
    if (relevant) void pageState.refresh();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onStop(() => browser.storage.onChanged.removeListener(onStorage));

  // The page as the extension saw it, when the shopper asks the popup for an anonymised copy
  // (docs/page-copy.md): the popup masks it and writes the file; nothing leaves the machine.
  const onSnapshot = (msg: unknown, _sender: unknown, reply: (snapshot: PageSnapshot) => void): false => {
    if (isSnapshotRequest(msg) && ctx.alive) {
      const html = new XMLSerializer().serializeToString(document);
      reply({ url: location.href, html: html.slice(0, SNAPSHOT_LIMITS.htmlChars), captures: recentCaptures });
    }
    return false;
  };
  browser.runtime.onMessage.addListener(onSnapshot as never);
  ctx.onStop(() => browser.runtime.onMessage.removeListener(onSnapshot as never));
}
