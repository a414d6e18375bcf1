/**
 * Merging observations into order records. An order seen many times (list, detail,
 * tracking, several tabs) becomes one record: each field takes the newest observation, a
 * field the observation lacks (absent or null) never erases a known one, and status
 * changes are kept as a dated history.
 */
import { localDateOf } from './dates';
import type {
  Deadline,
  Dispute,
  Order,
  OrderObservation,
  TrackingEvent,
  TrackingPackage,
} from './order';

const HISTORY_LIMIT = 50;

function pick<T>(next: T | null | undefined, known: T): T {
  return next === undefined || next === null ? known : next;
}

function eventKey(e: TrackingEvent): string {
  return `${e.at ?? ''}|${e.code ?? ''}|${e.text}`;
}

function mergeEvents(known: TrackingEvent[], next: TrackingEvent[]): TrackingEvent[] {
  const byKey = new Map<string, TrackingEvent>();
  for (const e of known) byKey.set(eventKey(e), e);
  for (const e of next) byKey.set(eventKey(e), e);
  // Newest first, as AliExpress lists them; undated events keep their relative order at the end.
  return [...byKey.values()]
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
    .slice(0, 500);
}

function packageKey(p: TrackingPackage, index: number): string {
  return p.number ? `n:${p.number}` : `i:${index}`;
}

export function mergeTracking(known: TrackingPackage[], next: TrackingPackage[]): TrackingPackage[] {
  const out = new Map<string, TrackingPackage>();
  known.forEach((p, i) => out.set(packageKey(p, i), p));
  next.forEach((p, i) => {
    const key = packageKey(p, i);
    const old = out.get(key);
    out.set(
      key,
      old
        ? { number: pick(p.number, old.number), carrier: pick(p.carrier, old.carrier), events: mergeEvents(old.events, p.events) }
        : p,
    );
  });
  return [...out.values()].slice(0, 20);
}

/**
 * Stated deadlines: one date per kind and source, and of two dates for the same deadline the
 * earliest always wins (docs/deadlines.md, "Merging"): detail says Sep 4, tracking says Sep 3
 * → Sep 3, whichever page was read first. Deterministic and order-independent, so page
 * visits in any order give the same record and no reminder flips back and forth. A date the
 * seller really extended is not taken over: the shopper is reminded of the earlier one,
 * which is the safe side.
 */
export function mergeDeadlines(known: Deadline[], next: Deadline[]): Deadline[] {
  const out = new Map<string, Deadline>();
  for (const d of [...known, ...next]) {
    const key = `${d.kind}|${d.source}`;
    const old = out.get(key);
    if (!old || d.due < old.due || (d.due === old.due && (d.text ?? '') < (old.text ?? ''))) out.set(key, d);
  }
  return [...out.values()];
}

function mergeDispute(known: Dispute | null, next: Dispute | null | undefined, now: string): Dispute | null {
  if (!next) return known;
  const today = localDateOf(now);
  if (!known) return { ...next, stageSince: next.stageSince ?? today };
  const stage = next.stage === 'unknown' ? known.stage : next.stage;
  return {
    id: pick(next.id, known.id),
    stage,
    // The day the dispute was first seen at this stage: a refund is expected from it.
    stageSince: stage === known.stage ? (known.stageSince ?? next.stageSince ?? today) : (next.stageSince ?? today),
    statusText: pick(next.statusText, known.statusText),
    openedOn: pick(next.openedOn, known.openedOn),
    url: pick(next.url, known.url),
    markedByShopper: next.markedByShopper ?? known.markedByShopper,
    requested: pick(next.requested, known.requested ?? null),
    offered: pick(next.offered, known.offered ?? null),
  };
}

/** A new record from a first observation. */
export function orderFromObservation(obs: OrderObservation, now: string): Order {
  const status = obs.status ?? 'unknown';
  return {
    orderId: obs.orderId,
    site: obs.site,
    status,
    statusText: obs.statusText ?? null,
    placedOn: obs.placedOn ?? null,
    shippedOn: obs.shippedOn ?? null,
    completedOn: obs.completedOn ?? null,
    deliveredAt: obs.deliveredAt ?? null,
    estimatedDelivery: obs.estimatedDelivery ?? null,
    store: obs.store ?? { name: null, url: null },
    total: obs.total ?? null,
    items: obs.items ?? [],
    tracking: obs.tracking ?? [],
    deadlines: mergeDeadlines([], obs.deadlines ?? []),
    dispute: mergeDispute(null, obs.dispute, now),
    canConfirm: obs.canConfirm ?? false,
    statusHistory: status === 'unknown' ? [] : [{ status, at: now }],
    firstSeenAt: now,
    updatedAt: now,
  };
}

/** Fold one observation (seen at `now`) into a known record. */
export function mergeObservation(known: Order | undefined, obs: OrderObservation, now: string): Order {
  if (!known) return orderFromObservation(obs, now);
  const status = obs.status && obs.status !== 'unknown' ? obs.status : known.status;
  const history = known.statusHistory ?? [];
  const statusHistory =
    status !== known.status || history.length === 0
      ? [...history, { status, at: now }].slice(-HISTORY_LIMIT)
      : history;
  return {
    orderId: known.orderId,
    site: obs.site || known.site,
    status,
    statusText: pick(obs.statusText, known.statusText),
    placedOn: pick(obs.placedOn, known.placedOn),
    shippedOn: pick(obs.shippedOn, known.shippedOn ?? null),
    completedOn: pick(obs.completedOn, known.completedOn ?? null),
    deliveredAt: pick(obs.deliveredAt, known.deliveredAt ?? null),
    // The latest estimate a page gives replaces the earlier one (AliExpress moves it).
    estimatedDelivery: pick(obs.estimatedDelivery, known.estimatedDelivery ?? null),
    store: {
      name: pick(obs.store?.name, known.store.name),
      url: pick(obs.store?.url, known.store.url),
    },
    total: pick(obs.total, known.total),
    items: obs.items && obs.items.length > 0 ? obs.items : known.items,
    tracking: obs.tracking ? mergeTracking(known.tracking, obs.tracking) : known.tracking,
    deadlines: obs.deadlines ? mergeDeadlines(known.deadlines, obs.deadlines) : known.deadlines,
    dispute: mergeDispute(known.dispute, obs.dispute, now),
    canConfirm: obs.canConfirm ?? known.canConfirm ?? false,
    statusHistory: status === 'unknown' && history.length === 0 ? [] : statusHistory,
    firstSeenAt: known.firstSeenAt,
    updatedAt: now,
  };
}
