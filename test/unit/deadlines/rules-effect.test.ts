/**
 * Every setting of the rule book changes behaviour (docs/deadlines.md, "The rule book"): for
 * each one, a scenario whose deadlines, stage or reminders differ when only that setting does.
 */
import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../src/domain/deadlines/engine';
import { planReminders, emptyLog } from '../../../src/domain/deadlines/reminders';
import { DEFAULT_RULES, type Rules } from '../../../src/domain/deadlines/rules';
import { localTimeOn } from '../../../src/domain/dates';
import type { Order } from '../../../src/domain/order';
import { dispute, event, makeOrder, page } from './helpers';

const TODAY = '2026-09-10';
const R = DEFAULT_RULES;

/** Everything the engine and the planner say of an order under some rules, as one string. */
function outcome(order: Order, rules: Rules, now = localTimeOn(TODAY, 12), today = TODAY, facts = {}): string {
  const a = assessOrder(order, rules, today, facts);
  const plan = planReminders([{ orderId: order.orderId, firstSeenAt: 0, deadlines: a.deadlines }], emptyLog(), rules, now);
  return JSON.stringify([a, plan]);
}

const inTransit = makeOrder({ deadlines: [page('no-delivery-refund', '2026-09-16')], tracking: [{ number: 'X', carrier: null, events: [event('2026-09-01T10:00:00Z', 'MOVE')] }] });
const delivered = makeOrder({ deliveredAt: '2026-09-08T05:00:00.000Z' });
const completed = makeOrder({ status: 'completed', completedOn: '2026-09-05' });
const disputed = makeOrder({ status: 'in_dispute', dispute: dispute({ stage: 'awaiting_return', openedOn: '2026-09-05' }) });
const refunding = makeOrder({ status: 'in_dispute', dispute: dispute({ stage: 'refunding', stageSince: '2026-09-08' }) });

const SCENARIOS: Record<keyof Rules, { order: Order; value: unknown; now?: number; facts?: object }> = {
  returnWindowDays: { order: completed, value: 30 },
  disputeWindowDays: { order: delivered, value: 30 },
  autoConfirmAfterDeliveryDays: { order: delivered, value: 10 },
  refundWorkingDays: { order: refunding, value: 3 },
  pickupRemindDays: { order: makeOrder(), value: [1], facts: { pickupSince: '2026-09-08' } },
  sellerResponseDays: { order: makeOrder({ status: 'in_dispute', dispute: dispute({ openedOn: '2026-09-05' }) }), value: 2 },
  escalationDays: { order: disputed, value: 3 },
  returnShippingDays: { order: disputed, value: 3, facts: { returnAgreedOn: '2026-09-08' } },
  leadDays: { order: inTransit, value: [10] },
  urgentDays: { order: inTransit, value: 7 },
  soonDays: { order: makeOrder({ status: 'completed', completedOn: '2026-09-08' }), value: 1 },
  reminderHour: { order: inTransit, value: 20 },
  quietHours: { order: inTransit, value: { start: '11:00', end: '13:00' } },
  disputeEarliestDaysBefore: { order: inTransit, value: 2, now: localTimeOn('2026-09-08', 12) },
  disputeLatestDaysBefore: { order: inTransit, value: 1, now: localTimeOn('2026-09-08', 12) },
  stalledAfterDays: { order: inTransit, value: 5 },
  missedAfterHours: { order: inTransit, value: 48, now: localTimeOn(TODAY, 20) },
};

describe('the rule book', () => {
  it('has a scenario for every setting', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(R).sort());
  });
  it.each(Object.entries(SCENARIOS))('%s changes what the shopper is told', (key, s) => {
    const now = s.now ?? localTimeOn(TODAY, 12);
    const today = new Date(now).toLocaleDateString('sv');
    const before = outcome(s.order, R, now, today, s.facts);
    const after = outcome(s.order, { ...R, [key]: s.value } as Rules, now, today, s.facts);
    expect(after).not.toBe(before);
  });
});
