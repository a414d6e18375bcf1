import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { durationOf, escapeText, foldLine, toICS, type IcsEvent } from '../../../src/domain/ics';

const NOW = new Date('2026-09-10T06:07:08.123Z');
const HEBREW = 'החזר כספי אם החבילה לא נמסרה — הזמנה 8123456789012345 ב-AliExpress, פתחו מחלוקת "לא התקבל" בין 2026-09-15 ל-2026-09-17';
const LONG = `Refund if no delivery before Sep 20, 2026; open a "not received" dispute, not on the last day. ${'x'.repeat(120)} 🎁 done`;

const events: IcsEvent[] = [
  {
    uid: '8123456789012345-no-delivery-refund-2026-09-20@buyer-shield',
    date: '2026-09-20',
    summary: 'Refund if not delivered: AliExpress order 8123456789012345',
    description: LONG,
    url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8123456789012345',
    alarmDaysBefore: 3,
  },
  {
    uid: 'he,1;x@buyer-shield',
    date: '2026-03-27',
    summary: HEBREW,
    description: 'שורה ראשונה\nשורה שנייה, עם פסיק; ונקודה-פסיק \\ ולוכסן',
    alarmDaysBefore: 1,
    alarmHour: 9,
  },
  { uid: 'same-day@buyer-shield', date: '2026-12-31', summary: 'Return window', description: '', alarmDaysBefore: 0 },
];

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent') };
}

describe('toICS', () => {
  const text = toICS(events, NOW);

  it('is CRLF throughout, each line at most 75 octets of UTF-8, with the calendar header', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Buyer Shield//Deadlines 1.0//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines).toContain('DTSTAMP:20260910T060708Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260920');
    expect(lines).toContain('DTEND;VALUE=DATE:20260921');
    expect(lines).toContain('TRIGGER:-P3D');
    expect(lines).toContain('TRIGGER:-PT15H');
    expect(lines).toContain('TRIGGER:PT0S');
    expect(lines.filter((l) => l === 'ACTION:DISPLAY')).toHaveLength(3);
  });

  it('parses back with ical.js: uids, all-day dates, summaries, descriptions and urls survive', () => {
    const parsed = parse(text).events.map((c) => new ICAL.Event(c));
    expect(parsed.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(parsed.map((e) => [e.startDate.toString(), e.startDate.isDate, e.endDate.toString()])).toEqual([
      ['2026-09-20', true, '2026-09-21'],
      ['2026-03-27', true, '2026-03-28'],
      ['2026-12-31', true, '2027-01-01'],
    ]);
    expect(parsed.map((e) => e.summary)).toEqual(events.map((e) => e.summary));
    expect(parsed.map((e) => e.description)).toEqual([LONG, events[1]!.description, '']);
    expect(parse(text).events[0]!.getFirstPropertyValue('url')).toBe(events[0]!.url);
    expect(parse(text).events[0]!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-09-10T06:07:08Z');
  });

  it('each event has a display alarm N days before (or at an hour of that day)', () => {
    const alarms = parse(text).events.map((c) => c.getFirstSubcomponent('valarm')!);
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY', 'DISPLAY']);
    expect(alarms.map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([
      -3 * 86400,
      -86400 + 9 * 3600,
      0,
    ]);
    expect(alarms[1]!.getFirstPropertyValue('description')).toBe(HEBREW);
  });

  it('an empty list is still a valid calendar', () => {
    expect(toICS([], NOW)).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Buyer Shield//Deadlines 1.0//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
    );
    expect(parse(toICS([], NOW)).events).toEqual([]);
  });
});

describe('ics pieces', () => {
  it('escapes backslash, semicolon, comma and newlines; drops other control characters', () => {
    expect(escapeText('a,b;c\\d\r\ne\nf\rg\u0007h')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng' + 'h');
  });
  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const folded = foldLine(`SUMMARY:${'א'.repeat(100)}`);
    const parts = folded.split('\r\n');
    expect(parts.map((p) => Buffer.byteLength(p, 'utf8'))).toEqual([74, 75, 61]);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts[0] + parts.slice(1).map((p) => p.slice(1)).join('')).toBe(`SUMMARY:${'א'.repeat(100)}`);
    const emoji = foldLine(`X:${'😀'.repeat(40)}`).split('\r\n');
    expect(emoji.map((p) => Buffer.byteLength(p, 'utf8'))).toEqual([74, 73, 17]);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });
  it('writes RFC 5545 durations', () => {
    expect([durationOf(0), durationOf(-3 * 1440), durationOf(-3 * 1440 + 540), durationOf(540), durationOf(-90)]).toEqual([
      'PT0S',
      '-P3D',
      '-P2DT15H',
      'PT9H',
      '-PT1H30M',
    ]);
  });
});
