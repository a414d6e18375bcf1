/** The content script's wiring: capture → reader → worker → overlay. */
import {
  classifyUrl,
  detectPageProblem,
  parseCaptureMessage,
  readApiPayload,
  readDom,
  unwrapBody,
  type ReadResult,
} from '../aliexpress';
import { confirmLabelsFromPayload, confirmTargetOf, disputeActionOf } from '../aliexpress/guard';
import { browser } from '../platform/content-browser';
import { ContentContext } from './runtime';
import { Overlay } from './overlay';

const DOM_SETTLE_MS = 400;

export function startContent(): void {
  const ctx = new ContentContext();
  const page = classifyUrl(location.href);
  const apiOrderIds = new Set<string>();
  const overlay = new Overlay(ctx, page);
  const confirmLabels = new Map<string, string>();
  let domTimer: ReturnType<typeof setTimeout> | undefined;
  installGuards(ctx, overlay, confirmLabels, page.kind);

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
    await overlay.refresh();
  };

  const onMessage = (event: MessageEvent): void => {
    if (event.source !== window || event.origin !== location.origin) return;
    const capture = parseCaptureMessage(event.data);
    if (!capture || !ctx.alive) return;
    try {
      const payload = unwrapBody(capture.body);
      if (payload === null) return;
      confirmLabelsFromPayload(payload, confirmLabels);
      const result = readApiPayload(capture.api, payload, { site: location.hostname, now: new Date(), orderId: page.orderId ?? undefined });
      for (const o of result.observations) apiOrderIds.add(o.orderId);
      overlay.noteApiRead(result);
      void send(result, 'api');
    } catch (e) {
      void ctx.send({ type: 'cs/page-problem', url: location.href, code: 'reader-error', detail: String(e).slice(0, 500) });
    }
  };
  window.addEventListener('message', onMessage, { signal: ctx.signal });

  const readPage = (): void => {
    if (!ctx.alive) return;
    try {
      const problem = detectPageProblem(document, location.href);
      if (problem) {
        overlay.showProblem(problem);
        void ctx.send({ type: 'cs/page-problem', url: location.href, code: problem, detail: '' });
        return;
      }
      const result = readDom(document, { site: location.hostname, now: new Date(), orderId: page.orderId ?? undefined });
      overlay.noteDomRead(result);
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
    overlay.mount();
    scheduleDomRead();
    // AliExpress renders cards after its data arrives and adds more on "View orders".
    const observer = new MutationObserver((records) => {
      if (records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && !overlay.owns(n)))) {
        scheduleDomRead();
        overlay.scheduleDecorate();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onStop(() => {
      observer.disconnect();
      clearTimeout(domTimer);
      overlay.unmount();
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onReady, { once: true, signal: ctx.signal });
  else onReady();

  // Settings changed in the options (language, guard): redraw at once.
  // Redraw when something this page shows changed: the settings (language, guard), the
  // per-order choices, or one of its orders read in another tab. Other writes (reminder log,
  // other orders) are not this page's business.
  const onStorage = (changes: Record<string, unknown>, area: string): void => {
    if (!ctx.alive) return;
    const keys = Object.keys(changes);
    const relevant =
      area === 'sync'
        ? keys.includes('settings')
        : keys.some((k) => k === 'orderPrefs' || (k.startsWith('order:') && overlay.showsOrder(k.slice(6))));
    if (relevant) void overlay.refresh();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onStop(() => browser.storage.onChanged.removeListener(onStorage));
}

/**
 * The confirm guard and the dispute guards. Registered at document_start in the capture
 * phase on window, so they run before any handler AliExpress attaches. A guarded click is
 * stopped; when the shopper chooses to go on, the same control is clicked again and let
 * through, so the page's own action runs exactly once.
 */
function installGuards(ctx: ContentContext, overlay: Overlay, confirmLabels: Map<string, string>, pageKind: string): void {
  let bypass: Element | null = null;
  const onDisputePage = pageKind === 'dispute-detail' || pageKind === 'refund-list' || pageKind === 'reverse-start';

  /** Stop the page's handlers; on a click or key, ask, and click again (let through) if the shopper goes on. */
  const hold = (event: Event, element: Element, ask: () => Promise<boolean>): void => {
    event.stopImmediatePropagation();
    // Pointer and touch ends only stop the page's own handlers: the click that follows asks.
    if (event.type !== 'click' && !(event instanceof KeyboardEvent)) return;
    event.preventDefault();
    void ask().then((go) => {
      if (go && element.isConnected) {
        bypass = element;
        (element as HTMLElement).click();
      }
    });
  };

  const intercept = (event: Event): void => {
    if (!ctx.alive || !event.isTrusted) return;
    if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
    try {
      const target = event.target;
      const confirm = confirmTargetOf(target, document, confirmLabels);
      if (confirm) {
        if (overlay.guardActiveFor(confirm.orderId)) hold(event, confirm.element, () => overlay.askConfirm(confirm.orderId));
        return;
      }
      const action = onDisputePage ? disputeActionOf(target) : null;
      if (action) hold(event, action.element, () => overlay.askDispute(action.action));
    } catch {
      // A guard that fails lets the page work as it would without us; never throw into it.
    }
  };
  // A synthetic click from our own "Confirm anyway" is not trusted; let it through by the bypass.
  const onClick = (event: Event): void => {
    if (bypass && event.target instanceof Node && (bypass === event.target || bypass.contains(event.target))) {
      bypass = null;
      return;
    }
    intercept(event);
  };
  const options = { capture: true, signal: ctx.signal };
  window.addEventListener('click', onClick, options);
  window.addEventListener('keydown', intercept, options);
  // Touch and pointer presses that some pages act on before the click.
  window.addEventListener('pointerup', intercept, options);
  window.addEventListener('touchend', intercept, options);
}
