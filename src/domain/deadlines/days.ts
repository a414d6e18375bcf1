/**
 * Day-number helpers for the hot loops of the engine and the reminder planner, on top of the
 * integer calendar arithmetic in src/domain/dates.ts (one implementation: `dayOf` is
 * `dayNumber`, `dateOfDay` is `fromDayNumber`).
 */
import { civilFromDays, dayNumber, daysFromCivil, fromDayNumber } from '../dates';

export { civilFromDays, daysFromCivil, dayNumber as dayOf, fromDayNumber as dateOfDay };

/** Day number of the local calendar date (the runtime's time zone) of an epoch-ms instant. */
export function localDayOf(ms: number): number {
  const d = new Date(ms);
  return daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Epoch ms of a local wall-clock time on a day number (respects DST, like `localTimeOn`). */
export function localTimeOnDay(n: number, hour: number, minute = 0): number {
  const [y, m, d] = civilFromDays(n);
  return new Date(y, m - 1, d, hour, minute, 0, 0).getTime();
}
