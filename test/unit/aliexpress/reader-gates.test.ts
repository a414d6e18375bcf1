/**
 * The reader skips work with quick tests that must never skip a text it would read something
 * from: the cleaning fast path, the ASCII normalisation fast path, the day-count pre-test and
 * the date parser's year test. Each is checked here against the full path it stands for.
 */
import { describe, expect, test } from 'vitest';
import { HAS_YEAR, parseCalendarDate } from '../../../src/aliexpress/dates';
import { DAY_COUNT, MAY_COUNT_DAYS } from '../../../src/aliexpress/phrases';
import { deadlinesFromText, segments } from '../../../src/aliexpress/read/common';
import { cleanText, collectStrings, forEachString, normalizeForMatch } from '../../../src/aliexpress/text';

/** One word for every alternative of DAY_COUNT: keep in step with it (and MAY_COUNT_DAYS). */
const DAY_WORDS = [
  'days', 'day', 'd', 'dias', 'dia', 'días', 'jours', 'jour', 'j', 'dagen', 'dag', 'tag', 'tage', 'tagen',
  'giorni', 'giorno', 'dni', 'dzień', 'дня', 'дней', 'дні', 'день', 'ימים', 'יום', '日', '일', 'gün',
];

/** The ways a page may write a day word that normalisation turns into one DAY_COUNT reads. */
function spellings(word: string): string[] {
  const first = word[0] as string;
  const accented = first.normalize('NFD') === first ? `${first}\u0301${word.slice(1)}` : word;
  return [word, word.toUpperCase(), first.toUpperCase() + word.slice(1), accented, accented.normalize('NFC'), word.replace(/i/g, 'í')];
}

describe('quick tests stand for the full path', () => {
  test('every day count DAY_COUNT reads after normalisation, MAY_COUNT_DAYS sees in the cleaned text', () => {
    let counted = 0;
    for (const word of DAY_WORDS) {
      for (const spelled of spellings(word)) {
        for (const gap of ['', ' ', '-', ' - ', '- ']) {
          for (const after of ['', ' ', '.', ' after delivery', ')']) {
            const text = cleanText(`within 7${gap}${spelled}${after}`);
            const read = segments(text).some((seg) => DAY_COUNT.test(normalizeForMatch(seg)));
            if (read) counted++;
            if (read) expect(MAY_COUNT_DAYS.test(text), text).toBe(true);
          }
        }
      }
    }
    // Most spellings are day counts: the test really checks something.
    expect(counted).toBeGreaterThan(DAY_WORDS.length * 20);
  });

  test('the pre-test turns away counts of other things', () => {
    for (const text of ['up to 5 times per month', 'R$5 coupon if delayed', 'Neo XENON 2.1 de Gama', '8K@60Hz 4K@120Hz']) {
      expect(MAY_COUNT_DAYS.test(text), text).toBe(false);
    }
  });

  test('day counts in any spelling still give deadlines', () => {
    const now = new Date('2026-09-07T10:00:00Z');
    const bases = { placedOn: '2026-07-15' };
    for (const text of ['You can open a dispute within 90 DAYS after order was placed', 'Abra uma disputa em até 90 DIAS após a realização do pedido', 'Öffnen Sie einen Streitfall innerhalb von 90 Tagen nach Aufgabe der Bestellung']) {
      expect(deadlinesFromText(text, bases, now).map((d) => d.kind), text).toEqual(['dispute-window']);
    }
  });

  test('markup is looked into only for digits outside its tags', () => {
    const now = new Date('2026-09-07T10:00:00Z');
    const refund = (text: string) => deadlinesFromText(text, {}, now).map((d) => d.due);
    expect(refund('<span style="color:#009966">Refund if no delivery before Sep 4, 2026</span>')).toEqual(['2026-09-04']);
    expect(refund('Refund if no delivery before Sep 4, 20<b></b>26')).toEqual(['2026-09-04']);
    expect(refund('Refund if no delivery before Sep 4, &#50;026 <b style="x:1">!</b>')).toEqual(['2026-09-04']);
    expect(refund('<font color="#202026">Refund if no delivery</font>')).toEqual([]);
  });

  test('tags spelled by entities or left by removing others are removed too', () => {
    expect(cleanText('<<b>i>x')).toBe('x');
    expect(cleanText('&lt;b&gt;x')).toBe('x');
    expect(cleanText('a <<b>b>c')).toBe('a c');
    expect(cleanText('<!-- 1 -->a<br>b<script>2</script>')).toBe('a b');
  });

  test('every date parseCalendarDate reads has a four-digit year', () => {
    for (const text of ['Sep 1, 2026', '1 сентября 2026 г.', '2026年9月1日', '2026-09-01', '01/09/2026', '1. September 2026', '1 בספטמבר 2026']) {
      expect(parseCalendarDate(text), text).not.toBeNull();
      expect(HAS_YEAR.test(text), text).toBe(true);
    }
  });

  test('clean text comes back as it is; anything else is cleaned', () => {
    for (const s of ['Completed', 'Jul 15, 2026', 'a b c', 'Ünïcödé ok']) expect(cleanText(s)).toBe(s);
    expect(cleanText(' a')).toBe('a');
    expect(cleanText('a  b')).toBe('a b');
    expect(cleanText('a\tb')).toBe('a b');
    expect(cleanText('a\u00a0b')).toBe('a b');
    expect(cleanText('a\u200bb')).toBe('ab');
    expect(cleanText('<b>a</b>')).toBe('a');
    expect(cleanText('a &amp; b')).toBe('a & b');
    expect(cleanText('x'.repeat(30), 10)).toBe('x'.repeat(10));
    expect(cleanText('abc def', 4)).toBe('abc');
  });

  test('tidy ASCII is only lower-cased; anything else is normalised', () => {
    expect(normalizeForMatch('Awaiting Delivery')).toBe('awaiting delivery');
    expect(normalizeForMatch(' Awaiting  Delivery ')).toBe('awaiting delivery');
    expect(normalizeForMatch('don`t')).toBe("don't");
    expect(normalizeForMatch('Rückerstattung')).toBe('ruckerstattung');
  });

  test('forEachString walks in document order, within its limits', () => {
    const root = { a: 'x', b: ['y', { c: 'z', skip: 'no' }], d: 1, e: 'w' };
    const seen: string[] = [];
    forEachString(root, { skipKeys: new Set(['skip']) }, (value, key) => seen.push(`${key}=${value}`));
    expect(seen).toEqual(['a=x', 'b=y', 'c=z', 'e=w']);
    expect(collectStrings(root, { maxCount: 2 })).toEqual([{ key: 'a', value: 'x' }, { key: 'b', value: 'y' }]);
    expect(collectStrings(root, { maxDepth: 1 }).map((s) => s.value)).toEqual(['x', 'w']);
    const long = Array.from({ length: 2500 }, (_, i) => String(i));
    expect(collectStrings(long)[0]).toEqual({ key: '', value: '500' });
    const cyclic: Record<string, unknown> = { s: 'x' };
    cyclic['self'] = cyclic;
    expect(collectStrings(cyclic).length).toBeGreaterThan(1);
  });
});
