/**
 * Everything Buyer Shield draws on an AliExpress page lives in open shadow roots (reachable
 * by assistive technology and tests), styled in isolation, in the shopper's language and
 * direction. Page text is rendered as text only. The only boxes added inside AliExpress's
 * own layout are the badge rows at the top of each order card; the rest floats.
 *
 * Drawing is plain DOM and incremental: a badge is built only for a card that has none and
 * rebuilt only when what it shows changed (its order's deadlines, the language); each is
 * filled before it is inserted, and all are inserted together, without reading layout.
 */
import { findOrderCards, SELECTORS, type ReadResult } from '../aliexpress';
import { joinSelectors } from '../aliexpress/selectors';
import { createTranslator, type Translate } from '../i18n';
import { confirmDialog, disputeDialog } from './dialogs';
import type { ContentContext } from './runtime';
import type { DisputeAsk } from './shared';
import { badgeRow, deadlineList, h, type OverlayOrder, type OverlayState } from './view';
import overlayCss from './overlay.css?inline';

export type { OverlayOrder, OverlayState } from './view';

export const HOST_ATTR = 'data-buyer-shield';

/** How long a state request may take before the next one is sent anyway. */
const STATE_TIMEOUT_MS = 10_000;

export interface PageInfo {
  kind: string;
  orderId: string | null;
  unsupportedOperator: boolean;
}

type Dialog =
  | { kind: 'confirm'; orderId: string; resolve: (go: boolean, satisfied: boolean) => void }
  | { kind: 'dispute'; action: DisputeAsk; orderId: string | null; resolve: (go: boolean) => void };

interface ReadAll {
  running: boolean;
  loaded: number;
  done: boolean;
}

interface Badge {
  host: HTMLElement;
  root: ShadowRoot;
  sig: string;
}

interface PanelView {
  key: string;
  status: HTMLElement;
  extras: HTMLElement;
  extrasSig: string;
  readAll: HTMLElement;
  readAllButton: HTMLButtonElement;
  readAllStatus: HTMLElement;
}

/** One stylesheet object shared by every shadow root we create (Chrome 73+, Firefox 101+). */
let sharedSheet: CSSStyleSheet | null = null;

/** A host element with an open shadow root holding our stylesheet. */
function makeHost(role: string): { host: HTMLElement; root: ShadowRoot } {
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

/** What a badge shows, as a string: equal strings draw equal badges. */
const entrySigs = new WeakMap<OverlayOrder, string>();
function entrySig(e: OverlayOrder | null): string {
  if (!e) return '-';
  let sig = entrySigs.get(e);
  if (sig === undefined) {
    sig = JSON.stringify([e.top, e.deadlines, e.order.status, e.order.deliveredAt ?? null, e.outlook]);
    entrySigs.set(e, sig);
  }
  return sig;
}

export class Overlay {
  private panel: { host: HTMLElement; mount: HTMLElement } | null = null;
  private panelView: PanelView | null = null;
  private dialogHost: { host: HTMLElement; mount: HTMLElement } | null = null;
  private readonly badges = new Map<string, Badge>();
  private state: OverlayState | null = null;
  private translate: Translate | null = null;
  private byId = new Map<string, OverlayOrder>();
  private problem: string | null = null;
  private readonly pageOrderIds = new Set<string>();
  private decorateTimer: ReturnType<typeof setTimeout> | undefined;
  private dialog: Dialog | null = null;
  private dialogShown = false;
  private opener: Element | null = null;
  private readAll: ReadAll = { running: false, loaded: 0, done: false };
  private stopReadAll = false;
  /** The order ids the state drawn was asked for. */
  private asked = new Set<string>();
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  constructor(
    private readonly ctx: ContentContext,
    private readonly page: PageInfo,
  ) {
    if (page.orderId) this.pageOrderIds.add(page.orderId);
  }

  /** Elements we created (so our own mutations don't trigger re-reads). */
  owns(node: Element): boolean {
    return node.hasAttribute(HOST_ATTR) || !!node.closest(`[${HOST_ATTR}]`);
  }

  showsOrder(orderId: string): boolean {
    return this.pageOrderIds.has(orderId);
  }

  /** Order ids read on this page so far (for the state request). */
  orderIds(): string[] {
    return [...this.pageOrderIds];
  }

  guardActiveFor(orderId: string): boolean {
    const s = this.state;
    if (!s) return true; // not loaded yet: protect rather than let it through
    return s.settings.guardEnabled && !s.prefs[orderId]?.guardOff;
  }

  mount(): void {
    if (this.panel || !document.body) return;
    const { host, root } = makeHost('panel');
    const mount = h('div');
    root.append(mount);
    this.panel = { host, mount };
    document.body.append(host);
    if (this.page.unsupportedOperator) this.problem = 'unsupported-operator';
    void this.refresh();
  }

  unmount(): void {
    clearTimeout(this.decorateTimer);
    this.stopReadAll = true;
    this.panel?.host.remove();
    this.dialogHost?.host.remove();
    for (const b of this.badges.values()) b.host.remove();
    this.badges.clear();
    this.panel = null;
    this.panelView = null;
    this.dialogHost = null;
    if (this.dialog) {
      const d = this.dialog;
      this.dialog = null;
      if (d.kind === 'confirm') d.resolve(false, false);
      else d.resolve(false);
    }
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
    if (this.problem !== before) this.drawPanel();
  }

  showProblem(code: string): void {
    this.problem = code;
    this.drawPanel();
  }

  /** Badge the cards the page just added, in a task of its own. */
  scheduleDecorate(): void {
    clearTimeout(this.decorateTimer);
    this.decorateTimer = setTimeout(() => this.drawBadges(), 0);
  }

  /**
   * Ask the worker for the page's orders and redraw. One request at a time: calls made while
   * one is out (a burst of reads, the storage change each write causes, cards that arrived
   * meanwhile) are answered by one more request after it, so each burst costs the page at
   * most two decodes and redraws instead of one per call.
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
    if (this.isListPage()) for (const card of findOrderCards(document)) this.pageOrderIds.add(card.orderId);
    const ids = [...this.pageOrderIds].slice(0, 2000);
    // A reply that never comes (a worker stopped mid-answer) must not hold up every later refresh.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = await Promise.race([
      this.ctx.send({ type: 'cs/overlay-state', orderIds: ids }),
      new Promise<null>((resolve) => (timer = setTimeout(resolve, STATE_TIMEOUT_MS, null))),
    ]).finally(() => clearTimeout(timer));
    if (reply?.ok) {
      this.setState(reply.value);
      this.asked = new Set(ids);
    }
    this.draw();
  }

  /** Cards whose orders the state was not asked about yet: ask, draw them with the answer. */
  private scheduleRefresh(): void {
    void this.refresh();
  }

  private isListPage(): boolean {
    return this.page.kind === 'order-list' || this.page.kind === 'legacy-order-list';
  }

  private setState(s: OverlayState): void {
    this.state = s;
    this.translate = createTranslator(s.messages ?? {}, {}, s.locale ?? 'en');
    this.byId = new Map(s.orders.map((o) => [o.order.orderId, o]));
  }

  /** Ask the shopper before a "Confirm received" goes through. Resolves true to let it run. */
  askConfirm(orderId: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.openDialog({
        kind: 'confirm',
        orderId,
        resolve: (go, satisfied) => {
          if (satisfied) void this.ctx.send({ type: 'cs/set-order-guard', orderId, guardOff: true }).then(() => this.refresh());
          resolve(go);
        },
      });
    });
  }

  askDispute(action: DisputeAsk): Promise<boolean> {
    return new Promise((resolve) => this.openDialog({ kind: 'dispute', action, orderId: this.page.orderId, resolve }));
  }

  private openDialog(d: Dialog): void {
    if (this.dialog) {
      // One at a time: a second click while the dialog is open is refused.
      if (d.kind === 'confirm') d.resolve(false, false);
      else d.resolve(false);
      return;
    }
    this.dialog = d;
    this.dialogShown = false;
    this.opener = document.activeElement;
    this.showDialog();
  }

  /** Draw the open dialog once the state (language, the order) is there. */
  private showDialog(): void {
    const d = this.dialog;
    const s = this.state;
    const t = this.translate;
    if (!d || this.dialogShown || !s || !t || !this.ctx.alive || !document.body) return;
    if (!this.dialogHost) {
      const { host, root } = makeHost('dialog');
      const mount = h('div');
      root.append(mount);
      this.dialogHost = { host, mount };
      document.body.append(host);
    }
    const entry = (id: string | null) => (id ? this.byId.get(id) ?? null : null);
    const close = (fn: () => void) => () => {
      this.closeDialog();
      fn();
    };
    const box =
      d.kind === 'confirm'
        ? confirmDialog(t, s.lang, entry(d.orderId), close(() => d.resolve(false, false)), (satisfied) => {
            this.closeDialog();
            d.resolve(true, satisfied);
          })
        : disputeDialog(t, s.lang, d.action, entry(d.orderId), close(() => d.resolve(false)), close(() => d.resolve(true)));
    this.dialogHost.mount.replaceChildren(h('div', { class: 'bs-root', dir: s.dir, lang: s.lang }, box));
    this.dialogShown = true;
    this.dialogHost.host.shadowRoot?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }

  private closeDialog(): void {
    this.dialog = null;
    this.dialogShown = false;
    this.dialogHost?.mount.replaceChildren();
    const opener = this.opener as HTMLElement | null;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  }

  private draw(): void {
    this.drawBadges();
    this.drawPanel();
    this.showDialog();
  }

  /** Badge rows on each order card: new cards get one, changed orders are redrawn, the rest are left alone. */
  private drawBadges(): void {
    const s = this.state;
    const t = this.translate;
    if (!s || !t || !this.ctx.alive) return;
    if (!this.isListPage()) return;
    const key = `${s.locale}|${s.dir}|${s.lang}|`;
    const inserts: [Element, HTMLElement][] = [];
    let unasked = false;
    for (const card of findOrderCards(document)) {
      const orderId = card.orderId;
      this.pageOrderIds.add(orderId);
      if (!this.asked.has(orderId)) {
        // A card that just arrived: its badge waits for the state of its order (one round trip),
        // rather than being drawn without it and again with it.
        unasked = true;
        continue;
      }
      const entry = this.byId.get(orderId) ?? null;
      const sig = key + entrySig(entry);
      let badge = this.badges.get(orderId);
      if (badge && badge.host.parentElement === card.element) {
        if (badge.sig === sig) continue;
      } else {
        badge?.host.remove();
        const { host, root } = makeHost('badge');
        host.dataset['orderId'] = orderId;
        badge = { host, root, sig: '' };
        this.badges.set(orderId, badge);
        inserts.push([card.element, host]);
      }
      badge.sig = sig;
      badge.root.replaceChildren(badgeRow(t, s.lang, s.dir, entry, () => this.openClaim(orderId)));
    }
    for (const [card, host] of inserts) card.prepend(host);
    if (unasked) this.scheduleRefresh();
  }

  private drawPanel(): void {
    const s = this.state;
    const t = this.translate;
    if (!this.panel || !s || !t || !this.ctx.alive) return;
    const key = `${s.locale}|${s.dir}|${s.lang}`;
    let v = this.panelView;
    if (!v || v.key !== key) {
      const status = h('p');
      const extras = h('div');
      const readAllButton = h('button', { type: 'button', onclick: () => this.onReadAllButton() });
      const readAllStatus = h('span', { role: 'status' });
      const readAll = h('div', { class: 'read-all' }, readAllButton, ' ', readAllStatus);
      v = { key, status, extras, extrasSig: '', readAll, readAllButton, readAllStatus };
      this.panelView = v;
      this.panel.mount.replaceChildren(
        h(
          'div',
          { class: 'bs-root', dir: s.dir, lang: s.lang },
          h(
            'section',
            { class: 'panel', 'aria-label': t('common_app_name') },
            h('strong', { class: 'brand' }, t('common_app_name')),
            h('div', { role: 'status', 'aria-live': 'polite' }, status),
            extras,
            readAll,
          ),
        ),
      );
    }
    const problem = this.problem;
    const statusText = problem ? t(`overlay_problem_${problem.replace(/-/g, '_')}`) : t('overlay_known_orders', { count: s.knownCount });
    const statusClass = problem ? 'problem' : 'count';
    if (v.status.textContent !== statusText) v.status.textContent = statusText;
    if (v.status.className !== statusClass) v.status.className = statusClass;

    const pageOrder = this.page.orderId ? this.byId.get(this.page.orderId) ?? null : null;
    const extrasSig = `${entrySig(pageOrder)}|${this.page.kind}`;
    if (v.extrasSig !== extrasSig) {
      v.extrasSig = extrasSig;
      v.extras.replaceChildren(...this.panelExtras(t, s.lang, pageOrder));
    }

    const list = this.page.kind === 'order-list' && !problem;
    v.readAll.hidden = !list;
    const r = this.readAll;
    const label = r.running ? t('overlay_read_all_stop') : t('overlay_read_all');
    if (v.readAllButton.textContent !== label) v.readAllButton.textContent = label;
    const progress = r.running ? t('overlay_read_all_progress', { count: r.loaded }) : r.done ? t('overlay_read_all_done', { count: r.loaded }) : '';
    if (v.readAllStatus.textContent !== progress) v.readAllStatus.textContent = progress;
  }

  /** The tracking page's prompts and the order's deadlines on its own pages. */
  private panelExtras(t: Translate, lang: string, pageOrder: OverlayOrder | null): Node[] {
    const page = this.page;
    const out: Node[] = [];
    const situation = page.kind === 'tracking' || page.kind === 'legacy-tracking' ? trackingSituation(pageOrder) : null;
    if (situation === 'pickup') {
      out.push(h('div', { class: 'banner pickup', role: 'alert' }, h('strong', null, t('overlay_pickup_title')), h('p', null, t('overlay_pickup_text'))));
    }
    if (situation === 'delivered-unconfirmed' && pageOrder) {
      out.push(
        h(
          'div',
          { class: 'banner delivered', role: 'alert' },
          h('strong', null, t('overlay_delivered_title')),
          h('p', null, t('overlay_delivered_text')),
          h('button', { type: 'button', onclick: () => this.openClaim(pageOrder.order.orderId) }, t('overlay_not_arrived_claim')),
        ),
      );
    }
    if (pageOrder && page.kind !== 'order-list') {
      out.push(
        h(
          'div',
          { class: 'page-order' },
          pageOrder.deadlines.length ? deadlineList(t, lang, pageOrder.deadlines) : h('p', null, t('overlay_open_order_for_date')),
          situation !== 'delivered-unconfirmed' &&
            h('button', { type: 'button', class: 'claim', onclick: () => this.openClaim(pageOrder.order.orderId) }, t('overlay_draft_claim')),
        ),
      );
    }
    return out;
  }

  private onReadAllButton(): void {
    if (this.readAll.running) this.stopReadAll = true;
    else void this.runReadAll();
  }

  private openClaim(orderId: string): void {
    void this.ctx.send({ type: 'cs/open-claim', orderId });
  }

  /** Press the page's own "View orders" control until there are no more (no requests of ours). */
  private async runReadAll(): Promise<void> {
    if (this.readAll.running) return;
    this.stopReadAll = false;
    this.readAll = { running: true, loaded: findOrderCards(document).length, done: false };
    this.drawPanel();
    const more = () => document.querySelector<HTMLElement>(joinSelectors(SELECTORS.loadMore));
    for (let round = 0; round < 200 && !this.stopReadAll && this.ctx.alive; round++) {
      const button = more();
      if (!button || (button as HTMLButtonElement).disabled) break;
      const before = findOrderCards(document).length;
      button.click();
      const grown = await waitFor(() => findOrderCards(document).length > before, 15_000, this.ctx.signal);
      this.readAll = { running: true, loaded: findOrderCards(document).length, done: false };
      this.drawPanel();
      if (!grown) break;
    }
    this.readAll = { running: false, loaded: findOrderCards(document).length, done: true };
    this.drawPanel();
  }
}

function waitFor(test: () => boolean, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => {
      if (signal.aborted) return resolve(false);
      if (test()) return resolve(true);
      if (Date.now() - started > timeoutMs) return resolve(false);
      setTimeout(tick, 150);
    };
    tick();
  });
}

/** Where the order stands, as the deadline engine judged it from the one tracking classifier. */
function trackingSituation(entry: OverlayOrder | null): 'pickup' | 'delivered-unconfirmed' | null {
  const stage = entry?.outlook.stage;
  return stage === 'at_pickup_point' ? 'pickup' : stage === 'delivered' ? 'delivered-unconfirmed' : null;
}
