import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, RulesSchema } from '../../../src/domain/deadlines/rules';
import type { Order } from '../../../src/domain/order';
import { buildRows, daysLeftText, detailOf, filterCounts, filterRows, rulesOfSettings } from '../../../src/ui/dashboard/model';
import { timelineOf } from '../../../src/ui/dashboard/timeline';
import { makeOrder } from '../claim/fixtures';

const TODAY = '2026-09-01';

function order(id: string, over: Partial<Order> = {}): Order {
  return { ...makeOrder(), orderId: id, ...over };
}

const ORDERS: Order[] = [
  order('8200000000000001', { status: 'completed', completedOn: '2026-08-20', deliveredAt: '2026-08-18T10:00:00.000Z', store: { name: 'Vega Store', url: null } }),
  order('8200000000000002', {
    status: 'awaiting_delivery',
    deliveredAt: null,
    store: { name: 'LIMA Store', url: null },
    items: [{ title: 'USB cable braided', quantity: 2, price: { minor: 1390, currency: 'BRL' }, variant: null }],
    deadlines: [{ kind: 'no-delivery-refund', due: '2026-09-03', source: 'page', text: null }],
  }),
  order('8200000000000003', { status: 'awaiting_delivery', deliveredAt: null, store: { name: 'Tango Store', url: null }, deadlines: [] }),
  order('8200000000000004', {
    status: 'in_dispute',
    deliveredAt: null,
    store: { name: 'Bravo Store', url: null },
    dispute: { id: null, stage: 'awaiting_seller', statusText: null, openedOn: '2026-08-30', url: null },
  }),
];

describe('dashboard rows', () => {
  const rows = buildRows(ORDERS, DEFAULT_RULES, TODAY);

  it('ranks the order with the nearest deadline first, with its deadline', () => {
    expect(rows[0]!.orderId).toBe('8200000000000002');
    expect(rows[0]!.top).toMatchObject({ kind: 'no-delivery-refund', due: '2026-09-03', daysLeft: 2, source: 'page' });
    expect(rows[0]!.needsAction).toBe(true);
  });

  it('searches store, item title and order id, every word', () => {
    expect(filterRows(rows, 'lima', 'all').map((r) => r.orderId)).toEqual(['8200000000000002']);
    expect(filterRows(rows, 'BRAIDED usb', 'all').map((r) => r.orderId)).toEqual(['8200000000000002']);
    expect(filterRows(rows, '8200000000000004', 'all').map((r) => r.orderId)).toEqual(['8200000000000004']);
    expect(filterRows(rows, 'lima tango', 'all')).toEqual([]);
    expect(filterRows(rows, '  ', 'all')).toHaveLength(4);
  });

  it('filters: in transit, completed, in dispute, needs action', () => {
    const ids = (f: Parameters<typeof filterRows>[2]) => filterRows(rows, '', f).map((r) => r.orderId).sort();
    expect(ids('in_transit')).toEqual(['8200000000000002', '8200000000000003']);
    expect(ids('completed')).toEqual(['8200000000000001']);
    expect(ids('in_dispute')).toEqual(['8200000000000004']);
    expect(ids('needs_action')).toContain('8200000000000002');
    expect(filterCounts(rows)).toMatchObject({ all: 4, in_transit: 2, completed: 1, in_dispute: 1 });
  });

  it('says the "refund if not delivered" date is unknown rather than guessing it', () => {
    const r = rows.find((x) => x.orderId === '8200000000000003')!;
    expect(r.unknown).toContain('no-delivery-refund');
    expect(rows.find((x) => x.orderId === '8200000000000002')!.unknown).not.toContain('no-delivery-refund');
  });

  it('days left as catalogue keys', () => {
    expect(daysLeftText(5)).toEqual({ key: 'popup_days_left', params: { days: 5 } });
    expect(daysLeftText(1)).toEqual({ key: 'popup_due_tomorrow', params: {} });
    expect(daysLeftText(0)).toEqual({ key: 'popup_due_today', params: {} });
    expect(daysLeftText(-1)).toEqual({ key: 'popup_due_yesterday', params: { days: 1 } });
    expect(daysLeftText(-4)).toEqual({ key: 'popup_days_ago', params: { days: 4 } });
  });

  it('rules: the shopper\'s overrides when valid, defaults otherwise', () => {
    expect(rulesOfSettings({ rules: { urgentDays: 5 } }).urgentDays).toBe(5);
    expect(rulesOfSettings({ rules: { urgentDays: -3 } })).toEqual(DEFAULT_RULES);
    expect(rulesOfSettings({})).toEqual(DEFAULT_RULES);
    // Without overrides the defaults are taken as they are (no parse): they must be what a parse gives.
    expect(rulesOfSettings({ rules: {} })).toBe(DEFAULT_RULES);
    expect(RulesSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it('indexes 5,000 orders once per load and filters them (timing: npm run bench)', () => {
    const many: Order[] = [];
    for (let i = 0; i < 5000; i++) {
      const base = ORDERS[i % ORDERS.length]!;
      many.push({ ...base, orderId: String(8300000000000000 + i) });
    }
    const big = buildRows(many, DEFAULT_RULES, TODAY);
    const found = filterRows(big, 'lima', 'in_transit');
    expect(big).toHaveLength(5000);
    expect(found).toHaveLength(1250);
  });
});

describe('timeline', () => {
  it('places placed, shipped, delivered, completed, deadlines and today on one axis', () => {
    const o = ORDERS[1]!;
    const pts = timelineOf(o, detailOf(o, DEFAULT_RULES, TODAY).deadlines, TODAY);
    expect(pts.map((p) => [p.kind, p.date])).toEqual([
      ['placed', '2026-08-03'],
      ['shipped', '2026-08-05'],
      ['today', '2026-09-01'],
      ['deadline', '2026-09-03'],
    ]);
    expect(pts[0]!.at).toBe(0);
    expect(pts[3]!.at).toBe(1);
    expect(pts[2]!.at).toBeCloseTo(29 / 31, 6);
    expect(pts[0]!.past).toBe(true);
    expect(pts[3]!.labelKey).toBe('deadline_kind_no_delivery_refund');
  });

  it('shows the day AliExpress expects delivery until the parcel is delivered', () => {
    const o = { ...ORDERS[1]!, estimatedDelivery: '2026-09-10' };
    const expected = timelineOf(o, [], TODAY).find((p) => p.labelKey === 'popup_timeline_expected_delivery');
    expect(expected).toMatchObject({ kind: 'delivered', date: '2026-09-10', past: false });
    const delivered = { ...o, deliveredAt: '2026-08-30T12:00:00.000Z' };
    expect(timelineOf(delivered, [], TODAY).map((p) => p.labelKey)).not.toContain('popup_timeline_expected_delivery');
  });
});
