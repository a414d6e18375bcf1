/**
 * Money as AliExpress displays it: split `formatPriceInfo` ("R$132,74|132|74"), else the
 * display text in any of its formats ("US $25.09", "129,46zł", "1 234,56 Kč", "10,451円").
 * Result: integer minor units + ISO 4217 code (exponent from domain/money).
 */
import type { Money } from '../domain/order';
import { currencyExponent, moneyFromParts } from '../domain/money';

/** Currency symbols and words, longest first so "US $" beats "$" and "MX$" beats "$". */
export const CURRENCY_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['US $', 'USD'], ['US$', 'USD'], ['USD', 'USD'],
  ['CA $', 'CAD'], ['CA$', 'CAD'], ['C$', 'CAD'],
  ['AU $', 'AUD'], ['AU$', 'AUD'], ['A$', 'AUD'],
  ['MX $', 'MXN'], ['MX$', 'MXN'],
  ['NZ$', 'NZD'], ['HK$', 'HKD'], ['NT$', 'TWD'], ['S$', 'SGD'],
  ['CL$', 'CLP'], ['COL$', 'COP'], ['R$', 'BRL'],
  ['руб', 'RUB'], ['₽', 'RUB'], ['грн', 'UAH'], ['₴', 'UAH'],
  ['zł', 'PLN'], ['Kč', 'CZK'], ['Ft', 'HUF'], ['lei', 'RON'], ['лв', 'BGN'],
  ['CHF', 'CHF'], ['€', 'EUR'], ['£', 'GBP'], ['₩', 'KRW'], ['円', 'JPY'], ['￥', 'JPY'], ['¥', 'JPY'],
  ['₪', 'ILS'], ['₺', 'TRY'], ['TL', 'TRY'], ['₹', 'INR'], ['₫', 'VND'], ['฿', 'THB'], ['₱', 'PHP'],
  ['RM', 'MYR'], ['Rp', 'IDR'], ['SAR', 'SAR'], ['AED', 'AED'], ['₸', 'KZT'], ['₦', 'NGN'],
  ['$', 'USD'],
];

const ISO_CODE = /(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])/;

/** The currency a display text names, or null. */
export function currencyOfText(text: string): string | null {
  return currencyMarkOfText(text)?.code ?? null;
}

/** The currency a text names and where its mark stands. */
function currencyMarkOfText(text: string): { code: string; index: number } | null {
  for (const [sym, code] of CURRENCY_SYMBOLS) {
    const index = text.indexOf(sym);
    if (index >= 0) return { code, index };
  }
  const iso = ISO_CODE.exec(text);
  return iso ? { code: iso[1] as string, index: iso.index } : null;
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

/** An ISO 4217-shaped code: three capital ASCII letters (/^[A-Z]{3}$/, tested by char codes). */
function validCurrency(c: unknown): string | null {
  return typeof c === 'string' && c.length === 3 && isCapital(c.charCodeAt(0)) && isCapital(c.charCodeAt(1)) && isCapital(c.charCodeAt(2)) ? c : null;
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007']/g;

/**
 * Amount of a display text in `currency` (or the currency its symbol names).
 * Handles "." "," space, narrow no-break space and "'" as thousands separators, a decimal
 * comma or point, and one span per digit already joined by the caller.
 */
export function parseMoneyText(text: string, currency?: string | null): Money | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > 200) return null;
  const mark = currencyMarkOfText(text);
  const cur = validCurrency(currency) ?? mark?.code ?? null;
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
export function parseFormatPriceInfo(info: string, currency?: string | null): Money | null {
  if (typeof info !== 'string' || info.length > 300) return null;
  const plain = PLAIN_PRICE_PARTS.exec(info);
  if (plain) {
    // The usual form, read by one match: what the general reading below gives it.
    const cur = validCurrency(currency) ?? currencyOfText(info.slice(0, info.indexOf('|')));
    if (!cur || (plain[1] as string).length > 13) return null;
    return moneyFromDigits(plain[1] as string, plain[2] ?? '', cur);
  }
  const parts = info.split('|');
  if (parts.length < 2) return null;
  const display = parts[0] ?? '';
  const cur = validCurrency(currency) ?? currencyOfText(display);
  if (!cur) return null;
  const int = (parts[1] ?? '').trim();
  const frac = (parts[2] ?? '').trim();
  if (!/^\d[\d.,\s\u00a0\u202f']*$/.test(int) || !/^\d*$/.test(frac)) return parseMoneyText(display, cur);
  const digits = int.replace(/\D/g, '');
  if (digits.length > 13) return null;
  return moneyFromParts(digits, frac, cur);
}

/** Best money from an object's `formatPriceInfo` (+ `currencyCode`), else a display text field. */
export function moneyOf(formatPriceInfo: unknown, displayText: unknown, currency?: unknown): Money | null {
  const cur = validCurrency(currency);
  if (typeof formatPriceInfo === 'string') {
    const m = parseFormatPriceInfo(formatPriceInfo, cur);
    if (m) return m;
  }
  if (typeof displayText === 'string') return parseMoneyText(displayText, cur);
  return null;
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
