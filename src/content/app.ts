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
import { browser } from '../platform/browser';
import { ContentContext } from './runtime';
import { Overlay } from './overlay';

const DOM_SETTLE_MS = 400;

export function startContent(): void {
  const ctx = new ContentContext();
  const page = classifyUrl(location.href);
  const apiOrderIds = new Set<string>();
  const overlay = new Overlay(ctx, page);
  let domTimer: ReturnType<typeof setTimeout> | undefined;

  const send = async (result: ReadResult, via: 'api' | 'dom'): Promise<void> => {
    const observations = via === 'dom' ? result.observations.filter((o) => !apiOrderIds.has(o.orderId)) : result.observations;
    if (observations.length === 0 && result.problems.length === 0) return;
    await ctx.send({ type: 'cs/observations', url: location.href, via, observations, problems: result.problems.slice(0, 50) });
    await overlay.refresh();
  };

  const onMessage = (event: MessageEvent): void => {
    if (event.source !== window || event.origin !== location.origin) return;
    const capture = parseCaptureMessage(event.data);
    if (!capture || !ctx.alive) return;
    try {
      const payload = unwrapBody(capture.body);
      if (payload === null) return;
      const result = readApiPayload(capture.api, payload, { site: location.hostname, now: new Date() });
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
      const result = readDom(document, { site: location.hostname, now: new Date() });
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
  const onStorage = (): void => {
    if (ctx.alive) void overlay.refresh();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onStop(() => browser.storage.onChanged.removeListener(onStorage));
}
