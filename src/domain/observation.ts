/**
 * The schema gate for observations, applied where they are received (the worker): an
 * observation that validates is taken as it is; invalid list elements, then invalid fields,
 * are dropped (never invented); one whose id or site is invalid is rejected. Pure (zod).
 */
import {
  DeadlineSchema,
  ItemSchema,
  OrderObservationSchema,
  TrackingEventSchema,
  TrackingPackageSchema,
  type OrderObservation,
} from './order';

export type ObservationGate =
  | { ok: true; observation: OrderObservation; dropped: string[] }
  | { ok: false; reason: string };

const LIMITS = { items: 200, tracking: 20, deadlines: 50 } as const;

function keepValid(key: 'items' | 'tracking' | 'deadlines', list: unknown[]): unknown[] {
  if (key === 'tracking') {
    const out: unknown[] = [];
    for (const p of list.slice(0, LIMITS.tracking)) {
      if (!p || typeof p !== 'object') continue;
      const events = Array.isArray((p as { events?: unknown }).events) ? ((p as { events: unknown[] }).events) : [];
      const candidate = { ...(p as object), events: events.filter((e) => TrackingEventSchema.safeParse(e).success).slice(0, 500) };
      if (TrackingPackageSchema.safeParse(candidate).success) out.push(candidate);
    }
    return out;
  }
  const schema = key === 'items' ? ItemSchema : DeadlineSchema;
  return list.filter((e) => schema.safeParse(e).success).slice(0, LIMITS[key]);
}

export function gateObservation(raw: unknown): ObservationGate {
  const first = OrderObservationSchema.safeParse(raw);
  if (first.success) return { ok: true, observation: first.data, dropped: [] };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'not a record' };
  const obs: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const bad = new Set<string>();
  for (const issue of first.error.issues) if (typeof issue.path[0] === 'string') bad.add(issue.path[0]);
  if (bad.has('orderId') || bad.has('site')) return { ok: false, reason: 'invalid order id or site' };
  for (const key of bad) {
    const v = obs[key];
    if ((key === 'items' || key === 'tracking' || key === 'deadlines') && Array.isArray(v)) obs[key] = keepValid(key, v);
    else delete obs[key];
  }
  const second = OrderObservationSchema.safeParse(obs);
  if (second.success) return { ok: true, observation: second.data, dropped: [...bad] };
  for (const issue of second.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key !== 'orderId' && key !== 'site') {
      delete obs[key];
      bad.add(key);
    }
  }
  const third = OrderObservationSchema.safeParse(obs);
  return third.success ? { ok: true, observation: third.data, dropped: [...bad] } : { ok: false, reason: 'failed validation' };
}
