/**
 * What every overlay feature draws from: the worker's answer about this page's orders (the
 * overlay state), the page's order ids, and the problem the page has, if any. Features listen
 * to its events with their AbortSignal (`addEventListener(…, { signal })`) instead of calling
 * one another: `change` when the state or the problem changed, `cards` when the page added
 * elements (new order cards, perhaps).
 */
import { findOrderCards, type ReadResult } from '../../aliexpress';
import { createTranslator, type Translate } from '../../i18n';
import type { ContentContext } from '../runtime';
import type { OverlayOrder, OverlayState } from '../view';

/** How long a state request may take before the next one is sent anyway. */
const STATE_TIMEOUT_MS = 10_000;

export interface PageInfo {
  kind: string;
  orderId: string | null;
  unsupportedOperator: boolean;
}

export function isListPage(page: PageInfo): boolean {
  return page.kind === 'order-list' || page.kind === 'legacy-order-list';
}

type PageEvent = 'change' | 'cards';

export class PageState {
  state: OverlayState | null = null;
  translate: Translate | null = null;
  byId = new Map<string, OverlayOrder>();
  /** Why the page could not be read, if it could not (a catalogue key's suffix). */
  problem: string | null = null;
  /** The order ids the state drawn was asked for. */
  asked = new Set<string>();
  readonly pageOrderIds = new Set<string>();
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  /**
   * The features' listeners. Not a subclass of EventTarget: in a Firefox content script an
   * object made by a DOM class's constructor is the page's, and a subclass's own methods are
   * not on it (the content script then failed to start; test/firefox caught it).
   */
  private readonly listeners: Record<PageEvent, Set<() => void>> = { change: new Set(), cards: new Set() };

  constructor(
    readonly ctx: ContentContext,
    readonly page: PageInfo,
  ) {
    if (page.orderId) this.pageOrderIds.add(page.orderId);
    if (page.unsupportedOperator) this.problem = 'unsupported-operator';
  }

  /** Call `listener` on each `type` until `signal` aborts. */
  addEventListener(type: PageEvent, listener: () => void, { signal }: { signal: AbortSignal }): void {
    if (signal.aborted) return;
    this.listeners[type].add(listener);
    signal.addEventListener('abort', () => this.listeners[type].delete(listener), { once: true });
  }

  private emit(type: PageEvent): void {
    for (const listener of [...this.listeners[type]]) {
      try {
        listener();
      } catch (e) {
        // One feature failing must not stop the others, nor throw into the page.
        console.debug('[Buyer Shield] overlay feature failed', e);
      }
    }
  }

  /** Tell the features the state or the problem changed (once there is a state to draw). */
  changed(): void {
    if (this.ctx.alive && this.state) this.emit('change');
  }

  /** Tell the features the page added elements. */
  cardsAdded(): void {
    if (this.ctx.alive) this.emit('cards');
  }

  /** The page's own order on a detail or tracking page, as the worker knows it. */
  pageOrder(): OverlayOrder | null {
    return this.page.orderId ? this.byId.get(this.page.orderId) ?? null : null;
  }

  guardActiveFor(orderId: string): boolean {
    const s = this.state;
    if (!s) return true; // not loaded yet: protect rather than let it through
    return s.settings.guardEnabled && !s.prefs[orderId]?.guardOff;
  }

  noteApiRead(result: ReadResult): void {
    for (const o of result.observations) this.pageOrderIds.add(o.orderId);
  }

  noteDomRead(result: ReadResult): void {
    for (const o of result.observations) this.pageOrderIds.add(o.orderId);
    const before = this.problem;
    if (result.observations.length === 0 && result.problems.some((p) => p.code === 'no-orders-found') && this.pageOrderIds.size === 0) {
      this.problem ??= 'nothing-read';
    } else if (this.pageOrderIds.size > 0 && this.problem === 'nothing-read') {
      this.problem = null;
    }
    if (this.problem !== before) this.changed();
  }

  showProblem(code: string): void {
    this.problem = code;
    this.changed();
  }

  /**
   * Ask the worker for the page's orders, then tell the features. One request at a time:
   * calls made while one is out (a burst of reads, the storage change each write causes,
   * cards that arrived meanwhile) are answered by one more request after it, so each burst
   * costs the page at most two decodes and redraws instead of one per call.
   */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async (): Promise<void> => {
      do {
        this.refreshAgain = false;
        await this.refreshOnce();
      } while (this.refreshAgain && this.ctx.alive);
    };
    this.refreshing = run().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    if (isListPage(this.page)) for (const card of findOrderCards(document)) this.pageOrderIds.add(card.orderId);
    const ids = [...this.pageOrderIds].slice(0, 2000);
    // A reply that never comes (a worker stopped mid-answer) must not hold up every later refresh.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = await Promise.race([
      this.ctx.send({ type: 'cs/overlay-state', orderIds: ids }),
      new Promise<null>((resolve) => (timer = setTimeout(resolve, STATE_TIMEOUT_MS, null))),
    ]).finally(() => clearTimeout(timer));
    if (reply?.ok) {
      const s = reply.value;
      this.state = s;
      this.translate = createTranslator(s.messages, {}, s.locale);
      this.byId = new Map(s.orders.map((o) => [o.order.orderId, o]));
      this.asked = new Set(ids);
    }
    this.changed();
  }

  /** Start a claim for an order in the extension's claim page. */
  openClaim(orderId: string): void {
    void this.ctx.send({ type: 'cs/open-claim', orderId });
  }
}
