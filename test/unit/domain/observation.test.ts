import { describe, expect, it } from 'vitest';
import { gateObservation } from '../../../src/domain/observation';

const base = { orderId: '8214398062177351', site: 'www.aliexpress.com', status: 'awaiting_delivery', total: { minor: 3193, currency: 'BRL' } };

describe('the worker’s observation gate', () => {
  it('takes a valid observation as it is', () => {
    expect(gateObservation(base)).toEqual({ ok: true, observation: base, dropped: [] });
  });

  it('drops invalid list elements and invalid fields, never the whole record', () => {
    const r = gateObservation({
      ...base,
      total: { minor: -1, currency: 'BRL' },
      items: [{ title: 'ok', quantity: 1, price: null, variant: null }, { title: 'bad', quantity: 1e9, price: null, variant: null }],
      tracking: [{ number: 'LP1', carrier: null, events: [{ at: 'yesterday', code: null, text: 'x' }, { at: null, code: 'AE_GTMS_SIGNED', text: 'Delivered' }] }],
      status: 'constructor',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.observation.total).toBeUndefined();
    expect(r.observation.status).toBeUndefined();
    expect(r.observation.items?.map((i) => i.title)).toEqual(['ok']);
    expect(r.observation.tracking?.[0]?.events.map((e) => e.text)).toEqual(['Delivered']);
    expect(r.dropped.sort()).toEqual(['items', 'status', 'total', 'tracking']);
  });

  it('rejects an observation without a valid id or site', () => {
    expect(gateObservation({ ...base, orderId: '12' })).toEqual({ ok: false, reason: 'invalid order id or site' });
    expect(gateObservation({ ...base, site: '<script>' })).toEqual({ ok: false, reason: 'invalid order id or site' });
    expect(gateObservation('junk')).toEqual({ ok: false, reason: 'not a record' });
    expect(gateObservation(JSON.parse('{"__proto__": {"orderId": "8214398062177351"}}'))).toMatchObject({ ok: false });
  });
});
