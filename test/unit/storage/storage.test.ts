import { describe, expect, it } from 'vitest';
import { orderFromObservation } from '../../../src/domain/merge';
import { planMigration } from '../../../src/storage/migrations';
import { readOrder, readStore } from '../../../src/storage/repair';
import { SCHEMA_VERSION } from '../../../src/storage/schema';
import { DEFAULT_SETTINGS, repairSettings } from '../../../src/storage/settings';

const NOW = '2026-09-07T12:00:00.000Z';
const order = orderFromObservation(
  {
    orderId: '8212313961591322',
    site: 'www.aliexpress.com',
    status: 'completed',
    statusText: 'Completed',
    placedOn: '2026-07-15',
    total: { minor: 13274, currency: 'BRL' },
    items: [{ title: 'Cable', quantity: 1, price: null, variant: null }],
  },
  NOW,
);

describe('migrations', () => {
  it('stamps an empty profile (version 0) with the current version', () => {
    const plan = planMigration({});
    expect(plan).toEqual({ kind: 'migrated', from: 0, changes: { set: { meta: { schemaVersion: SCHEMA_VERSION } }, remove: [] } });
  });
  it('leaves a current store alone and recognises a newer one', () => {
    expect(planMigration({ meta: { schemaVersion: SCHEMA_VERSION } })).toEqual({ kind: 'current' });
    expect(planMigration({ meta: { schemaVersion: SCHEMA_VERSION + 3 } })).toEqual({ kind: 'future', version: SCHEMA_VERSION + 3 });
  });
  it('treats a garbage meta as version 0 and keeps every order key', () => {
    const plan = planMigration({ meta: 'garbage', 'order:8212313961591322': order });
    expect(plan.kind).toBe('migrated');
    if (plan.kind === 'migrated') expect(plan.changes.remove).toEqual([]);
  });
});

describe('validate and repair', () => {
  it('accepts a valid record as it is', () => {
    expect(readOrder('order:8212313961591322', order)).toEqual({ ok: true, order, repaired: null });
  });

  it('repairs local damage: drops the one invalid list element and nulls an invalid optional value', () => {
    const damaged = { ...order, items: [...order.items, { title: 5 }], total: { minor: -3, currency: 'brl' } };
    const r = readOrder('order:8212313961591322', damaged);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.order.items).toEqual(order.items);
    expect(r.order.total).toBeNull();
    expect(r.repaired).toMatch(/items\.1|total/);
  });

  it('quarantines what cannot be repaired, with the raw value, and keeps the rest', () => {
    const read = readStore(
      {
        'order:8212313961591322': order,
        'order:1234567': 'garbage',
        'order:7654321': { ...order, orderId: '1111111' },
        quarantine: 'not a list',
      },
      NOW,
    );
    expect([...read.orders.keys()]).toEqual(['8212313961591322']);
    expect(read.quarantined.map((q) => q.key).sort()).toEqual(['order:1234567', 'order:7654321', 'quarantine']);
    expect(read.quarantined.find((q) => q.key === 'order:1234567')?.raw).toBe('"garbage"');
    expect(read.notices).toHaveLength(2);
  });

  it('never throws on hostile values', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "orderId": "8212313961591322"}');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const read = readStore({ 'order:8212313961591322': hostile, 'order:1234568': cyclic, 'order:1234569': null }, NOW);
    expect(read.orders.size).toBe(0);
    expect(read.quarantined).toHaveLength(3);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('settings', () => {
  it('keeps valid fields and defaults the rest', () => {
    expect(repairSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, repaired: [] });
    const r = repairSettings({ version: 1, locale: 'he', guardEnabled: 'yes', notificationsEnabled: false });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, locale: 'he', notificationsEnabled: false });
    expect(r.repaired).toEqual(['guardEnabled']);
    expect(repairSettings('garbage').repaired).toEqual(['settings']);
  });
});
