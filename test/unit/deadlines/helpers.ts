import type { CalendarDate, Deadline, DeadlineKind, Dispute, Order, TrackingEvent } from '../../../src/domain/order';
import { assessOrder, type ComputedDeadline, type DeadlineFacts } from '../../../src/domain/deadlines/engine';
import { planReminders, type ReminderLog } from '../../../src/domain/deadlines/reminders';
import type { Rules } from '../../../src/domain/deadlines/rules';
import { OrderSchema } from '../../../src/domain/order';

export function makeOrder(over: Partial<Order> = {}): Order {
  const order: Order = {
    orderId: '8123456789012345',
    site: 'www.aliexpress.com',
    status: 'awaiting_delivery',
    statusText: null,
    placedOn: '2026-08-01',
    store: { name: null, url: null },
    total: { minor: 2509, currency: 'USD' },
    items: [],
    tracking: [],
    deadlines: [],
    dispute: null,
    firstSeenAt: '2026-08-02T10:00:00.000Z',
    updatedAt: '2026-08-02T10:00:00.000Z',
    ...over,
  };
  // Every fixture must be a valid record: the engine only ever sees validated orders.
  OrderSchema.parse(order);
  return order;
}

export function page(kind: DeadlineKind, due: string, text: string | null = null): Deadline {
  return { kind, due, source: 'page', text };
}

export function dispute(over: Partial<Dispute> = {}): Dispute {
  return { id: '9001', stage: 'awaiting_seller', statusText: null, openedOn: '2026-09-01', url: null, ...over };
}

export function event(at: string, code: string | null = null, text = 'event'): TrackingEvent {
  return { at, code, text };
}

/** A computed deadline that should be reminded of (fields the planner reads set sensibly). */
export function computed(kind: DeadlineKind, due: string, over: Partial<ComputedDeadline> = {}): ComputedDeadline {
  return {
    kind,
    due,
    source: 'page',
    text: null,
    action: 'open_not_received_dispute',
    applies: true,
    daysLeft: 0,
    urgency: 'soon',
    reasonKey: 'deadline_reason_page',
    params: { date: due },
    remind: true,
    ...over,
  };
}

/** An order's deadlines as the engine assesses them (`assessOrder(...).deadlines`). */
export function computeDeadlines(order: Order, rules: Rules, today: CalendarDate, facts?: DeadlineFacts): ComputedDeadline[] {
  return assessOrder(order, rules, today, facts).deadlines;
}

/** The reminders due now (`planReminders(...).due`). */
export function dueReminders(entries: Parameters<typeof planReminders>[0], log: ReminderLog, rules: Rules, now: number): ReturnType<typeof planReminders>['due'] {
  return planReminders(entries, log, rules, now).due;
}
