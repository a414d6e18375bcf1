/**
 * Every order stage × {the page states the date, the page states nothing} × {today before,
 * inside, after the stage's window}: where the order stands, what the badge and the popup show
 * (the deadline and its source, "protection ended on …", or which date is unknown), and the
 * reminder's English text. The table this test makes is the one in docs/deadlines.md ("Every
 * stage"); after a change of behaviour, write it there again with
 *
 *   UPDATE_DOCS=1 npx vitest run --project unit test/unit/deadlines/stages.test.ts
 *
 * and read the diff.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyTrackingEvent } from '../../../src/aliexpress/tracking-class';
import { addDays } from '../../../src/domain/dates';
import { mostUrgent, sortOrdersByUrgency, type OrderStage } from '../../../src/domain/deadlines/engine';
import { DEFAULT_RULES } from '../../../src/domain/deadlines/rules';
import type { Order, TrackingEvent } from '../../../src/domain/order';
import { outlookOf } from '../../../src/domain/summary';
import { createTranslator } from '../../../src/i18n';
import { formatCalendarDate, localiseParams } from '../../../src/i18n/format';
import enDeadline from '../../../src/i18n/catalogue/en/deadline.json';
import { dispute, makeOrder, page } from './helpers';
import { docWithSection } from '../../docs-section';

const R = DEFAULT_RULES;
const t = createTranslator(enDeadline as Record<string, string>, {}, 'en');
/** The stage's main date: each scenario is built around it. */
const D = '2026-10-15';
const TODAYS = { before: addDays(D, -10), inside: addDays(D, -2), after: addDays(D, 2) } as const;
type When = keyof typeof TODAYS;

const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const ev = (date: string, code: string | null, text: string, subCode?: string): TrackingEvent => ({ at: at(date), code, text, ...(subCode ? { subCode } : {}) });
const paidBefore = (status: Order['status'], since: string) => [{ status: 'awaiting_delivery' as const, at: at('2026-08-20') }, { status, at: at(since) }];

interface Scenario {
  stage: OrderStage;
  /** The order, given whether the page states the date and today. */
  order: (stated: boolean, today: string) => Order;
}

const SCENARIOS: Scenario[] = [
  {
    stage: 'awaiting_payment',
    order: () => makeOrder({ status: 'awaiting_payment' }),
  },
  {
    stage: 'awaiting_shipment',
    order: (stated) => makeOrder({ status: 'awaiting_shipment', deadlines: stated ? [page('no-delivery-refund', D)] : [] }),
  },
  {
    stage: 'shipped',
    order: (stated) =>
      makeOrder({
        shippedOn: '2026-08-25',
        deadlines: stated ? [page('no-delivery-refund', D)] : [],
        // Before the hand-over: not movement.
        tracking: [{ number: 'LP00123', carrier: null, events: [ev('2026-08-25', null, 'Your package is being prepared', 'AE_ORDER_PAID'), ev('2026-08-24', null, "Your order's been created", 'AE_ORDER_PLACED')] }],
      }),
  },
  {
    stage: 'moving',
    order: (stated, today) =>
      makeOrder({
        deadlines: stated ? [page('no-delivery-refund', D)] : [],
        tracking: [{ number: 'LP00123', carrier: null, events: [ev(addDays(today, -3), 'AE_GTMS_SC_ARRIVE', 'Package arrived at carrier facility'), ev('2026-08-27', 'AE_PICK_UP_SUCCESS', 'Package collected by carrier.')] }],
      }),
  },
  {
    stage: 'stalled',
    order: (stated, today) =>
      makeOrder({
        deadlines: stated ? [page('no-delivery-refund', D)] : [],
        tracking: [{ number: 'LP00123', carrier: null, events: [ev(addDays(today, -20), 'AE_LH_DEPART', 'Package leaving origin country/region.')] }],
      }),
  },
  {
    stage: 'at_pickup_point',
    order: (stated) =>
      makeOrder({
        deadlines: stated ? [page('auto-confirm', D)] : [],
        tracking: [{ number: 'LP00123', carrier: null, events: [ev(addDays(D, -7), 'AE_GTMS_WAIT_PICKUP', 'Ready for pickup at the post office')] }],
      }),
  },
  {
    stage: 'delivered',
    order: (stated) =>
      makeOrder({
        deadlines: stated ? [page('auto-confirm', D)] : [],
        tracking: [{ number: 'LP00123', carrier: null, events: [ev(addDays(D, -7), 'AE_GTMS_SIGNED', 'Package delivered.')] }],
      }),
  },
  {
    stage: 'completed',
    order: (stated) =>
      makeOrder({
        status: 'completed',
        placedOn: addDays(D, -R.disputeWindowDays),
        completedOn: addDays(D, -20),
        deadlines: stated ? [page('return-window', addDays(D, -13)), page('dispute-window', D)] : [],
      }),
  },
  {
    stage: 'in_dispute',
    order: (stated) =>
      makeOrder({
        status: 'in_dispute',
        dispute: dispute({ stage: 'negotiating', openedOn: addDays(D, -R.escalationDays) }),
        deadlines: stated ? [page('escalation', D)] : [],
      }),
  },
  {
    stage: 'refunded',
    order: (stated) =>
      makeOrder({
        status: 'in_dispute',
        dispute: dispute({ stage: 'refunding', openedOn: '2026-09-20', stageSince: '2026-10-01' }),
        deadlines: stated ? [page('refund-arrival', D)] : [],
      }),
  },
  {
    stage: 'closed',
    order: (stated) =>
      makeOrder({
        status: 'closed',
        statusHistory: [{ status: 'awaiting_payment', at: at('2026-08-01') }, { status: 'closed', at: at('2026-08-03') }],
        deadlines: stated ? [page('no-delivery-refund', D)] : [],
      }),
  },
  {
    stage: 'unknown',
    order: (stated) => makeOrder({ status: 'unknown', deadlines: stated ? [page('no-delivery-refund', D)] : [] }),
  },
];

/** Cancelled after payment is a refund too (the second route into "refunded"). */
const CANCELLED_AFTER_PAYMENT: Scenario = {
  stage: 'refunded',
  order: () => makeOrder({ status: 'cancelled', statusHistory: paidBefore('cancelled', '2026-10-01') }),
};

interface Row {
  stage: OrderStage;
  page: 'states' | 'silent';
  when: When;
  today: string;
  shown: string;
  reminder: string;
  /** Checked, not printed. */
  openWindow: boolean;
  pastRange: boolean;
}

function rowOf(s: Scenario, stated: boolean, when: When): Row {
  const today = TODAYS[when];
  const order = s.order(stated, today);
  const [r] = sortOrdersByUrgency([order], R, today, () => ({ classifyEvent: classifyTrackingEvent }));
  const outlook = outlookOf(r!);
  const top = mostUrgent(r!.deadlines);
  const date = (d: string) => formatCalendarDate(d, 'en');
  let shown: string;
  if (outlook.endedOn) shown = t('deadline_protection_ended', { date: date(outlook.endedOn) });
  else if (top) shown = `${t(`deadline_kind_${top.kind.replace(/-/g, '_')}`)} · ${date(top.due)} · ${top.source === 'page' ? 'shown by AliExpress' : 'estimate'}${top.daysLeft < 0 ? ' · passed' : ''}`;
  else if (outlook.unknown.length) shown = `unknown: ${outlook.unknown.join(', ')}`;
  else shown = 'nothing to watch';
  if (outlook.deliveredOn) shown += ` · ${t(outlook.stage === 'at_pickup_point' ? 'deadline_pickup_prompt' : 'deadline_delivered_prompt', { date: date(outlook.deliveredOn) })}`;
  const reminder = top && top.remind ? t(`deadline_action_${top.action}`, localiseParams(t, top.params, 'en')) : '—';
  const pastRange = !!top && typeof top.params['from'] === 'string' && (top.params['from'] as string) < today;
  return {
    stage: outlook.stage,
    page: stated ? 'states' : 'silent',
    when,
    today,
    shown,
    reminder,
    openWindow: r!.deadlines.some((d) => d.applies && d.daysLeft >= 0),
    pastRange,
  };
}

const ROWS: Row[] = [];
for (const s of SCENARIOS) for (const stated of [true, false]) for (const when of Object.keys(TODAYS) as When[]) ROWS.push(rowOf(s, stated, when));

const cell = (s: string) => s.replace(/\|/g, '\\|');
const TABLE = [
  '| stage | page | today | badge and popup show | reminder text |',
  '|---|---|---|---|---|',
  ...ROWS.map((r) => `| ${r.stage} | ${r.page} | ${r.when} (${r.today}) | ${cell(r.shown)} | ${cell(r.reminder)} |`),
].join('\n');

const DOC = resolve('docs/deadlines.md');
const BEGIN = '<!-- stages:begin (test/unit/deadlines/stages.test.ts writes this table) -->';
const END = '<!-- stages:end -->';

describe('every order stage', () => {
  it.each(SCENARIOS.map((s) => [s.stage, s] as const))('%s is recognised, with and without a page date, before, inside and after its window', (stage, s) => {
    for (const stated of [true, false]) for (const when of Object.keys(TODAYS) as When[]) expect(rowOf(s, stated, when).stage).toBe(stage);
  });

  it('a cancelled order that was paid is waiting for its refund, with the date to check it', () => {
    const row = rowOf(CANCELLED_AFTER_PAYMENT, false, 'inside');
    expect(row.stage).toBe('refunded');
    expect(row.shown).toMatch(/^Refund arrives · .* · estimate$/);
    expect(row.reminder).toContain('Your refund should reach your card');
  });

  it('"nothing to watch" only where nothing is left: never while a window is open, never for an order still on its way', () => {
    for (const r of ROWS) {
      if (r.openWindow) expect(r.shown, `${r.stage} ${r.page} ${r.when}`).not.toBe('nothing to watch');
      if (r.shown === 'nothing to watch') expect(['awaiting_payment', 'closed']).toContain(r.stage);
    }
  });

  it('no reminder names a range that has begun or passed, and none leaves a placeholder', () => {
    for (const r of ROWS) {
      expect(r.pastRange, `${r.stage} ${r.page} ${r.when}`).toBe(false);
      expect(r.reminder).not.toMatch(/[{}]/);
      expect(r.shown).not.toMatch(/[{}]/);
    }
  });

  it('delivered or at a pickup point, the page silent: an estimated date to act by and the prompt, told at once', () => {
    for (const r of ROWS.filter((x) => (x.stage === 'delivered' || x.stage === 'at_pickup_point') && x.page === 'silent' && x.when !== 'after')) {
      // The date to act by (or, sooner, the day to pick it up), an estimate.
      expect(r.shown).toMatch(/^(Automatic confirmation of receipt|Pick up) · .* · estimate/);
      expect(r.shown).toMatch(/Tracking says delivered on|Waiting at a pickup point since/);
      expect(r.reminder).toMatch(/film the unboxing|Film the unboxing/);
    }
  });

  it('a completed order names its window, or the day protection ended', () => {
    const completed = ROWS.filter((r) => r.stage === 'completed');
    expect(completed.find((r) => r.page === 'states' && r.when === 'inside')!.shown).toMatch(/^Dispute window · Oct 15, 2026 · shown by AliExpress$/);
    expect(completed.find((r) => r.page === 'states' && r.when === 'after')!.shown).toBe('Protection ended on Oct 15, 2026');
    expect(completed.find((r) => r.page === 'silent' && r.when === 'inside')!.shown).toMatch(/^Dispute window · Oct 15, 2026 · estimate$/);
  });

  it('is the table in docs/deadlines.md', () => {
    const { doc, fresh } = docWithSection(DOC, BEGIN, END, `${TABLE}\n`);
    expect(doc).toBe(fresh);
  });
});
