/**
 * The overlay as features (src/content/overlay/features.ts): each runs on the pages it
 * declares, draws from the shared page state, and goes at once when its signal aborts; and a
 * newer content script announcing itself stops an older one whose extension is gone.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ContentContext } from '../../../src/content/runtime';
import type { OverlayState } from '../../../src/messaging/overlay-state';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings';

// The content script's extension API (src/platform/content-browser.ts reads it when imported).
const runtime = vi.hoisted(() => {
  const api = { id: 'bsextid' as string | undefined };
  (globalThis as unknown as { chrome: unknown }).chrome = { runtime: api, storage: { onChanged: { addListener() {}, removeListener() {} } } };
  return api;
});

const { FEATURES, badges, pageOrder, readAll, disputeGuards } = await import('../../../src/content/overlay/features');
const { PageState } = await import('../../../src/content/overlay/state');
type PageInfo = import('../../../src/content/overlay/state').PageInfo;
const { Panel } = await import('../../../src/content/overlay/panel');
const { DialogHost } = await import('../../../src/content/overlay/dialog');
const { startEarly, STARTED_EVENT } = await import('../../../src/content/early');
const { SHARED_KEY } = await import('../../../src/content/shared');

const ORDER_ID = '8214398062177351';
const state = (): OverlayState => ({
  knownCount: 1,
  orders: [
    {
      order: { orderId: ORDER_ID, status: 'awaiting_delivery', total: { minor: 3193, currency: 'BRL' }, dispute: null, deliveredAt: null },
      deadlines: [{ kind: 'no-delivery-refund', due: '2026-12-09', source: 'page', action: 'open_not_received_dispute', applies: true, daysLeft: 2, urgency: 'urgent', params: {} }],
      top: { kind: 'no-delivery-refund', due: '2026-12-09', source: 'page', action: 'open_not_received_dispute', applies: true, daysLeft: 2, urgency: 'urgent', params: {} },
      outlook: { stage: 'moving', deliveredOn: null, endedOn: null, unknown: [], parcels: { count: 1, delivered: 0 } },
    },
  ],
  settings: DEFAULT_SETTINGS,
  prefs: {},
  locale: 'en',
  dir: 'ltr',
  lang: 'en',
  messages: { common_app_name: 'Buyer Shield', overlay_known_orders: 'Knows {count} of your orders', overlay_days_left: '{days} days left', overlay_read_all: 'Read all my orders' },
});

function context(): ContentContext {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    alive: true,
    check: () => true,
    stop: () => controller.abort(),
    send: vi.fn(async () => ({ ok: true, value: state() })),
  } as unknown as ContentContext;
}

const ours = () => document.querySelectorAll('[data-buyer-shield]').length;

afterEach(() => {
  document.body.replaceChildren();
  runtime.id = 'bsextid';
});

describe('features', () => {
  test('each declares where it runs', () => {
    const list: PageInfo = { kind: 'order-list', orderId: null, unsupportedOperator: false };
    const detail = { kind: 'order-detail', orderId: ORDER_ID, unsupportedOperator: false };
    const dispute = { kind: 'dispute-detail', orderId: ORDER_ID, unsupportedOperator: false };
    const on = (page: PageInfo) => FEATURES.filter((f) => f.runsOn(page));
    expect(on(list)).toEqual(expect.arrayContaining([badges, readAll]));
    expect(on(list)).not.toContain(pageOrder);
    expect(on(detail)).toContain(pageOrder);
    expect(on(detail)).not.toContain(badges);
    expect(on(dispute)).toContain(disputeGuards);
    expect(on(list)).not.toContain(disputeGuards);
  });

  test('draw from the page state, and go at once with everything they drew when the signal aborts', async () => {
    document.body.innerHTML = `<div class="order-item"><a href="https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}">x</a></div>`;
    const page = { kind: 'order-list', orderId: null, unsupportedOperator: false };
    const ctx = context();
    const pageState = new PageState(ctx, page);
    const env = { state: pageState, panel: new Panel(pageState), dialog: new DialogHost(pageState), guards: {} };
    const controller = new AbortController();
    env.panel.start(controller.signal);
    env.dialog.start(controller.signal);
    for (const f of FEATURES) if (f.runsOn(page)) f.start(env, controller.signal);
    await pageState.refresh();
    expect(document.querySelector('[data-buyer-shield="badge"]')?.shadowRoot?.textContent).toContain('2 days left');
    expect(document.querySelector('[data-buyer-shield="panel"]')?.shadowRoot?.textContent).toContain('Read all my orders');
    expect(ours()).toBe(2);

    controller.abort();
    expect(ours()).toBe(0);
    // Nothing listens any more: a later change draws nothing.
    await pageState.refresh();
    expect(ours()).toBe(0);
  });
});

describe('a newer content script announcing itself', () => {
  test('stops an older one whose extension is gone, and leaves a live one alone', async () => {
    delete (globalThis as Record<string, unknown>)[SHARED_KEY];
    const part = startEarly();
    expect(part).not.toBeNull();
    const announce = () => document.dispatchEvent(new Event(STARTED_EVENT));
    announce();
    expect(part!.ctx.signal.aborted).toBe(false);
    runtime.id = undefined; // the extension was updated or removed under the page
    announce();
    expect(part!.ctx.signal.aborted).toBe(true);
  });
});
