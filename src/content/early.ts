/**
 * The early half of the content script (document_start): as little as keeps the shopper
 * safe and loses nothing. It keeps the bodies the MAIN-world capture hands over until the
 * late half reads them, and installs the confirm guard and the dispute guards before any
 * AliExpress handler exists. Everything else (reading, the worker, drawing) waits for the
 * page's load event (late.ts).
 */
import { CAPTURE_SOURCE } from '../aliexpress/capture/api-prefixes';
import { confirmTargetOf, disputeActionOf } from '../aliexpress/guard';
import { classifyUrl } from '../aliexpress/pages';
import { ContentContext } from './runtime';
import { isDisputePage, isFromOverlay, SHARED_KEY, type EarlyPart, type LatePart } from './shared';

const MAX_BUFFERED = 100;

/**
 * The event a content script dispatches on the document when it starts (a DOM event, seen by
 * every world's listeners, with no data). A copy left from before the extension was updated,
 * reloaded or removed (its extension context gone) stops at once when it sees it, taking its
 * guards, listeners and drawings with it, rather than at its next call. A page can dispatch it
 * too, harmlessly: a copy whose extension is still there goes on.
 */
export const STARTED_EVENT = 'buyer-shield:content-started';

/** Starts the early half, once per page; null if it already runs. */
export function startEarly(): EarlyPart | null {
  const g = globalThis as unknown as Record<string, EarlyPart | undefined>;
  if (g[SHARED_KEY]) return null;
  const ctx = new ContentContext();
  let late: LatePart | null = null;
  const waiting: ((l: LatePart) => void)[] = [];
  const part: EarlyPart = {
    ctx,
    captures: [],
    onCapture: null,
    confirmLabels: new Map(),
    wake: null,
    attach(l) {
      late = l;
      for (const resume of waiting.splice(0)) resume(l);
    },
  };
  g[SHARED_KEY] = part;

  window.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== window || event.origin !== location.origin) return;
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null || (data as { source?: unknown }).source !== CAPTURE_SOURCE) return;
      if (part.onCapture) part.onCapture(data);
      else if (part.captures.length < MAX_BUFFERED) part.captures.push(data);
    },
    { signal: ctx.signal },
  );
  // A newer copy started (it says so once the page has loaded, app.ts): this one stops if its extension is gone.
  document.addEventListener(STARTED_EVENT, () => ctx.check(), { signal: ctx.signal });

  const whenLate = (): Promise<LatePart> => {
    if (late) return Promise.resolve(late);
    const waited = new Promise<LatePart>((resolve) => waiting.push(resolve));
    part.wake?.();
    return waited;
  };
  installGuards(ctx, part.confirmLabels, classifyUrl(location.href).kind, {
    // Not loaded yet: protect rather than let it through.
    guardActiveFor: (orderId) => late?.guardActiveFor(orderId) ?? true,
    askConfirm: (orderId) => whenLate().then((l) => l.askConfirm(orderId)),
    askDispute: (action) => whenLate().then((l) => l.askDispute(action)),
  });
  return part;
}

/**
 * The confirm guard and the dispute guards. Registered at document_start in the capture
 * phase on window, so they run before any handler AliExpress attaches. A guarded click is
 * stopped; when the shopper chooses to go on, the same control is clicked again and let
 * through, so the page's own action runs exactly once.
 */
function installGuards(ctx: ContentContext, confirmLabels: Map<string, string>, pageKind: string, ask: LatePart): void {
  let bypass: Element | null = null;
  const onDisputePage = isDisputePage(pageKind);

  /** Stop the page's handlers; on a click or key, ask, and click again (let through) if the shopper goes on. */
  const hold = (event: Event, element: Element, question: () => Promise<boolean>): void => {
    event.stopImmediatePropagation();
    // Pointer and touch ends only stop the page's own handlers: the click that follows asks.
    if (event.type !== 'click' && !(event instanceof KeyboardEvent)) return;
    event.preventDefault();
    void question().then((go) => {
      if (go && element.isConnected) {
        bypass = element;
        (element as HTMLElement).click();
      }
    });
  };

  const intercept = (event: Event): void => {
    // A press on our own overlay (a badge inside a card that is a link) is never the page's confirm.
    if (!ctx.alive || !event.isTrusted || isFromOverlay(event)) return;
    if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
    try {
      const target = event.target;
      const confirm = confirmTargetOf(target, document, confirmLabels);
      if (confirm) {
        if (ask.guardActiveFor(confirm.orderId)) hold(event, confirm.element, () => ask.askConfirm(confirm.orderId));
        return;
      }
      const action = onDisputePage ? disputeActionOf(target) : null;
      if (action) hold(event, action.element, () => ask.askDispute(action.action));
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
