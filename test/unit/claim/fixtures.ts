import type { AnswerValue } from '../../../src/domain/claim/draft';
import type { QuestionId } from '../../../src/domain/claim/reasons';
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

/** A shopper's answer to every question, in English, as the claim tests and docs/claims.md use them. */
export const ANSWERS: Record<QuestionId, AnswerValue> = {
  ordered_colour: 'navy blue',
  received_colour: 'light gray',
  ordered_size: 'XL',
  received_size: 'M',
  ordered_material: 'genuine leather',
  received_material: 'imitation leather',
  ordered_model: 'model with two buttons',
  received_model: 'model with one button',
  missing_parts: 'the charging cable and the manual',
  fault: 'the left earbud gives no sound',
  fault_since: '2026-08-30',
  quality_problem: 'the seams are open and the paint is peeling',
  counterfeit_brand: 'Sony',
  counterfeit_how: 'the serial number fails the check on the Sony website and there is no hologram',
  quantity_ordered: 4,
  quantity_received: 3,
  damage: 'the case is cracked and the lid is broken',
  damage_visible: true,
  package_damaged: true,
  shipping_chosen: 'AliExpress Standard Shipping',
  shipping_used: 'a postal service without tracking',
  tracking_number: 'LP00123456789012',
  last_tracking_update: '2026-08-10',
  returned_on: '2026-08-20',
  duty_amount: '45 euros',
  delivered_to: 'a pickup point in another city',
};
