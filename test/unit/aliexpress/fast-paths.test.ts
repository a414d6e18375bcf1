/**
 * The reader's fast paths that remain, against the full paths they stand for: the date
 * parser's "Mon D, YYYY" form and its calendar check, split prices, URLs; and two facts the
 * deadline scan relies on (a bare month date states none; the day-count pre-test sees every
 * day word, accented anywhere).
 */
import { describe, expect, test } from 'vitest';
import { isValidCalendarDate } from '../../../src/domain/dates';
import { moneyFromParts } from '../../../src/domain/money';
import { bareMonthDayYear, parseCalendarDate } from '../../../src/aliexpress/dates';
import { parseFormatPriceInfo } from '../../../src/aliexpress/money';
import { DAY_COUNT, MAY_COUNT_DAYS, MONTH_NAMES } from '../../../src/aliexpress/phrases';
import { deadlinesFromText, segments, type DeadlineBases } from '../../../src/aliexpress/read/common';
import { absoluteUrl, cleanText, normalizeForMatch } from '../../../src/aliexpress/text';
import fc from 'fast-check';


const NOW = new Date('2026-09-07T10:00:00Z');
const BASES: DeadlineBases = { placedOn: '2026-07-15', completedOn: '2026-08-01', deliveredOn: '2026-08-20' };

describe('deadlines: what the scan relies on', () => {
  test('a bare month date ("Jul 15, 2026", an order date) states no deadline, whatever the month', () => {
    // deadlinesFromText turns such texts away: no phrase matches any month name.
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
            expect(deadlinesFromText(text, BASES, NOW), text).toEqual([]);
          }
        }
      }
    }
    expect(bare).toBe(names.size * 3 * 7 * 5);
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

// ------------------------------------------------------------------ money and URLs

test('split prices: the digits read as moneyFromParts reads them; currency codes as /^[A-Z]{3}$/', () => {
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
  fc.assert(
    fc.property(digits(1, 7), digits(0, 3), fc.constantFrom('BRL', 'USD', 'JPY', 'KWD', 'KRW', 'EUR'), (intPart, frac, cur) => {
      expect(parseFormatPriceInfo(`R$x|${intPart}|${frac}`, cur)).toEqual(moneyFromParts(intPart, frac, cur));
      expect(parseFormatPriceInfo(`R$x|${intPart}`, cur)).toEqual(moneyFromParts(intPart, '', cur));
    }),
    { numRuns: 3000 },
  );
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
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 6 }), (pieces) => {
      const s = pieces.join('');
      expect(absoluteUrl(s), s).toBe(old(s));
    }),
    { numRuns: 5000 },
  );
  for (const n of [1990, 1992, 1993, 1994, 1995, 2000]) {
    for (const prefix of ['//', 'https://']) {
      const s = prefix + 'a'.repeat(n);
      expect(absoluteUrl(s)).toBe(old(s));
    }
  }
});
