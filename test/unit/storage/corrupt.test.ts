/**
 * Storage that was damaged, written by another version, or half written: the worker's store
 * keeps what validates, repairs what it can, sets the rest aside with the raw value (never
 * wiped), and a migration test starts from a saved store of every earlier schema version.
 */
import { describe, expect, it } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { OrderStore } from '../../../src/background/store';
import { orderFromObservation } from '../../../src/domain/merge';
import { OrderSchema, type Order } from '../../../src/domain/order';
import { MIGRATIONS, planMigration, type RawStore } from '../../../src/storage/migrations';
import { readStore } from '../../../src/storage/repair';
import { QuarantineEntrySchema, SCHEMA_VERSION, type QuarantineEntry } from '../../../src/storage/schema';
import { MemoryArea } from './memory-area';

const NOW = new Date('2026-09-07T12:00:00.000Z');

function makeOrder(orderId: string, extra: Partial<Order> = {}): Order {
  return {
    ...orderFromObservation(
      {
        orderId,
        site: 'www.aliexpress.com',
        status: 'awaiting_delivery',
        statusText: 'Awaiting delivery',
        placedOn: '2026-08-01',
        total: { minor: 2509, currency: 'USD' },
        items: [{ title: 'USB cable', quantity: 2, price: { minor: 1200, currency: 'USD' }, variant: 'Black' }],
        deadlines: [{ kind: 'no-delivery-refund', due: '2026-10-04', source: 'page', text: 'Refund if no delivery before Oct 4, 2026' }],
      },
      '2026-09-01T10:00:00.000Z',
    ),
    ...extra,
  };
}

const A = makeOrder('8212313961591322');
const B = makeOrder('8214398062177351');

/**
 * A saved store of every schema version this build can meet. Version 0 is a profile written
 * before `meta` existed (the layout of records was already that of version 1). The next
 * layout change adds its saved store here; the test below fails until it does.
 */
const SAVED_STORES: Record<number, RawStore> = {
  0: {
    [`order:${A.orderId}`]: A,
    [`order:${B.orderId}`]: B,
    [`draft:${A.orderId}`]: { step: 2, received: true },
    reminderLog: { version: 1, raised: { [`${A.orderId}|no-delivery-refund|2026-10-04`]: [3] } },
    orderPrefs: { [A.orderId]: { guardOff: true } },
  },
};

async function open(values: RawStore): Promise<{ area: MemoryArea; store: OrderStore }> {
  const area = new MemoryArea();
  await area.set(values);
  area.writes = 0;
  return { area, store: new OrderStore({ local: area as unknown as Storage.StorageArea, now: () => NOW }) };
}

const quarantineOf = (snap: RawStore): QuarantineEntry[] => snap['quarantine'] as QuarantineEntry[];

describe('migration from every past schema version', () => {
  it('has a saved store for every version before the current one', () => {
    expect(Object.keys(SAVED_STORES).map(Number).sort()).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, v) => v));
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION);
  });

  for (const [version, saved] of Object.entries(SAVED_STORES)) {
    it(`brings a version ${version} store to version ${SCHEMA_VERSION} keeping every record`, async () => {
      for (const variant of [saved, { ...saved, meta: { schemaVersion: Number(version) } }]) {
        const { area, store } = await open(variant);
        const orders = await store.allOrders();
        expect([...orders.keys()].sort()).toEqual([A.orderId, B.orderId]);
        expect(orders.get(A.orderId)).toEqual(A);
        const after = area.snapshot();
        expect(after['meta']).toEqual({ schemaVersion: SCHEMA_VERSION });
        for (const [k, v] of Object.entries(saved)) expect(after[k]).toEqual(v);
        expect(after['quarantine']).toBeUndefined();
        // A second start (worker restarted) finds nothing to do.
        area.writes = 0;
        const again = new OrderStore({ local: area as unknown as Storage.StorageArea, now: () => NOW });
        expect((await again.allOrders()).size).toBe(2);
        expect(area.writes).toBe(0);
      }
    });
  }

  it('reads a garbage meta or a negative version as version 0, not as a newer store', () => {
    for (const meta of ['garbage', null, { schemaVersion: -1 }, { schemaVersion: 1.5 }, { schemaVersion: '1' }, []]) {
      const plan = planMigration({ meta, [`order:${A.orderId}`]: A });
      expect(plan).toEqual({ kind: 'migrated', from: 0, changes: { set: { meta: { schemaVersion: SCHEMA_VERSION } }, remove: [] } });
    }
  });
});

describe('corrupt storage through the worker store', () => {
  it('keeps valid records, repairs the repairable, quarantines the rest with the raw value', async () => {
    const repairable = { ...B, items: [...B.items, { title: 7, quantity: 'two' }], total: { minor: 'lots', currency: 'usd' } };
    const { area, store } = await open({
      meta: { schemaVersion: SCHEMA_VERSION },
      [`order:${A.orderId}`]: A,
      [`order:${B.orderId}`]: repairable,
      'order:1111111': '{not json at all',
      'order:2222222': 42,
      'order:3333333': ['an', 'array'],
      'order:4444444': { ...A, orderId: '4444444', status: 'teleported', firstSeenAt: 'yesterday' },
      'order:5555555': { ...A },
      'order:6666666': null,
    });
    const orders = await store.allOrders();
    expect([...orders.keys()].sort()).toEqual([A.orderId, B.orderId]);
    expect(orders.get(B.orderId)?.items).toEqual(B.items);
    expect(orders.get(B.orderId)?.total).toBeNull();

    const after = area.snapshot();
    expect(Object.keys(after).filter((k) => k.startsWith('order:')).sort()).toEqual([`order:${A.orderId}`, `order:${B.orderId}`]);
    expect(OrderSchema.safeParse(after[`order:${B.orderId}`]).success).toBe(true);
    const q = quarantineOf(after);
    expect(q.every((e) => QuarantineEntrySchema.safeParse(e).success)).toBe(true);
    expect(q.map((e) => e.key).sort()).toEqual(['order:1111111', 'order:2222222', 'order:3333333', 'order:4444444', 'order:5555555', 'order:6666666', `order:${B.orderId}`].sort());
    const raw = (key: string) => q.find((e) => e.key === key)?.raw;
    expect(raw('order:1111111')).toBe('"{not json at all"');
    expect(raw('order:2222222')).toBe('42');
    expect(raw('order:6666666')).toBe('null');
    expect(JSON.parse(raw(`order:${B.orderId}`) ?? 'null')).toEqual(repairable);
    expect(q.find((e) => e.key === `order:${B.orderId}`)?.reason).toMatch(/^repaired: /);
    expect(q.find((e) => e.key === 'order:5555555')?.reason).toBe(`stored under order:5555555 but its id is ${A.orderId}`);
    expect(q.every((e) => e.at === NOW.toISOString())).toBe(true);
  });

  it('turns a quarantine that is not a list into a list holding its old value', async () => {
    for (const bad of ['a string', 12, { key: 'order:1', raw: 'x' }, null]) {
      const { area, store } = await open({ meta: { schemaVersion: SCHEMA_VERSION }, [`order:${A.orderId}`]: A, quarantine: bad });
      expect((await store.allOrders()).size).toBe(1);
      const q = quarantineOf(area.snapshot());
      expect(q).toEqual([{ key: 'quarantine', reason: 'quarantine list was not a list', at: NOW.toISOString(), raw: JSON.stringify(bad) }]);
    }
  });

  it('keeps damaged entries of the quarantine list (wrapped) instead of dropping them on rewrite', async () => {
    const good: QuarantineEntry = { key: 'order:7777777', reason: 'old', at: '2026-01-01T00:00:00.000Z', raw: '"x"' };
    const { area, store } = await open({ meta: { schemaVersion: SCHEMA_VERSION }, quarantine: [good, 'junk', { key: 5 }], 'order:1111111': 'garbage' });
    await store.allOrders();
    const q = quarantineOf(area.snapshot());
    expect(q[0]).toEqual(good);
    expect(q.slice(1).map((e) => [e.key, e.raw]).sort()).toEqual([
      ['order:1111111', '"garbage"'],
      ['quarantine', '"junk"'],
      ['quarantine', '{"key":5}'],
    ]);
  });

  it('moves nothing aside in a store written by a newer version, and says so', async () => {
    const newer = { ...A, orderId: '9999999', status: 'some-new-status' };
    const values = { meta: { schemaVersion: SCHEMA_VERSION + 1 }, [`order:${A.orderId}`]: A, 'order:9999999': newer };
    const { area, store } = await open(values);
    const orders = await store.allOrders();
    expect([...orders.keys()]).toEqual([A.orderId]);
    const after = area.snapshot();
    expect(after['meta']).toEqual({ schemaVersion: SCHEMA_VERSION + 1 });
    expect(after['order:9999999']).toEqual(newer);
    expect(after['quarantine']).toBeUndefined();
    expect((after['problems'] as { code: string }[]).map((p) => p.code)).toEqual(['storage-newer-version']);
  });

  it('loses nothing when killed between setting records aside and removing them', async () => {
    const values = { meta: { schemaVersion: SCHEMA_VERSION }, [`order:${A.orderId}`]: A, 'order:1111111': 'garbage' };
    const { area } = await open(values);
    const dying = Object.create(area) as MemoryArea;
    dying.remove = async () => {
      throw new Error('worker killed');
    };
    const first = new OrderStore({ local: dying as unknown as Storage.StorageArea, now: () => NOW });
    await expect(first.allOrders()).rejects.toThrow('worker killed');
    // Killed: the garbage is both in quarantine and still under its key. The next start finishes.
    expect(area.snapshot()['order:1111111']).toBe('garbage');
    const second = new OrderStore({ local: area as unknown as Storage.StorageArea, now: () => NOW });
    expect([...(await second.allOrders()).keys()]).toEqual([A.orderId]);
    const after = area.snapshot();
    expect(after['order:1111111']).toBeUndefined();
    expect(quarantineOf(after).filter((e) => e.key === 'order:1111111').map((e) => e.raw)).toEqual(['"garbage"', '"garbage"']);
  });

  it('a read never throws on hostile values and never pollutes prototypes', () => {
    const hostile = JSON.parse(`{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"orderId":"1234567"}`) as unknown;
    const read = readStore({ 'order:1234567': hostile, __proto__: { x: 1 } as unknown, 'order:7654321': { toString: 5, valueOf: null } }, NOW.toISOString());
    expect(read.orders.size).toBe(0);
    expect(read.quarantined.map((q) => q.key).sort()).toEqual(['order:1234567', 'order:7654321']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
