/**
 * Where the overlay draws: hosts with an open shadow root (reachable by assistive technology
 * and tests) holding our one stylesheet, styled in isolation. Page text is rendered as text only.
 */
import type { OverlayOrder } from '../view';
import overlayCss from '../overlay.css?inline';
import { HOST_ATTR } from '../shared';


/** One stylesheet object shared by every shadow root we create (Chrome 73+, Firefox 101+). */
let sharedSheet: CSSStyleSheet | null = null;

/** A host element with an open shadow root holding our stylesheet. */
export function makeHost(role: string): { host: HTMLElement; root: ShadowRoot } {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(overlayCss);
  }
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTR, role);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sharedSheet];
  return { host, root };
}

/** Elements we created (so our own mutations don't trigger re-reads). */
export function isOurs(node: Element): boolean {
  return node.hasAttribute(HOST_ATTR) || !!node.closest(`[${HOST_ATTR}]`);
}

/** What a badge or panel shows of an order, as a string: equal strings draw equal views. */
const entrySigs = new WeakMap<OverlayOrder, string>();
export function entrySig(e: OverlayOrder | null): string {
  if (!e) return '-';
  let sig = entrySigs.get(e);
  if (sig === undefined) {
    sig = JSON.stringify([e.top, e.deadlines, e.order.status, e.order.deliveredAt ?? null, e.outlook]);
    entrySigs.set(e, sig);
  }
  return sig;
}
