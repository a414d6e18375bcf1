/**
 * The refund amount, in integer minor units of the order's currency. Never above what was
 * paid: an amount that would be is refused with a message key, not quietly lowered.
 */
import type { Money, Order } from '../order';
import { formatMoney } from '../money';
import type { ClaimAmount } from './draft';

export type AmountErrorKey =
  | 'claim_amount_error_no_total'
  | 'claim_amount_error_above_paid'
  | 'claim_amount_error_not_positive'
  | 'claim_amount_error_not_whole_number'
  | 'claim_amount_error_missing_above_ordered'
  | 'claim_amount_error_no_item'
  | 'claim_amount_error_no_item_price'
  | 'claim_amount_error_currency_mismatch'
  | 'claim_amount_error_incomplete';

/** Every error key with its placeholders, for the catalogue test. */
export const AMOUNT_ERRORS: Readonly<Record<AmountErrorKey, readonly string[]>> = {
  claim_amount_error_no_total: [],
  claim_amount_error_above_paid: ['amount', 'paid'],
  claim_amount_error_not_positive: [],
  claim_amount_error_not_whole_number: ['value'],
  claim_amount_error_missing_above_ordered: ['missing', 'ordered'],
  claim_amount_error_no_item: [],
  claim_amount_error_no_item_price: [],
  claim_amount_error_currency_mismatch: ['currency', 'paid_currency'],
  claim_amount_error_incomplete: [],
};

export type AmountResult =
  | {
      ok: true;
      amount: Money;
      paid: Money;
      /** The amount is the whole of what was paid. */
      full: boolean;
    }
  | { ok: false; error: AmountErrorKey; params: Record<string, string | number> };

export interface AmountOptions {
  /** Index of the item the claim is about (needed by `missing_quantity`). */
  item?: number | null;
  /** Locale for the amounts in error params (the shopper's); default 'en'. */
  locale?: string;
}

function fail(error: AmountErrorKey, params: Record<string, string | number> = {}): AmountResult {
  return { ok: false, error, params };
}

/** What was paid: the order total (claims are per order; docs/claims.md, "Sources": "never above what was paid"). */
export function paidTotal(order: Order): Money | null {
  return order.total;
}

/** a × b / c rounded half up, exactly (minor units × counts can pass 2^53). */
export function mulDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((n * 2n + d) / (2n * d));
}

/** The missing pieces' share of an item line's price (price × quantity × missing / ordered). */
export function missingShare(
  order: Order,
  itemIndex: number | null | undefined,
  missing: number,
  ordered: number | null = null,
  locale = 'en',
): AmountResult {
  const paid = paidTotal(order);
  if (!paid) return fail('claim_amount_error_no_total');
  const idx = itemIndex ?? (order.items.length === 1 ? 0 : null);
  const item = idx === null ? undefined : order.items[idx];
  if (!item) return fail('claim_amount_error_no_item');
  if (!item.price || item.quantity <= 0) return fail('claim_amount_error_no_item_price');
  if (item.price.currency !== paid.currency) {
    return fail('claim_amount_error_currency_mismatch', { currency: item.price.currency, paid_currency: paid.currency });
  }
  const of = ordered ?? item.quantity;
  for (const v of [missing, of]) if (!Number.isInteger(v)) return fail('claim_amount_error_not_whole_number', { value: v });
  if (missing <= 0 || of <= 0) return fail('claim_amount_error_not_positive');
  if (missing > of) return fail('claim_amount_error_missing_above_ordered', { missing, ordered: of });
  const minor = mulDiv(item.price.minor * item.quantity, missing, of);
  return check({ minor, currency: paid.currency }, paid, locale);
}

function check(amount: Money, paid: Money, locale: string): AmountResult {
  if (amount.minor <= 0) return fail('claim_amount_error_not_positive');
  if (amount.minor > paid.minor) {
    return fail('claim_amount_error_above_paid', {
      amount: formatMoney(amount, locale),
      paid: formatMoney(paid, locale),
    });
  }
  return { ok: true, amount, paid, full: amount.minor === paid.minor };
}

export function computeAmount(input: ClaimAmount, order: Order, opts: AmountOptions = {}): AmountResult {
  const locale = opts.locale ?? 'en';
  const paid = paidTotal(order);
  if (!paid) return fail('claim_amount_error_no_total');
  if (input.mode === 'full') return check({ ...paid }, paid, locale);
  switch (input.method) {
    case 'missing_quantity':
      if (input.missing === null) return fail('claim_amount_error_incomplete');
      return missingShare(order, opts.item, input.missing, input.ordered, locale);
    case 'percentage': {
      if (input.percent === null) return fail('claim_amount_error_incomplete');
      if (!Number.isFinite(input.percent) || input.percent <= 0) return fail('claim_amount_error_not_positive');
      // Percent with up to two decimals, exactly: paid × (percent × 100) / 10 000.
      const hundredths = Math.round(input.percent * 100);
      return check({ minor: mulDiv(paid.minor, hundredths, 10_000), currency: paid.currency }, paid, locale);
    }
    case 'sum':
      if (input.sumMinor === null) return fail('claim_amount_error_incomplete');
      if (!Number.isInteger(input.sumMinor)) return fail('claim_amount_error_not_whole_number', { value: input.sumMinor });
      return check({ minor: input.sumMinor, currency: paid.currency }, paid, locale);
  }
}
