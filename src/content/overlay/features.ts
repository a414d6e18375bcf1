/**
 * The overlay, as features. Each declares where it runs and starts with an AbortSignal: when
 * the signal aborts (the extension was updated or removed, or a newer content script took
 * over the page) everything it drew and every listener it added goes at once. They share the
 * page's state (`state.ts`), the panel (`panel.ts`) and the dialog (`dialog.ts`); none calls
 * another. `FEATURES` is the whole overlay: a new one is a module and one line there.
 */
import { findOrderCards, SELECTORS } from '../../aliexpress';
import { joinSelectors } from '../../aliexpress/selectors';
import type { Translate } from '../../i18n';
import { isDisputePage, type LatePart } from '../shared';
import { badgeRow, deadlineList, h, type OverlayOrder } from '../view';
import type { DialogHost } from './dialog';
import { entrySig, makeHost } from './host';
import type { Panel } from './panel';
import { isListPage, type PageInfo, type PageState } from './state';

export interface FeatureEnv {
  state: PageState;
  panel: Panel;
  dialog: DialogHost;
  /** What the early half's guards ask the overlay (filled by the guard features). */
  guards: Partial<LatePart>;
}

export interface Feature {
  /** Whether it runs on this page. */
  runsOn(page: PageInfo): boolean;
  start(env: FeatureEnv, signal: AbortSignal): void;
}

// ------------------------------------------------------------------ badges on order cards

interface Badge {
  host: HTMLElement;
  root: ShadowRoot;
  /** What it was drawn from: the page's language and the order's entry. */
  key: string;
  entry: OverlayOrder | null;
}

/**
 * A badge row at the top of each order card: its deadline, in the shopper's language. Plain
 * DOM, incremental: a badge is built only for a card that has none and rebuilt only when what
 * it shows changed; all are filled before they are inserted together, without reading layout.
 */
export const badges: Feature = {
  runsOn: isListPage,
  start({ state }, signal) {
    const drawn = new Map<string, Badge>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = (): void => {
      const s = state.state;
      const t = state.translate;
      if (!s || !t || signal.aborted) return;
      const key = `${s.locale}|${s.dir}|${s.lang}|`;
      const inserts: [Element, HTMLElement][] = [];
      let unasked = false;
      for (const card of findOrderCards(document)) {
        const orderId = card.orderId;
        state.pageOrderIds.add(orderId);
        if (!state.asked.has(orderId)) {
          // A card that just arrived: its badge waits for the state of its order (one round
          // trip), rather than being drawn without it and again with it.
          unasked = true;
          continue;
        }
        const entry = state.byId.get(orderId) ?? null;
        let badge = drawn.get(orderId);
        if (badge && badge.host.parentElement === card.element) {
          // Each reply brings new entries: compared by what they show, only when one was drawn.
          if (badge.key === key && (badge.entry === entry || entrySig(badge.entry) === entrySig(entry))) {
            badge.entry = entry;
            continue;
          }
        } else {
          badge?.host.remove();
          const { host, root } = makeHost('badge');
          host.dataset['orderId'] = orderId;
          // A click on the badge (its claim button, its tooltip) is ours: not the card's, and
          // where the whole card is a link (m.aliexpress.com), not a way into the order.
          if (card.element.closest('a')) host.dataset['inLink'] = '';
          host.addEventListener('click', (e) => {
            if (host.closest('a')) e.preventDefault();
            e.stopPropagation();
          });
          badge = { host, root, key: '', entry: null };
          drawn.set(orderId, badge);
          inserts.push([card.element, host]);
        }
        badge.key = key;
        badge.entry = entry;
        badge.root.replaceChildren(badgeRow(t, s.lang, s.dir, entry, () => state.openClaim(orderId)));
      }
      for (const [card, host] of inserts) card.prepend(host);
      if (unasked) void state.refresh();
    };
    state.addEventListener('change', draw, { signal });
    // Cards the page just added are badged in a task of their own.
    state.addEventListener(
      'cards',
      () => {
        clearTimeout(timer);
        timer = setTimeout(draw, 0);
      },
      { signal },
    );
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        for (const b of drawn.values()) b.host.remove();
      },
      { once: true },
    );
  },
};

// ------------------------------------------------------------------ the page's own order

/** Where the order stands, as the deadline engine judged it from the one tracking classifier. */
function trackingSituation(entry: OverlayOrder | null): 'pickup' | 'delivered-unconfirmed' | null {
  const stage = entry?.outlook.stage;
  return stage === 'at_pickup_point' ? 'pickup' : stage === 'delivered' ? 'delivered-unconfirmed' : null;
}

/** On an order's own pages: its deadlines, a way to start a claim, and the tracking page's pick-up and delivered banners. */
export const pageOrder: Feature = {
  runsOn: (page) => page.orderId !== null && page.kind !== 'order-list',
  start({ state, panel }, signal) {
    const slot = panel.slot('page-order');
    let drawnSig = '';
    const draw = (): void => {
      const s = state.state;
      const t = state.translate;
      if (!s || !t) return;
      const order = state.pageOrder();
      const sig = `${s.locale}|${s.lang}|${entrySig(order)}`;
      if (sig === drawnSig) return;
      drawnSig = sig;
      slot.replaceChildren(...pageOrderView(t, s.lang, state, order));
    };
    state.addEventListener('change', draw, { signal });
    signal.addEventListener('abort', () => slot.replaceChildren(), { once: true });
  },
};

function pageOrderView(t: Translate, lang: string, state: PageState, order: OverlayOrder | null): Node[] {
  const kind = state.page.kind;
  const out: Node[] = [];
  const situation = kind === 'tracking' || kind === 'legacy-tracking' ? trackingSituation(order) : null;
  if (situation === 'pickup') {
    out.push(h('div', { class: 'banner pickup', role: 'alert' }, h('strong', null, t('overlay_pickup_title')), h('p', null, t('overlay_pickup_text'))));
  }
  if (!order) return out;
  const claim = () => state.openClaim(order.order.orderId);
  if (situation === 'delivered-unconfirmed') {
    out.push(
      h(
        'div',
        { class: 'banner delivered', role: 'alert' },
        h('strong', null, t('overlay_delivered_title')),
        h('p', null, t('overlay_delivered_text')),
        h('button', { type: 'button', onclick: claim }, t('overlay_not_arrived_claim')),
      ),
    );
  }
  out.push(
    h(
      'div',
      { class: 'page-order' },
      order.deadlines.length ? deadlineList(t, lang, order.deadlines) : h('p', null, t('overlay_open_order_for_date')),
      situation !== 'delivered-unconfirmed' && h('button', { type: 'button', class: 'claim', onclick: claim }, t('overlay_draft_claim')),
    ),
  );
  return out;
}

// ------------------------------------------------------------------ read all my orders

/** "Read all my orders": press the page's own "View orders" until there are no more (no requests of ours). */
export const readAll: Feature = {
  runsOn: (page) => page.kind === 'order-list',
  start({ state, panel }, signal) {
    const slot = panel.slot('read-all');
    let run = { running: false, loaded: 0, done: false };
    let stop = false;
    let view: { key: string; box: HTMLElement; button: HTMLButtonElement; status: HTMLElement } | null = null;

    const draw = (): void => {
      const s = state.state;
      const t = state.translate;
      if (!s || !t) return;
      const key = `${s.locale}|${s.lang}`;
      if (view?.key !== key) {
        const button = h('button', { type: 'button', onclick: () => (run.running ? (stop = true) : void press()) });
        const status = h('span', { role: 'status' });
        view = { key, box: h('div', { class: 'read-all' }, button, ' ', status), button, status };
        slot.replaceChildren(view.box);
      }
      view.box.hidden = state.problem !== null;
      const label = run.running ? t('overlay_read_all_stop') : t('overlay_read_all');
      if (view.button.textContent !== label) view.button.textContent = label;
      const progress = run.running ? t('overlay_read_all_progress', { count: run.loaded }) : run.done ? t('overlay_read_all_done', { count: run.loaded }) : '';
      if (view.status.textContent !== progress) view.status.textContent = progress;
    };

    const cards = () => findOrderCards(document).length;
    const press = async (): Promise<void> => {
      stop = false;
      run = { running: true, loaded: cards(), done: false };
      draw();
      const more = () => document.querySelector<HTMLButtonElement>(joinSelectors(SELECTORS.loadMore));
      for (let round = 0; round < 200 && !stop && !signal.aborted; round++) {
        const button = more();
        if (!button || button.disabled) break;
        const before = cards();
        button.click();
        const grown = await waitFor(() => cards() > before, 15_000, signal);
        run = { running: true, loaded: cards(), done: false };
        draw();
        if (!grown) break;
      }
      run = { running: false, loaded: cards(), done: true };
      draw();
    };

    state.addEventListener('change', draw, { signal });
    signal.addEventListener(
      'abort',
      () => {
        stop = true;
        slot.replaceChildren();
      },
      { once: true },
    );
  },
};

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

// ------------------------------------------------------------------ the guards' dialogs

/** "Confirm received": the early half's guard asks here whether the click may go through. */
export const confirmGuard: Feature = {
  runsOn: () => true,
  // The dialog host closes an open question when the signal aborts (dialog.ts).
  start({ state, dialog, guards }) {
    guards.guardActiveFor = (orderId) => state.guardActiveFor(orderId);
    guards.askConfirm = (orderId) =>
      new Promise((resolve) => {
        dialog.open({
          kind: 'confirm',
          orderId,
          resolve: (go, satisfied) => {
            if (satisfied) void state.ctx.send({ type: 'cs/set-order-guard', orderId, guardOff: true }).then(() => state.refresh());
            resolve(go);
          },
        });
      });
  },
};

/** Cancelling a dispute or accepting an offer: asked on the dispute pages. */
export const disputeGuards: Feature = {
  runsOn: (page) => isDisputePage(page.kind),
  start({ state, dialog, guards }) {
    guards.askDispute = (action) => new Promise((resolve) => dialog.open({ kind: 'dispute', action, orderId: state.page.orderId, resolve }));
  },
};

/** The whole overlay, in the order its features start. */
export const FEATURES: readonly Feature[] = [badges, pageOrder, readAll, confirmGuard, disputeGuards];
