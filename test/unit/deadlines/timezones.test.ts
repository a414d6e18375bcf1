/**
 * Calendar dates are due on that date where the shopper is. These tests hold in every time
 * zone; run them under several (no script needed, just the TZ variable):
 *   TZ=Asia/Jerusalem npx vitest run --project unit test/unit/deadlines
 *   TZ=America/Sao_Paulo … / TZ=Pacific/Auckland … / TZ=UTC …
 * Where the zone is one of those four, the exact UTC instants are checked too.
 */
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber, localDateOf, localTimeOn } from '../../../src/domain/dates';
import { dateOfDay, dayOf, localDayOf, localTimeOnDay } from '../../../src/domain/deadlines/days';
import { emptyLog, nextWakeAt, planReminders, recordRaised, snooze } from '../../../src/domain/deadlines/reminders';
import { DEFAULT_RULES as R } from '../../../src/domain/deadlines/rules';
import { computed, makeOrder, page, computeDeadlines } from './helpers';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const KNOWN = ['Asia/Jerusalem', 'America/Sao_Paulo', 'Pacific/Auckland', 'UTC'] as const;
type Known = (typeof KNOWN)[number];
const zone: Known | null = (KNOWN as readonly string[]).includes(ZONE) ? (ZONE as Known) : ZONE === 'Etc/UTC' ? 'UTC' : null;
const ID = '8200000000000001';
const HOUR = 3_600_000;

/** Exact instants per zone, from the tz database (Israel DST starts Fri 2026-03-27 02:00; NZ DST ends Sun 2026-04-05 03:00). */
const EXPECTED: Record<Known, { jerusalemDay: string; aucklandDay: string; dayBeforeJerusalem: string; gapHours: number; lateDelivered: boolean }> = {
  'Asia/Jerusalem': { jerusalemDay: '2026-03-27T06:00:00.000Z', aucklandDay: '2026-04-05T06:00:00.000Z', dayBeforeJerusalem: '2026-03-26T07:00:00.000Z', gapHours: 23, lateDelivered: true },
  'America/Sao_Paulo': { jerusalemDay: '2026-03-27T12:00:00.000Z', aucklandDay: '2026-04-05T12:00:00.000Z', dayBeforeJerusalem: '2026-03-26T12:00:00.000Z', gapHours: 24, lateDelivered: false },
  'Pacific/Auckland': { jerusalemDay: '2026-03-26T20:00:00.000Z', aucklandDay: '2026-04-04T21:00:00.000Z', dayBeforeJerusalem: '2026-03-25T20:00:00.000Z', gapHours: 24, lateDelivered: true },
  UTC: { jerusalemDay: '2026-03-27T09:00:00.000Z', aucklandDay: '2026-04-05T09:00:00.000Z', dayBeforeJerusalem: '2026-03-26T09:00:00.000Z', gapHours: 24, lateDelivered: false },
};

describe(`time zone ${ZONE}`, () => {
  it('runs in the zone the TZ variable names', () => {
    const tz = process.env.TZ;
    if (tz) expect(ZONE === tz || (tz === 'UTC' && ZONE === 'Etc/UTC')).toBe(true);
  });

  it('day numbers agree with src/domain/dates.ts across DST days and leap years', () => {
    for (const d of ['1990-01-01', '2024-02-29', '2026-03-27', '2026-03-29', '2026-04-05', '2026-10-25', '2100-03-01', '2200-12-31']) {
      expect(dayOf(d)).toBe(dayNumber(d));
      expect(dateOfDay(dayOf(d))).toBe(d);
      expect(fromDayNumber(dayOf(d) + 1)).toBe(addDays(d, 1));
    }
    for (let n = dayOf('2026-01-01'); n < dayOf('2027-01-01'); n++) {
      expect(localTimeOnDay(n, 9)).toBe(localTimeOn(dateOfDay(n), 9));
      expect(localDayOf(localTimeOnDay(n, 0, 30))).toBe(n);
      expect(localDayOf(localTimeOnDay(n, 23, 59))).toBe(n);
    }
  });

  for (const [label, date] of [
    ['Jerusalem DST start', '2026-03-27'],
    ['Auckland DST end', '2026-04-05'],
  ] as const) {
    it(`${label} (${date}): due that whole local day, reminder at 09:00 local`, () => {
      const order = makeOrder({ orderId: ID, deadlines: [page('no-delivery-refund', date)] });
      for (const [h, m] of [[0, 30], [9, 0], [23, 59]] as const) {
        const today = localDateOf(localTimeOn(date, h, m));
        expect(today).toBe(date);
        expect(computeDeadlines(order, R, today)[0]).toMatchObject({ daysLeft: 0, urgency: 'today' });
      }
      expect(computeDeadlines(order, R, localDateOf(localTimeOn(date, 0, 30) - HOUR))[0]).toMatchObject({ daysLeft: 1 });

      const list = [{ orderId: ID, firstSeenAt: 0, deadlines: [computed('no-delivery-refund', date)] }];
      const lead1 = recordRaised(emptyLog(), planReminders(list, emptyLog(), R, localTimeOn(addDays(date, -1), 9)).due.reminders);
      const wake = nextWakeAt(list, lead1, R, localTimeOn(addDays(date, -1), 9, 1))!;
      expect(localDateOf(wake)).toBe(date);
      expect([new Date(wake).getHours(), new Date(wake).getMinutes()]).toEqual([9, 0]);
      if (zone) expect(new Date(wake).toISOString()).toBe(date === '2026-03-27' ? EXPECTED[zone].jerusalemDay : EXPECTED[zone].aucklandDay);
      const due = planReminders(list, lead1, R, wake).due;
      expect(due.reminders.map((r) => [r.lead, r.daysLeft, r.missed])).toEqual([[0, 0, false]]);
    });
  }

  it('the day before a DST change is 23 h long where the clocks move', () => {
    const list = [{ orderId: ID, firstSeenAt: 0, deadlines: [computed('no-delivery-refund', '2026-03-28')] }];
    const w1 = nextWakeAt(list, emptyLog(), R, localTimeOn('2026-03-20', 12))!;
    expect(localDateOf(w1)).toBe('2026-03-21');
    const log = recordRaised(emptyLog(), planReminders(list, emptyLog(), R, localTimeOn('2026-03-26', 9)).due.reminders);
    const a = localTimeOn('2026-03-26', 9);
    const b = nextWakeAt(list, log, R, a + 1)!;
    expect(localDateOf(b)).toBe('2026-03-27');
    if (zone) {
      expect(new Date(a).toISOString()).toBe(EXPECTED[zone].dayBeforeJerusalem);
      expect((b - a) / HOUR).toBe(EXPECTED[zone].gapHours);
    }
  });

  it('a delivery instant counts on the local date: 2026-03-26 22:30 UTC is the 27th in Jerusalem and Auckland', () => {
    const order = makeOrder({
      deliveredAt: '2026-03-26T22:30:00.000Z',
      deadlines: [page('late-delivery-coupon', '2026-03-26')],
    });
    const d = computeDeadlines(order, R, '2026-03-28')[0]!;
    const late = localDateOf('2026-03-26T22:30:00.000Z') > '2026-03-26';
    expect(d.applies).toBe(late);
    expect(d.action).toBe(late ? 'collect_coupon' : 'no_action');
    if (zone) expect(late).toBe(EXPECTED[zone].lateDelivered);
  });

  it('snooze across the Auckland DST end lands on the same local time the next day', () => {
    const log = snooze(emptyLog(), { orderId: ID, kind: 'pickup', due: '2026-04-06' }, localTimeOn('2026-04-04', 20));
    const until = log.snoozes[`${ID}|pickup`]!.until;
    expect(localDateOf(until)).toBe('2026-04-05');
    expect(new Date(until).getHours()).toBe(20);
    if (zone === 'Pacific/Auckland') expect(until - localTimeOn('2026-04-04', 20)).toBe(25 * HOUR);
    if (zone === 'UTC') expect(until - localTimeOn('2026-04-04', 20)).toBe(24 * HOUR);
  });

  it('quiet hours wrapping midnight on a DST night end at the local end time', () => {
    const rules = { ...R, quietHours: { start: '22:00', end: '07:00' } };
    const list = [{ orderId: ID, firstSeenAt: localTimeOn('2026-03-26', 23), deadlines: [computed('no-delivery-refund', '2026-03-28')] }];
    const wake = nextWakeAt(list, emptyLog(), rules, localTimeOn('2026-03-26', 23))!;
    expect(localDateOf(wake)).toBe('2026-03-27');
    expect(new Date(wake).getHours()).toBe(7);
  });
});
