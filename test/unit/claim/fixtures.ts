import type { Order, TrackingEvent } from '../../../src/domain/order';

export interface OrderSpec {
  currency?: string;
  /** Order total in minor units; null = unknown. */
  total?: number | null;
  /** Unit price of the single item, minor units. */
  price?: number | null;
  quantity?: number;
  status?: Order['status'];
  deliveredAt?: string | null;
  events?: TrackingEvent[];
  protectionEndsOn?: string | null;
  title?: string;
  items?: Order['items'];
}

export const ORDER_ID = '8201234567890123';

export function makeOrder(spec: OrderSpec = {}): Order {
  const currency = spec.currency ?? 'USD';
  const quantity = spec.quantity ?? 4;
  const price = spec.price === undefined ? 1250 : spec.price;
  const total = spec.total === undefined ? (price ?? 0) * quantity : spec.total;
  return {
    orderId: ORDER_ID,
    site: 'www.aliexpress.com',
    status: spec.status ?? 'completed',
    statusText: null,
    placedOn: '2026-08-03',
    shippedOn: '2026-08-05',
    deliveredAt: spec.deliveredAt === undefined ? '2026-08-28T10:00:00.000Z' : spec.deliveredAt,
    store: { name: 'Example Store', url: null },
    total: total === null ? null : { minor: total, currency },
    items: spec.items ?? [
      {
        title: spec.title ?? 'Wireless earbuds with charging case',
        quantity,
        price: price === null ? null : { minor: price, currency },
        variant: 'Black',
      },
    ],
    tracking: [
      {
        number: 'LP00123456789012',
        carrier: 'Cainiao',
        events: spec.events ?? [],
      },
    ],
    deadlines: spec.protectionEndsOn
      ? [{ kind: 'no-delivery-refund', due: spec.protectionEndsOn, source: 'page', text: null }]
      : [],
    dispute: null,
    firstSeenAt: '2026-08-03T09:00:00.000Z',
    updatedAt: '2026-08-28T10:00:00.000Z',
  };
}

export const TRANSIT_EVENT: TrackingEvent = {
  at: '2026-08-10T04:00:00.000Z',
  code: 'CARRIER_SCAN',
  text: 'Departed from sorting center',
};
export const PRE_SHIPMENT_EVENT: TrackingEvent = {
  at: '2026-08-04T04:00:00.000Z',
  code: null,
  text: 'Order received by seller',
};
