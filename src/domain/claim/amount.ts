/**
 * The refund amount, in integer minor units of the order's currency, computed on what was
 * paid for the items the claim is about (docs/claims.md, "Amount"). Never above it: an amount
 * that would be is refused with a message key, not quietly lowered.
 */
import type { Money, Order } from '../order';
import { formatMoney } from '../money';
import type { ClaimAmount } from './draft';
import { chosenLines, type ClaimLine } from './lines';

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

type Fail = { ok: false; error: AmountErrorKey; params: Record<string, string | number> };

export type AmountResult =
  | {
      ok: true;
      amount: Money;
      /** What was paid for the items the claim is about: the cap. */
      paid: Money;
      /** The amount is the whole of it. */
      full: boolean;
    }
  | Fail;

export type PaidResult = { ok: true; paid: Money; /** The claim is about the whole order. */ wholeOrder: boolean } | Fail;

export interface AmountOptions {
  /** The items the claim is about (`ClaimDraft.lines`); empty: the whole order when it lists one item or none. */
  lines?: readonly ClaimLine[];
  /** Locale for the amounts in error params (the shopper's); default 'en'. */
  locale?: string;
}

function fail(error: AmountErrorKey, params: Record<string, string | number> = {}): Fail {
  return { ok: false, error, params };
}

/** a × b / c rounded half up, exactly (minor units × counts can pass 2^53). */
export function mulDiv(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((n * 2n + d) / (2n * d));
}

/**
 * What was paid for the chosen items. The whole order's total when the claim is about every
 * piece of every line (or the order lists one item or none and nothing narrower is chosen);
 * otherwise the chosen pieces' prices, with their share of shipping and discounts: the total
 * × (chosen pieces' prices) / (every line's prices), so a $10 case in a $30 order with $2
 * shipping is $10.67, never $30. Needs every line's price, in the order's currency.
 */
export function paidFor(order: Order, lines: readonly ClaimLine[] = []): PaidResult {
  const total = order.total;
  if (!total) return fail('claim_amount_error_no_total');
  const chosen = chosenLines({ lines }, order);
  if (chosen.length === 0) {
    return order.items.length <= 1 ? { ok: true, paid: { ...total }, wholeOrder: true } : fail('claim_amount_error_no_item');
  }
  const everything = order.items.every((item, i) => chosen.some((c) => c.index === i && c.quantity >= item.quantity));
  if (everything) return { ok: true, paid: { ...total }, wholeOrder: true };
  let all = 0;
  for (const item of order.items) {
    if (!item.price || item.quantity <= 0) return fail('claim_amount_error_no_item_price');
    if (item.price.currency !== total.currency) return fail('claim_amount_error_currency_mismatch', { currency: item.price.currency, paid_currency: total.currency });
    all += item.price.minor * item.quantity;
  }
  const part = chosen.reduce((sum, c) => sum + c.item.price!.minor * c.quantity, 0);
  if (all <= 0) return fail('claim_amount_error_no_item_price');
  return { ok: true, paid: { minor: Math.min(mulDiv(total.minor, part, all), total.minor), currency: total.currency }, wholeOrder: false };
}

/** The missing pieces' share of what was paid for the chosen items (× missing / ordered; ordered defaults to the chosen pieces). */
export function missingShare(order: Order, lines: readonly ClaimLine[], missing: number, ordered: number | null = null, locale = 'en'): AmountResult {
  const base = paidFor(order, lines);
  if (!base.ok) return base;
  const chosen = chosenLines({ lines }, order);
  const pieces = chosen.length > 0 ? chosen.reduce((n, c) => n + c.quantity, 0) : (order.items[0]?.quantity ?? 0);
  const of = ordered ?? pieces;
  for (const v of [missing, of]) if (!Number.isInteger(v)) return fail('claim_amount_error_not_whole_number', { value: v });
  if (missing <= 0 || of <= 0) return fail('claim_amount_error_not_positive');
  if (missing > of) return fail('claim_amount_error_missing_above_ordered', { missing, ordered: of });
  return check({ minor: mulDiv(base.paid.minor, missing, of), currency: base.paid.currency }, base.paid, locale);
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
  const lines = opts.lines ?? [];
  const base = paidFor(order, lines);
  if (!base.ok) return base;
  const paid = base.paid;
  if (input.mode === 'full') return check({ ...paid }, paid, locale);
  switch (input.method) {
    case 'missing_quantity':
      if (input.missing === null) return fail('claim_amount_error_incomplete');
      return missingShare(order, lines, input.missing, input.ordered, locale);
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
