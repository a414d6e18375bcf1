/** Money as integer minor units plus an ISO 4217 code. Pure; no browser API. */
import { cachedFormatter } from '../lib/intl-cache';
import type { Money } from './order';

/** Currencies whose minor unit is not 2 digits (ISO 4217). Everything else has 2. */
const EXPONENTS: Record<string, number> = {
  JPY: 0, KRW: 0, CLP: 0, VND: 0, ISK: 0, HUF: 2, TWD: 2, IDR: 2, UGX: 0, PYG: 0, XAF: 0, XOF: 0,
  KWD: 3, BHD: 3, JOD: 3, OMR: 3, TND: 3, IQD: 3, LYD: 3,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/** Build from a decimal string like "132.74" or integer+fraction parts. */
export function moneyFromParts(integerPart: string, fractionPart: string, currency: string): Money | null {
  const exp = currencyExponent(currency);
  const int = integerPart.replace(/\D/g, '');
  if (!int) return null;
  const frac = fractionPart.replace(/\D/g, '').slice(0, exp).padEnd(exp, '0');
  const minor = Number(int) * 10 ** exp + (exp > 0 ? Number(frac) : 0);
  return Number.isSafeInteger(minor) ? { minor, currency } : null;
}

/** The amount as a JS number of major units (for display and arithmetic on screen only). */
export function toMajor(m: Money): number {
  return m.minor / 10 ** currencyExponent(m.currency);
}

/**
 * The amount as a plain decimal for a spreadsheet: the currency's own number of decimals, no
 * grouping, `decimal` as the mark ("1234.50", "1234,50", "12990" for pesos).
 */
export function plainAmount(m: Money, decimal = '.'): string {
  const exp = currencyExponent(m.currency);
  const digits = String(m.minor).padStart(exp + 1, '0');
  return exp === 0 ? digits : `${digits.slice(0, -exp)}${decimal}${digits.slice(-exp)}`;
}

/** Formatters by language and currency (src/lib/intl-cache.ts). */
const moneyFormatters = new Map<string, Intl.NumberFormat | null>();

/** Format for a reader of `locale` ("US$25.09", "25,09 US$"). */
export function formatMoney(m: Money, locale = 'en'): string {
  const exp = currencyExponent(m.currency);
  const f = cachedFormatter(moneyFormatters, `${locale}|${m.currency}`, () =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, minimumFractionDigits: exp, maximumFractionDigits: exp }),
  );
  return f ? f.format(toMajor(m)) : `${toMajor(m).toFixed(exp)} ${m.currency}`;
}
