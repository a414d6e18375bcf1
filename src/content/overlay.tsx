/**
 * Everything Buyer Shield draws on an AliExpress page lives in open shadow roots (reachable
 * by assistive technology and tests), styled in isolation, in the shopper's language and
 * direction. Page text is rendered as text only. The only boxes added inside AliExpress's
 * own layout are the badge rows at the top of each order card; the rest floats.
 */
import { render, type ComponentChildren } from 'preact';
import { findOrderCards, SELECTORS, type ReadResult } from '../aliexpress';
import { joinSelectors } from '../aliexpress/selectors';
import type { ComputedDeadline } from '../domain/deadlines/engine';
import type { Order } from '../domain/order';
import { createTranslator, type Translate } from '../i18n';
import { localiseParams } from '../i18n/format';
import type { OrderPrefs } from '../storage/schema';
import type { Settings } from '../storage/settings';
import { ConfirmDialog, DisputeDialog } from './dialogs';
import type { ContentContext } from './runtime';
import overlayCss from './overlay.css?inline';

export interface OverlayOrder {
  order: Order;
  deadlines: ComputedDeadline[];
  top: ComputedDeadline | null;
}

export interface OverlayState {
  knownCount: number;
  orders: OverlayOrder[];
  settings: Settings;
  prefs: OrderPrefs;
  locale: string;
  dir: 'rtl' | 'ltr';
  lang: string;
  messages: Record<string, string>;
}

export const HOST_ATTR = 'data-buyer-shield';

export interface PageInfo {
  kind: string;
  orderId: string | null;
  unsupportedOperator: boolean;
}

type Dialog =
  | { kind: 'confirm'; orderId: string; resolve: (go: boolean, satisfied: boolean) => void }
  | { kind: 'dispute'; action: 'cancel-dispute' | 'accept-offer'; orderId: string | null; resolve: (go: boolean) => void };

interface ReadAll {
  running: boolean;
  loaded: number;
  done: boolean;
}

/** One stylesheet object shared by every shadow root we create (Chrome 73+, Firefox 101+). */
let sharedSheet: CSSStyleSheet | null = null;
function styleInto(root: ShadowRoot): void {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(overlayCss);
  }
  root.adoptedStyleSheets = [sharedSheet];
}

/** A host element with an open shadow root holding our stylesheet and one mount point. */
function makeHost(role: string): { host: HTMLElement; mount: Element } {
  const host = document.createElement('div');
  host.setAttribute(HOST_ATTR, role);
  const root = host.attachShadow({ mode: 'open' });
  styleInto(root);
  const mount = document.createElement('div');
  root.append(mount);
  return { host, mount };
}

export class Overlay {
  private panel: { host: HTMLElement; mount: Element } | null = null;
  private dialogHost: { host: HTMLElement; mount: Element } | null = null;
  private readonly badges = new Map<string, { host: HTMLElement; mount: Element }>();
  private state: OverlayState | null = null;
  private problem: string | null = null;
  private readonly pageOrderIds = new Set<string>();
  private decorateTimer: ReturnType<typeof setTimeout> | undefined;
  private dialog: Dialog | null = null;
  private opener: Element | null = null;
  private readAll: ReadAll = { running: false, loaded: 0, done: false };
  private stopReadAll = false;

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

  guardActiveFor(orderId: string): boolean {
    const s = this.state;
    if (!s) return true; // not loaded yet: protect rather than let it through
    return s.settings.guardEnabled && !s.prefs[orderId]?.guardOff;
  }

  mount(): void {
    if (this.panel || !document.body) return;
    this.panel = makeHost('panel');
    document.body.append(this.panel.host);
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
    if (result.observations.length === 0 && result.problems.some((p) => p.code === 'no-orders-found') && this.pageOrderIds.size === 0) {
      this.problem ??= 'nothing-read';
    } else if (this.pageOrderIds.size > 0 && this.problem === 'nothing-read') {
      this.problem = null;
    }
    this.draw();
  }

  showProblem(code: string): void {
    this.problem = code;
    this.draw();
  }

  scheduleDecorate(): void {
    clearTimeout(this.decorateTimer);
    this.decorateTimer = setTimeout(() => this.draw(), 0);
  }

  async refresh(): Promise<void> {
    const reply = await this.ctx.send<OverlayState>({ type: 'cs/overlay-state', orderIds: [...this.pageOrderIds].slice(0, 2000) });
    if (reply?.ok) this.state = reply.value;
    this.draw();
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

  askDispute(action: 'cancel-dispute' | 'accept-offer'): Promise<boolean> {
    return new Promise((resolve) => this.openDialog({ kind: 'dispute', action, orderId: this.page.orderId, resolve }));
  }

  private openDialog(d: Dialog): void {
    if (this.dialog) {
      // One at a time: a second click while the dialog is open is refused.
      if (d.kind === 'confirm') d.resolve(false, false);
      else d.resolve(false);
      return;
    }
    if (!this.dialogHost) {
      this.dialogHost = makeHost('dialog');
      document.body.append(this.dialogHost.host);
    }
    this.dialog = d;
    this.opener = document.activeElement;
    this.draw();
    const root = this.dialogHost.host.shadowRoot;
    root?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }

  private closeDialog(): void {
    this.dialog = null;
    this.draw();
    const opener = this.opener as HTMLElement | null;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  }

  private t(): Translate {
    return createTranslator(this.state?.messages ?? {}, {}, this.state?.locale ?? 'en');
  }

  private draw(): void {
    if (!this.ctx.alive || !this.state) return;
    const t = this.t();
    const s = this.state;
    const byId = new Map(s.orders.map((o) => [o.order.orderId, o]));
    const wrap = (children: ComponentChildren) => (
      <div class="bs-root" dir={s.dir} lang={s.lang}>
        {children}
      </div>
    );

    // Badge rows on each order card.
    if (this.page.kind === 'order-list' || this.page.kind === 'legacy-order-list') {
      for (const card of findOrderCards(document)) {
        this.pageOrderIds.add(card.orderId);
        let badge = this.badges.get(card.orderId);
        if (!badge || !badge.host.isConnected || badge.host.parentElement !== card.element) {
          badge?.host.remove();
          badge = makeHost('badge');
          badge.host.dataset['orderId'] = card.orderId;
          card.element.prepend(badge.host);
          this.badges.set(card.orderId, badge);
        }
        render(wrap(<Badge t={t} lang={s.lang} entry={byId.get(card.orderId) ?? null} onClaim={() => this.openClaim(card.orderId)} />), badge.mount);
      }
    }

    if (this.panel) {
      const pageOrder = this.page.orderId ? byId.get(this.page.orderId) ?? null : null;
      render(
        wrap(
          <Panel
            t={t}
            lang={s.lang}
            state={s}
            page={this.page}
            problem={this.problem}
            pageOrder={pageOrder}
            readAll={this.readAll}
            onReadAll={() => void this.runReadAll()}
            onStopReadAll={() => {
              this.stopReadAll = true;
            }}
            onClaim={(id) => this.openClaim(id)}
          />,
        ),
        this.panel.mount,
      );
    }

    if (this.dialogHost) {
      const d = this.dialog;
      const close = (fn: () => void) => () => {
        this.closeDialog();
        fn();
      };
      render(
        d
          ? wrap(
              d.kind === 'confirm' ? (
                <ConfirmDialog
                  t={t}
                  entry={byId.get(d.orderId) ?? null}
                  lang={s.lang}
                  onCancel={close(() => d.resolve(false, false))}
                  onConfirm={(satisfied) => {
                    this.closeDialog();
                    d.resolve(true, satisfied);
                  }}
                />
              ) : (
                <DisputeDialog
                  t={t}
                  action={d.action}
                  entry={d.orderId ? byId.get(d.orderId) ?? null : null}
                  lang={s.lang}
                  onCancel={close(() => d.resolve(false))}
                  onContinue={close(() => d.resolve(true))}
                />
              ),
            )
          : null,
        this.dialogHost.mount,
      );
    }
  }

  private openClaim(orderId: string): void {
    void this.ctx.send({ type: 'cs/open-claim', orderId });
  }

  /** Press the page's own "View orders" control until there are no more (no requests of ours). */
  private async runReadAll(): Promise<void> {
    if (this.readAll.running) return;
    this.stopReadAll = false;
    this.readAll = { running: true, loaded: findOrderCards(document).length, done: false };
    this.draw();
    const more = () => document.querySelector<HTMLElement>(joinSelectors(SELECTORS.loadMore));
    for (let round = 0; round < 200 && !this.stopReadAll && this.ctx.alive; round++) {
      const button = more();
      if (!button || (button as HTMLButtonElement).disabled) break;
      const before = findOrderCards(document).length;
      button.click();
      const grown = await waitFor(() => findOrderCards(document).length > before, 15_000, this.ctx.signal);
      this.readAll = { running: true, loaded: findOrderCards(document).length, done: false };
      this.draw();
      if (!grown) break;
    }
    this.readAll = { running: false, loaded: findOrderCards(document).length, done: true };
    this.draw();
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

export function deadlineLine(t: Translate, d: ComputedDeadline, lang: string): { when: string; what: string; date: string } {
  const p = localiseParams(t, { ...d.params, date: d.due }, lang);
  const when =
    d.daysLeft < 0 ? t('overlay_overdue') : d.daysLeft === 0 ? t('overlay_due_today') : t('overlay_days_left', { days: d.daysLeft });
  return { when, what: t(`deadline_kind_${d.kind.replace(/-/g, '_')}`), date: String(p['date']) };
}

function DeadlineList({ t, lang, deadlines }: { t: Translate; lang: string; deadlines: ComputedDeadline[] }) {
  return (
    <ul class="deadlines">
      {deadlines.map((d) => {
        const l = deadlineLine(t, d, lang);
        return (
          <li key={`${d.kind}-${d.due}`} class={`u-${d.urgency}`}>
            <strong>{l.what}</strong>: {l.when} ({l.date}){d.source === 'estimate' ? ` · ${t('deadline_source_estimate')}` : ''}
            <div class="action">{t(`deadline_action_${d.action}`, localiseParams(t, d.params, lang))}</div>
          </li>
        );
      })}
    </ul>
  );
}

function Badge({ t, lang, entry, onClaim }: { t: Translate; lang: string; entry: OverlayOrder | null; onClaim: () => void }) {
  const top = entry?.top ?? null;
  const line = top ? deadlineLine(t, top, lang) : null;
  return (
    <div class="badge-outer">
    <div class={`badge-row ${top ? `u-${top.urgency}` : 'u-none'}`}>
      <span class="brand-mark" aria-hidden="true">
        <svg width="14" height="16" viewBox="0 0 14 16">
          <path d="M1 1h12v7.5L7 15 1 8.5z" fill="currentColor" />
          <path d="M4 7.5l2 2 4-4" stroke="#fff" stroke-width="1.6" fill="none" />
        </svg>
      </span>
      {line && top ? (
        <span class="badge" tabIndex={0} aria-describedby="all">
          <strong>{line.when}</strong> · {line.date} · {line.what}
          {top.source === 'estimate' && <em class="estimate"> ({t('deadline_source_estimate')})</em>}
          <span class="tooltip" role="tooltip" id="all">
            <DeadlineList t={t} lang={lang} deadlines={entry?.deadlines ?? []} />
          </span>
        </span>
      ) : (
        <span class="badge muted">{entry && isFinished(entry.order) ? t('overlay_no_deadline') : t('overlay_open_order_for_date')}</span>
      )}
      <button type="button" class="claim" onClick={onClaim}>
        {t('overlay_draft_claim')}
      </button>
    </div>
    </div>
  );
}

function isFinished(o: Order): boolean {
  return o.status === 'closed' || o.status === 'cancelled' || o.status === 'awaiting_payment';
}

function trackingSituation(entry: OverlayOrder | null): 'pickup' | 'delivered-unconfirmed' | null {
  if (!entry) return null;
  if (entry.deadlines.some((d) => d.kind === 'pickup' && d.applies)) return 'pickup';
  if (entry.order.deliveredAt && entry.order.status === 'awaiting_delivery') return 'delivered-unconfirmed';
  return null;
}

function Panel(props: {
  t: Translate;
  lang: string;
  state: OverlayState;
  page: PageInfo;
  problem: string | null;
  pageOrder: OverlayOrder | null;
  readAll: ReadAll;
  onReadAll: () => void;
  onStopReadAll: () => void;
  onClaim: (orderId: string) => void;
}) {
  const { t, lang, state, page, problem, pageOrder, readAll } = props;
  const situation = page.kind === 'tracking' || page.kind === 'legacy-tracking' ? trackingSituation(pageOrder) : null;
  return (
    <section class="panel" aria-label={t('common_app_name')}>
      <strong class="brand">{t('common_app_name')}</strong>
      <div role="status" aria-live="polite">
        {problem ? <p class="problem">{t(`overlay_problem_${problem.replace(/-/g, '_')}`)}</p> : <p class="count">{t('overlay_known_orders', { count: state.knownCount })}</p>}
      </div>
      {situation === 'pickup' && (
        <div class="banner pickup" role="alert">
          <strong>{t('overlay_pickup_title')}</strong>
          <p>{t('overlay_pickup_text')}</p>
        </div>
      )}
      {situation === 'delivered-unconfirmed' && pageOrder && (
        <div class="banner delivered" role="alert">
          <strong>{t('overlay_delivered_title')}</strong>
          <p>{t('overlay_delivered_text')}</p>
          <button type="button" onClick={() => props.onClaim(pageOrder.order.orderId)}>
            {t('overlay_not_arrived_claim')}
          </button>
        </div>
      )}
      {pageOrder && page.kind !== 'order-list' && (
        <div class="page-order">
          {pageOrder.deadlines.length ? <DeadlineList t={t} lang={lang} deadlines={pageOrder.deadlines} /> : <p>{t('overlay_open_order_for_date')}</p>}
          {situation !== 'delivered-unconfirmed' && (
            <button type="button" class="claim" onClick={() => props.onClaim(pageOrder.order.orderId)}>
              {t('overlay_draft_claim')}
            </button>
          )}
        </div>
      )}
      {page.kind === 'order-list' && !problem && (
        <div class="read-all">
          {readAll.running ? (
            <>
              <span role="status">{t('overlay_read_all_progress', { count: readAll.loaded })}</span>{' '}
              <button type="button" onClick={props.onStopReadAll}>
                {t('overlay_read_all_stop')}
              </button>
            </>
          ) : (
            <>
              <button type="button" onClick={props.onReadAll}>
                {t('overlay_read_all')}
              </button>
              {readAll.done && <span role="status"> {t('overlay_read_all_done', { count: readAll.loaded })}</span>}
            </>
          )}
        </div>
      )}
    </section>
  );
}
