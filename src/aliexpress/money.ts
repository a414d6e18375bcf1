/**
 * Money as AliExpress displays it: split `formatPriceInfo` ("R$132,74|132|74"), else the
 * display text in any of its formats ("US $25.09", "129,46zł", "1 234,56 Kč", "10,451円").
 * Result: integer minor units + ISO 4217 code (exponent from domain/money).
 */
import type { Money } from '../domain/order';
import { currencyExponent, moneyFromParts } from '../domain/money';

/**
 * How a display text names its currency, from the strongest sign to the weakest
 * (docs/aliexpress.md, "Money"): an ISO 4217 code ("USD 25.09", "CLP$12.990", "KWD 1.250"),
 * a country's letters glued to a dollar or peso sign ("MX$", "A$", "NT$", "COL$"), a sign
 * of its own ("€", "zł", "円"); then the currency the shopper's account or site shows prices
 * in (`currencyOfPage`), for a bare "$" only when that currency is written with one; and
 * last a bare "$" (US dollars). A text that names a currency is never read as another.
 */

/** Currencies AliExpress shows prices in (its currency menu, 2024–2026), by ISO 4217 code. */
export const SOLD_IN: readonly string[] = [
  'USD', 'EUR', 'GBP', 'RUB', 'BRL', 'CAD', 'AUD', 'NZD', 'JPY', 'KRW', 'CNY', 'HKD', 'TWD', 'SGD',
  'MYR', 'IDR', 'THB', 'VND', 'PHP', 'INR', 'PKR', 'BDT', 'LKR', 'KZT', 'UZS', 'UAH', 'BYN', 'GEL',
  'AMD', 'AZN', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'CHF', 'SEK', 'NOK', 'DKK', 'ISK', 'TRY', 'ILS',
  'SAR', 'AED', 'QAR', 'KWD', 'BHD', 'OMR', 'JOD', 'EGP', 'MAD', 'TND', 'DZD', 'NGN', 'KES', 'GHS',
  'ZAR', 'MXN', 'CLP', 'COP', 'PEN', 'ARS', 'UYU', 'BOB', 'PYG', 'CRC', 'GTQ', 'DOP',
];
const KNOWN = new Set(SOLD_IN);

/** Letters before "$" that name a country's dollar or peso (longest first within a prefix). */
const DOLLAR_PREFIXES: Readonly<Record<string, string>> = {
  US: 'USD', CA: 'CAD', C: 'CAD', AU: 'AUD', A: 'AUD', NZ: 'NZD', HK: 'HKD', NT: 'TWD', S: 'SGD',
  MX: 'MXN', CL: 'CLP', CO: 'COP', COL: 'COP', AR: 'ARS', UY: 'UYU', RD: 'DOP', R: 'BRL',
};

/** Currencies written with a bare "$" in their own country (R$ is always written in full). */
const DOLLAR_WRITTEN = new Set(Object.values(DOLLAR_PREFIXES).filter((c) => c !== 'BRL'));

/** Signs and words that name one currency, longest first where one contains another. */
const SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['руб', 'RUB'], ['₽', 'RUB'], ['грн', 'UAH'], ['₴', 'UAH'], ['zł', 'PLN'], ['Kč', 'CZK'],
  ['Ft', 'HUF'], ['lei', 'RON'], ['лв', 'BGN'], ['€', 'EUR'], ['£', 'GBP'], ['₩', 'KRW'],
  ['円', 'JPY'], ['￥', 'JPY'], ['¥', 'JPY'], ['₪', 'ILS'], ['₺', 'TRY'], ['TL', 'TRY'], ['₹', 'INR'],
  ['₫', 'VND'], ['฿', 'THB'], ['₱', 'PHP'], ['RM', 'MYR'], ['Rp', 'IDR'], ['₸', 'KZT'], ['₦', 'NGN'],
  ['S/', 'PEN'], ['₾', 'GEL'], ['₼', 'AZN'], ['Bs', 'BOB'], ['₡', 'CRC'], ['₲', 'PYG'],
  // Arabic abbreviations, written after the amount on ar.aliexpress.com ("45,50 د.إ").
  ['د.إ', 'AED'], ['ر.س', 'SAR'], ['ر.ق', 'QAR'], ['د.ك', 'KWD'], ['د.ب', 'BHD'], ['ر.ع', 'OMR'],
  ['د.أ', 'JOD'], ['ج.م', 'EGP'], ['د.م', 'MAD'], ['د.ت', 'TND'], ['د.ج', 'DZD'],
];

/** Every letter mark a price may carry beside its amount ("US", "R", "zł", "د.إ"): the page's words, not the shopper's. */
export const CURRENCY_MARKS: readonly string[] = [...Object.keys(DOLLAR_PREFIXES), ...SIGNS.map(([sign]) => sign)];

/** Three capital letters standing alone, or glued to a "$" ("CLP$"). */
const ISO_IN_TEXT = /(?<![A-Za-z])([A-Z]{3})(?=$|[^A-Za-z])/g;
const DOLLAR = /(?<![A-Za-z])([A-Z]{1,3})?\s?\$/;

/** The currency a text names and where its mark stands; `bare` for a "$" alone. */
function currencyMarkOfText(text: string): { code: string; index: number; bare?: true } | null {
  for (const m of text.matchAll(ISO_IN_TEXT)) if (KNOWN.has(m[1] as string)) return { code: m[1] as string, index: m.index };
  const dollar = DOLLAR.exec(text);
  const prefixed = dollar?.[1] ? DOLLAR_PREFIXES[dollar[1]] : undefined;
  if (dollar && prefixed) return { code: prefixed, index: dollar.index };
  for (const [sign, code] of SIGNS) {
    const index = text.indexOf(sign);
    if (index >= 0) return { code, index };
  }
  return dollar ? { code: 'USD', index: dollar.index, bare: true } : null;
}

/** The `aep_usuc_f` cookie's display currency: "site=glo&c_tp=PLN&region=PL&b_locale=en_US". */
const ACCOUNT_CURRENCY = /(?:^|;)\s*aep_usuc_f=(?:[^;]*?&)?c_tp=([A-Z]{3})(?![A-Za-z])/;

/** The site that shows prices in one currency only: aliexpress.us, in US dollars. */
const US_SITE = /(?:^|\.)aliexpress\.us$/;

/**
 * The currency the shopper's account shows prices in (its `c_tp` setting, docs/aliexpress.md
 * "Money"), else the one its site always shows, else null. A weak signal: it is the display
 * setting now, so it only settles a price that names no currency or a bare "$".
 */
export function currencyOfPage(host: string, cookie: string): string | null {
  const account = ACCOUNT_CURRENCY.exec(cookie)?.[1];
  if (account && KNOWN.has(account)) return account;
  return US_SITE.test(host) ? 'USD' : null;
}

/**
 * The currency of a price with no code field beside it: its own mark, then the page's
 * currency where it fits (callers try the code field first, `validCurrency(field) ?? …`).
 */
function currencyOf(mark: { code: string; bare?: true } | null, page: unknown): string | null {
  const fallback = validCurrency(page);
  if (!mark) return fallback;
  return mark.bare && fallback && DOLLAR_WRITTEN.has(fallback) ? fallback : mark.code;
}

const NUMBER_RUN = /\d[\d.,\s\u00a0\u202f\u2009\u2007']*/g;

/** The digit run that belongs to the currency mark: the nearest one, else the last one. */
function amountRun(text: string, markIndex: number | null): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const m of text.matchAll(NUMBER_RUN)) {
    const start = m.index;
    const end = start + m[0].trimEnd().length;
    const distance = markIndex === null ? -start : markIndex >= end ? markIndex - end : Math.abs(start - markIndex);
    if (distance < bestDistance || markIndex === null) {
      best = m[0];
      bestDistance = distance;
    }
  }
  return best;
}

/** An ISO 4217-shaped code: three capital ASCII letters. */
export function validCurrency(c: unknown): string | null {
  return typeof c === 'string' && /^[A-Z]{3}$/.test(c) ? c : null;
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007']/g;

/**
 * A deduction ("-€5,00", "US $-2.00", "− R$ 3,00": a coupon or discount row), not a price: a
 * minus sign before the amount, at the start or after the currency mark. A range ("US $1.23 -
 * 4.56") is not one.
 */
const DEDUCTION = /^(?:[-\u2212\u2013]|\D{0,6}[-\u2212\u2013]\s*\d)/;

/**
 * Amount of a display text in `currency` (or the currency its symbol names, or
 * `pageCurrency` where the text names none or only a bare "$").
 * Handles "." "," space, narrow no-break space and "'" as thousands separators, a decimal
 * comma or point, and one span per digit already joined by the caller. A deduction (a minus
 * before the amount) is not read: no price, total or refund AliExpress shows is below zero, and
 * reading "-€5,00" as €5 would put a discount where a price belongs.
 */
export function parseMoneyText(text: string, currency?: string | null, pageCurrency?: string | null): Money | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > 200 || DEDUCTION.test(text.trim())) return null;
  const mark = currencyMarkOfText(text);
  const cur = validCurrency(currency) ?? currencyOf(mark, pageCurrency);
  if (!cur) return null;
  const run = amountRun(text, mark ? mark.index : null);
  if (!run) return null;
  const raw = run.replace(SPACES, '').replace(/[.,]+$/, '');
  if (!/^\d[\d.,]*$/.test(raw)) return null;
  const exp = currencyExponent(cur);
  const lastSep = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','));
  let intPart = raw;
  let fracPart = '';
  if (lastSep >= 0) {
    const sepChar = raw[lastSep] as string;
    const after = raw.slice(lastSep + 1);
    const hasOther = raw.includes(sepChar === '.' ? ',' : '.');
    const repeated = raw.indexOf(sepChar) !== lastSep;
    // The last separator is the decimal mark when the other kind also appears before it
    // (1.234,56 / 1,234.56), or when it appears once with fewer than 3 digits after it
    // (132,74 / 25.09). Three digits after a lone separator is a thousands group (11,110).
    const isDecimal = !repeated && (hasOther || after.length !== 3 || exp === 3);
    if (isDecimal) {
      intPart = raw.slice(0, lastSep);
      fracPart = after;
    }
  }
  intPart = intPart.replace(/[.,]/g, '');
  if (intPart.length > 13) return null;
  // A zero-exponent currency shown with decimals (¥1,234.00) keeps its whole units.
  return moneyFromParts(intPart, exp === 0 ? '' : fracPart, cur);
}

/**
 * moneyFromParts for parts already made of digits only (the integer part not empty): the
 * same amount, without cleaning them again.
 */
function moneyFromDigits(int: string, frac: string, currency: string): Money | null {
  const exp = currencyExponent(currency);
  const f = frac.length === exp ? frac : frac.slice(0, exp).padEnd(exp, '0');
  const minor = Number(int) * 10 ** exp + (exp > 0 ? Number(f) : 0);
  return Number.isSafeInteger(minor) ? { minor, currency } : null;
}

/** "display|integer|fraction" (the fraction part may be absent) with digits only in both parts. */
const PLAIN_PRICE_PARTS = /^[^|]*\|\s*(\d+)\s*(?:$|\|\s*(\d*)\s*(?:$|\|))/;

/**
 * Split form "R$132,74|132|74" (display | integer part | fraction). The integer part may
 * carry group separators ("1.234"); the fraction is digits only. Currency from `currency`
 * when given, else from the display part's symbol.
 */
export function parseFormatPriceInfo(info: string, currency?: string | null, pageCurrency?: string | null): Money | null {
  if (typeof info !== 'string' || info.length > 300) return null;
  const plain = PLAIN_PRICE_PARTS.exec(info);
  if (plain) {
    // The usual form, read by one match: what the general reading below gives it.
    const cur = validCurrency(currency) ?? currencyOf(currencyMarkOfText(info.slice(0, info.indexOf('|'))), pageCurrency);
    if (!cur || (plain[1] as string).length > 13) return null;
    return moneyFromDigits(plain[1] as string, plain[2] ?? '', cur);
  }
  const parts = info.split('|');
  if (parts.length < 2) return null;
  const display = parts[0] ?? '';
  const cur = validCurrency(currency) ?? currencyOf(currencyMarkOfText(display), pageCurrency);
  if (!cur) return null;
  const int = (parts[1] ?? '').trim();
  const frac = (parts[2] ?? '').trim();
  if (!/^\d[\d.,\s\u00a0\u202f']*$/.test(int) || !/^\d*$/.test(frac)) return parseMoneyText(display, cur);
  const digits = int.replace(/\D/g, '');
  if (digits.length > 13) return null;
  return moneyFromParts(digits, frac, cur);
}

/** An integer `cent` amount as AliExpress's money DTOs carry it ({ cent: 6125, currency: 'BRL' }). */
export function moneyFromCents(cent: unknown, currency: unknown): Money | null {
  const cur = validCurrency(currency);
  if (!cur || typeof cent !== 'number' || !Number.isSafeInteger(cent) || cent < 0 || cent > 1e12) return null;
  // `cent` is hundredths whatever the currency; convert to the currency's own minor unit.
  const exp = currencyExponent(cur);
  const minor = exp === 2 ? cent : exp > 2 ? cent * 10 ** (exp - 2) : Math.round(cent / 10 ** (2 - exp));
  return Number.isSafeInteger(minor) ? { minor, currency: cur } : null;
}
