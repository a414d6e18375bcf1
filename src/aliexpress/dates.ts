/**
 * Calendar dates as AliExpress writes them, in every UI language it ships. Never parsed with
 * `new Date(text)` and never moved by a time zone: the result is the date the page states.
 */
import type { CalendarDate, Instant } from '../domain/order';
import { calendarDate } from '../domain/dates';
import { MONTH_NAMES } from './phrases';
import { allMatches, normalizeForMatch } from './text';

const MONTHS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [month, names] of MONTH_NAMES) {
    for (const n of names) m.set(normalizeForMatch(n).replace(/[.'\u05f3]/g, ''), month);
  }
  return m;
})();

function monthOf(word: string): number | null {
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

interface Candidate {
  index: number;
  date: CalendarDate;
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

/** Every date parseCalendarDate reads has a four-digit year: without one, there is none. */
export const HAS_YEAR = /\d{4}/;

function push(out: Candidate[], index: number, y: number, m: number, d: number): void {
  const date = calendarDate(y, m, d);
  if (date) out.push({ index, date });
}

/**
 * The first calendar date written in `text` (which may be a longer sentence), as 'YYYY-MM-DD',
 * or null. `hintLocale` only decides ambiguous numeric dates such as 03/04/2026.
 */
export function parseCalendarDate(text: string, hintLocale?: string): CalendarDate | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  if (!HAS_YEAR.test(s)) return null;
  const out: Candidate[] = [];

  for (const m of allMatches(CJK, s)) push(out, m.index, Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of allMatches(ISO_LIKE, s)) push(out, m.index, Number(m[1]), Number(m[2]), Number(m[3]));
  for (const m of allMatches(NUMERIC_DMY, s)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    const sep = m[2];
    let day = a;
    let month = b;
    if (sep !== '.' && (b > 12 || (a <= 12 && monthFirst(hintLocale)))) {
      day = b;
      month = a;
    }
    push(out, m.index, y, month, day);
  }
  for (const m of allMatches(DAY_FIRST, s)) {
    const month = monthOf(m[2] as string);
    if (month) push(out, m.index, Number(m[3]), month, Number(m[1]));
  }
  for (const m of allMatches(MONTH_FIRST, s)) {
    const month = monthOf(m[1] as string);
    if (month) push(out, m.index, Number(m[3]), month, Number(m[2]));
  }
  if (out.length === 0) return null;
  out.sort((x, y) => x.index - y.index);
  return (out[0] as Candidate).date;
}

/** Every calendar date in `text`, in order of appearance (deduplicated). */
export function findCalendarDates(text: string, hintLocale?: string): CalendarDate[] {
  const found: CalendarDate[] = [];
  let rest = text.length > 4000 ? text.slice(0, 4000) : text;
  for (let i = 0; i < 10 && rest.length > 0; i++) {
    const d = parseCalendarDate(rest, hintLocale);
    if (!d) break;
    if (!found.includes(d)) found.push(d);
    // Continue after the first digit run of the year that ended this date.
    const year = d.slice(0, 4);
    const at = rest.indexOf(year);
    if (at < 0) break;
    rest = rest.slice(at + 4);
  }
  return found;
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
