import { describe, expect, it } from 'vitest';
import { localDateOf, localTimeOn } from '../../../src/domain/dates';
import {
  deadlineKey,
  deliverableAt,
  emptyLog,
  markDone,
  nextWakeAt,
  parseLog,
  planReminders,
  pruneLog,
  recordRaised,
  reminderMessage,
  ReminderLogSchema,
  snooze,
  type OrderDeadlines,
  type ReminderLog,
} from '../../../src/domain/deadlines/reminders';
import { DEFAULT_RULES, type Rules } from '../../../src/domain/deadlines/rules';
import { computed, makeOrder, page, computeDeadlines, dueReminders } from './helpers';

const R = DEFAULT_RULES;
const at = (date: string, h: number, m = 0) => localTimeOn(date, h, m);
const HOUR = 3_600_000;
const ID = '8100000000000001';
const ID2 = '8100000000000002';
const ref = { orderId: ID, kind: 'no-delivery-refund' as const, due: '2026-09-20' };

function entries(due = '2026-09-20', firstSeenAt: number | string = at('2026-08-01', 12), orderId = ID): OrderDeadlines[] {
  return [{ orderId, firstSeenAt, deadlines: [computed('no-delivery-refund', due)] }];
}

/** Run the worker's loop: wake, raise, record, arm the next alarm, until nothing is left. */
function simulate(list: OrderDeadlines[], rules: Rules, from: number, log: ReminderLog = emptyLog()) {
  const raised: string[] = [];
  let now: number | null = from;
  for (let i = 0; i < 50 && now !== null; i++) {
    const plan = planReminders(list, log, rules, now);
    for (const r of plan.due.reminders) raised.push(`${localDateOf(now)} ${new Date(now).getHours()}:${String(new Date(now).getMinutes()).padStart(2, '0')} ${plan.due.mode} lead ${r.lead}`);
    log = recordRaised(log, plan.due.reminders, now);
    now = plan.nextWakeAt;
  }
  return { raised, log };
}

describe('exactly once', () => {
  it('raises each lead once at 09:00 local on due − lead, and wakes for the next', () => {
    const list = entries();
    expect(nextWakeAt(list, emptyLog(), R, at('2026-09-01', 12))).toBe(at('2026-09-13', 9));
    expect(dueReminders(list, emptyLog(), R, at('2026-09-13', 8, 59)).mode).toBe('none');
    expect(simulate(list, R, at('2026-09-13', 9)).raised).toEqual([
      '2026-09-13 9:00 single lead 7',
      '2026-09-17 9:00 single lead 3',
      '2026-09-19 9:00 single lead 1',
      '2026-09-20 9:00 single lead 0',
    ]);
  });
  it('a recorded reminder does not come back; nextWakeAt counts unrecorded ones as pending now', () => {
    const list = entries();
    const now = at('2026-09-13', 9, 5);
    const due = dueReminders(list, emptyLog(), R, now);
    expect(due.mode).toBe('single');
    expect(due.reminders).toMatchObject([{ orderId: ID, kind: 'no-delivery-refund', due: '2026-09-20', lead: 7, daysLeft: 7, at: at('2026-09-13', 9), firstSeen: false, missed: false, afterSnooze: false }]);
    expect(nextWakeAt(list, emptyLog(), R, now)).toBe(now);
    const log = recordRaised(emptyLog(), due.reminders, now);
    expect(log.raised).toEqual({ [`${ID}|no-delivery-refund`]: { due: '2026-09-20', leads: [7] } });
    expect(dueReminders(list, log, R, now + HOUR).mode).toBe('none');
    expect(nextWakeAt(list, log, R, now)).toBe(at('2026-09-17', 9));
  });
  it('nothing for deadlines that are past, informational, or not applicable', () => {
    const list: OrderDeadlines[] = [
      { orderId: ID, firstSeenAt: 0, deadlines: [
        computed('no-delivery-refund', '2026-09-19'),
        computed('seller-response', '2026-09-21', { action: 'wait_for_seller', remind: false }),
      ] },
    ];
    const now = at('2026-09-20', 9);
    expect(dueReminders(list, emptyLog(), R, now).mode).toBe('none');
    expect(nextWakeAt(list, emptyLog(), R, now)).toBeNull();
  });
  it('a deadline with leads of its own (an estimated pickup: on the day) is reminded on those only; with no lead days nothing is planned', () => {
    const list: OrderDeadlines[] = [{ orderId: ID, firstSeenAt: 0, deadlines: [computed('pickup', '2026-09-10', { source: 'estimate', action: 'pick_up_parcel', leads: [0] })] }];
    expect(simulate(list, R, at('2026-09-01', 0)).raised).toEqual(['2026-09-10 9:00 single lead 0']);
    expect(nextWakeAt(entries(), emptyLog(), { ...R, leadDays: [] }, at('2026-09-01', 0))).toBeNull();
  });
  it('works from orders straight through the engine', () => {
    const order = makeOrder({ orderId: ID, deadlines: [page('no-delivery-refund', '2026-09-20')], firstSeenAt: '2026-08-02T10:00:00.000Z' });
    const list = [{ orderId: order.orderId, firstSeenAt: order.firstSeenAt, deadlines: computeDeadlines(order, R, '2026-09-17') }];
    expect(dueReminders(list, emptyLog(), R, at('2026-09-17', 10)).reminders.map((r) => [r.lead, r.daysLeft])).toEqual([[3, 3]]);
  });
});

describe('first seen inside a window', () => {
  it('raises ONE reminder (the most urgent passed lead) at once, not a burst', () => {
    const seen = at('2026-09-18', 15);
    const list = entries('2026-09-20', seen);
    const due = dueReminders(list, emptyLog(), R, seen);
    expect(due.mode).toBe('single');
    expect(due.reminders).toMatchObject([{ lead: 3, firstSeen: true, at: seen, missed: false, daysLeft: 2 }]);
    expect(simulate(list, R, seen).raised).toEqual([
      '2026-09-18 15:00 single lead 3',
      '2026-09-19 9:00 single lead 1',
      '2026-09-20 9:00 single lead 0',
    ]);
  });
  it('an ISO firstSeenAt works too, and nothing is raised before the order was seen', () => {
    const seenIso = new Date(at('2026-09-18', 15)).toISOString();
    expect(dueReminders(entries('2026-09-20', seenIso), emptyLog(), R, at('2026-09-18', 14)).mode).toBe('none');
    expect(nextWakeAt(entries('2026-09-20', seenIso), emptyLog(), R, at('2026-09-18', 14))).toBe(at('2026-09-18', 15));
  });
});

describe('missed while the browser was closed', () => {
  it('several leads passed: one reminder for the latest; more than 12 h late → a summary', () => {
    let log = recordRaised(emptyLog(), dueReminders(entries(), emptyLog(), R, at('2026-09-13', 9)).reminders);
    const within = dueReminders(entries(), log, R, at('2026-09-19', 20));
    expect([within.mode, within.reminders.map((r) => [r.lead, r.missed])]).toEqual(['single', [[1, false]]]);
    const late = dueReminders(entries(), log, R, at('2026-09-19', 22));
    expect([late.mode, late.reminders.map((r) => [r.lead, r.missed])]).toEqual(['summary', [[1, true]]]);
    log = recordRaised(log, late.reminders, at('2026-09-19', 22));
    expect(log.raised[deadlineKey(ref)]).toEqual({ due: ref.due, leads: [7, 1] });
    expect(dueReminders(entries(), log, R, at('2026-09-20', 8)).mode).toBe('none');
    expect(nextWakeAt(entries(), log, R, at('2026-09-20', 8))).toBe(at('2026-09-20', 9));
  });
  it('more than one due at once → one summary, most urgent first; all are recorded', () => {
    const list = [...entries('2026-09-22', 0, ID2), ...entries('2026-09-20', 0, ID)];
    const due = dueReminders(list, emptyLog(), R, at('2026-09-19', 10));
    expect(due.mode).toBe('summary');
    expect(due.reminders.map((r) => `${r.orderId} ${r.due} ${r.lead}`)).toEqual([
      `${ID} 2026-09-20 1`,
      `${ID2} 2026-09-22 3`,
    ]);
    expect(reminderMessage(due)).toEqual({
      titleKey: 'deadline_notify_summary_title',
      titleParams: { count: 2 },
      bodyKey: 'deadline_notify_summary_body',
      bodyParams: { count: 2, date: '2026-09-20', order: ID },
      refs: [ref, { orderId: ID2, kind: 'no-delivery-refund', due: '2026-09-22' }],
    });
    const log = recordRaised(emptyLog(), due.reminders, at('2026-09-19', 10));
    expect(dueReminders(list, log, R, at('2026-09-19', 11)).mode).toBe('none');
  });
  it('single message carries catalogue keys and params', () => {
    const due = dueReminders(entries(), emptyLog(), R, at('2026-09-19', 9));
    expect(reminderMessage(due)).toEqual({
      titleKey: 'deadline_notify_title_tomorrow',
      titleParams: { kind: 'deadline_kind_no_delivery_refund', days: 1, date: '2026-09-20' },
      bodyKey: 'deadline_action_open_not_received_dispute',
      bodyParams: { date: '2026-09-20', order: ID },
      refs: [ref],
    });
    expect(reminderMessage({ mode: 'none', reminders: [] })).toBeNull();
  });
});

describe('snooze and done', () => {
  it('snooze holds until the same local time tomorrow, then reminds once', () => {
    let log = recordRaised(emptyLog(), dueReminders(entries(), emptyLog(), R, at('2026-09-13', 9)).reminders);
    log = snooze(log, ref, at('2026-09-13', 10, 30));
    expect(log.snoozes[deadlineKey(ref)]).toEqual({ until: at('2026-09-14', 10, 30), due: ref.due });
    expect(dueReminders(entries(), log, R, at('2026-09-14', 10)).mode).toBe('none');
    expect(nextWakeAt(entries(), log, R, at('2026-09-14', 10))).toBe(at('2026-09-14', 10, 30));
    const due = dueReminders(entries(), log, R, at('2026-09-14', 10, 30));
    expect(due.reminders).toMatchObject([{ lead: 7, afterSnooze: true, at: at('2026-09-14', 10, 30) }]);
    log = recordRaised(log, due.reminders, at('2026-09-14', 10, 30));
    expect(log.snoozes).toEqual({});
    expect(dueReminders(entries(), log, R, at('2026-09-14', 12)).mode).toBe('none');
    expect(nextWakeAt(entries(), log, R, at('2026-09-14', 12))).toBe(at('2026-09-17', 9));
  });
  it('a lead falling inside the snooze is folded into the one reminder after it', () => {
    let log = recordRaised(emptyLog(), dueReminders(entries(), emptyLog(), R, at('2026-09-13', 9)).reminders);
    log = snooze(log, ref, at('2026-09-16', 9, 30));
    const { raised } = simulate(entries(), R, at('2026-09-16', 9, 30), log);
    expect(raised).toEqual([
      '2026-09-17 9:30 single lead 3',
      '2026-09-19 9:00 single lead 1',
      '2026-09-20 9:00 single lead 0',
    ]);
  });
  it('a date that moves does not raise a shown lead again; moved earlier, the next lead not yet shown comes', () => {
    const first = dueReminders(entries('2026-09-20'), emptyLog(), R, at('2026-09-13', 9));
    expect(first.reminders.map((r) => r.lead)).toEqual([7]);
    const log = recordRaised(emptyLog(), first.reminders, at('2026-09-13', 9));
    // The page now says Sep 19 (a day earlier): lead 7 has passed again, it was shown: nothing.
    expect(dueReminders(entries('2026-09-19'), log, R, at('2026-09-13', 10)).mode).toBe('none');
    // Sep 16: three days ahead, lead 3 was never shown: it comes now.
    expect(dueReminders(entries('2026-09-16'), log, R, at('2026-09-13', 10)).reminders.map((r) => r.lead)).toEqual([3]);
  });
  it('done silences a deadline, whatever its date becomes', () => {
    const log = markDone(snooze(emptyLog(), ref, at('2026-09-13', 9)), ref);
    expect(log.done).toEqual({ [deadlineKey(ref)]: { due: ref.due } });
    expect(log.snoozes).toEqual({});
    expect(dueReminders(entries(), log, R, at('2026-09-19', 9)).mode).toBe('none');
    expect(nextWakeAt(entries(), log, R, at('2026-09-13', 0))).toBeNull();
    expect(dueReminders(entries('2026-09-27'), log, R, at('2026-09-20', 9)).mode).toBe('none');
  });
});

describe('quiet hours', () => {
  const quiet = { ...R, quietHours: { start: '22:00', end: '07:00' } };
  it('a reminder falling inside (past midnight) waits for the end', () => {
    const seen = at('2026-09-18', 23, 30);
    const list = entries('2026-09-20', seen);
    expect(dueReminders(list, emptyLog(), quiet, seen).mode).toBe('none');
    expect(nextWakeAt(list, emptyLog(), quiet, seen)).toBe(at('2026-09-19', 7));
    expect(planReminders(list, emptyLog(), quiet, at('2026-09-19', 2)).nextWakeAt).toBe(at('2026-09-19', 7));
    expect(simulate(list, quiet, seen).raised).toEqual([
      '2026-09-19 7:00 single lead 3',
      '2026-09-19 9:00 single lead 1',
      '2026-09-20 9:00 single lead 0',
    ]);
  });
  it('quiet hours covering the reminder hour move every reminder to their end', () => {
    const morning = { ...R, quietHours: { start: '08:00', end: '10:30' } };
    expect(nextWakeAt(entries(), emptyLog(), morning, at('2026-09-01', 0))).toBe(at('2026-09-13', 10, 30));
    expect(dueReminders(entries(), emptyLog(), morning, at('2026-09-13', 9)).mode).toBe('none');
    expect(deliverableAt(at('2026-09-13', 9), morning.quietHours)).toBe(at('2026-09-13', 10, 30));
    expect(deliverableAt(at('2026-09-13', 23), quiet.quietHours)).toBe(at('2026-09-14', 7));
    expect(deliverableAt(at('2026-09-13', 12), quiet.quietHours)).toBe(at('2026-09-13', 12));
  });
});

describe('the log', () => {
  it('is immutable, JSON-serialisable, validated and pruned 30 days after the deadline', () => {
    const before = emptyLog();
    const due = dueReminders(entries(), before, R, at('2026-09-13', 9));
    const after = recordRaised(before, due.reminders, at('2026-09-13', 9));
    expect(before).toEqual(emptyLog());
    const json = JSON.parse(JSON.stringify(after));
    expect(ReminderLogSchema.safeParse(json).success).toBe(true);
    expect(parseLog(json)).toEqual(after);
    expect(parseLog({ version: 1, raised: { 'bad key': [1] }, snoozes: {}, done: {} })).toEqual(emptyLog());
    expect(parseLog({ version: 2, raised: { 'bad key': { due: '2026-09-20', leads: [1] } }, snoozes: {}, done: {} })).toEqual(emptyLog());
    expect(parseLog(null)).toEqual(emptyLog());
    const old = markDone(after, { orderId: ID2, kind: 'pickup', due: '2026-08-01' });
    expect(Object.keys(pruneLog(old, at('2026-08-31', 12)).done)).toEqual([`${ID2}|pickup`]);
    expect(pruneLog(old, at('2026-09-01', 12)).done).toEqual({});
    expect(Object.keys(pruneLog(old, at('2026-09-01', 12)).raised)).toEqual([`${ID}|no-delivery-refund`]);
  });
  it('migrates a version-1 log: one entry per order and kind, the leads of every date it had', () => {
    const v1 = {
      version: 1,
      raised: { [`${ID}|no-delivery-refund|2026-09-20`]: [7], [`${ID}|no-delivery-refund|2026-09-18`]: [3], [`${ID2}|pickup|2026-09-10`]: [0] },
      snoozes: { [`${ID}|no-delivery-refund|2026-09-20`]: { until: 5 } },
      done: { [`${ID2}|pickup|2026-09-10`]: true },
    };
    const log = parseLog(v1);
    expect(log.version).toBe(2);
    expect(log.raised[`${ID}|no-delivery-refund`]).toEqual({ due: '2026-09-20', leads: [7, 3] });
    expect(log.snoozes[`${ID}|no-delivery-refund`]).toEqual({ until: 5, due: '2026-09-20' });
    expect(log.done[`${ID2}|pickup`]).toEqual({ due: '2026-09-10' });
  });
});

describe('performance', () => {
  it('5,000 orders: one summary, then nothing more and the next wake-up (timing: npm run bench)', () => {
    const orders = Array.from({ length: 5000 }, (_, i) => ({
      ...makeOrder({ orderId: String(4000000000000000 + i) }),
      status: (i % 3 === 0 ? 'completed' : 'awaiting_delivery') as 'completed' | 'awaiting_delivery',
      completedOn: i % 3 === 0 ? `2026-09-${String(1 + (i % 9)).padStart(2, '0')}` : null,
      deadlines: [page('no-delivery-refund', `2026-09-${String(10 + (i % 20)).padStart(2, '0')}`), page('dispute-window', '2026-11-01')],
    }));
    let log = emptyLog();
    const now = at('2026-09-12', 9, 30);
    const run = () => {
      const list = orders.map((o) => ({ orderId: o.orderId, firstSeenAt: o.firstSeenAt, deadlines: computeDeadlines(o, R, '2026-09-12') }));
      return planReminders(list, log, R, now);
    };
    const first = run();
    expect(first.due.mode).toBe('summary');
    log = recordRaised(log, first.due.reminders, now);
    const plan = run();
    expect(plan.due.mode).toBe('none');
    expect(plan.nextWakeAt).toBe(at('2026-09-13', 9));
  });
});
