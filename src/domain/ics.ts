/**
 * An iCalendar (RFC 5545) file of all-day deadline events, each with a display alarm, so a
 * shopper can put deadlines in their own calendar. Pure; builds a string, nothing more.
 *
 * - Lines end in CRLF and are folded at 75 octets of UTF-8 (never inside a character).
 * - TEXT values escape backslash, semicolon, comma and newlines (§3.3.11).
 * - Events are all-day (`DTSTART;VALUE=DATE`, `DTEND` the next day): a calendar date is due
 *   on that date wherever the shopper is, so no time zone is written.
 * - `DTSTAMP` is `now` in UTC.
 * - The alarm fires `alarmDaysBefore` days before the start, at midnight of the floating
 *   date (`TRIGGER:-P{n}D`), or at `alarmHour` local time that day when given (e.g.
 *   `-P2DT15H` = 3 days before, at 09:00).
 */
import type { CalendarDate } from './order';
import { addDays } from './dates';

export interface IcsEvent {
  uid: string;
  date: CalendarDate;
  summary: string;
  description: string;
  url?: string;
  alarmDaysBefore: number;
  /** Hour of day (0–23) for the alarm; default midnight at the start of that day. */
  alarmHour?: number;
}

const PRODID = '-//Buyer Shield//Deadlines 1.0//EN';

/** Escape a TEXT value: `\` `;` `,` and newlines; other control characters are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** A URI value may not hold whitespace controls or be escaped; strip what would break the line. */
function cleanUri(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f]/g, '');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Fold one content line at 75 octets; continuation lines start with one space (which counts). */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > limit) {
      out += '\r\n ';
      octets = 1;
      limit = 75;
    }
    out += ch;
    octets += n;
  }
  return out;
}

function compactDate(date: CalendarDate): string {
  return date.replace(/-/g, '');
}

function utcStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** An RFC 5545 duration for a signed number of minutes: -P2DT15H, PT9H, PT0S. */
export function durationOf(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(Math.round(minutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  let time = '';
  if (hours) time += `${hours}H`;
  if (mins) time += `${mins}M`;
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

export function toICS(events: readonly IcsEvent[], now: Date): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  const stamp = utcStamp(now);
  for (const e of events) {
    const before = Math.max(0, Math.floor(e.alarmDaysBefore));
    const hour = e.alarmHour === undefined ? 0 : Math.min(23, Math.max(0, Math.floor(e.alarmHour)));
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
    );
    if (e.url) lines.push(`URL:${cleanUri(e.url)}`);
    lines.push(
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(e.summary)}`,
      `TRIGGER:${durationOf(-before * 1440 + hour * 60)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
