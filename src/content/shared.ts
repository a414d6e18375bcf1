/**
 * The two halves of the isolated content script. The early half (`early.ts`) runs at
 * document_start and is small: it buffers the captured bodies and installs the guards. The
 * late half (`late.ts` → `app.ts`) waits for the page's load event, then reads, talks to the
 * worker and draws; it takes the buffered bodies and answers the guards' questions. Until it
 * is there, a guarded click waits (and wakes it). The early half is also kept on the
 * isolated world's global (invisible to the page), so a second injection into the same
 * document does not install the guards twice.
 */
import type { ContentContext } from './runtime';

export const SHARED_KEY = '__buyerShieldContent';

/** The attribute on every element the overlay puts on the page (its shadow hosts). */
export const HOST_ATTR = 'data-buyer-shield';

/** Whether an event happened inside the overlay (a badge, the panel, a dialog): ours, never the page's control. */
export function isFromOverlay(event: Event): boolean {
  return event.composedPath().some((n) => n instanceof Element && n.hasAttribute(HOST_ATTR));
}

export type DisputeAsk = 'cancel-dispute' | 'accept-offer';

/** The pages where a dispute is cancelled or an offer accepted: the dispute guards run there. */
export function isDisputePage(kind: string): boolean {
  return kind === 'dispute-detail' || kind === 'refund-list' || kind === 'reverse-start';
}

/** What the late half lends the guards. */
export interface LatePart {
  guardActiveFor(orderId: string): boolean;
  askConfirm(orderId: string): Promise<boolean>;
  askDispute(action: DisputeAsk): Promise<boolean>;
}

export interface EarlyPart {
  ctx: ContentContext;
  /** Capture messages (not yet validated) that arrived before the late half took over. */
  captures: unknown[];
  /** Set by the late half: every later capture message goes straight to it. */
  onCapture: ((data: unknown) => void) | null;
  /** orderId → the label the page's JSON gives its "Confirm received" button (filled by the late half). */
  confirmLabels: Map<string, string>;
  attach(late: LatePart): void;
  /** Set by the late half while it waits for the page's load: start now (a guarded click is waiting). */
  wake: (() => void) | null;
}

