import { describe, expect, it } from 'vitest';
import { computeAmount, missingShare, mulDiv, paidFor } from '../../../src/domain/claim/amount';
import type { ClaimAmount } from '../../../src/domain/claim/draft';
import { makeOrder } from './fixtures';

const partial = (patch: Partial<ClaimAmount>): ClaimAmount => ({
  mode: 'partial',
  method: 'sum',
  missing: null,
  ordered: null,
  percent: null,
  sumMinor: null,
  ...patch,
});
const FULL: ClaimAmount = { ...partial({}), mode: 'full' };

describe('computeAmount', () => {
  it('full = the order total, in its currency', () => {
    const r = computeAmount(FULL, makeOrder({ currency: 'BRL', total: 13274 }));
    expect(r).toEqual({ ok: true, amount: { minor: 13274, currency: 'BRL' }, paid: { minor: 13274, currency: 'BRL' }, full: true });
  });

  it('by missing quantity: missing/ordered share of price × quantity', () => {
    // 4 × 12.50 = 50.00; 1 of 4 missing → 12.50
    const r = computeAmount(partial({ method: 'missing_quantity', missing: 1 }), makeOrder(), { lines: [{ index: 0, quantity: null }] });
    expect(r).toMatchObject({ ok: true, amount: { minor: 1250, currency: 'USD' }, full: false });
    // a lot of 10 pieces bought once (quantity 1, 9.99): 3 of 10 missing → 3.00 (2.997 rounded)
    const lot = makeOrder({ quantity: 1, price: 999 });
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 3, ordered: 10 }), lot)).toMatchObject({
      ok: true,
      amount: { minor: 300 },
    });
  });

  it('by missing quantity in yen (no minor unit) rounds to whole yen', () => {
    const r = computeAmount(partial({ method: 'missing_quantity', missing: 1, ordered: 3 }), makeOrder({ currency: 'JPY', quantity: 1, price: 10451 }));
    expect(r).toMatchObject({ ok: true, amount: { minor: 3484, currency: 'JPY' } });
  });

  it('by percentage of what was paid, two decimals exactly', () => {
    expect(computeAmount(partial({ method: 'percentage', percent: 30 }), makeOrder({ total: 4888, currency: 'EUR' }))).toMatchObject({
      ok: true,
      amount: { minor: 1466, currency: 'EUR' },
    });
    expect(computeAmount(partial({ method: 'percentage', percent: 12.5 }), makeOrder({ total: 11110, currency: 'KRW' }))).toMatchObject({
      ok: true,
      amount: { minor: 1389, currency: 'KRW' },
    });
    expect(computeAmount(partial({ method: 'percentage', percent: 100 }), makeOrder({ total: 5000 }))).toMatchObject({ ok: true, full: true });
  });

  it('by sum', () => {
    expect(computeAmount(partial({ sumMinor: 2000 }), makeOrder({ total: 5000 }))).toMatchObject({
      ok: true,
      amount: { minor: 2000, currency: 'USD' },
      paid: { minor: 5000, currency: 'USD' },
      full: false,
    });
  });

  it('refuses a sum above what was paid with a clear key, never clamps', () => {
    const r = computeAmount(partial({ sumMinor: 5001 }), makeOrder({ total: 5000 }));
    expect(r).toEqual({ ok: false, error: 'claim_amount_error_above_paid', params: { amount: '$50.01', paid: '$50.00' } });
  });

  it('refuses a percentage above 100 as above what was paid', () => {
    const r = computeAmount(partial({ method: 'percentage', percent: 120 }), makeOrder({ total: 13274, currency: 'BRL' }));
    expect(r).toEqual({ ok: false, error: 'claim_amount_error_above_paid', params: { amount: 'R$159.29', paid: 'R$132.74' } });
  });

  it('a missing share is of what was paid: a coupon that lowered the total lowers it too', () => {
    // 4 × 12.50 listed, 40.00 paid: all 4 missing → 40.00, 1 missing → 10.00.
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 4 }), makeOrder({ total: 4000 }))).toMatchObject({ ok: true, amount: { minor: 4000 }, full: true });
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 1 }), makeOrder({ total: 4000 }))).toMatchObject({ ok: true, amount: { minor: 1000 } });
  });

  it('formats error params in the shopper locale', () => {
    const r = computeAmount(partial({ sumMinor: 5001 }), makeOrder({ total: 5000, currency: 'EUR' }), { locale: 'de' });
    expect(r).toMatchObject({ ok: false, params: { amount: '50,01\u00a0€', paid: '50,00\u00a0€' } });
  });

  it('refuses zero and negative amounts', () => {
    const order = makeOrder();
    for (const a of [partial({ sumMinor: 0 }), partial({ sumMinor: -100 }), partial({ method: 'percentage', percent: 0 }), partial({ method: 'percentage', percent: -5 }), partial({ method: 'missing_quantity', missing: 0 }), partial({ method: 'percentage', percent: 0.001 })]) {
      expect(computeAmount(a, order, { lines: [{ index: 0, quantity: null }] })).toEqual({ ok: false, error: 'claim_amount_error_not_positive', params: {} });
    }
  });

  it('refuses fractional counts and sums', () => {
    expect(computeAmount(partial({ sumMinor: 12.5 }), makeOrder())).toEqual({ ok: false, error: 'claim_amount_error_not_whole_number', params: { value: 12.5 } });
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 1.5 }), makeOrder())).toEqual({
      ok: false,
      error: 'claim_amount_error_not_whole_number',
      params: { value: 1.5 },
    });
  });

  it('refuses more missing than ordered', () => {
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 5 }), makeOrder())).toEqual({
      ok: false,
      error: 'claim_amount_error_missing_above_ordered',
      params: { missing: 5, ordered: 4 },
    });
  });

  it('needs a total; items of several, their prices to share it', () => {
    expect(computeAmount(FULL, makeOrder({ total: null }))).toEqual({ ok: false, error: 'claim_amount_error_no_total', params: {} });
    // One line, the whole of it: its price is not needed, the total is what was paid for it.
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 1 }), makeOrder({ price: null, total: 5000 }))).toMatchObject({ ok: true, amount: { minor: 1250 } });
    // Part of the line: its share needs the prices.
    expect(computeAmount(FULL, makeOrder({ price: null, total: 5000 }), { lines: [{ index: 0, quantity: 1 }] })).toEqual({
      ok: false,
      error: 'claim_amount_error_no_item_price',
      params: {},
    });
    const two = makeOrder({
      total: 3000,
      items: [
        { title: 'A', quantity: 1, price: { minor: 1000, currency: 'USD' }, variant: null },
        { title: 'B', quantity: 2, price: { minor: 1000, currency: 'USD' }, variant: null },
      ],
    });
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 1 }), two)).toEqual({ ok: false, error: 'claim_amount_error_no_item', params: {} });
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 1 }), two, { lines: [{ index: 1, quantity: null }] })).toMatchObject({ ok: true, amount: { minor: 1000 } });
  });

  it('refuses to share a total among items priced in another currency', () => {
    const order = makeOrder({
      total: 5000,
      items: [
        { title: 'A', quantity: 1, price: { minor: 1250, currency: 'EUR' }, variant: null },
        { title: 'B', quantity: 1, price: { minor: 3750, currency: 'USD' }, variant: null },
      ],
    });
    expect(computeAmount(FULL, order, { lines: [{ index: 0, quantity: null }] })).toEqual({
      ok: false,
      error: 'claim_amount_error_currency_mismatch',
      params: { currency: 'EUR', paid_currency: 'USD' },
    });
  });

  it('says when an input is still empty', () => {
    for (const method of ['missing_quantity', 'percentage', 'sum'] as const) {
      expect(computeAmount(partial({ method }), makeOrder())).toEqual({ ok: false, error: 'claim_amount_error_incomplete', params: {} });
    }
  });

  it('missingShare and mulDiv are exact beyond 2^53', () => {
    expect(mulDiv(999_999_999_999, 999_999, 1_000_000)).toBe(999_998_999_999);
    expect(missingShare(makeOrder({ quantity: 3, price: 1000, total: 3000 }), [{ index: 0, quantity: null }], 1)).toMatchObject({ ok: true, amount: { minor: 1000 } });
  });
});

describe('claims about some of the items', () => {
  // A $10 phone case and a $18 charger, $2 shipping: $30 paid.
  const order = makeOrder({
    total: 3000,
    items: [
      { title: 'Phone case', quantity: 1, price: { minor: 1000, currency: 'USD' }, variant: null },
      { title: 'Charger', quantity: 2, price: { minor: 900, currency: 'USD' }, variant: null },
    ],
  });
  const CASE = [{ index: 0, quantity: null }];

  it('full refund of one item: its price and its share of shipping, never the order total', () => {
    const r = computeAmount(FULL, order, { lines: CASE });
    // 30.00 × 10 / 28 = 10.71
    expect(r).toEqual({ ok: true, amount: { minor: 1071, currency: 'USD' }, paid: { minor: 1071, currency: 'USD' }, full: true });
    expect(paidFor(order, CASE)).toEqual({ ok: true, paid: { minor: 1071, currency: 'USD' }, wholeOrder: false });
  });

  it('a percentage and a sum are of what was paid for the chosen items; more is refused', () => {
    expect(computeAmount(partial({ method: 'percentage', percent: 50 }), order, { lines: CASE })).toMatchObject({ ok: true, amount: { minor: 536 } });
    expect(computeAmount(partial({ sumMinor: 1072 }), order, { lines: CASE })).toEqual({
      ok: false,
      error: 'claim_amount_error_above_paid',
      params: { amount: '$10.72', paid: '$10.71' },
    });
  });

  it('some pieces of a line: their share; every piece of every line: the whole total', () => {
    // One of the two chargers: 30.00 × 9 / 28 = 9.64
    expect(computeAmount(FULL, order, { lines: [{ index: 1, quantity: 1 }] })).toMatchObject({ ok: true, amount: { minor: 964 } });
    expect(computeAmount(FULL, order, { lines: [{ index: 0, quantity: null }, { index: 1, quantity: 2 }] })).toMatchObject({ ok: true, amount: { minor: 3000 }, full: true });
    // A quantity above the line's is the line.
    expect(computeAmount(FULL, order, { lines: [{ index: 1, quantity: 9 }] })).toMatchObject({ ok: true, amount: { minor: 1929 } });
  });

  it("a discount lowers each item's share the same way", () => {
    const discounted = { ...order, total: { minor: 2100, currency: 'USD' } };
    expect(computeAmount(FULL, discounted, { lines: CASE })).toMatchObject({ ok: true, amount: { minor: 750 } });
  });

  it('several items and none chosen: the claim must say which', () => {
    expect(computeAmount(FULL, order)).toEqual({ ok: false, error: 'claim_amount_error_no_item', params: {} });
  });

  it('never above what was paid for the chosen items, for any choice and any input', () => {
    for (let n = 0; n < 3; n++) {
      for (const q of [1, 2, null]) {
        const lines = n === 2 ? [{ index: 0, quantity: null }, { index: 1, quantity: q }] : [{ index: n, quantity: q }];
        const cap = paidFor(order, lines);
        if (!cap.ok) throw new Error('no cap');
        for (const input of [FULL, partial({ method: 'percentage', percent: 100 }), partial({ method: 'missing_quantity', missing: 1 }), partial({ sumMinor: cap.paid.minor })]) {
          const r = computeAmount(input, order, { lines });
          if (r.ok) expect(r.amount.minor).toBeLessThanOrEqual(cap.paid.minor);
        }
      }
    }
  });
});
