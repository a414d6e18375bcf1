import { describe, expect, it } from 'vitest';
import { mergeDeadlines, mergeObservation, orderFromObservation } from '../../../src/domain/merge';
import { OrderSchema, type OrderObservation } from '../../../src/domain/order';

const T1 = '2026-09-01T10:00:00.000Z';
const T2 = '2026-09-02T10:00:00.000Z';
const T3 = '2026-09-03T10:00:00.000Z';

const listObs: OrderObservation = {
  orderId: '8212313961591322',
  site: 'www.aliexpress.com',
  status: 'awaiting_delivery',
  statusText: 'Awaiting delivery',
  placedOn: '2026-07-15',
  store: { name: 'Tango Store', url: 'https://www.aliexpress.com/store/1' },
  total: { minor: 13274, currency: 'BRL' },
  items: [{ title: 'Cable', quantity: 1, price: { minor: 12659, currency: 'BRL' }, variant: 'Color: HDMI 2.1' }],
  canConfirm: true,
};

describe('merging observations', () => {
  it('creates a valid record with a dated status history', () => {
    const o = orderFromObservation(listObs, T1);
    expect(OrderSchema.safeParse(o).success).toBe(true);
    expect(o.statusHistory).toEqual([{ status: 'awaiting_delivery', at: T1 }]);
    expect(o.firstSeenAt).toBe(T1);
  });

  it('never lets a missing or null field erase what was known', () => {
    const known = orderFromObservation(listObs, T1);
    const tracking: OrderObservation = {
      orderId: listObs.orderId,
      site: 'www.aliexpress.com',
      statusText: null,
      total: null,
      tracking: [{ number: 'NL123', carrier: 'PostNL', events: [{ at: '2026-08-01T00:00:00.000Z', code: 'AE_GTMS_SIGNED', text: 'Delivered' }] }],
    };
    const merged = mergeObservation(known, tracking, T2);
    expect(merged.total).toEqual({ minor: 13274, currency: 'BRL' });
    expect(merged.statusText).toBe('Awaiting delivery');
    expect(merged.items).toHaveLength(1);
    expect(merged.canConfirm).toBe(true);
    expect(merged.tracking[0]?.number).toBe('NL123');
    expect(merged.firstSeenAt).toBe(T1);
    expect(merged.updatedAt).toBe(T2);
    expect(OrderSchema.safeParse(merged).success).toBe(true);
  });

  it('takes the newest value of each field and records status changes with dates', () => {
    const known = orderFromObservation(listObs, T1);
    const done = mergeObservation(known, { orderId: listObs.orderId, site: 'www.aliexpress.com', status: 'completed', statusText: 'Completed', canConfirm: false }, T2);
    expect(done.status).toBe('completed');
    expect(done.canConfirm).toBe(false);
    expect(done.statusHistory).toEqual([
      { status: 'awaiting_delivery', at: T1 },
      { status: 'completed', at: T2 },
    ]);
    const again = mergeObservation(done, { orderId: listObs.orderId, site: 'www.aliexpress.com', status: 'completed' }, T3);
    expect(again.statusHistory).toHaveLength(2);
    // An unknown status reading never replaces a known status.
    const unknown = mergeObservation(done, { orderId: listObs.orderId, site: 'www.aliexpress.com', status: 'unknown', statusText: 'Nieuwe status' }, T3);
    expect(unknown.status).toBe('completed');
    expect(unknown.statusText).toBe('Nieuwe status');
  });

  it('unions tracking events of the same package and keeps other packages', () => {
    const known = orderFromObservation(
      { ...listObs, tracking: [{ number: 'A', carrier: null, events: [{ at: '2026-08-01T00:00:00.000Z', code: 'X', text: 'one' }] }, { number: 'B', carrier: null, events: [] }] },
      T1,
    );
    const merged = mergeObservation(known, { orderId: listObs.orderId, site: 'www.aliexpress.com', tracking: [{ number: 'A', carrier: 'Cainiao', events: [{ at: '2026-08-02T00:00:00.000Z', code: 'Y', text: 'two' }] }] }, T2);
    expect(merged.tracking.map((p) => p.number)).toEqual(['A', 'B']);
    expect(merged.tracking[0]?.carrier).toBe('Cainiao');
    expect(merged.tracking[0]?.events.map((e) => e.text)).toEqual(['two', 'one']);
  });

  it('keeps the earliest of the page dates of one deadline, in any order (a later one is never taken over)', () => {
    const detail = [{ kind: 'no-delivery-refund' as const, due: '2026-09-04', source: 'page' as const, text: 'Refund if no delivery before Sep 4, 2026' }];
    const tracking = [{ kind: 'no-delivery-refund' as const, due: '2026-09-03', source: 'page' as const, text: 'before Sep 3, 2026' }];
    expect(mergeDeadlines(detail, tracking)[0]?.due).toBe('2026-09-03');
    expect(mergeDeadlines(tracking, detail)[0]?.due).toBe('2026-09-03');
    const extended = [{ kind: 'no-delivery-refund' as const, due: '2026-09-18', source: 'page' as const, text: 'before Sep 18, 2026' }];
    expect(mergeDeadlines(tracking, extended)[0]?.due).toBe('2026-09-03');
    expect(mergeDeadlines(extended, tracking)[0]?.due).toBe('2026-09-03');
    const estimate = [{ kind: 'return-window' as const, due: '2026-09-20', source: 'estimate' as const, text: null }];
    expect(mergeDeadlines(tracking, estimate)).toHaveLength(2);
  });
});
