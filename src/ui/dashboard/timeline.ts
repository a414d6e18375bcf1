/**
 * An order's timeline as points on one axis: placed, shipped, tracking events, delivered,
 * completed, today and the deadlines that apply. Positions are fractions (0–1) of the span
 * from the first to the last date, for a chart drawn with logical CSS (mirrors in RTL).
 */
import { classifyTrackingEvent } from '../../aliexpress/tracking-class';
import { dayNumber, localDateOf } from '../../domain/dates';
import { kindKey, type ComputedDeadline } from '../../domain/deadlines/engine';
import type { CalendarDate, Order } from '../../domain/order';

export type TimelineKind = 'placed' | 'shipped' | 'tracking' | 'delivered' | 'completed' | 'today' | 'deadline';

export interface TimelinePoint {
  kind: TimelineKind;
  date: CalendarDate;
  /** Catalogue key of the label (deadlines: `deadline_kind_…`); tracking events carry their page text instead. */
  labelKey: string | null;
  /** Page text of a tracking event (data, shown as text). */
  text: string | null;
  /** 0 = the first date, 1 = the last. */
  at: number;
  estimate: boolean;
  past: boolean;
}

/** At most this many tracking events on the chart (the latest ones); the list shows them all. */
export const MAX_TRACKING_POINTS = 12;

export function timelineOf(order: Order, deadlines: readonly ComputedDeadline[], today: CalendarDate): TimelinePoint[] {
  const raw: Omit<TimelinePoint, 'at' | 'past'>[] = [];
  const add = (kind: TimelineKind, date: CalendarDate | null | undefined, labelKey: string | null, text: string | null = null, estimate = false) => {
    if (date) raw.push({ kind, date, labelKey, text, estimate });
  };
  add('placed', order.placedOn, 'popup_timeline_placed');
  add('shipped', order.shippedOn, 'popup_timeline_shipped');
  const events = order.tracking
    .flatMap((p) => p.events)
    .filter((e) => e.at !== null && classifyTrackingEvent(e) !== 'delivered')
    .sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0));
  for (const e of events.slice(-MAX_TRACKING_POINTS)) add('tracking', localDateOf(e.at!), null, e.text);
  const deliveredEvent = order.tracking.flatMap((p) => p.events).find((e) => e.at !== null && classifyTrackingEvent(e) === 'delivered');
  const deliveredAt = order.deliveredAt ?? deliveredEvent?.at ?? null;
  add('delivered', deliveredAt ? localDateOf(deliveredAt) : null, 'popup_timeline_delivered');
  // Until it is delivered: the day AliExpress expects it.
  if (!deliveredAt) add('delivered', order.estimatedDelivery, 'popup_timeline_expected_delivery');
  add('completed', order.completedOn, 'popup_timeline_completed');
  for (const d of deadlines) if (d.applies) add('deadline', d.due, kindKey(d.kind), null, d.source === 'estimate');
  add('today', today, 'popup_timeline_today');

  let min = Infinity;
  let max = -Infinity;
  for (const p of raw) {
    const n = dayNumber(p.date);
    if (n < min) min = n;
    if (n > max) max = n;
  }
  const span = max - min;
  const todayN = dayNumber(today);
  return raw
    .map((p) => {
      const n = dayNumber(p.date);
      return { ...p, at: span > 0 ? (n - min) / span : 0.5, past: n < todayN };
    })
    .sort((a, b) => a.at - b.at);
}
