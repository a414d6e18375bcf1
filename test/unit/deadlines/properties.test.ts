/**
 * Properties of merging stated dates and of reminders over any sequence of page visits
 * (docs/deadlines.md, "Merging" and "Reminders"), checked with fast-check: random
 * observations in random orders, shrunk to the smallest counter-example on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadlines } from './helpers';
import { addDays, dayNumber, localTimeOn } from '../../../src/domain/dates';
import { emptyLog, planReminders, recordRaised, type ReminderLog } from '../../../src/domain/deadlines/reminders';
import { DEFAULT_RULES } from '../../../src/domain/deadlines/rules';
import { mergeDeadlines, mergeObservation } from '../../../src/domain/merge';
import type { Deadline, Order, OrderObservation } from '../../../src/domain/order';

const R = DEFAULT_RULES;
const BASE = '2026-10-01';
const ID = '8123456789012345';
const RUNS = { numRuns: 2_000 };

const kind = fc.constantFrom('no-delivery-refund', 'auto-confirm', 'return-window', 'dispute-window', 'pickup', 'refund-arrival' as const);
const date = fc.integer({ min: 0, max: 60 }).map((n) => addDays(BASE, n));
const deadline: fc.Arbitrary<Deadline> = fc.record({
  kind,
  due: date,
  source: fc.constantFrom('page', 'estimate' as const),
  text: fc.option(fc.constantFrom('Refund if no delivery before …', 'within 7 days', 'before'), { nil: null }),
});
const visits = fc.array(fc.array(deadline, { maxLength: 4 }), { minLength: 1, maxLength: 6 });

const mergeAll = (lists: Deadline[][]) => lists.reduce<Deadline[]>((known, next) => mergeDeadlines(known, next), []);
const canonical = (list: Deadline[]) => [...list].sort((a, b) => `${a.kind}|${a.source}`.localeCompare(`${b.kind}|${b.source}`));

describe('merging stated dates', () => {
  it('is order-independent: the same visits in any order give the same record', () => {
    fc.assert(
      fc.property(visits.chain((lists) => fc.tuple(fc.constant(lists), fc.shuffledSubarray(lists, { minLength: lists.length, maxLength: lists.length }))), ([lists, shuffled]) => {
        expect(canonical(mergeAll(shuffled))).toEqual(canonical(mergeAll(lists)));
        // And within one page's list, too.
        const flat = lists.flat();
        expect(canonical(mergeDeadlines([], [...flat].reverse()))).toEqual(canonical(mergeDeadlines([], flat)));
      }),
      RUNS,
    );
  });

  it('keeps one date per kind and source, the earliest ever stated', () => {
    fc.assert(
      fc.property(visits, (lists) => {
        const merged = mergeAll(lists);
        const all = lists.flat();
        for (const d of merged) {
          const same = all.filter((x) => x.kind === d.kind && x.source === d.source).map((x) => x.due);
          expect(d.due).toBe(same.sort()[0]);
        }
        expect(new Set(merged.map((d) => `${d.kind}|${d.source}`)).size).toBe(merged.length);
      }),
      RUNS,
    );
  });

  it('the engine shows the earliest page date of each kind', () => {
    fc.assert(
      fc.property(fc.array(deadline, { maxLength: 8 }), (list) => {
        const order = orderWith(list.filter((d) => d.source === 'page'));
        for (const c of computeDeadlines(order, R, BASE)) {
          if (c.source !== 'page') continue;
          const stated = list.filter((d) => d.kind === c.kind && d.source === 'page').map((d) => d.due).sort();
          expect(c.due).toBe(stated[0]);
        }
      }),
      RUNS,
    );
  });
});

describe('reminders over any sequence of page visits', () => {
  /** One visit: a page stating these dates, read on day `day` at `hour` (the worker then plans and records). */
  const visit = fc.record({ dates: fc.array(fc.record({ kind, due: date }), { maxLength: 3 }), day: fc.integer({ min: 0, max: 3 }), hour: fc.integer({ min: 0, max: 23 }) });

  it('raise a reminder at most once per order, kind and lead, however the dates move', () => {
    let raised = 0;
    fc.assert(
      fc.property(fc.array(visit, { minLength: 1, maxLength: 8 }), (seq) => {
        let order: Order | undefined;
        let log: ReminderLog = emptyLog();
        let day = 0;
        const seen = new Set<string>();
        for (const v of seq) {
          day += v.day;
          const now = localTimeOn(addDays(BASE, day), v.hour);
          const at = new Date(now).toISOString();
          const obs: OrderObservation = { orderId: ID, site: 'www.aliexpress.com', status: 'awaiting_delivery', deadlines: v.dates.map((d) => ({ ...d, source: 'page' as const, text: null })) };
          order = mergeObservation(order, obs, at);
          const deadlines = computeDeadlines(order, R, addDays(BASE, day));
          // The worker wakes several times a day: plan, raise, record, until nothing is due.
          for (let i = 0; i < 3; i++) {
            const plan = planReminders([{ orderId: ID, firstSeenAt: order.firstSeenAt, deadlines }], log, R, now);
            for (const r of plan.due.reminders) {
              const id = `${r.orderId}|${r.kind}|${r.lead}`;
              expect(seen.has(id), `raised twice: ${id}`).toBe(false);
              seen.add(id);
              raised++;
              expect(dayNumber(r.due) - r.lead, "never before its day").toBeLessThanOrEqual(dayNumber(addDays(BASE, day)));
            }
            log = recordRaised(log, plan.due.reminders, now);
          }
        }
      }),
      { numRuns: 1_000 },
    );
    // Not vacuous: the sequences do raise reminders.
    expect(raised).toBeGreaterThan(500);
  });
});

function orderWith(deadlines: Deadline[]): Order {
  return {
    orderId: ID,
    site: 'www.aliexpress.com',
    status: 'awaiting_delivery',
    statusText: null,
    placedOn: '2026-08-01',
    store: { name: null, url: null },
    total: null,
    items: [],
    tracking: [],
    deadlines,
    dispute: null,
    firstSeenAt: '2026-08-02T10:00:00.000Z',
    updatedAt: '2026-08-02T10:00:00.000Z',
  };
}
