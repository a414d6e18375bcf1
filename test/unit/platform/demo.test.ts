// @vitest-environment node
/** The demo's pages (npm start): the real captures with their dates moved around today. */
import { describe, expect, it } from 'vitest';
import { DEMO, demoOrderList, englishDateFromToday, shiftEnglishDates } from '../../../scripts/demo-pages.mjs';

describe('the demo', () => {
  it('moves English dates by days, across months and years', () => {
    expect(shiftEnglishDates('placed on Dec 30, 2026 · refund by Jan 2, 2027', 3)).toBe('placed on Jan 2, 2027 · refund by Jan 5, 2027');
    expect(shiftEnglishDates('Mar 1, 2026', -1)).toBe('Feb 28, 2026');
  });

  it('lists the orders placed around today, the pick-up order still on its way', () => {
    const now = new Date(2026, 11, 7);
    const list = JSON.parse(demoOrderList(now)) as { data: { data: Record<string, { tag: string; fields: { orderId: string; orderDateText: string; statusText: string } }> } };
    const orders = Object.values(list.data.data).filter((c) => c.tag === 'pc_om_list_order').map((c) => c.fields);
    expect(orders.find((o) => o.orderId === DEMO.inTransit)?.orderDateText).toBe(englishDateFromToday(-12, now).text);
    expect(orders.find((o) => o.orderId === DEMO.pickup)?.statusText).toBe('Awaiting delivery');
    expect(orders).toHaveLength(10);
  });
});
