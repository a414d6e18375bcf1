import { describe, expect, test } from 'vitest';
import { OrderObservationSchema, type OrderStatus } from '../../../src/domain/order';
import { API, readApiPayload, statusFromText } from '../../../src/aliexpress';
import { deadlinesFromText } from '../../../src/aliexpress/read/common';

const ctx = { site: 'aliexpress.com', now: new Date('2026-09-07T10:00:00Z') };

interface OrderSpec {
  id: string;
  statusText?: unknown;
  buttons?: string[];
  price?: string;
  formatPriceInfo?: string;
  currencyCode?: string;
  date?: string;
  extra?: Record<string, unknown>;
}

function listPayload(orders: OrderSpec[], keyStyle: 'pc' | 'short' = 'pc', hasMore = false) {
  const data: Record<string, unknown> = {
    pc_om_list_body_1: { tag: 'pc_om_list_body', fields: { hasMore, pageIndex: 1 } },
  };
  for (const o of orders) {
    data[keyStyle === 'pc' ? `pc_om_list_order_${o.id}` : `order_${o.id}`] = {
      tag: 'pc_om_list_order',
      type: 'pc_om_list_order',
      id: o.id,
      fields: {
        orderId: o.id,
        statusText: o.statusText,
        orderDateText: o.date ?? 'Sep 1, 2026',
        totalPriceText: o.price,
        formatPriceInfo: o.formatPriceInfo,
        currencyCode: o.currencyCode,
        storeName: 'Shop',
        buttons: (o.buttons ?? []).map((type) => ({ type, text: type })),
        orderLines: [{ itemTitle: 'Thing', quantity: 1, itemPriceText: o.price }],
        ...o.extra,
      },
    };
  }
  return { api: API.orderList, ret: ['SUCCESS::ok'], v: '1.0', data: { data } };
}

describe('statuses', () => {
  const byLanguage: Record<string, [OrderStatus, string][]> = {
    en: [['awaiting_payment', 'Awaiting payment'], ['awaiting_shipment', 'Awaiting shipment'], ['awaiting_delivery', 'Awaiting delivery'], ['completed', 'Completed'], ['closed', 'Closed'], ['cancelled', 'Cancelled'], ['closed', 'Expired'], ['in_dispute', 'In dispute']],
    es: [['awaiting_payment', 'Pendiente de pago'], ['awaiting_shipment', 'Pendiente de envío'], ['awaiting_delivery', 'Pendiente de entrega'], ['completed', 'Completado'], ['closed', 'Cerrado'], ['cancelled', 'Cancelado']],
    pt: [['awaiting_payment', 'Aguardando pagamento'], ['awaiting_shipment', 'Aguardando envio'], ['awaiting_delivery', 'Aguardando entrega'], ['completed', 'Concluído'], ['closed', 'Encerrado'], ['cancelled', 'Cancelado']],
    fr: [['awaiting_payment', 'En attente de paiement'], ['awaiting_shipment', 'En attente d’expédition'], ['awaiting_delivery', 'En attente de livraison'], ['completed', 'Terminé'], ['closed', 'Fermé'], ['cancelled', 'Annulée']],
    nl: [['awaiting_payment', 'Wacht op betaling'], ['awaiting_shipment', 'Wacht op verzending'], ['awaiting_delivery', 'Wacht op levering'], ['completed', 'Voltooid'], ['closed', 'Gesloten'], ['cancelled', 'Geannuleerd']],
    de: [['awaiting_payment', 'Zahlung ausstehend'], ['awaiting_shipment', 'Versand ausstehend'], ['awaiting_delivery', 'Lieferung ausstehend'], ['completed', 'Abgeschlossen'], ['closed', 'Geschlossen'], ['cancelled', 'Storniert']],
    it: [['awaiting_payment', 'In attesa di pagamento'], ['awaiting_shipment', 'In attesa di spedizione'], ['awaiting_delivery', 'In attesa di consegna'], ['completed', 'Completato'], ['closed', 'Chiuso'], ['cancelled', 'Annullato']],
    pl: [['awaiting_payment', 'Oczekuje na płatność'], ['awaiting_shipment', 'Oczekuje na wysyłkę'], ['awaiting_delivery', 'Oczekuje na dostawę'], ['completed', 'Zakończone'], ['closed', 'Zamknięte'], ['cancelled', 'Anulowane']],
    ru: [['awaiting_payment', 'Ожидает оплаты'], ['awaiting_shipment', 'Ожидает отправки'], ['awaiting_delivery', 'Ожидает доставки'], ['completed', 'Завершён'], ['closed', 'Закрыт'], ['cancelled', 'Отменён'], ['in_dispute', 'Открыт спор']],
    he: [['awaiting_payment', 'ממתין לתשלום'], ['awaiting_shipment', 'ממתין למשלוח'], ['awaiting_delivery', 'ממתין למסירה'], ['completed', 'הושלם'], ['closed', 'סגור'], ['cancelled', 'בוטל'], ['in_dispute', 'במחלוקת']],
    ja: [['awaiting_payment', '支払い待ち'], ['awaiting_shipment', '発送待ち'], ['awaiting_delivery', '配達待ち'], ['completed', '完了'], ['cancelled', 'キャンセル済み'], ['in_dispute', '紛争中']],
    ko: [['awaiting_payment', '결제 대기 중'], ['awaiting_shipment', '발송 대기 중'], ['awaiting_delivery', '배송 중'], ['completed', '완료'], ['cancelled', '취소됨'], ['in_dispute', '분쟁 중']],
    ar: [['awaiting_payment', 'في انتظار الدفع'], ['awaiting_shipment', 'في انتظار الشحن'], ['awaiting_delivery', 'في انتظار التسليم'], ['completed', 'مكتمل'], ['closed', 'مغلق'], ['cancelled', 'تم الإلغاء'], ['in_dispute', 'في نزاع']],
  };
  for (const [lang, rows] of Object.entries(byLanguage)) {
    test(`status labels in ${lang}`, () => {
      for (const [status, label] of rows) expect([label, statusFromText(label)]).toEqual([label, status]);
    });
  }

  test('raw enums in place of a label', () => {
    expect(statusFromText('WAIT_BUYER_ACCEPT_GOODS')).toBe('awaiting_delivery');
    expect(statusFromText('WAIT_SELLER_SEND_GOODS')).toBe('awaiting_shipment');
    expect(statusFromText('PLACE_ORDER_SUCCESS')).toBe('awaiting_payment');
    expect(statusFromText('FINISH')).toBe('completed');
    expect(statusFromText('IN_ISSUE')).toBe('in_dispute');
    expect(statusFromText('Something new')).toBeNull();
  });

  test('button codes beat labels; unknown labels stay as text', () => {
    const r = readApiPayload(
      API.orderList,
      listPayload([
        { id: '8000000000000001', statusText: 'Completed', buttons: ['CONFIRM_GOODS', 'TRACKING'] },
        { id: '8000000000000002', statusText: 'Shipped (partly)', buttons: ['PAY'] },
        { id: '8000000000000003', statusText: 'WAIT_BUYER_ACCEPT_GOODS', buttons: ['TRACKING'] },
        { id: '8000000000000004', statusText: 'Some brand new label', buttons: [] },
        { id: '8000000000000005', statusText: 'Oczekuje na dostawę', buttons: ['TRACKING'] },
      ]),
      ctx,
    );
    expect(r.observations.map((o) => [o.orderId, o.status, o.statusText, o.canConfirm])).toEqual([
      ['8000000000000001', 'awaiting_delivery', 'Completed', true],
      ['8000000000000002', 'awaiting_payment', 'Shipped (partly)', false],
      ['8000000000000003', 'awaiting_delivery', 'WAIT_BUYER_ACCEPT_GOODS', false],
      ['8000000000000004', 'unknown', 'Some brand new label', false],
      ['8000000000000005', 'awaiting_delivery', 'Oczekuje na dostawę', false],
    ]);
  });
});

describe('component key styles and currencies', () => {
  const orders: OrderSpec[] = [
    { id: '8100000000000001', price: 'US $25.09', currencyCode: 'USD' },
    { id: '8100000000000002', price: '€48.88' },
    { id: '8100000000000003', price: 'R$132,74', formatPriceInfo: 'R$132,74|132|74', currencyCode: 'BRL' },
    { id: '8100000000000004', price: '129,46zł' },
    { id: '8100000000000005', price: '₩11,110', currencyCode: 'KRW' },
    { id: '8100000000000006', price: 'C$30.66' },
    { id: '8100000000000007', price: '10,451円' },
    { id: '8100000000000008', price: '62,76 руб.' },
    { id: '8100000000000009', price: '₪45.90' },
    { id: '8100000000000010', price: '£12.99' },
    { id: '8100000000000011', price: 'MX$350.00' },
    { id: '8100000000000012', price: '1 234,56 Kč' },
  ];
  const expected = [
    [2509, 'USD'], [4888, 'EUR'], [13274, 'BRL'], [12946, 'PLN'], [11110, 'KRW'], [3066, 'CAD'],
    [10451, 'JPY'], [6276, 'RUB'], [4590, 'ILS'], [1299, 'GBP'], [35000, 'MXN'], [123456, 'CZK'],
  ];
  for (const style of ['pc', 'short'] as const) {
    test(`keys ${style === 'pc' ? 'pc_om_list_order_<id>' : 'order_<id>'}: 12 currencies`, () => {
      const r = readApiPayload(API.orderList, listPayload(orders, style, true), ctx);
      expect(r.problems).toEqual([]);
      expect(r.hasMore).toBe(true);
      expect(r.observations.map((o) => [o.total?.minor, o.total?.currency])).toEqual(expected);
      expect(r.observations.map((o) => o.items?.[0]?.price?.minor)).toEqual(expected.map((e) => e[0]));
    });
  }

  test('a component without orderId takes it from its key; an empty list is reported', () => {
    const p = listPayload([{ id: '8200000000000001', price: '€1.00' }], 'short');
    const comp = (p.data.data as Record<string, { fields: Record<string, unknown> }>)['order_8200000000000001'];
    if (comp) delete comp.fields.orderId;
    expect(readApiPayload(API.orderList, p, ctx).observations[0]?.orderId).toBe('8200000000000001');
    const empty = readApiPayload(API.orderList, listPayload([]), ctx);
    expect(empty.observations).toEqual([]);
    expect(empty.problems.map((x) => x.code)).toEqual(['no-orders-found']);
    expect(empty.hasMore).toBe(false);
  });

  test('HTML and script in strings are stripped to text', () => {
    const r = readApiPayload(
      API.orderList,
      listPayload([{ id: '8300000000000001', statusText: '<b>Awaiting delivery</b><script>alert(1)</script>', price: '€1.00', extra: { storeName: '<img src=x onerror=alert(1)>Shop &amp; Co' } }]),
      ctx,
    );
    const o = r.observations[0];
    expect(o?.statusText).toBe('Awaiting delivery');
    expect(o?.status).toBe('awaiting_delivery');
    expect(o?.store?.name).toBe('Shop & Co');
    expect(OrderObservationSchema.safeParse(o).success).toBe(true);
  });
});

describe('deadline phrases in several languages', () => {
  const now = ctx.now;
  const rows: [string, string, string][] = [
    ['no-delivery-refund', 'Refund if no delivery before Sep 4, 2026', '2026-09-04'],
    ['no-delivery-refund', 'Reembolso si no hay entrega antes del 4 de septiembre de 2026', '2026-09-04'],
    ['no-delivery-refund', 'Reembolso se não houver entrega até 4 de set. de 2026', '2026-09-04'],
    ['no-delivery-refund', 'Remboursement si pas de livraison avant le 4 sept. 2026', '2026-09-04'],
    ['no-delivery-refund', 'Terugbetaling als niet geleverd vóór 4 sep. 2026', '2026-09-04'],
    ['no-delivery-refund', 'Rückerstattung bei Nichtlieferung bis 4. Sept. 2026', '2026-09-04'],
    ['no-delivery-refund', 'Rimborso se non consegnato entro il 4 set 2026', '2026-09-04'],
    ['no-delivery-refund', 'Zwrot pieniędzy w przypadku braku dostawy do 4 wrz 2026', '2026-09-04'],
    ['no-delivery-refund', 'Возврат средств, если заказ не доставлен до 4 сент. 2026 г.', '2026-09-04'],
    ['no-delivery-refund', 'החזר כספי אם לא נמסר עד 4 בספט׳ 2026', '2026-09-04'],
    ['no-delivery-refund', '2026年9月4日までに配達されない場合は返金', '2026-09-04'],
    ['no-delivery-refund', '2026년 9월 4일까지 배송되지 않으면 환불', '2026-09-04'],
    ['late-delivery-coupon', 'Apply for US $5.00 coupon code if delayed by Aug 3, 2026', '2026-08-03'],
    ['late-delivery-coupon', 'Cupón de 5 € si hay retraso después del 3 ago 2026', '2026-08-03'],
    ['late-delivery-coupon', 'Cupom de R$5 se houver atraso até 3 de ago. de 2026', '2026-08-03'],
    ['late-delivery-coupon', 'Gutschein über 5 € bei Verspätung nach 3. Aug. 2026', '2026-08-03'],
    ['late-delivery-coupon', 'Купон 300 руб., если задержка после 3 августа 2026', '2026-08-03'],
    ['auto-confirm', 'The order will be confirmed automatically on Sep 30, 2026', '2026-09-30'],
    ['auto-confirm', 'Receipt will be confirmed automatically in 12 days', '2026-09-19'],
    ['auto-confirm', 'Заказ будет автоматически подтверждён через 12 дней', '2026-09-19'],
    ['auto-confirm', 'O pedido será confirmado automaticamente em 12 dias', '2026-09-19'],
    ['no-delivery-refund', 'Remboursement en cas de non-livraison avant le 4 sept. 2026', '2026-09-04'],
    ['no-delivery-refund', 'استرداد الأموال في حالة عدم التسليم قبل 4 سبتمبر 2026', '2026-09-04'],
    ['auto-confirm', 'ההזמנה תאושר אוטומטית בעוד 12 ימים', '2026-09-19'],
    ['auto-confirm', 'سيتم تأكيد طلبك تلقائيًا خلال 12 يومًا', '2026-09-19'],
    ['auto-confirm', 'Votre commande sera confirmée automatiquement dans 12 jours', '2026-09-19'],
    ['auto-confirm', 'Ihre Bestellung wird in 12 Tagen automatisch bestätigt', '2026-09-19'],
  ];
  test.each(rows)('%s: %s', (kind, text, due) => {
    const d = deadlinesFromText(text, {}, now);
    expect(d.map((x) => [x.kind, x.due, x.source])).toEqual([[kind, due, 'page']]);
    expect(d[0]?.text).toBe(text);
  });

  const windows: [string, string, string][] = [
    ['return-window', 'You can apply for a return/refund within 7 days of confirming receipt', '2026-08-04'],
    ['return-window', 'Puedes solicitar una devolución en un plazo de 7 días después de confirmar la recepción', '2026-08-04'],
    ['return-window', 'Você pode solicitar devolução em até 7 dias após confirmar o recebimento', '2026-08-04'],
    ['return-window', 'Вы можете оформить возврат в течение 7 дней после подтверждения получения', '2026-08-04'],
    ['return-window', 'ניתן לבקש החזר תוך 7 ימים מאישור קבלה', '2026-08-04'],
    ['dispute-window', 'You can open a dispute within 90 days after order was placed', '2026-10-13'],
    ['dispute-window', 'Puedes abrir una disputa en un plazo de 90 días después de realizar el pedido', '2026-10-13'],
    ['dispute-window', 'Możesz otworzyć spór w ciągu 90 dni od złożenia zamówienia', '2026-10-13'],
    ['dispute-window', 'Вы можете открыть спор в течение 90 дней после оформления заказа', '2026-10-13'],
    ['free-return', 'Send it back within 15 days after delivery', '2026-08-15'],
    ['free-return', 'Devuélvelo en un plazo de 15 días desde la entrega', '2026-08-15'],
    ['free-return', 'Renvoyez-le dans les 15 jours après la livraison', '2026-08-15'],
  ];
  const bases = { placedOn: '2026-07-15', completedOn: '2026-07-28', deliveredOn: '2026-07-31' };
  test.each(windows)('%s: %s', (kind, text, due) => {
    expect(deadlinesFromText(text, bases, now).map((x) => [x.kind, x.due])).toEqual([[kind, due]]);
  });

  test('day counts without their base date are skipped, not guessed', () => {
    expect(deadlinesFromText('Send it back within 15 days after delivery', { placedOn: '2026-07-15' }, now)).toEqual([]);
    expect(deadlinesFromText('You can open a dispute within 90 days after order was placed', {}, now)).toEqual([]);
  });

  test('texts without a deadline give none', () => {
    expect(deadlinesFromText('Refund if items damaged · Refund if package lost', {}, now)).toEqual([]);
    expect(deadlinesFromText('R$5 coupon if delayed', {}, now)).toEqual([]);
  });
});
