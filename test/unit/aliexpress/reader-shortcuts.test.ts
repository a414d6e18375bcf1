/**
 * The reader's shortcuts against the full paths they stand for (as reader-gates.test.ts):
 * the raw-text deadline test (mayHoldDeadline), the one-segment and phrase pre-tests, the
 * tighter day-count pre-test, the date parser's fast paths, the walk, money and URLs. Each
 * full path is written out here as it was before the shortcut, and both must agree on seeded
 * random texts built from the pieces real pages use, and on every string of the captures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isValidCalendarDate, addDays, localDateOf } from '../../../src/domain/dates';
import { moneyFromParts } from '../../../src/domain/money';
import type { CalendarDate, Deadline } from '../../../src/domain/order';
import { bareMonthDayYear, HAS_YEAR, parseCalendarDate } from '../../../src/aliexpress/dates';
import { parseFormatPriceInfo } from '../../../src/aliexpress/money';
import { DAY_COUNT, DEADLINE_PHRASES, MAY_COUNT_DAYS, MONTH_NAMES } from '../../../src/aliexpress/phrases';
import { deadlinesFromText, mayHoldDeadline, RAW_MAY_HOLD_SOURCE, rawMayHoldOutsideTags, segments, type DeadlineBases } from '../../../src/aliexpress/read/common';
import { absoluteUrl, cleanText, collectStrings, normalizeForMatch, TAG } from '../../../src/aliexpress/text';
import { mulberry32 } from '../../seeded';

const rnd = mulberry32(20260907);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)] as T;

// ------------------------------------------------------------------ the full deadline path

/** MAY_COUNT_DAYS as it was before (looser: any "ta", "gi", "gu"). */
const OLD_MAY_COUNT_DAYS = /\d\s?(?:-\s?)?(?:[dDjJ](?![a-zA-Z])|[dD][aAiInNzZ]|[jJ][oO]|[tT][aA]|[gG][iIuU]|[tTgG]?[\u0080-\uffff])/;
const OLD_MAY_HOLD_DEADLINE = new RegExp(`${HAS_YEAR.source}|${OLD_MAY_COUNT_DAYS.source}`);
const MAY_HOLD_DEADLINE = new RegExp(`${HAS_YEAR.source}|${MAY_COUNT_DAYS.source}`);
const TEXT_WITH_DIGITS = /^(?!(?:https?:)?\/\/)(?=[^]*?\p{L}{2})(?=[^]*?\d)/u;

/** The gate before the raw-text test: what the full path cleaned and looked into. */
function oldGate(text: string, may = OLD_MAY_HOLD_DEADLINE): boolean {
  if (!TEXT_WITH_DIGITS.test(text)) return false;
  if (text.includes('<') && !text.includes('&') && !/\d/.test(text.replace(TAG, ''))) return false;
  return may.test(cleanText(text, 4000));
}

/** deadlinesFromText as it was: that gate, then every segment, every phrase. */
function fullDeadlines(text: string, bases: DeadlineBases, now: Date, locale?: string): Deadline[] {
  const out: Deadline[] = [];
  if (!oldGate(text)) return out;
  for (const seg of segments(cleanText(text, 4000))) {
    if (!/\d/.test(seg)) continue;
    const norm = normalizeForMatch(seg);
    const dated = HAS_YEAR.test(seg);
    const count = DAY_COUNT.exec(norm);
    if (!dated && !count) continue;
    const days = count ? Number(count[1]) : NaN;
    for (const phrase of DEADLINE_PHRASES) {
      if (!(phrase.base ? count : dated) || !phrase.all.every((re) => re.test(norm))) continue;
      let due: CalendarDate | null = null;
      if (!phrase.base) {
        due = parseCalendarDate(seg, locale);
      } else {
        if (!Number.isInteger(days) || days <= 0 || days > 400) continue;
        const base = phrase.base === 'now' ? localDateOf(now) : (bases[phrase.base] ?? null);
        if (base) due = addDays(base, days);
      }
      if (due) {
        out.push({ kind: phrase.kind, due, source: 'page', text: seg.slice(0, 2000) });
        break;
      }
    }
  }
  return out;
}

/** Pieces of page text: dates, counts and day words in many spellings, phrases, markup, entities, invisible characters. */
const PIECES = [
  'Refund if no delivery before ', 'Reembolso se não houver entrega até ', 'Remboursement si pas de livraison avant ',
  'Sep 4, 2026', 'Feb 30, 2026', '4 de setembro de 2026', '4 sept. 2026', '2026年9月4日', '04.09.2026', '2026-09-04', '9/4/2026',
  ' within ', 'em até ', '7', '15', '90', '2026', '5', ' ', '  ', '-', ' - ', '.', '. ', '!', '|', '·', '\n', ',',
  ' days', ' DAYS', 'days', ' dias', ' días', ' Tage', ' tág', ' ta\u0301g', ' TAGEN', ' giorni', ' gıorni', ' gün', ' gun',
  ' jours', ' j ', ' d ', 'd', 'j', ' dni', ' dzień', ' дней', ' ימים', '日', '일', ' Tango', ' times', ' Gama', ' tab', ' giu',
  ' after order was placed', ' após a realização do pedido', ' open a dispute', ' abra uma disputa', ' of confirming receipt',
  ' after delivery', ' Free returns', ' coupon if delayed', ' automatically confirmed', ' auto-confirm', ' Completed',
  '<b>', '</b>', '<br>', '<span style="color:#009966">', '</span>', '<font color="#202026">', '</font>', '<!-- 2026 -->',
  '<script>2026</script>', '<a href="x?d=2026">', '< 5 days', '<<b>i>', '<', '>', '&#50;', '&amp;', '&nbsp;', '&lt;b&gt;',
  '\u200b', '\u00a0', '\u202f', '\u0000', '\ufeff', '\u2028', 'é', '\u0301', 'https://', '//', 'R$5', '#', '12345678', 'Ab', 'x',
];

function randomText(): string {
  let s = '';
  for (let i = 1 + int(10); i > 0; i--) s += pick(PIECES);
  return s;
}

/** Every string of the captures, and every line of the saved pages. */
function captureTexts(): string[] {
  const dir = join(__dirname, '../../fixtures/aliexpress');
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    for (const { value } of collectStrings(JSON.parse(readFileSync(join(dir, f), 'utf8')), { maxCount: 100_000 })) out.push(value);
  }
  for (const f of readdirSync(join(dir, 'pages')).filter((x) => x.endsWith('.html'))) {
    out.push(...readFileSync(join(dir, 'pages', f), 'utf8').split('\n'));
  }
  return out;
}

const NOW = new Date('2026-09-07T10:00:00Z');
const BASES: DeadlineBases = { placedOn: '2026-07-15', completedOn: '2026-08-01', deliveredOn: '2026-08-20' };

describe('deadlines: the shortcuts read what the full path reads', () => {
  const texts = [...captureTexts(), ...Array.from({ length: 30_000 }, randomText)];

  test('the same deadlines from every text', () => {
    let found = 0;
    for (const t of texts) {
      const full = fullDeadlines(t, BASES, NOW);
      found += full.length;
      expect(deadlinesFromText(t, BASES, NOW), JSON.stringify(t)).toEqual(full);
    }
    // Plenty of texts state deadlines: the comparison really compares something.
    expect(found).toBeGreaterThan(1000);
  });

  test('a bare month date ("Jul 15, 2026", an order date) states no deadline, whatever the month', () => {
    // addDeadlinesFromHeldText turns such texts away: no phrase matches any month name.
    const names = new Set<string>();
    for (const [, spellings] of MONTH_NAMES) {
      for (const n of spellings) {
        const key = normalizeForMatch(n).replace(/[.'\u05f3]/g, '');
        if (/^[a-z]{2,15}$/.test(key)) names.add(key);
      }
    }
    let bare = 0;
    for (const name of names) {
      for (const word of [name, name.toUpperCase(), (name[0] as string).toUpperCase() + name.slice(1)]) {
        for (const day of ['0', '1', '9', '10', '29', '31', '99']) {
          for (const year of ['0000', '1989', '2026', '2200', '9999']) {
            const text = `${word} ${day}, ${year}`;
            if (bareMonthDayYear(text) !== undefined) bare++;
            expect(fullDeadlines(text, BASES, NOW), text).toEqual([]);
            expect(deadlinesFromText(text, BASES, NOW), text).toEqual([]);
          }
        }
      }
    }
    expect(bare).toBe(names.size * 3 * 7 * 5);
  });

  test('mayHoldDeadline turns away no text the cleaned-text test takes', () => {
    let taken = 0;
    for (const t of texts) {
      if (!oldGate(t, MAY_HOLD_DEADLINE)) continue;
      taken++;
      expect(mayHoldDeadline(t), JSON.stringify(t)).toBe(true);
    }
    expect(taken).toBeGreaterThan(5000);
  });

  test('the raw test outside tags finds what its one regex found', () => {
    // The regex it stands for: from the start, over whole tags or one character that opens none, lazily, to a match.
    const OUTSIDE_TAGS = new RegExp(`^(?:<\\/?[a-zA-Z][^>]*(?:>|$)|(?!<\\/?[a-zA-Z])[^])*?(?:${RAW_MAY_HOLD_SOURCE})`, 'u');
    const markup = ['<b>', '</b>', '<', '>', '</', '<1', '< b', '<a href="7 days">', '<x title="&amp;">', '<i', '</i', '7', '2026', '&', 'd', ' days', 'x', ' ', '\u{1d400}', 'é', '\n'];
    let taken = 0;
    const more = Array.from({ length: 20_000 }, () => {
      let t = '';
      for (let i = int(12); i > 0; i--) t += pick(markup);
      return t;
    });
    for (const t of [...texts, ...more]) {
      const expected = OUTSIDE_TAGS.test(t);
      if (expected) taken++;
      expect(rawMayHoldOutsideTags(t), JSON.stringify(t)).toBe(expected);
    }
    expect(taken).toBeGreaterThan(5000);
  });

  test('the raw-text test turns away digits that are only in tags, ids and URLs', () => {
    for (const t of ['R$87,82|87|82', '14:193;380:200004754', '7日 7일', '<font color="#009966">Free returns</font>', '<span style="color:#009966">R$5 coupon if delayed</span>', '8212313961591322', 'https://www.aliexpress.com/item/1005745176332016.html', '//www.aliexpress.com/store/1105843321', 'up to 5 times per month', 'PS5 Tango']) {
      expect(mayHoldDeadline(t), t).toBe(false);
    }
    for (const t of ['Sep 4, 2026', 'within 7 days', 'через 7 дней', '7日以内', '\u{1d400}\u{1d401} 2026', 'Ab 7\u00a0dias', '<b>Sep 4, 2026</b>', '20<b></b>26 ab', '7<b>days</b>', '&#50;026 ab', 'ab 7\u200bdays', '7 ta\u0301ge']) {
      expect(mayHoldDeadline(t), t).toBe(true);
    }
  });

  test('the tighter day-count pre-test still sees every day word, accented anywhere', () => {
    const words = ['days', 'day', 'dias', 'dia', 'dagen', 'dag', 'tag', 'tage', 'tagen', 'giorni', 'giorno', 'dni', 'dzien', 'jours', 'jour', 'gun'];
    let checked = 0;
    for (const word of words) {
      for (let i = 0; i < word.length; i++) {
        for (const mark of ['\u0301', '\u0308', '\u0302']) {
          const marked = word.slice(0, i + 1) + mark + word.slice(i + 1);
          for (const spelled of [marked, marked.normalize('NFC'), marked.toUpperCase(), marked.normalize('NFC').toUpperCase()]) {
            const text = cleanText(`within 7 ${spelled}`);
            if (!segments(text).some((seg) => DAY_COUNT.test(normalizeForMatch(seg)))) continue;
            checked++;
            expect(MAY_COUNT_DAYS.test(text), text).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(words.length * 10);
  });
});

// ------------------------------------------------------------------ dates

describe('dates: the fast paths give what the full path gives', () => {
  const ascii = MONTH_NAMES.flatMap(([, names]) => names).filter((n) => /^[a-z]+$/.test(n));
  const spell = (w: string) => [w, w.toUpperCase(), (w[0] as string).toUpperCase() + w.slice(1)];

  test('"Mon D, YYYY" as the word forms read it', () => {
    let dated = 0;
    for (const name of [...ascii, 'xyz', 'Foo', 'a']) {
      for (const w of spell(name)) {
        for (const d of [0, 1, 9, 15, 28, 29, 30, 31, 32]) {
          for (const y of [1989, 1990, 2024, 2026, 2100, 2200, 2201]) {
            const s = `${w} ${d}, ${y}`;
            const fast = parseCalendarDate(s);
            // A space first, or a "-" after, takes the full path (no form matches there).
            expect(fast, s).toBe(parseCalendarDate(` ${s}`));
            expect(fast, s).toBe(parseCalendarDate(`${s} -`));
            if (fast) dated++;
          }
        }
      }
    }
    expect(dated).toBeGreaterThan(1000);
  });

  test('real dates only, by the integer calendar (as the Date-based check)', () => {
    for (const y of [1990, 2000, 2023, 2024, 2100, 2200]) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(parseCalendarDate(iso), iso).toBe(isValidCalendarDate(iso) ? iso : null);
          expect(parseCalendarDate(`${d}/${m}/${y}`), iso).toBe(isValidCalendarDate(iso) ? iso : null);
        }
      }
    }
  });
});

// ------------------------------------------------------------------ the walk

/** forEachString's walk as it was: one call per value. */
function oldCollect(root: unknown, maxDepth: number, maxCount: number, skipKeys?: ReadonlySet<string>): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const w = { count: 0, visited: 0 };
  const walk = (v: unknown, key: string, depth: number): boolean => {
    if (w.count >= maxCount || w.visited >= maxCount * 10) return false;
    w.visited++;
    if (typeof v === 'string') {
      w.count++;
      out.push({ key, value: v });
      return true;
    }
    if (depth >= maxDepth || typeof v !== 'object' || v === null) return true;
    if (Array.isArray(v)) {
      for (let i = Math.max(0, v.length - 2000); i < v.length; i++) if (!walk(v[i], key, depth + 1)) return false;
      return true;
    }
    for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k) && !skipKeys?.has(k) && !walk((v as Record<string, unknown>)[k], k, depth + 1)) return false;
    return true;
  };
  walk(root, '', 0);
  return out;
}

function randomValue(depth: number): unknown {
  switch (int(depth > 4 ? 3 : 6)) {
    case 0: return pick(['a', 'b', '', 'skip']);
    case 1: return pick([1, null, true, undefined]);
    case 2: return 'x'.repeat(int(3));
    case 3: return Array.from({ length: int(5) }, () => randomValue(depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = int(5); i > 0; i--) o[pick(['a', 'b', 'c', 'skip', '0', '1'])] = randomValue(depth + 1);
      return o;
    }
  }
}

test('the walk visits what it visited, in the same order, within the same limits', () => {
  const skip = new Set(['skip']);
  for (let i = 0; i < 3000; i++) {
    const root = i % 10 === 0 ? 'root' : randomValue(0);
    const maxDepth = pick([0, 1, 2, 3, 24]);
    const maxCount = pick([0, 1, 2, 3, 5, 400]);
    const skipKeys = i % 2 ? skip : undefined;
    expect(collectStrings(root, { maxDepth, maxCount, skipKeys })).toEqual(oldCollect(root, maxDepth, maxCount, skipKeys));
  }
});

// ------------------------------------------------------------------ money and URLs

test('split prices: the digits read as moneyFromParts reads them; currency codes as /^[A-Z]{3}$/', () => {
  for (let i = 0; i < 3000; i++) {
    const intPart = String(1 + int(1e6)).slice(0, 1 + int(7));
    const frac = String(int(1000)).slice(0, int(4));
    const cur = pick(['BRL', 'USD', 'JPY', 'KWD', 'KRW', 'EUR']);
    expect(parseFormatPriceInfo(`R$x|${intPart}|${frac}`, cur)).toEqual(moneyFromParts(intPart, frac, cur));
    expect(parseFormatPriceInfo(`R$x|${intPart}`, cur)).toEqual(moneyFromParts(intPart, '', cur));
  }
  for (const c of ['BRL', 'brl', 'Brl', 'BR', 'BRLX', 'B1L', 'ÀBC', 'BR\n', '', 'A@[']) {
    expect(parseFormatPriceInfo('|1|00', c) !== null, c).toBe(/^[A-Z]{3}$/.test(c));
  }
});

test('absoluteUrl as it was', () => {
  const old = (v: string | undefined): string | null => {
    if (!v) return null;
    const s = v.trim();
    const u = s.startsWith('//') ? `https:${s}` : s;
    if (!/^https?:\/\/[^\s"'<>]+$/i.test(u) || u.length > 2000) return null;
    return u;
  };
  const parts = ['//', 'https:', 'http://', 'HTTP://', 'https://', 'a.com/', 'x', ' ', '"', '<', "'", 'javascript:', '/', ':'];
  for (let i = 0; i < 5000; i++) {
    let s = '';
    for (let n = int(6); n > 0; n--) s += pick(parts);
    expect(absoluteUrl(s), s).toBe(old(s));
  }
  for (const n of [1990, 1992, 1993, 1994, 1995, 2000]) {
    for (const prefix of ['//', 'https://']) {
      const s = prefix + 'a'.repeat(n);
      expect(absoluteUrl(s)).toBe(old(s));
    }
  }
});
