/**
 * Calendar dates as AliExpress writes them, in every UI language it ships. Never parsed with
 * `new Date(text)` and never moved by a time zone: the result is the date the page states.
 */
import type { CalendarDate, Instant } from '../domain/order';
import { civilFromDays, daysFromCivil } from '../domain/dates';
import { MONTH_NAMES } from './phrases';
import { normalizeForMatch } from './text';

const MONTHS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [month, names] of MONTH_NAMES) {
    for (const n of names) m.set(normalizeForMatch(n).replace(/[.'\u05f3]/g, ''), month);
  }
  return m;
})();

/** A word of ASCII letters only: normalised, it is just lower-cased (nothing to strip). */
const ASCII_WORD = /^[A-Za-z]+$/;

function monthOf(word: string): number | null {
  if (ASCII_WORD.test(word)) return MONTHS.get(word.toLowerCase()) ?? null;
  let w = normalizeForMatch(word).replace(/[.'\u05f3\u05f4"]/g, '');
  const direct = MONTHS.get(w);
  if (direct) return direct;
  // Hebrew writes "in September" as one word: "בספטמבר".
  if (w.startsWith('ב') && w.length > 2) {
    w = w.slice(1);
    return MONTHS.get(w) ?? null;
  }
  return null;
}

/** Locales that write numeric dates month first (M/D/Y). */
function monthFirst(hintLocale?: string): boolean {
  return /^en[-_](us|ph)$/i.test(hintLocale ?? '') || /^(us|en-us)$/i.test(hintLocale ?? '');
}

const WORD = "([\\p{L}][\\p{L}\\u05f3'.]{1,14})";
const DAY = '(\\d{1,2})';
const YEAR = '(\\d{4})';
const CJK = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/gu;
const ISO_LIKE = /(?<![\d.])(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})(?![\d])/g;
const NUMERIC_DMY = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d])/g;
/** "1 Sep 2026", "1. September 2026", "1er sept. 2026", "1 de septiembre de 2026", "29 января 2024 г.", "1 בספטמבר 2026". */
const DAY_FIRST = new RegExp(`(?<![\\d])${DAY}(?:er|º|\\.)?\\s*(?:de\\s+|of\\s+)?${WORD}\\s*,?\\s*(?:de\\s+|del\\s+)?${YEAR}(?![\\d])`, 'gu');
/** "Sep 1, 2026", "September 1st, 2026", "Sep. 01 2026". */
const MONTH_FIRST = new RegExp(`${WORD}\\s*${DAY}(?:st|nd|rd|th)?\\s*,?\\s*${YEAR}(?![\\d])`, 'gu');

/** A whole text in the form "Jul 15, 2026" (the month in ASCII letters, as MONTH_FIRST's word). */
const MONTH_DAY_YEAR = /^([A-Za-z]{2,15}) (\d{1,2}), (\d{4})$/;

/** CJK needs 年 or 년, ISO_LIKE and NUMERIC_DMY a "-", "/" or ".": without any, only the word forms can match. */
const NUMERIC_MARK = /[-/.年년]/;

/** Every date parseCalendarDate reads has a four-digit year: without one, there is none. */
export const HAS_YEAR = /\d{4}/;

/**
 * The date y-m-d if it exists (years 1990–2200, as domain `calendarDate`), checked with the
 * engine's integer calendar rather than a Date object.
 */
function dateOf(y: number, m: number, d: number): CalendarDate | null {
  if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  // The 31st of a 30-day month, or 29 February of a common year, rolls into the next month.
  if (d > 28 && civilFromDays(daysFromCivil(y, m, d))[2] !== d) return null;
  // A real date: as fromDayNumber writes it (four-digit year, two-digit month and day).
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The date a match of one of the forms below writes, if it is one. */
type DateOfMatch = (m: RegExpExecArray, hintLocale?: string) => CalendarDate | null;

const yearFirst: DateOfMatch = (m) => dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
const numericDayFirst: DateOfMatch = (m, hintLocale) => {
  const a = Number(m[1]);
  const b = Number(m[3]);
  // D/M/Y unless the second number can't be a month or the locale writes M/D/Y; D.M.Y always.
  const swap = m[2] !== '.' && (b > 12 || (a <= 12 && monthFirst(hintLocale)));
  return swap ? dateOf(Number(m[4]), a, b) : dateOf(Number(m[4]), b, a);
};
const dayFirst: DateOfMatch = (m) => {
  const month = monthOf(m[2] as string);
  return month ? dateOf(Number(m[3]), month, Number(m[1])) : null;
};
const monthNameFirst: DateOfMatch = (m) => {
  const month = monthOf(m[1] as string);
  return month ? dateOf(Number(m[3]), month, Number(m[2])) : null;
};

/** The forms, in order of precedence when two start at the same place. */
const FORMS: ReadonlyArray<readonly [RegExp, DateOfMatch]> = [
  [CJK, yearFirst],
  [ISO_LIKE, yearFirst],
  [NUMERIC_DMY, numericDayFirst],
  [DAY_FIRST, dayFirst],
  [MONTH_FIRST, monthNameFirst],
];

/**
 * A whole text in the form "Jul 15, 2026" whose month MONTHS knows: the date it writes, or
 * null when there is no such day; undefined for any other text.
 */
export function bareMonthDayYear(text: string): CalendarDate | null | undefined {
  const simple = MONTH_DAY_YEAR.exec(text);
  if (!simple) return undefined;
  const month = MONTHS.get((simple[1] as string).toLowerCase());
  return month ? dateOf(Number(simple[3]), month, Number(simple[2])) : undefined;
}

/**
 * The first calendar date written in `text` (which may be a longer sentence), as 'YYYY-MM-DD',
 * or null. `hintLocale` only decides ambiguous numeric dates such as 03/04/2026.
 */
export function parseCalendarDate(text: string, hintLocale?: string): CalendarDate | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  // "Jul 15, 2026", the whole text: the MONTH_FIRST match at its start, which no other form
  // matches (see the tests), read without scanning for the others.
  const bare = bareMonthDayYear(s);
  if (bare !== undefined) return bare;
  if (!HAS_YEAR.test(s)) return null;
  // The date written first: each form's first date, if it starts before the best so far
  // (on a tie, the earlier form wins).
  let best: CalendarDate | null = null;
  let bestIndex = Infinity;
  // The first three forms (CJK, ISO_LIKE, NUMERIC_DMY) each need one of these characters.
  const from = NUMERIC_MARK.test(s) ? 0 : 3;
  for (let f = from; f < FORMS.length; f++) {
    const [re, read] = FORMS[f] as (typeof FORMS)[number];
    re.lastIndex = 0;
    for (let m = re.exec(s); m && m.index < bestIndex; m = re.exec(s)) {
      const date = read(m, hintLocale);
      if (date) {
        best = date;
        bestIndex = m.index;
        break;
      }
    }
  }
  return best;
}

/** Epoch milliseconds (number or numeric string) → ISO instant, within sane bounds. */
export function epochToInstant(v: unknown): Instant | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{9,14}$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return null;
  // Seconds rather than milliseconds.
  const ms = n < 1e11 ? n * 1000 : n;
  if (ms < Date.UTC(2000, 0, 1) || ms > Date.UTC(2200, 0, 1)) return null;
  return new Date(ms).toISOString();
}

/** A month word and a day, or a day and a month word ("Dec. 10", "10 déc."), anywhere in a text. */
const MONTH_DAY_ANY = new RegExp(`${WORD}\\s*${DAY}(?!\\d)|(?<!\\d)${DAY}\\.?\\s*${WORD}`, 'gu');

/**
 * The last day a delivery estimate names ("Delivery: Nov. 24 - Dec. 10"). Written without a
 * year, it is the year that puts the day nearest to `now` (an estimate may have passed, or lie
 * weeks ahead); with one, the last year the text states. Null when no day is named.
 */
export function parseEstimatedDay(text: string, now: Date): CalendarDate | null {
  const named = monthDays(text);
  const last = named[named.length - 1];
  if (!last) return null;
  const years = text.match(/(?<!\d)\d{4}(?!\d)/g);
  if (years) return dateOf(Number(years[years.length - 1]), last.month, last.day);
  const today = daysFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
  let best: CalendarDate | null = null;
  let bestDistance = Infinity;
  for (const y of [now.getFullYear() - 1, now.getFullYear(), now.getFullYear() + 1]) {
    const date = dateOf(y, last.month, last.day);
    const distance = date ? Math.abs(daysFromCivil(y, last.month, last.day) - today) : Infinity;
    if (distance < bestDistance) [best, bestDistance] = [date, distance];
  }
  return best;
}

/** A month and day written with the CJK counters: "9月1日", "9월 1일". */
const CJK_MONTH_DAY = /(?<!\d)(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/g;

/** Every month and day a text names, in order ("Nov. 24 - Dec. 10", "28 июл.", "9月1日"). */
function monthDays(text: string): { month: number; day: number }[] {
  const out: { month: number; day: number }[] = [];
  for (const m of text.matchAll(MONTH_DAY_ANY)) {
    const month = monthOf((m[1] ?? m[4]) as string);
    if (month) out.push({ month, day: Number(m[2] ?? m[3]) });
  }
  if (out.length === 0) {
    for (const m of text.matchAll(CJK_MONTH_DAY)) {
      const month = Number(m[1]);
      if (month >= 1 && month <= 12) out.push({ month, day: Number(m[2]) });
    }
  }
  return out;
}

/** A time of day, "18:39", and a 12-hour clock's half of the day after it ("10:23 PM", "10:23 p.m."). */
const TIME = /(?<!\d)(\d{1,2}):(\d{2})(?!\d)(?::\d{2})?(?:\s?([ap])\.?\s?m\.?(?![a-z]))?/i;

/**
 * When a tracking event happened, from the time the tracking page writes beside it (docs/aliexpress.md
 * "Tracking page"): a date with its year and a time ("2026-07-28 18:39"), or a month, a day and a
 * time without a year ("Tue | Jul. 28 18:39"), which is the latest such day not after `now`. The
 * page shows these times without a zone; they are read as the shopper's local time. Null without a time.
 */
export function parseEventTime(text: string, now: Date, hintLocale?: string): Instant | null {
  const time = TIME.exec(text);
  if (!time) return null;
  let hours = Number(time[1]);
  const minutes = Number(time[2]);
  const half = time[3]?.toLowerCase();
  if (half) {
    // 12:05 AM is five past midnight, 12:05 PM five past noon.
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'p' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  const stated = parseCalendarDate(text, hintLocale);
  let date: CalendarDate | null = stated;
  if (!date) {
    // "Tue | Jul. 28 18:39", "28 Jul 18:39": a month word and a day, no year.
    const named = monthDays(text)[0];
    if (!named) return null;
    const { month, day } = named;
    // The latest such day not after today (a tracking event is never in the future).
    const year = now.getFullYear();
    const thisYear = dateOf(year, month, day);
    const today = dateOf(year, now.getMonth() + 1, now.getDate());
    date = thisYear && today && thisYear > today ? dateOf(year - 1, month, day) : thisYear;
  }
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hours, minutes).toISOString();
}
