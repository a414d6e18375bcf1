/**
 * The deadlines shared with the shopper's other browsers (docs/sync.md): within storage.sync's
 * quota at 5,000 orders, read back as written, never erased by a browser that knows fewer
 * orders, and a reminder shown in one browser is never shown again in the other.
 */
import { describe, expect, it } from 'vitest';
import { addDays, localTimeOn } from '../../../src/domain/dates';
import { emptyLog, planReminders, recordRaised, type OrderDeadlines, type ReminderLog } from '../../../src/domain/deadlines/reminders';
import { DEFAULT_RULES } from '../../../src/domain/deadlines/rules';
import {
  deadlineOfEntry,
  DIGEST_META_KEY,
  digestEntries,
  mergedDigest,
  packDigest,
  parseShown,
  shownKey,
  SHOWN_KEY,
  SYNC_QUOTA,
  splitShown,
  unpackDigest,
  withShown,
  type DigestEntry,
} from '../../../src/domain/sync-digest';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings';
import { computed } from './helpers';

const TODAY = '2026-09-07';
const id = (i: number) => String(8300000000000000 + i);
const itemBytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

/** 5,000 orders, each with two open deadlines spread over the next 120 days, one of them estimated with its own leads. */
function manyOrders(n = 5000) {
  return Array.from({ length: n }, (_, i) => ({
    orderId: id(i),
    deadlines: [
      computed('no-delivery-refund', addDays(TODAY, (i * 7) % 120), { params: { date: addDays(TODAY, (i * 7) % 120) } }),
      computed('return-window', addDays(TODAY, (i * 11) % 120 + 1), { source: 'estimate', action: 'return_or_refund_before', leads: [0], params: { date: addDays(TODAY, (i * 11) % 120 + 1), rule_days: 15 } }),
      computed('auto-confirm', addDays(TODAY, -3), { params: { date: addDays(TODAY, -3) } }), // past: not shared
      computed('dispute-window', addDays(TODAY, 30), { applies: false }), // does not apply: not shared
    ],
  }));
}

describe('the digest at 5,000 orders', () => {
  const entries = digestEntries(manyOrders(), TODAY);
  const items = packDigest(entries, Date.UTC(2026, 8, 7));
  const shown = withShown([], Array.from({ length: 500 }, (_, i) => shownKey({ orderId: id(i), kind: 'no-delivery-refund', due: addDays(TODAY, i % 90), lead: 7 })));
  const all: Record<string, unknown> = { ...items, settings: DEFAULT_SETTINGS, [SHOWN_KEY]: shown };

  it('fits storage.sync: every item within 8 KB, all of them with the settings and the reminders shown within 100 KB', () => {
    expect(entries).toHaveLength(10_000);
    for (const [key, value] of Object.entries(all)) expect(itemBytes(key, value), key).toBeLessThanOrEqual(SYNC_QUOTA.perItemBytes);
    const total = Object.entries(all).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    expect(total).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes);
    expect(Object.keys(all).length).toBeLessThanOrEqual(SYNC_QUOTA.maxItems);
  });

  it('keeps the most urgent first and cuts the rest, and reads back exactly what it kept', () => {
    const back = unpackDigest(all);
    const kept = (all[DIGEST_META_KEY] as { entries: number }).entries;
    expect(kept).toBeGreaterThan(900);
    expect(kept).toBeLessThan(entries.length);
    expect(back).toEqual(entries.slice(0, kept));
    // Most urgent first: nothing left out is due before the last one kept.
    expect(entries.slice(kept).every((e) => e.due >= back.at(-1)!.due)).toBe(true);
    expect(back[0]).toMatchObject({ due: TODAY, source: 'page' });
  });

  it('holds order ids, kinds, dates and what to do: no item, store, name or address', () => {
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/title|store|address|name/i);
  });

  it('takes nothing it cannot read back: malformed parts and entries are left out', () => {
    const damaged = { ...items, 'digest:0': [['x', 0, TODAY, 'p', 0, {}], 'junk', [id(1), 99, TODAY, 'p', 0, {}], [id(2), 0, 'tomorrow', 'p', 0, {}]], 'digest:1': 'junk' };
    expect(unpackDigest(damaged).every((e) => /^\d{16}$/.test(e.orderId))).toBe(true);
    expect(unpackDigest({})).toEqual([]);
    expect(unpackDigest({ [DIGEST_META_KEY]: { v: 2, parts: 1 } })).toEqual([]);
  });
});

describe('two browsers sharing one sync area', () => {
  const A_ORDER = id(1);
  const due = addDays(TODAY, 10);
  const aOrders = [{ orderId: A_ORDER, deadlines: [computed('no-delivery-refund', due)] }];

  it('a browser that knows fewer orders shares what it learnt instead of erasing it', () => {
    const fromA = digestEntries(aOrders, TODAY);
    const shared = unpackDigest(packDigest(fromA, 1));
    // B knows no order: what it writes back is A's digest.
    expect(mergedDigest([], shared, new Set(), TODAY)).toEqual(fromA);
    // A later reads its own order, now completed (no open deadline): the shared entry goes with it.
    expect(mergedDigest([], shared, new Set([A_ORDER]), TODAY)).toEqual([]);
    // Past deadlines are dropped by whoever writes next.
    expect(mergedDigest([], shared, new Set(), addDays(due, 1))).toEqual([]);
  });

  it('each reminder is shown once, in whichever browser gets to it first, never in the other', () => {
    const sync: Record<string, unknown> = {};
    type Browser = { name: string; entries: () => OrderDeadlines[]; log: ReminderLog; shown: string[] };
    const a: Browser = { name: 'A', entries: () => aOrders.map((o) => ({ ...o, firstSeenAt: 0 })), log: emptyLog(), shown: [] };
    const b: Browser = {
      name: 'B',
      // What B knows: the digest A shared, as the worker turns it into deadlines.
      entries: () => {
        const byOrder = new Map<string, OrderDeadlines>();
        for (const e of unpackDigest(sync)) byOrder.set(e.orderId, { orderId: e.orderId, firstSeenAt: 0, deadlines: [deadlineOfEntry(e, TODAY, DEFAULT_RULES)] });
        return [...byOrder.values()];
      },
      log: emptyLog(),
      shown: [],
    };
    Object.assign(sync, packDigest(digestEntries(aOrders, TODAY), 1));
    /** One worker refresh: plan, skip what the other showed, show the rest, record all, share what was shown. */
    const refresh = (br: Browser, now: number) => {
      const plan = planReminders(br.entries(), br.log, DEFAULT_RULES, now);
      const { fresh } = splitShown(plan.due.reminders, parseShown(sync[SHOWN_KEY]));
      br.shown.push(...fresh.map((r) => `${br.name} lead ${r.lead}`));
      sync[SHOWN_KEY] = withShown(parseShown(sync[SHOWN_KEY]), fresh.map(shownKey));
      br.log = recordRaised(br.log, plan.due.reminders, now);
    };
    // Leads 7, 3, 1, 0 days before the due date, at 09:00: the browsers wake in turns, A or B first.
    for (const [day, first] of [[7, a], [3, b], [1, a], [0, b]] as const) {
      const now = localTimeOn(addDays(due, -day), 9, 30);
      refresh(first, now);
      refresh(first === a ? b : a, now + 60_000);
    }
    expect([...a.shown, ...b.shown].sort()).toEqual(['A lead 1', 'A lead 7', 'B lead 0', 'B lead 3']);
  });

  it('a list of reminders shown stays within one item and drops the oldest first', () => {
    const keys = Array.from({ length: 400 }, (_, i) => shownKey({ orderId: id(i), kind: 'return-window', due: TODAY, lead: 3 }));
    const list = withShown([], keys);
    expect(list).toHaveLength(150);
    expect(list.at(-1)).toBe(keys.at(-1));
    expect(itemBytes(SHOWN_KEY, list)).toBeLessThanOrEqual(SYNC_QUOTA.perItemBytes);
    expect(parseShown([...list, 'junk', 5])).toEqual(list);
  });
});

describe('a deadline from another browser', () => {
  it('is ranked and reminded here like a deadline of this browser', () => {
    const e: DigestEntry = { orderId: id(3), kind: 'return-window', due: addDays(TODAY, 2), source: 'estimate', action: 'return_or_refund_before', params: { date: addDays(TODAY, 2), rule_days: 15 }, leads: [0] };
    expect(deadlineOfEntry(e, TODAY, DEFAULT_RULES)).toMatchObject({ daysLeft: 2, applies: true, remind: true, leads: [0], source: 'estimate', reasonKey: 'deadline_reason_other_browser' });
    expect(deadlineOfEntry(e, addDays(TODAY, 3), DEFAULT_RULES)).toMatchObject({ daysLeft: -1, remind: false });
  });
});
