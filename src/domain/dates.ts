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

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), in integer arithmetic. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1–12, day] of a day number. */
export function civilFromDays(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * Day number (days since 1970-01-01) of a calendar date; time-zone free. Integer arithmetic,
 * no Date objects: the engine calls it for every deadline of every order.
 */
export function dayNumber(date: CalendarDate): number {
  return daysFromCivil(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
}

export function fromDayNumber(n: number): CalendarDate {
  const [y, m, d] = civilFromDays(n);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The calendar date of an instant where the shopper is (the runtime's time zone). */
export function localDateOf(instant: Date | number | string): CalendarDate {
  const d = new Date(instant);
  return calendarDate(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? d.toISOString().slice(0, 10);
}

/** A local wall-clock time on a calendar date, as epoch ms. */
export function localTimeOn(date: CalendarDate, hour: number, minute = 0): number {
  const [y, m, d] = parts(date);
  return new Date(y, m - 1, d, hour, minute, 0, 0).getTime();
}
