/**
 * Calendar dates ("YYYY-MM-DD") as the page states them. A stated date is due on that date
 * where the shopper is: we never turn one into a UTC instant and back.
 */
/** "YYYY-MM-DD". */
export type CalendarDate = string;

export function isValidCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1990 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}


export function calendarDate(y: number, m: number, d: number): CalendarDate | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidCalendarDate(s) ? s : null;
}

function parts(date: CalendarDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** Day number (days since 1970-01-01) of a calendar date; time-zone free. */
export function dayNumber(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(n: number): CalendarDate {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** b − a in whole days. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date of an instant where the shopper is (the runtime's time zone). */
export function localDateOf(instant: Date | number | string): CalendarDate {
  const d = new Date(instant);
  return calendarDate(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? d.toISOString().slice(0, 10);
}

/** Local midnight at the start of a calendar date, as epoch ms (respects DST). */
export function startOfLocalDay(date: CalendarDate): number {
  const [y, m, d] = parts(date);
  return new Date(y, m - 1, d, 0, 0, 0, 0).getTime();
}

/** A local wall-clock time on a calendar date, as epoch ms. */
export function localTimeOn(date: CalendarDate, hour: number, minute = 0): number {
  const [y, m, d] = parts(date);
  return new Date(y, m - 1, d, hour, minute, 0, 0).getTime();
}
