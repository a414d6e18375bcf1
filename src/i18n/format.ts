/** Formatting for the shopper's language: dates stated as calendar dates, numbers. Pure (Intl). */
import { cachedFormatter } from '../lib/intl-cache';
import type { Translate } from './index';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Formatters by language and style, and by language (src/lib/intl-cache.ts). */
const dateFormatters = new Map<string, Intl.DateTimeFormat | null>();

/** "2026-09-03" → "3 Sept 2026" / "Sep 3, 2026" / "3 בספט׳ 2026", never shifted by a time zone; anything else as it is. */
export function formatCalendarDate(date: string, lang: string, style: 'medium' | 'long' = 'medium'): string {
  if (!CALENDAR_DATE.test(date)) return date;
  const f = cachedFormatter(dateFormatters, `${lang}|${style}`, () => new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }));
  if (!f) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  try {
    return f.format(new Date(Date.UTC(y, m - 1, d, 12)));
  } catch {
    return date;
  }
}

const numberFormatters = new Map<string, Intl.NumberFormat | null>();
export function formatNumber(n: number, lang: string): string {
  const f = cachedFormatter(numberFormatters, lang, () => new Intl.NumberFormat(lang));
  return f ? f.format(n) : String(n);
}

/**
 * Params handed out by the domain, made readable: values that are catalogue keys are
 * translated, calendar dates formatted for the language, numbers left as they are.
 */
export function localiseParams(
  t: Translate,
  params: Readonly<Record<string, string | number>>,
  lang: string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && CALENDAR_DATE.test(v)) out[k] = formatCalendarDate(v, lang);
    else if (typeof v === 'string' && /^(deadline|claim|status)_[a-z0-9_]+$/.test(v)) out[k] = t(v);
    else out[k] = v;
  }
  return out;
}
