import { describe, expect, it } from 'vitest';
import { computeAmount, missingShare, mulDiv } from '../../../src/domain/claim/amount';
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
    const r = computeAmount(partial({ method: 'missing_quantity', missing: 1 }), makeOrder(), { item: 0 });
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

  it('refuses a missing share above the total (coupon made the total lower than the line)', () => {
    const r = computeAmount(partial({ method: 'missing_quantity', missing: 4 }), makeOrder({ total: 4000 }));
    expect(r).toEqual({ ok: false, error: 'claim_amount_error_above_paid', params: { amount: '$50.00', paid: '$40.00' } });
  });

  it('formats error params in the shopper locale', () => {
    const r = computeAmount(partial({ sumMinor: 5001 }), makeOrder({ total: 5000, currency: 'EUR' }), { locale: 'de' });
    expect(r).toMatchObject({ ok: false, params: { amount: '50,01\u00a0€', paid: '50,00\u00a0€' } });
  });

  it('refuses zero and negative amounts', () => {
    const order = makeOrder();
    for (const a of [partial({ sumMinor: 0 }), partial({ sumMinor: -100 }), partial({ method: 'percentage', percent: 0 }), partial({ method: 'percentage', percent: -5 }), partial({ method: 'missing_quantity', missing: 0 }), partial({ method: 'percentage', percent: 0.001 })]) {
      expect(computeAmount(a, order, { item: 0 })).toEqual({ ok: false, error: 'claim_amount_error_not_positive', params: {} });
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

  it('needs a total, an item and its price', () => {
    expect(computeAmount(FULL, makeOrder({ total: null }))).toEqual({ ok: false, error: 'claim_amount_error_no_total', params: {} });
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 1 }), makeOrder({ price: null, total: 5000 }))).toEqual({
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
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 1 }), two, { item: 1 })).toMatchObject({ ok: true, amount: { minor: 1000 } });
  });

  it('refuses an item priced in another currency than the total', () => {
    const order = makeOrder({ total: 5000 });
    order.items[0]!.price = { minor: 1250, currency: 'EUR' };
    expect(computeAmount(partial({ method: 'missing_quantity', missing: 1 }), order)).toEqual({
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
    expect(missingShare(makeOrder({ quantity: 3, price: 1000, total: 3000 }), 0, 1)).toMatchObject({ ok: true, amount: { minor: 1000 } });
  });
});
