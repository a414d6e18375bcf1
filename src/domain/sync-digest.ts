/**
 * The deadlines digest a browser shares with the shopper's other browsers through the
 * browser's own sync (`storage.sync`), and the reminders already shown, so that none is shown
 * twice (docs/sync.md). Pure: what goes in, how it is cut to the sync quota, how it is read
 * back. The digest holds order ids, deadline kinds, dates and what to do: no item, name,
 * store or address.
 */
import { dayNumber, type CalendarDate } from './dates';
import { ACTION_KEYS, urgencyOf, type ActionKey, type ComputedDeadline } from './deadlines/engine';
import type { Rules } from './deadlines/rules';
import { DEADLINE_KINDS, type DeadlineKind } from './order';

/**
 * `storage.sync`'s quota (Chrome and Firefox): 8,192 bytes per item (its key and its value as
 * JSON), 102,400 bytes in all, 512 items. The digest takes at most `digestBytes` of it, in
 * parts of at most `partBytes`, leaving room for the settings and the reminders shown.
 */
export const SYNC_QUOTA = { perItemBytes: 8192, totalBytes: 102_400, maxItems: 512 } as const;
export const DIGEST_LIMITS = { parts: 10, partBytes: 8000, digestBytes: 80_000 } as const;
/** Reminders shown, most recent last: enough for every lead of the most urgent deadlines, within one item. */
export const SHOWN_LIMIT = 150;

export const DIGEST_META_KEY = 'digest';
export const DIGEST_PART_PREFIX = 'digest:';
export const SHOWN_KEY = 'remindersShown';

/** One open deadline of one order, as another browser needs it to show and remind it. */
export interface DigestEntry {
  orderId: string;
  kind: DeadlineKind;
  due: CalendarDate;
  source: 'page' | 'estimate';
  action: ActionKey;
  params: Record<string, string | number>;
  leads?: number[];
}

/** An entry as stored: [orderId, kind index, due, "p"|"e", action index, params, leads?]. */
type Packed = [string, number, string, 'p' | 'e', number, Record<string, string | number>, number[]?];

const bytes = (s: string): number => new TextEncoder().encode(s).length;

/** By due date, then order id and kind: the order the digest keeps and cuts in. */
function mostUrgentFirst(a: DigestEntry, b: DigestEntry): number {
  return order(a.due, b.due) || order(a.orderId, b.orderId) || order(a.kind, b.kind);
}
const order = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The deadlines worth telling another browser: those that apply and are not past, most urgent first. */
export function digestEntries(orders: readonly { orderId: string; deadlines: readonly ComputedDeadline[] }[], today: CalendarDate): DigestEntry[] {
  const out: DigestEntry[] = [];
  for (const o of orders) {
    for (const d of o.deadlines) {
      if (!d.applies || !d.remind || d.due < today) continue;
      out.push({ orderId: o.orderId, kind: d.kind, due: d.due, source: d.source, action: d.action, params: d.params, ...(d.leads ? { leads: d.leads } : {}) });
    }
  }
  return out.sort(mostUrgentFirst);
}

function pack(e: DigestEntry): Packed {
  const p: Packed = [e.orderId, DEADLINE_KINDS.indexOf(e.kind), e.due, e.source === 'page' ? 'p' : 'e', ACTION_KEYS.indexOf(e.action), e.params];
  if (e.leads) p.push(e.leads);
  return p;
}

/**
 * The storage.sync items of a digest: `digest` (its version, when, how many parts) and
 * `digest:0`… holding the entries, most urgent first, each part within `partBytes` and all of
 * them within `digestBytes`. What does not fit is left out, least urgent first.
 */
export function packDigest(entries: readonly DigestEntry[], at: number): Record<string, unknown> {
  const parts: Packed[][] = [[]];
  let partSize = 2;
  let total = 0;
  for (const e of entries) {
    const p = pack(e);
    const size = bytes(JSON.stringify(p)) + 1;
    if (partSize + size > DIGEST_LIMITS.partBytes - DIGEST_PART_PREFIX.length - 2) {
      if (parts.length >= DIGEST_LIMITS.parts) break;
      parts.push([]);
      partSize = 2;
    }
    if (total + size > DIGEST_LIMITS.digestBytes) break;
    parts.at(-1)!.push(p);
    partSize += size;
    total += size;
  }
  const out: Record<string, unknown> = { [DIGEST_META_KEY]: { v: 1, at, parts: parts.length, entries: parts.reduce((n, p) => n + p.length, 0) } };
  parts.forEach((p, i) => (out[`${DIGEST_PART_PREFIX}${i}`] = p));
  return out;
}

/** The storage.sync keys a digest of `parts` parts does not use (to remove): every part key up to the limit. */
export function unusedDigestKeys(parts: number): string[] {
  return Array.from({ length: DIGEST_LIMITS.parts - parts }, (_, i) => `${DIGEST_PART_PREFIX}${parts + i}`);
}

const ORDER_ID = /^\d{6,24}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function unpackOne(x: unknown): DigestEntry | null {
  if (!Array.isArray(x) || x.length < 6 || x.length > 7) return null;
  const [orderId, kind, due, source, action, params, leads] = x as unknown[];
  const k = typeof kind === 'number' ? DEADLINE_KINDS[kind] : undefined;
  const a = typeof action === 'number' ? ACTION_KEYS[action] : undefined;
  if (typeof orderId !== 'string' || !ORDER_ID.test(orderId) || !k || !a || typeof due !== 'string' || !DAY.test(due) || (source !== 'p' && source !== 'e')) return null;
  if (!params || typeof params !== 'object' || Array.isArray(params)) return null;
  const p: Record<string, string | number> = {};
  for (const [key, v] of Object.entries(params).slice(0, 12)) if ((typeof v === 'string' && v.length <= 64) || typeof v === 'number') p[key] = v;
  const l = Array.isArray(leads) && leads.length <= 16 && leads.every((n) => Number.isInteger(n) && n >= 0 && n <= 366) ? (leads as number[]) : undefined;
  return { orderId, kind: k, due, source: source === 'p' ? 'page' : 'estimate', action: a, params: p, ...(l ? { leads: l } : {}) };
}

/** The entries of a digest read back from storage.sync; anything malformed is left out. */
export function unpackDigest(items: Record<string, unknown>): DigestEntry[] {
  const meta = items[DIGEST_META_KEY] as { v?: unknown; parts?: unknown } | undefined;
  if (!meta || meta.v !== 1 || typeof meta.parts !== 'number') return [];
  const out: DigestEntry[] = [];
  for (let i = 0; i < Math.min(meta.parts, DIGEST_LIMITS.parts); i++) {
    const part = items[`${DIGEST_PART_PREFIX}${i}`];
    if (!Array.isArray(part)) continue;
    for (const x of part) {
      const e = unpackOne(x);
      if (e) out.push(e);
    }
  }
  return out;
}

/**
 * What this browser shares: its own open deadlines, and those of the current digest for orders
 * it does not know (learnt from the other browsers), so that a browser with no orders never
 * erases what another one shared.
 */
export function mergedDigest(own: readonly DigestEntry[], shared: readonly DigestEntry[], knownOrderIds: ReadonlySet<string>, today: CalendarDate): DigestEntry[] {
  const others = shared.filter((e) => !knownOrderIds.has(e.orderId) && e.due >= today);
  return [...own, ...others].sort(mostUrgentFirst);
}

/** A deadline from another browser, as this browser's reminders and badge take it. */
export function deadlineOfEntry(e: DigestEntry, today: CalendarDate, rules: Pick<Rules, 'urgentDays' | 'soonDays'>): ComputedDeadline {
  const daysLeft = dayNumber(e.due) - dayNumber(today);
  return {
    kind: e.kind,
    due: e.due,
    source: e.source,
    text: null,
    action: e.action,
    applies: true,
    daysLeft,
    urgency: urgencyOf(daysLeft, rules),
    reasonKey: 'deadline_reason_other_browser',
    params: e.params,
    remind: daysLeft >= 0,
    ...(e.leads ? { leads: e.leads } : {}),
  };
}

// ---------------------------------------------------------------- reminders shown

/** A reminder's identity across browsers: the deadline, its date and the lead it stands for. */
export function shownKey(r: { orderId: string; kind: DeadlineKind; due: CalendarDate; lead: number }): string {
  return `${r.orderId}|${DEADLINE_KINDS.indexOf(r.kind)}|${r.due}|${r.lead}`;
}

/** The shared list of reminders shown, read back (strings of the shownKey shape only). */
export function parseShown(x: unknown): string[] {
  if (!Array.isArray(x)) return [];
  return x.filter((k): k is string => typeof k === 'string' && /^\d{6,24}\|\d{1,2}\|\d{4}-\d{2}-\d{2}\|\d{1,3}$/.test(k)).slice(-SHOWN_LIMIT);
}

/** The list after showing `keys`: appended, the oldest dropped past the limit. */
export function withShown(shown: readonly string[], keys: readonly string[]): string[] {
  const set = new Set(shown);
  return [...shown, ...keys.filter((k) => !set.has(k))].slice(-SHOWN_LIMIT);
}

/**
 * Reminders due now, split by whether another browser already showed them (the shared list):
 * those are recorded here as raised and not shown again.
 */
export function splitShown<R extends { orderId: string; kind: DeadlineKind; due: CalendarDate; lead: number }>(due: readonly R[], shown: readonly string[]): { fresh: R[]; elsewhere: R[] } {
  const set = new Set(shown);
  const fresh: R[] = [];
  const elsewhere: R[] = [];
  for (const r of due) (set.has(shownKey(r)) ? elsewhere : fresh).push(r);
  return { fresh, elsewhere };
}
