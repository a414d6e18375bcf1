/**
 * Merging observations into order records. An order seen many times (list, detail,
 * tracking, several tabs) becomes one record: each field takes the newest observation, a
 * field the observation lacks (absent or null) never erases a known one, and status
 * changes are kept as a dated history.
 */
import { dayNumber } from './dates';
import type {
  Deadline,
  Dispute,
  Order,
  OrderObservation,
  TrackingEvent,
  TrackingPackage,
} from './order';

const HISTORY_LIMIT = 50;
/** Two stated dates of one kind this close are the same promise seen from two pages: keep the earlier. */
const SAME_PROMISE_DAYS = 3;

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
 * Stated deadlines: per kind and source, a new observation replaces the known date, except
 * that two page dates of one kind within a few days of each other (detail says Sep 4, tracking
 * says Sep 3) are one promise and the earlier wins. A later date further away is a real change
 * (the seller extended protection) and wins as the newest.
 */
export function mergeDeadlines(known: Deadline[], next: Deadline[]): Deadline[] {
  const out = new Map<string, Deadline>();
  for (const d of known) out.set(`${d.kind}|${d.source}`, d);
  for (const d of next) {
    const key = `${d.kind}|${d.source}`;
    const old = out.get(key);
    if (old && d.source === 'page' && old.due < d.due && dayNumber(d.due) - dayNumber(old.due) <= SAME_PROMISE_DAYS) {
      continue;
    }
    out.set(key, d);
  }
  return [...out.values()];
}

function mergeDispute(known: Dispute | null, next: Dispute | null | undefined): Dispute | null {
  if (!next) return known;
  if (!known) return next;
  return {
    id: pick(next.id, known.id),
    stage: next.stage === 'unknown' ? known.stage : next.stage,
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
    store: obs.store ?? { name: null, url: null },
    total: obs.total ?? null,
    items: obs.items ?? [],
    tracking: obs.tracking ?? [],
    deadlines: obs.deadlines ?? [],
    dispute: obs.dispute ?? null,
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
    store: {
      name: pick(obs.store?.name, known.store.name),
      url: pick(obs.store?.url, known.store.url),
    },
    total: pick(obs.total, known.total),
    items: obs.items && obs.items.length > 0 ? obs.items : known.items,
    tracking: obs.tracking ? mergeTracking(known.tracking, obs.tracking) : known.tracking,
    deadlines: obs.deadlines ? mergeDeadlines(known.deadlines, obs.deadlines) : known.deadlines,
    dispute: mergeDispute(known.dispute, obs.dispute),
    canConfirm: obs.canConfirm ?? known.canConfirm ?? false,
    statusHistory: status === 'unknown' && history.length === 0 ? [] : statusHistory,
    firstSeenAt: known.firstSeenAt,
    updatedAt: now,
  };
}
