import { OrderSchema, type Order } from '../../../src/domain/order';

/** An order awaiting delivery, one item and one parcel: what the overlay and message tests send. */
export function sampleOrder(): Order {
  return OrderSchema.parse({
    orderId: '8000000000000001',
    site: 'www.aliexpress.com',
    status: 'awaiting_delivery',
    statusText: 'Awaiting delivery',
    placedOn: '2026-10-01',
    store: { name: 'Store', url: null },
    total: { minor: 1299, currency: 'EUR' },
    items: [{ title: 'Cable', quantity: 1, price: null, variant: null }],
    tracking: [{ number: 'LP1', carrier: 'Cainiao', events: [{ at: null, code: 'X', text: 'In transit' }] }],
    deadlines: [],
    dispute: null,
    firstSeenAt: '2026-10-01T10:00:00.000Z',
    updatedAt: '2026-10-01T10:00:00.000Z',
  });
}
