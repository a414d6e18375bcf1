/** Pure helpers of the claim assistant: amounts typed by the shopper, sentence meanings. */
import { currencyExponent } from '../../domain/money';
import type { ClaimSentence } from '../../domain/claim/compose';
import type { Translate } from '../../i18n';
import { localiseParams } from '../../i18n/format';

/**
 * An amount typed in major units ("40", "40.5", "40,50", "1.234,56", "1,234.56") as minor
 * units of `currency`. `null` for an empty field, `'invalid'` for anything else that is not
 * a plain amount with at most the currency's decimals.
 */
export function parseMajorAmount(text: string, currency: string): number | null | 'invalid' {
  const s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  if (!/^\d[\d.,]*$/.test(s)) return 'invalid';
  const exp = currencyExponent(currency);
  // The last separator followed by 1..exp digits is the decimal mark; the others group thousands.
  const m = /^(.*?)(?:[.,](\d+))?$/.exec(s);
  let intPart = s;
  let frac = '';
  if (m && m[2] !== undefined && m[2].length <= Math.max(exp, 0) && exp > 0) {
    intPart = m[1] ?? '';
    frac = m[2];
  } else if (m && m[2] !== undefined && m[2].length !== 3) {
    return 'invalid';
  }
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(intPart)) return 'invalid';
  const digits = intPart.replace(/[.,]/g, '');
  const minor = Number(digits) * 10 ** exp + (exp > 0 ? Number(frac.padEnd(exp, '0') || '0') : 0);
  return Number.isSafeInteger(minor) ? minor : 'invalid';
}

/** Minor units back to a plain editable string ("4050" BRL → "40.50"). */
export function minorToInput(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  if (exp === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(exp + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -exp)}.${s.slice(-exp)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sep 1, 2026" (the claim's English dates) → "2026-09-01", so the meaning shows the shopper's date format. */
export function isoFromEnglishDate(s: string): string | null {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(s);
  if (!m) return null;
  const mo = MONTHS.indexOf(m[1]!);
  if (mo < 0) return null;
  return `${m[3]}-${String(mo + 1).padStart(2, '0')}-${String(Number(m[2])).padStart(2, '0')}`;
}

/**
 * A sentence's meaning in the shopper's language: its catalogue key with its params, lists
 * (evidence) translated, English dates back to calendar dates (formatted for `lang`), and
 * money params replaced by `money` (formatted for `lang` by the caller).
 */
export function sentenceMeaning(t: Translate, s: ClaimSentence, lang: string, money: Readonly<Record<string, string>> = {}): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(s.params)) {
    if (typeof v === 'string') {
      const iso = isoFromEnglishDate(v);
      params[k] = iso ?? v;
    } else params[k] = v;
  }
  for (const [k, keys] of Object.entries(s.lists ?? {})) params[k] = keys.map((key) => t(key)).join(', ');
  const localised = localiseParams(t, params, lang);
  for (const [k, v] of Object.entries(money)) if (k in localised) localised[k] = v;
  return t(s.key, localised);
}
