import { describe, expect, it } from 'vitest';
import {
  assessOrder,
  mostUrgent,
  sortOrdersByUrgency,
  urgencyOf,
  type ComputedDeadline,
  type TrackingEventClass,
} from '../../../src/domain/deadlines/engine';
import { DEFAULT_RULES, RulesSchema } from '../../../src/domain/deadlines/rules';
import type { TrackingEvent } from '../../../src/domain/order';
import { computeDeadlines, dispute, event, makeOrder, page } from './helpers';

const R = DEFAULT_RULES;
const TODAY = '2026-09-10';

const brief = (list: ComputedDeadline[]) =>
  list.map((d) => `${d.kind} ${d.due} ${d.source} ${d.applies ? 'applies' : 'no'} ${d.action} ${d.reasonKey}`);

describe('rules', () => {
  it('defaults validate and carry the numbers of docs/deadlines.md, "Sources"', () => {
    expect(RulesSchema.safeParse(DEFAULT_RULES).success).toBe(true);
    expect([R.returnWindowDays, R.disputeWindowDays, R.autoConfirmAfterDeliveryDays, R.refundWorkingDays]).toEqual([7, 90, 7, 10]);
    expect(R.pickupRemindDays).toEqual([2, 5]);
    expect([R.sellerResponseDays, R.escalationDays, R.returnShippingDays]).toEqual([5, 7, 10]);
    expect(R.leadDays).toEqual([7, 3, 1, 0]);
    expect([R.urgentDays, R.reminderHour, R.quietHours]).toEqual([3, 9, null]);
  });
  it('rejects out-of-range numbers and bad quiet hours, falling back to defaults', () => {
    expect(RulesSchema.safeParse({ ...R, returnWindowDays: -1 }).success).toBe(false);
    expect(RulesSchema.safeParse({ ...R, reminderHour: 24 }).success).toBe(false);
    expect(RulesSchema.safeParse({ ...R, quietHours: { start: '25:00', end: '07:00' } }).success).toBe(false);
    expect(RulesSchema.parse({ ...R, quietHours: { start: '22:00', end: '07:00' } }).quietHours).toEqual({
      start: '22:00',
      end: '07:00',
    });
    expect(RulesSchema.safeParse({ nonsense: true }).success).toBe(false);
  });
  it('does not model the obsolete 60-day protection: a silent page gives no no-delivery date', () => {
    const order = makeOrder({ placedOn: '2026-07-01', shippedOn: '2026-07-03' });
    expect(computeDeadlines(order, R, TODAY)).toEqual([]);
    expect(assessOrder(order, R, TODAY).unknown).toEqual(['no-delivery-refund']);
    expect(Object.values(R)).not.toContain(60);
  });
});

describe('urgencyOf', () => {
  it.each([
    [-1, 'overdue'],
    [0, 'today'],
    [1, 'urgent'],
    [3, 'urgent'],
    [4, 'soon'],
    [7, 'soon'],
    [8, 'later'],
  ] as const)('%i days → %s', (days, u) => {
    expect(urgencyOf(days, R)).toBe(u);
  });
});

describe('refund if not delivered', () => {
  it('applies while awaiting delivery; with no tracking movement, open the dispute 3–5 days before', () => {
    const order = makeOrder({ deadlines: [page('no-delivery-refund', '2026-09-15', 'Refund if no delivery before Sep 15, 2026')] });
    const [d] = computeDeadlines(order, R, '2026-09-09');
    expect(d).toEqual({
      kind: 'no-delivery-refund',
      due: '2026-09-15',
      source: 'page',
      text: 'Refund if no delivery before Sep 15, 2026',
      action: 'open_not_received_dispute',
      applies: true,
      daysLeft: 6,
      urgency: 'soon',
      reasonKey: 'deadline_reason_page',
      params: { date: '2026-09-15', days: 6, from: '2026-09-10', by: '2026-09-12' },
      remind: true,
    });
    // Once the window has opened, "now": never a range that has begun or passed.
    for (const today of ['2026-09-10', '2026-09-13', '2026-09-15']) {
      const now = computeDeadlines(order, R, today)[0]!;
      expect(now.action).toBe('open_not_received_dispute_now');
      expect(now.params).not.toHaveProperty('from');
      expect(now.params).not.toHaveProperty('by');
    }
    // Once the date itself has passed: what is left to try, never "now, the last day is …".
    expect(computeDeadlines(order, R, '2026-09-16')[0]).toMatchObject({ action: 'not_received_date_passed', remind: false });
  });
  it('asks for an extension when tracking moved recently, a dispute when it stalled for weeks', () => {
    const moving = makeOrder({
      deadlines: [page('no-delivery-refund', '2026-09-15')],
      tracking: [{ number: 'LP1', carrier: null, events: [event('2026-09-08T10:00:00Z', 'MOVE'), event('2026-08-20T10:00:00Z', 'MOVE')] }],
    });
    expect(computeDeadlines(moving, R, '2026-09-09')[0]!.action).toBe('ask_extension_or_dispute');
    expect(computeDeadlines(moving, R, TODAY)[0]!.action).toBe('ask_extension_or_dispute_now');
    const stalled = makeOrder({
      deadlines: [page('no-delivery-refund', '2026-09-15')],
      tracking: [{ number: 'LP1', carrier: null, events: [event('2026-08-10T10:00:00Z', 'MOVE'), event('2026-08-20T10:00:00Z', 'MOVE')] }],
    });
    expect(computeDeadlines(stalled, R, TODAY)[0]!.action).toBe('open_not_received_dispute_now');
    expect(computeDeadlines(moving, R, TODAY, { lastMovementOn: '2026-08-01' })[0]!.action).toBe(
      'open_not_received_dispute_now',
    );
    // Events before the hand-over (no carrier code: label created, at the warehouse) are not movement.
    const neverLeft = makeOrder({
      deadlines: [page('no-delivery-refund', '2026-09-15')],
      tracking: [{ number: 'LP1', carrier: null, events: [event('2026-09-08T10:00:00Z', null, 'Label created')] }],
    });
    expect(computeDeadlines(neverLeft, R, TODAY)[0]!.action).toBe('open_not_received_dispute_now');
  });
  it('two page dates of one kind are one deadline: the earliest wins, however far apart', () => {
    const order = makeOrder({
      deadlines: [page('no-delivery-refund', '2026-09-16', 'services'), page('no-delivery-refund', '2026-09-15', 'tracking')],
    });
    const list = computeDeadlines(order, R, TODAY);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ due: '2026-09-15', text: 'tracking', reasonKey: 'deadline_reason_page' });
    const far = makeOrder({ deadlines: [page('no-delivery-refund', '2026-10-20'), page('no-delivery-refund', '2026-09-15')] });
    expect(computeDeadlines(far, R, TODAY).map((d) => d.due)).toEqual(['2026-09-15']);
  });
  it('no longer applies once delivered, completed, closed, cancelled or disputed', () => {
    const nd = [page('no-delivery-refund', '2026-09-15')];
    const cases = [
      [makeOrder({ deadlines: nd, deliveredAt: '2026-09-09T12:00:00.000Z' }), 'deadline_reason_delivered'],
      [makeOrder({ deadlines: nd, status: 'completed', completedOn: '2026-09-09' }), 'deadline_reason_delivered'],
      [makeOrder({ deadlines: nd, status: 'closed' }), 'deadline_reason_order_ended'],
      [makeOrder({ deadlines: nd, status: 'cancelled' }), 'deadline_reason_order_ended'],
      [makeOrder({ deadlines: nd, status: 'awaiting_payment' }), 'deadline_reason_not_paid'],
      [makeOrder({ deadlines: nd, status: 'in_dispute', dispute: dispute() }), 'deadline_reason_dispute_open'],
    ] as const;
    for (const [order, reason] of cases) {
      const d = computeDeadlines(order, R, TODAY).find((x) => x.kind === 'no-delivery-refund')!;
      expect([d.applies, d.action, d.reasonKey, d.remind]).toEqual([false, 'no_action', reason, false]);
    }
  });
  it('applies while awaiting shipment and for status unknown (history says awaiting delivery)', () => {
    const shipment = makeOrder({ status: 'awaiting_shipment', deadlines: [page('no-delivery-refund', '2026-10-01')] });
    expect(computeDeadlines(shipment, R, TODAY)[0]).toMatchObject({ applies: true, daysLeft: 21, urgency: 'later' });
    const unknownAfterCompleted = makeOrder({
      status: 'unknown',
      statusHistory: [
        { status: 'awaiting_delivery', at: '2026-08-05T00:00:00.000Z' },
        { status: 'completed', at: '2026-09-01T08:00:00.000Z' },
        { status: 'unknown', at: '2026-09-09T08:00:00.000Z' },
      ],
      deadlines: [page('no-delivery-refund', '2026-10-01')],
    });
    const list = computeDeadlines(unknownAfterCompleted, R, TODAY);
    expect(brief(list)).toEqual([
      // completedOn comes from the history's first "completed": Sep 1 + 7 days
      'return-window 2026-09-08 estimate applies return_or_refund_before deadline_reason_est_return_window',
      'no-delivery-refund 2026-10-01 page no no_action deadline_reason_delivered',
      // placed Aug 1 + 90 days
      'dispute-window 2026-10-30 estimate applies open_dispute_before deadline_reason_est_dispute_window',
    ]);
  });
});

describe('late-delivery coupon', () => {
  const c = [page('late-delivery-coupon', '2026-09-12', 'US $1.00 coupon if delayed by Sep 12')];
  it('is pending (not applicable) before the date, owed once the date passes undelivered', () => {
    expect(computeDeadlines(makeOrder({ deadlines: c }), R, TODAY)[0]).toMatchObject({
      applies: false,
      reasonKey: 'deadline_reason_coupon_pending',
    });
    expect(computeDeadlines(makeOrder({ deadlines: c }), R, '2026-09-13')[0]).toMatchObject({
      applies: true,
      action: 'collect_coupon',
      reasonKey: 'deadline_reason_late_now',
      daysLeft: -1,
      urgency: 'overdue',
      remind: false,
    });
  });
  it('delivered after the date → collect the coupon; delivered in time → nothing', () => {
    const late = makeOrder({ deadlines: c, deliveredAt: '2026-09-14T09:00:00.000Z' });
    expect(computeDeadlines(late, R, '2026-09-15')[0]).toMatchObject({
      applies: true,
      action: 'collect_coupon',
      reasonKey: 'deadline_reason_delivered_late',
    });
    const onTime = makeOrder({ deadlines: c, status: 'completed', completedOn: '2026-09-11' });
    expect(computeDeadlines(onTime, R, '2026-09-15').find((d) => d.kind === 'late-delivery-coupon')).toMatchObject({
      applies: false,
      reasonKey: 'deadline_reason_delivered_in_time',
    });
  });
});

describe('auto-confirm, return, dispute and free-return windows', () => {
  it('auto-confirm: before delivery it is the not-received clock; after, confirm only when satisfied', () => {
    const ac = [page('auto-confirm', '2026-09-20')];
    expect(computeDeadlines(makeOrder({ deadlines: ac }), R, TODAY)[0]!.action).toBe('open_not_received_dispute');
    const delivered = makeOrder({ deadlines: ac, deliveredAt: '2026-09-09T05:00:00.000Z' });
    expect(computeDeadlines(delivered, R, TODAY)[0]).toMatchObject({
      applies: true,
      action: 'check_delivery',
      params: { date: '2026-09-20', days: 10, delivered: '2026-09-09' },
    });
    const done = makeOrder({ deadlines: ac, status: 'completed', completedOn: '2026-09-09' });
    expect(computeDeadlines(done, R, TODAY).find((d) => d.kind === 'auto-confirm')).toMatchObject({
      applies: false,
      reasonKey: 'deadline_reason_completed',
    });
  });
  it('return window: 7 days after completion when the page is silent, the page date when it speaks', () => {
    const est = makeOrder({ status: 'completed', completedOn: '2026-09-05' });
    expect(computeDeadlines(est, R, TODAY).filter((d) => d.kind === 'return-window')).toEqual([
      {
        kind: 'return-window',
        due: '2026-09-12',
        source: 'estimate',
        text: null,
        action: 'return_or_refund_before',
        applies: true,
        daysLeft: 2,
        urgency: 'urgent',
        reasonKey: 'deadline_reason_est_return_window',
        params: { date: '2026-09-12', days: 2, rule_days: 7 },
        remind: true,
      },
    ]);
    const stated = makeOrder({
      status: 'completed',
      completedOn: '2026-09-05',
      deadlines: [page('return-window', '2026-09-12', 'within 7 days of confirming receipt')],
    });
    expect(brief(computeDeadlines(stated, R, TODAY))).toEqual([
      'return-window 2026-09-12 page applies return_or_refund_before deadline_reason_page',
      'dispute-window 2026-10-30 estimate applies open_dispute_before deadline_reason_est_dispute_window',
    ]);
    const tuned = computeDeadlines(est, { ...R, returnWindowDays: 30 }, TODAY);
    expect(tuned.find((d) => d.kind === 'return-window')!.due).toBe('2026-10-05');
    const notYet = makeOrder({ deadlines: [page('return-window', '2026-09-12')] });
    expect(computeDeadlines(notYet, R, TODAY)[0]).toMatchObject({ applies: false, reasonKey: 'deadline_reason_not_completed' });
  });
  it('dispute window and free return start with delivery or completion', () => {
    const w = [page('dispute-window', '2026-10-30'), page('free-return', '2026-09-24')];
    expect(brief(computeDeadlines(makeOrder({ deadlines: w }), R, TODAY))).toEqual([
      'free-return 2026-09-24 page no no_action deadline_reason_not_delivered',
      'dispute-window 2026-10-30 page no no_action deadline_reason_not_delivered',
    ]);
    expect(brief(computeDeadlines(makeOrder({ deadlines: w, deliveredAt: '2026-09-09T05:00:00.000Z' }), R, TODAY))).toEqual([
      'auto-confirm 2026-09-16 estimate applies check_delivery deadline_reason_est_auto_confirm',
      'free-return 2026-09-24 page applies free_return_before deadline_reason_page',
      'dispute-window 2026-10-30 page applies open_dispute_before deadline_reason_page',
    ]);
    const closed = makeOrder({ deadlines: w, status: 'closed', completedOn: '2026-09-05' });
    expect(computeDeadlines(closed, R, TODAY).every((d) => !d.applies && d.reasonKey === 'deadline_reason_order_ended')).toBe(true);
  });
});

describe('pickup', () => {
  it('reminds 2 days after arrival at the pickup point, then 5 days after', () => {
    const order = makeOrder();
    const at = (today: string) => computeDeadlines(order, R, today, { pickupSince: '2026-09-08' });
    expect(at('2026-09-09')[0]).toMatchObject({
      kind: 'pickup',
      due: '2026-09-10',
      source: 'estimate',
      action: 'pick_up_parcel',
      reasonKey: 'deadline_reason_est_pickup',
      params: { date: '2026-09-10', days: 1, rule_days: 2 },
    });
    expect(at('2026-09-10')[0]!.due).toBe('2026-09-10');
    expect(at('2026-09-11')[0]).toMatchObject({ due: '2026-09-13', params: { rule_days: 5 } });
    expect(at('2026-09-20')[0]).toMatchObject({ due: '2026-09-13', urgency: 'overdue', remind: false });
  });
  it('classifies tracking events through the injected predicate; a later delivery ends it', () => {
    const classify = (e: TrackingEvent): TrackingEventClass =>
      e.code === 'PICKUP' ? 'awaiting_pickup' : e.code === 'SIGNED' ? 'delivered' : 'movement';
    const waiting = makeOrder({
      tracking: [{ number: 'X', carrier: null, events: [event('2026-09-08T07:00:00.000Z', 'PICKUP'), event('2026-09-01T07:00:00.000Z', 'MOVE')] }],
    });
    const pickup = (today: string) => computeDeadlines(waiting, R, today, { classifyEvent: classify }).find((d) => d.kind === 'pickup');
    expect(pickup(TODAY)).toMatchObject({ kind: 'pickup', due: '2026-09-10' });
    expect(pickup('2026-09-11')).toMatchObject({ kind: 'pickup', due: '2026-09-13' });
    // Waiting, not confirmed, no countdown on the page: AliExpress's own confirmation, estimated.
    expect(brief(computeDeadlines(waiting, R, TODAY, { classifyEvent: classify }).filter((d) => d.kind === 'auto-confirm'))).toEqual([
      'auto-confirm 2026-09-15 estimate applies collect_before_auto_confirm deadline_reason_est_auto_confirm_pickup',
    ]);
    const collected = makeOrder({
      tracking: [{ number: 'X', carrier: null, events: [event('2026-09-09T07:00:00.000Z', 'SIGNED'), event('2026-09-08T07:00:00.000Z', 'PICKUP')] }],
      deadlines: [page('no-delivery-refund', '2026-09-20')],
    });
    expect(brief(computeDeadlines(collected, R, TODAY, { classifyEvent: classify }))).toEqual([
      'auto-confirm 2026-09-16 estimate applies check_delivery deadline_reason_est_auto_confirm',
      'no-delivery-refund 2026-09-20 page no no_action deadline_reason_delivered',
      'dispute-window 2026-10-30 estimate applies open_dispute_before deadline_reason_est_dispute_window',
    ]);
  });
  it('a pickup date the page states wins over the 2/5-day reminders', () => {
    const order = makeOrder({ deadlines: [page('pickup', '2026-09-18', 'Pick up before Sep 18')] });
    expect(brief(computeDeadlines(order, R, TODAY, { pickupSince: '2026-09-08' }).filter((d) => d.kind === 'pickup'))).toEqual([
      'pickup 2026-09-18 page applies pick_up_parcel deadline_reason_page',
    ]);
  });
});

describe('dispute clocks', () => {
  it('seller has 5 days, AliExpress steps in after 7, both informational while awaiting the seller', () => {
    const order = makeOrder({ status: 'in_dispute', dispute: dispute({ openedOn: '2026-09-08' }) });
    const list = computeDeadlines(order, R, TODAY);
    expect(brief(list)).toEqual([
      'seller-response 2026-09-13 estimate applies wait_for_seller deadline_reason_est_seller_response',
      'escalation 2026-09-15 estimate applies expect_escalation deadline_reason_est_escalation',
    ]);
    expect(list.map((d) => d.remind)).toEqual([false, false]);
  });
  it('while negotiating the shopper must answer before AliExpress steps in', () => {
    const order = makeOrder({ status: 'in_dispute', dispute: dispute({ stage: 'negotiating', openedOn: '2026-09-08' }) });
    expect(brief(computeDeadlines(order, R, TODAY))).toEqual([
      'seller-response 2026-09-13 estimate no no_action deadline_reason_seller_answered',
      'escalation 2026-09-15 estimate applies answer_seller deadline_reason_est_escalation',
    ]);
  });
  it('return shipping: 10 days from the agreement, or the page countdown', () => {
    const order = makeOrder({ status: 'in_dispute', dispute: dispute({ stage: 'awaiting_return', openedOn: '2026-09-01' }) });
    expect(brief(computeDeadlines(order, R, TODAY, { returnAgreedOn: '2026-09-07' }))).toEqual([
      'seller-response 2026-09-06 estimate no no_action deadline_reason_seller_answered',
      'escalation 2026-09-08 estimate no no_action deadline_reason_dispute_stage_passed',
      'return-shipping 2026-09-17 estimate applies send_return deadline_reason_est_return_shipping',
    ]);
    const withPage = makeOrder({
      status: 'in_dispute',
      dispute: dispute({ stage: 'awaiting_return', openedOn: '2026-09-01' }),
      deadlines: [page('return-shipping', '2026-09-14', '3 days 20 hours left')],
    });
    expect(computeDeadlines(withPage, R, TODAY, { returnAgreedOn: '2026-09-07' }).filter((d) => d.kind === 'return-shipping')).toMatchObject([
      { due: '2026-09-14', source: 'page', text: '3 days 20 hours left', daysLeft: 4 },
    ]);
  });
  it('a page countdown overrides the 5-day estimate', () => {
    const order = makeOrder({
      status: 'in_dispute',
      dispute: dispute({ openedOn: '2026-09-08' }),
      deadlines: [page('seller-response', '2026-09-12')],
    });
    expect(computeDeadlines(order, R, TODAY).filter((d) => d.kind === 'seller-response').map((d) => `${d.due} ${d.source}`)).toEqual([
      '2026-09-12 page',
    ]);
  });
  it('runs even on a closed order while the dispute is open, and stops once the dispute closes', () => {
    const open = makeOrder({ status: 'closed', dispute: dispute({ openedOn: '2026-09-08' }), deadlines: [page('return-window', '2026-09-20')] });
    expect(brief(computeDeadlines(open, R, TODAY))).toEqual([
      'seller-response 2026-09-13 estimate applies wait_for_seller deadline_reason_est_seller_response',
      'escalation 2026-09-15 estimate applies expect_escalation deadline_reason_est_escalation',
      'return-window 2026-09-20 page no no_action deadline_reason_order_ended',
    ]);
    const closed = makeOrder({ status: 'closed', dispute: dispute({ stage: 'closed', openedOn: '2026-09-08' }) });
    expect(computeDeadlines(closed, R, TODAY).every((d) => !d.applies && d.reasonKey === 'deadline_reason_no_open_dispute')).toBe(true);
    const escalated = makeOrder({ status: 'in_dispute', dispute: dispute({ stage: 'escalated', openedOn: '2026-09-01' }) });
    expect(computeDeadlines(escalated, R, TODAY).filter((d) => d.applies)).toEqual([]);
  });
});

describe('stored estimates and unknown dates', () => {
  it('an estimate stored on the order is used only when nothing better exists', () => {
    const order = makeOrder({
      deadlines: [{ kind: 'auto-confirm', due: '2026-09-25', source: 'estimate', text: 'about 15 days' }],
    });
    expect(computeDeadlines(order, R, TODAY)[0]).toMatchObject({ source: 'estimate', text: 'about 15 days', reasonKey: 'deadline_reason_estimate' });
    const both = makeOrder({
      deadlines: [
        { kind: 'auto-confirm', due: '2026-09-25', source: 'estimate', text: null },
        page('auto-confirm', '2026-09-22'),
      ],
    });
    expect(computeDeadlines(both, R, TODAY).map((d) => `${d.due} ${d.source}`)).toEqual(['2026-09-22 page']);
    expect(assessOrder(both, R, TODAY).unknown).not.toContain('no-delivery-refund');
  });
});

describe('ranking', () => {
  const d = (over: Partial<ComputedDeadline>): ComputedDeadline => ({
    kind: 'return-window',
    due: '2026-09-10',
    source: 'page',
    text: null,
    action: 'return_or_refund_before',
    applies: true,
    daysLeft: 0,
    urgency: 'today',
    reasonKey: 'deadline_reason_page',
    params: {},
    remind: true,
    ...over,
  });
  it('mostUrgent: upcoming before overdue, ignores what does not apply, page before estimate on a tie', () => {
    const overdue = d({ daysLeft: -1, kind: 'no-delivery-refund' });
    const later = d({ daysLeft: 9 });
    const today = d({ daysLeft: 0, kind: 'pickup' });
    const ignored = d({ daysLeft: 0, applies: false, kind: 'no-delivery-refund' });
    expect(mostUrgent([overdue, later, ignored, today])).toBe(today);
    expect(mostUrgent([overdue, d({ daysLeft: -5 })])).toBe(overdue);
    expect(mostUrgent([ignored])).toBeNull();
    const est = d({ source: 'estimate', kind: 'no-delivery-refund', daysLeft: 2 });
    const pg = d({ source: 'page', kind: 'pickup', daysLeft: 2 });
    expect(mostUrgent([est, pg])).toBe(pg);
  });
  it('sortOrdersByUrgency: soonest applicable deadline first, orders with nothing last', () => {
    const a = makeOrder({ orderId: '1000001', deadlines: [page('no-delivery-refund', '2026-09-20')] });
    const b = makeOrder({ orderId: '1000002', deadlines: [page('no-delivery-refund', '2026-09-11')] });
    const c = makeOrder({ orderId: '1000003', placedOn: '2026-08-05' });
    const e = makeOrder({ orderId: '1000004', placedOn: '2026-08-09' });
    const f = makeOrder({ orderId: '1000005', status: 'completed', completedOn: '2026-08-01' }); // return window passed
    const ranked = sortOrdersByUrgency([a, c, f, b, e], R, TODAY);
    expect(ranked.map((r) => r.order.orderId)).toEqual(['1000002', '1000001', '1000005', '1000004', '1000003']);
    expect(ranked[0]!.top).toMatchObject({ kind: 'no-delivery-refund', daysLeft: 1, urgency: 'urgent' });
  });
});

describe('performance', () => {
  it('computes 5,000 orders quickly', () => {
    const orders = Array.from({ length: 5000 }, (_, i) =>
      makeOrder({
        orderId: String(3000000000000000 + i),
        status: i % 3 === 0 ? 'completed' : 'awaiting_delivery',
        completedOn: i % 3 === 0 ? '2026-09-01' : null,
        deadlines: [page('no-delivery-refund', `2026-09-${String(10 + (i % 20)).padStart(2, '0')}`), page('dispute-window', '2026-11-01')],
        tracking: [{ number: 'LP', carrier: null, events: Array.from({ length: 20 }, (_, k) => event(`2026-08-${String(10 + k).padStart(2, '0')}T10:00:00.000Z`)) }],
      }),
    );
    const ranked = sortOrdersByUrgency(orders, R, TODAY);
    expect(ranked).toHaveLength(5000);
    expect(ranked[0]!.top!.daysLeft).toBe(0);
    // Its time is a figure of `npm run bench`, not an assertion here.
  });
});

describe('completion date', () => {
  it('does not take the day an order was first seen completed as its completion date', () => {
    const firstSeenCompleted = makeOrder({
      status: 'completed',
      completedOn: null,
      statusHistory: [{ status: 'completed', at: '2026-09-10T08:00:00.000Z' }],
    });
    expect(computeDeadlines(firstSeenCompleted, R, TODAY).filter((d) => d.kind === 'return-window')).toEqual([]);
  });

  it('takes the day it was seen turning completed from another status', () => {
    const turned = makeOrder({
      status: 'completed',
      completedOn: null,
      statusHistory: [
        { status: 'awaiting_delivery', at: '2026-09-01T08:00:00.000Z' },
        { status: 'completed', at: '2026-09-05T08:00:00.000Z' },
      ],
    });
    const rw = computeDeadlines(turned, R, TODAY).find((d) => d.kind === 'return-window');
    expect(rw).toMatchObject({ source: 'estimate', applies: true });
    expect(rw?.due).toBe(new Date(new Date('2026-09-05T08:00:00.000Z').getTime() + 7 * 86_400_000).toLocaleDateString('sv'));
  });
});

describe('protection ended, or a date still unknown', () => {
  it('a completed order first seen completed: its return window is unknown until a week after it was first seen', () => {
    const order = makeOrder({ status: 'completed', placedOn: '2026-06-01', firstSeenAt: '2026-09-10T08:00:00.000Z' });
    // Placed Jun 1: the 90-day dispute window passed on Aug 30.
    expect(assessOrder(order, R, '2026-09-12')).toMatchObject({ stage: 'completed', unknown: ['return-window'], endedOn: null });
    expect(assessOrder(order, R, '2026-09-18')).toMatchObject({ stage: 'completed', unknown: [], endedOn: '2026-08-30' });
  });
  it('a window still open is named, never "ended"', () => {
    const order = makeOrder({ status: 'completed', placedOn: '2026-08-01', completedOn: '2026-09-05' });
    const a = assessOrder(order, R, TODAY);
    expect(a.endedOn).toBeNull();
    expect(mostUrgent(a.deadlines)).toMatchObject({ kind: 'return-window', due: '2026-09-12' });
  });
});

