import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { OrderObservationSchema, type OrderObservation } from '../../../src/domain/order';
import { API, readApiPayload, unwrapBody } from '../../../src/aliexpress';

const raw = (f: string) => readFileSync(`test/fixtures/aliexpress/${f}`, 'utf8');
const load = (f: string): unknown => unwrapBody(raw(f));
const ctx = { site: 'aliexpress.com', now: new Date('2026-09-07T10:00:00Z') };

function valid(list: OrderObservation[]) {
  for (const o of list) expect(OrderObservationSchema.safeParse(o).success).toBe(true);
}

describe('order list capture (10 orders)', () => {
  const r = readApiPayload(API.orderList, load('order-list.2026-09.json'), ctx);
  const byId = new Map(r.observations.map((o) => [o.orderId, o]));

  test('reads all 10 orders in page order, no problems, hasMore', () => {
    expect(r.problems).toEqual([]);
    expect(r.hasMore).toBe(true);
    // In page order (hierarchy.structure), not key order.
    expect(r.observations.map((o) => o.orderId)).toEqual([
      '8214398062177351', '8214779947343229', '8212313961591322', '8212268452148012', '8212611134562621',
      '8211781299384136', '8211748238135282', '8211736227630231', '8211589415816822', '8210505692320516',
    ]);
    valid(r.observations);
  });

  test('statuses, totals in minor units, dates, confirm flag', () => {
    const table = r.observations.map((o) => [o.orderId, o.status, o.statusText, o.total?.minor, o.total?.currency, o.placedOn, o.canConfirm]);
    expect(table).toEqual([
      ['8214398062177351', 'awaiting_delivery', 'Awaiting delivery', 3193, 'BRL', '2026-09-01', true],
      ['8214779947343229', 'awaiting_delivery', 'Awaiting delivery', 8715, 'BRL', '2026-09-01', true],
      ['8212313961591322', 'completed', 'Completed', 13274, 'BRL', '2026-07-15', false],
      ['8212268452148012', 'completed', 'Completed', 27733, 'BRL', '2026-07-15', false],
      ['8212611134562621', 'completed', 'Completed', 33507, 'BRL', '2026-06-26', false],
      ['8211781299384136', 'completed', 'Completed', 40020, 'BRL', '2026-05-27', false],
      ['8211748238135282', 'completed', 'Completed', 8782, 'BRL', '2026-05-18', false],
      ['8211736227630231', 'completed', 'Completed', 28799, 'BRL', '2026-04-23', false],
      ['8211589415816822', 'completed', 'Completed', 1397, 'BRL', '2026-04-19', false],
      ['8210505692320516', 'completed', 'Completed', 4587, 'BRL', '2026-04-08', false],
    ]);
  });

  test('items, store, free returns; HTML never kept', () => {
    const two = byId.get('8211748238135282');
    expect(two?.store).toEqual({ name: 'NANO Store', url: 'https://www.aliexpress.com/store/1104336407' });
    expect(two?.items?.map((i) => [i.quantity, i.price?.minor, i.variant, i.productId, i.freeReturn])).toEqual([
      [1, 3779, 'Color: EDXProX Black MIC', '1005924558387036', true],
      [1, 3510, 'Color: EDXProX Clear NOMIC', '1005924558387036', true],
    ]);
    const awaiting = byId.get('8214398062177351');
    expect(awaiting?.items).toHaveLength(1);
    expect(awaiting?.items?.[0]).toMatchObject({ quantity: 2, price: { minor: 1390, currency: 'BRL' }, variant: 'Color: 2.4A USB To L, Length: 1m' });
    expect(JSON.stringify(r.observations)).not.toMatch(/<span|<font/);
    expect(r.observations.reduce((n, o) => n + (o.items?.length ?? 0), 0)).toBe(11);
  });

  test('the same capture as JSONP reads identically', () => {
    const jsonp = `mtopjsonp7(${raw('order-list.2026-09.json')})`;
    const again = readApiPayload(API.orderList, unwrapBody(jsonp), ctx);
    expect(again).toEqual(r);
  });
});

describe('order detail capture (Completed order)', () => {
  const r = readApiPayload(API.orderDetail, load('order-detail.2026-09.json'), ctx);
  const o = r.observations[0] as OrderObservation;

  test('one valid observation with exact facts', () => {
    expect(r.problems).toEqual([]);
    expect(r.observations).toHaveLength(1);
    valid(r.observations);
    expect(o).toMatchObject({
      orderId: '8212313961591322',
      status: 'completed',
      statusText: 'Completed',
      placedOn: '2026-07-15',
      shippedOn: '2026-07-16',
      completedOn: '2026-07-28',
      // "Estimated delivery date: Aug 3, 2026" of the product line's etaAndTrack.
      estimatedDelivery: '2026-08-03',
      total: { minor: 13274, currency: 'BRL' },
      store: { name: 'Vega Store', url: 'https://www.aliexpress.com/store/1105843321' },
      canConfirm: false,
    });
    expect(o.items).toEqual([
      {
        title: 'Neo XENON 2.1 de Gama Omega eco Cabo Xenon XENON Pixel 8K@60Hz 4K@120Hz Tango Xenon HD e HD Indigo alfa TV Ultra PS5 Tango',
        quantity: 1,
        price: { minor: 12659, currency: 'BRL' },
        variant: 'Color: HDMI-compatible 2.1, Length: 2m',
        productId: '1005745176332016',
        imageUrl: 'https://ae-pic-a1.aliexpress-media.com/kf/S414120c60bc24a2d9a8ce34a49f61967C.jpg_220x220.jpg',
        freeReturn: true,
      },
    ]);
  });

  test('deadlines: 7-day return window and 90-day dispute window from the reminder; refund and coupon dates', () => {
    const byKind = Object.fromEntries((o.deadlines ?? []).map((d) => [d.kind, d]));
    expect(byKind['return-window']).toEqual({
      kind: 'return-window',
      due: '2026-08-04',
      source: 'page',
      text: 'If there are any problems, you can apply for a return/refund within 7 days of confirming receipt',
    });
    expect(byKind['dispute-window']).toMatchObject({ due: '2026-10-13', source: 'page' });
    expect(byKind['dispute-window']?.text).toContain('within 90 days after order was placed');
    expect(byKind['no-delivery-refund']).toMatchObject({ due: '2026-09-04', source: 'page' });
    expect(byKind['late-delivery-coupon']).toMatchObject({ due: '2026-08-03', source: 'page' });
    // "Send it back within 15 days after delivery": the delivery date is not on this page.
    expect(byKind['free-return']).toBeUndefined();
    expect(o.deadlines).toHaveLength(4);
  });

  test('the order id from the page URL wins', () => {
    const again = readApiPayload(API.orderDetail, load('order-detail.2026-09.json'), { ...ctx, orderId: '8212313961591322' });
    expect(again.observations[0]?.orderId).toBe('8212313961591322');
  });
});

describe('tracking capture', () => {
  const r = readApiPayload(API.tracking, load('tracking.2026-09.json'), ctx);
  const o = r.observations[0] as OrderObservation;

  test('order id from the payload link, one package, 26 events', () => {
    expect(r.problems).toEqual([]);
    valid(r.observations);
    expect(o.orderId).toBe('8212313961591322');
    expect(o.tracking).toHaveLength(1);
    const p = o.tracking?.[0];
    expect(p?.number).toBe('AA000000000BR');
    expect(p?.carrier).toBe('J&T Express');
    expect(p?.events).toHaveLength(26);
    // The second code is kept only where it says more than the first (here it repeats it).
    expect(p?.events[0]).toEqual({
      at: '2026-07-31T15:35:11.654Z',
      code: 'AE_GTMS_SIGNED',
      text: 'Delivered: Package delivered.',
    });
    expect(p?.events[1]).toMatchObject({ code: 'AE_GTMS_DELIVERING', subCode: 'AE_GTMS_DO_DEPART', at: new Date(1785168672713).toISOString() });
    expect(p?.events[2]?.place).toBe('Cidade Exemplo,UF');
    // Events before shipment carry no primary code.
    expect(p?.events[25]).toMatchObject({ code: null, subCode: 'AE_ORDER_PLACED', text: "Order created: Your order's been created" });
    expect(p?.events.filter((e) => e.code === 'AE_LH_ARRIVE')).toHaveLength(1);
  });

  test('delivered at the AE_GTMS_SIGNED time', () => {
    expect(o.deliveredAt).toBe('2026-07-31T15:35:11.654Z');
  });

  test('fdContentList deadlines: refund if no delivery before Sep 3 (earlier than the detail), coupon Aug 3', () => {
    const byKind = Object.fromEntries((o.deadlines ?? []).map((d) => [d.kind, d]));
    expect(byKind['no-delivery-refund']).toEqual({
      kind: 'no-delivery-refund',
      due: '2026-09-03',
      source: 'page',
      text: 'Refund if no delivery before Sep 3, 2026',
    });
    expect(byKind['late-delivery-coupon']?.due).toBe('2026-08-03');
  });

  test('the detail and tracking together: the earlier refund date is Sep 3, 2026', () => {
    const detail = readApiPayload(API.orderDetail, load('order-detail.2026-09.json'), ctx).observations[0];
    const dates = [...(detail?.deadlines ?? []), ...(o.deadlines ?? [])]
      .filter((d) => d.kind === 'no-delivery-refund')
      .map((d) => d.due)
      .sort();
    expect(dates).toEqual(['2026-09-03', '2026-09-04']);
  });
});

describe('refund list capture', () => {
  const r = readApiPayload(API.reverseList, load('refund-list.2026-09.json'), ctx);

  test('one dispute per order with its link and opening date', () => {
    expect(r.problems).toEqual([]);
    valid(r.observations);
    expect(r.observations.map((o) => [o.orderId, o.dispute?.id, o.dispute?.stage, o.dispute?.openedOn, o.store?.name])).toEqual([
      ['8144543148947317', '6239481780126943', 'closed', '2022-03-23', 'FENIX Store'],
      ['8143536486605361', '6234353308960497', 'closed', '2022-01-29', 'Cabo Store'],
      ['8142247025479021', '225480838716279', 'closed', '2021-12-10', 'ZETA Store'],
    ]);
    expect(r.observations[0]?.dispute?.url).toBe(
      'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8144101709301607&reverseOrderLineId=6239649418962814&from=1',
    );
    // A closed dispute does not put the order in dispute.
    expect(r.observations.every((o) => o.status === undefined)).toBe(true);
  });
});

describe('order count and envelopes', () => {
  test('count API gives nothing to record and no problem', () => {
    expect(readApiPayload(API.orderCount, load('order-count.2026-09.json'), ctx)).toEqual({ observations: [], problems: [] });
  });

  test('a failed mtop call is a problem, not an exception', () => {
    const r = readApiPayload(API.orderList, { api: API.orderList, ret: ['FAIL_SYS_SESSION_EXPIRED::Session expired'], data: {} }, ctx);
    expect(r.observations).toEqual([]);
    expect(r.problems).toEqual([{ code: 'api-error', detail: 'FAIL_SYS_SESSION_EXPIRED::Session expired' }]);
  });

  test('an unknown API and a non-object payload', () => {
    expect(readApiPayload('mtop.other.thing', {}, ctx).problems[0]?.code).toBe('unknown-api');
    expect(readApiPayload(API.orderList, null, ctx).problems[0]?.code).toBe('unexpected-shape');
  });
});
