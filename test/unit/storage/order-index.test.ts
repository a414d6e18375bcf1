/**
 * The order index (src/storage/order-index.ts): what the worker's refresh stores beside the
 * records, how a write of an order marks it stale, and what a page reading it gets.
 */
import { describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { refreshDeadlines } from '../../../src/background/deadlines';
import { OrderStore } from '../../../src/background/store';
import { sortOrdersByUrgency } from '../../../src/domain/deadlines/engine';
import { DEFAULT_RULES } from '../../../src/domain/deadlines/rules';
import type { Order } from '../../../src/domain/order';
import { shiftTo } from '../../../src/domain/summary';
import type { Browser } from '../../../src/platform/browser';
import { HEAD_ROWS, OrderSummarySchema, INDEX_HEAD_KEY, INDEX_STALE_KEY, makeIndex, parseIndexHead } from '../../../src/storage/order-index';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings';
import { buildRows } from '../../../src/ui/dashboard/model';
import { makeOrder } from '../claim/fixtures';
import { MemoryArea } from './memory-area';

const NOW = Date.parse('2026-09-01T09:00:00.000Z');

function order(i: number, over: Partial<Order> = {}): Order {
  return {
    ...makeOrder({ status: i % 3 === 0 ? 'completed' : 'awaiting_delivery', deliveredAt: null }),
    orderId: String(8300000000000000 + i),
    store: { name: `Store ${i}`, url: null },
    deadlines: i % 3 === 0 ? [] : [{ kind: 'no-delivery-refund', due: `2026-09-${String(2 + (i % 25)).padStart(2, '0')}`, source: 'page', text: null }],
    ...over,
  };
}

/** Just enough of the browser for refreshDeadlines: storage in memory, the rest recorded. */
function fakeBrowser(area: MemoryArea): Browser {
  const noop = async () => undefined;
  return {
    storage: { local: area },
    action: { setBadgeText: noop, setBadgeBackgroundColor: noop },
    alarms: { create: noop, clear: noop, get: noop },
    notifications: { create: noop },
    runtime: { getURL: (p: string) => `chrome-extension://x/${p}` },
  } as unknown as Browser;
}

async function seeded(orders: Order[], clock = () => NOW): Promise<{ area: MemoryArea; store: OrderStore; browser: Browser }> {
  const area = new MemoryArea();
  await area.set(Object.fromEntries(orders.map((o) => [`order:${o.orderId}`, o])));
  const store = new OrderStore({ local: area as unknown as Storage.StorageArea, now: () => new Date(clock()) });
  return { area, store, browser: fakeBrowser(area) };
}

const refresh = (store: OrderStore, browser: Browser) =>
  refreshDeadlines({ browser, store, settings: { ...DEFAULT_SETTINGS, notificationsEnabled: false }, now: () => NOW });

describe('order index', () => {
  it('the refresh stores the first rows, ranked as the popup ranks them, and the counts of all', async () => {
    const orders = Array.from({ length: 120 }, (_, i) => order(i));
    const { area, store, browser } = await seeded(orders);
    await refresh(store, browser);
    const raw = await area.get([INDEX_HEAD_KEY, INDEX_STALE_KEY]);
    const head = parseIndexHead(raw[INDEX_HEAD_KEY]);
    expect(head).not.toBeNull();
    expect(head!.count).toBe(120);
    expect(head!.today).toBe('2026-09-01');
    expect(head!.rows).toHaveLength(HEAD_ROWS);
    expect(head!.counts).toMatchObject({ all: 120, completed: 40, in_transit: 80 });
    const ranked = buildRows(orders, DEFAULT_RULES, '2026-09-01').slice(0, HEAD_ROWS).map(({ search: _, ...s }) => s);
    expect(head!.rows).toEqual(ranked);
    expect(head!.rows[0]!.top).toMatchObject({ kind: 'no-delivery-refund', due: '2026-09-02', daysLeft: 1 });
    expect(raw[INDEX_STALE_KEY]).toBeUndefined();
  });

  it('a written order marks the index stale until the next refresh', async () => {
    const { area, store, browser } = await seeded([order(1), order(2)]);
    await refresh(store, browser);
    await store.updateOrder(order(1).orderId, (o) => ({ ...o, status: 'completed' }));
    expect((await area.get(INDEX_STALE_KEY))[INDEX_STALE_KEY]).toBe(NOW);
    await refresh(store, browser);
    expect((await area.get(INDEX_STALE_KEY))[INDEX_STALE_KEY]).toBeUndefined();
    const head = parseIndexHead((await area.get(INDEX_HEAD_KEY))[INDEX_HEAD_KEY])!;
    expect(head.rows.find((r) => r.orderId === order(1).orderId)!.status).toBe('completed');
  });

  it('an order written while the refresh runs keeps the mark (the index may miss it)', async () => {
    let tick = NOW;
    const { area, store, browser } = await seeded([order(1), order(2)], () => tick++);
    await store.updateOrder(order(1).orderId, (o) => o);
    const running = refresh(store, browser);
    // Queued behind the refresh's read of every order, ahead of its write of the index.
    const written = store.putOrders([order(5)]);
    await Promise.all([running, written]);
    const head = parseIndexHead((await area.get(INDEX_HEAD_KEY))[INDEX_HEAD_KEY])!;
    expect(head.count).toBe(2);
    expect((await area.get(INDEX_STALE_KEY))[INDEX_STALE_KEY]).toBeDefined();
    await refresh(store, browser);
    expect((await area.get(INDEX_STALE_KEY))[INDEX_STALE_KEY]).toBeUndefined();
    expect(parseIndexHead((await area.get(INDEX_HEAD_KEY))[INDEX_HEAD_KEY])!.count).toBe(3);
  });

  it('a damaged head is not used', () => {
    const ranked = sortOrdersByUrgency([order(1), order(2)], DEFAULT_RULES, '2026-09-01');
    const head = makeIndex(ranked, DEFAULT_RULES, '2026-09-01', NOW)[INDEX_HEAD_KEY];
    expect(parseIndexHead(head)).toEqual(head);
    expect(parseIndexHead({ ...head, rows: 'garbage' })).toBeNull();
    expect(parseIndexHead({ ...head, rows: [{ ...head.rows[0], orderId: '<img src=x>' }] })).toBeNull();
    expect(parseIndexHead({ ...head, count: -1 })).toBeNull();
    expect(parseIndexHead({ ...head, today: '2026-02-30' })).toBeNull();
    expect(parseIndexHead(undefined)).toBeNull();
  });

  it('every summary validates and keeps only what a row shows (no tracking, no page text)', () => {
    const big = order(1, {
      items: Array.from({ length: 8 }, (_, i) => ({ title: `${'x'.repeat(300)} ${i}`, quantity: 1, price: null, variant: null })),
    });
    const [s] = buildRows([big], DEFAULT_RULES, '2026-09-01').map(({ search: _, ...rest }) => rest);
    expect(OrderSummarySchema.safeParse(s).success).toBe(true);
    expect(s!.titles).toHaveLength(5);
    expect(s!.titles[0]).toHaveLength(160);
    expect(JSON.stringify(s)).not.toContain('tracking');
  });

  it('read on a later day: days left and urgency move, the worker is asked for a new index', () => {
    const rows = buildRows([order(1)], DEFAULT_RULES, '2026-09-01').map(({ search: _, ...s }) => s);
    expect(rows[0]!.top).toMatchObject({ due: '2026-09-03', daysLeft: 2 });
    const later = shiftTo(rows, '2026-09-01', '2026-09-04', DEFAULT_RULES);
    expect(later[0]!.top).toMatchObject({ due: '2026-09-03', daysLeft: -1, urgency: 'overdue', remind: false });
    expect(later[0]!.needsAction).toBe(false);
    expect(shiftTo(rows, '2026-09-01', '2026-09-01', DEFAULT_RULES)).toBe(rows);
  });
});
