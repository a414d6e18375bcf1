import { describe, expect, test } from 'vitest';
import { OrderObservationSchema, type OrderObservation } from '../../../src/domain/order';
import { API, detectPageProblem, findConfirmButtons, findOrderCards, readApiPayload, readDom, SELECTORS, unwrapBody } from '../../../src/aliexpress';
import { joinSelectors, type SelectorName } from '../../../src/aliexpress/selectors';
import { confirmTargetOf } from '../../../src/aliexpress/guard';
import { readFileSync } from 'node:fs';
import { htmlDocument, loadPage } from './dom-pages';

const ctx = { site: 'aliexpress.com', now: new Date('2026-09-07T10:00:00Z') };
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';

const pages = {
  en: () => loadPage('order-list.en.html', LIST_URL),
  he: () => loadPage('order-list.he.html', 'https://he.aliexpress.com/p/order/index.html'),
  mobile: () => loadPage('order-list.mobile.html', 'https://m.aliexpress.com/p/order/index.html'),
  mobileEn: () => loadPage('order-list.mobile.en.html', 'https://m.aliexpress.com/p/order/index.html'),
  legacy: () => loadPage('order-list.legacy.html', 'https://trade.aliexpress.com/orderList.htm'),
  tracking: () => loadPage('tracking.en.html', 'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322'),
  detail: () => loadPage('order-detail.en.html', 'https://www.aliexpress.com/p/order/detail.html?orderId=8214398062177351'),
  scrapersDetail: () => loadPage('order-detail.scrapers-2025.html', 'https://www.aliexpress.com/p/order/detail.html?orderId=8214398062177351'),
  scrapersList: () => loadPage('order-list.scrapers-2025.html', LIST_URL),
  scrapersTracking: () => loadPage('tracking.scrapers-2025.html', 'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8301234567890001'),
};

const count = (doc: Document, name: SelectorName) => doc.querySelectorAll(joinSelectors(SELECTORS[name])).length;

describe('selector match counts on saved pages', () => {
  const expected: Record<keyof typeof pages, Partial<Record<SelectorName, number>>> = {
    en: { orderCard: 10, status: 10, headerInfo: 10, storeName: 10, line: 11, itemName: 11, itemSku: 11, itemQuantity: 11, itemPrice: 11, total: 10, buttons: 20, orderLink: 12, loadMore: 1, orderList: 2, legacyConfirm: 0, trackingNode: 0 },
    he: { orderCard: 3, status: 3, headerInfo: 3, storeName: 3, line: 3, itemName: 3, itemSku: 2, itemQuantity: 3, total: 3, buttons: 4, orderLink: 4, loadMore: 0 },
    mobile: { orderCard: 2, status: 2, storeName: 2, line: 2, itemName: 2, itemQuantity: 2, total: 2, orderLink: 2 },
    mobileEn: { orderCard: 10, status: 10, headerInfo: 10, storeName: 10, line: 11, itemName: 11, itemSku: 11, itemQuantity: 11, itemPrice: 11, total: 10, buttons: 20, orderLink: 10, loadMore: 1, orderList: 1, storeLink: 0 },
    legacy: { orderCard: 2, status: 2, headerInfo: 2, storeName: 2, line: 2, itemName: 2, itemSku: 1, itemQuantity: 2, itemPrice: 2, total: 2, buttons: 2, legacyConfirm: 1, orderLink: 2, orderList: 1 },
    tracking: { trackingNode: 3, trackingNodeTitle: 3, trackingNodeDesc: 3, trackingNodeTime: 3, trackingMailNo: 1, trackingCarrier: 1, trackingGuarantee: 1, orderCard: 0 },
    detail: { detailStatus: 1, detailReminder: 1, detailServices: 2, detailConfirm: 1, orderCard: 0, detailLine: 0, detailPriceRow: 0 },
    scrapersDetail: { detailStatus: 1, detailReminder: 1, detailConfirm: 1, detailLine: 2, detailItemName: 2, detailItemPrice: 2, detailItemSku: 2, detailPriceRow: 3, detailPriceLabel: 3, detailPriceAmount: 3, detailOrderInfo: 1, orderCard: 0 },
    scrapersList: { orderCard: 2, status: 2, headerInfo: 2, storeName: 2, line: 3, itemName: 3, itemQuantity: 3, itemPrice: 3, total: 2, buttons: 2, orderLink: 4 },
    scrapersTracking: { trackingNode: 3, trackingNodeTitle: 3, trackingNodeDesc: 3, trackingNodeTime: 3, trackingMailNo: 2, trackingCarrier: 1, trackingArrival: 1, orderCard: 0 },
  };
  for (const [page, counts] of Object.entries(expected) as [keyof typeof pages, Partial<Record<SelectorName, number>>][]) {
    test(page, () => {
      const doc = pages[page]();
      const actual = Object.fromEntries(Object.keys(counts).map((k) => [k, count(doc, k as SelectorName)]));
      expect(actual).toEqual(counts);
    });
  }
});

describe('selector counts beside them (SelectorSet.per) hold on every saved page', () => {
  const within = (root: ParentNode, name: SelectorName) => root.querySelectorAll(joinSelectors(SELECTORS[name])).length;
  const containers: Record<'card' | 'line' | 'node', (doc: Document) => Element[]> = {
    card: (doc) => findOrderCards(doc).map((c) => c.element),
    line: (doc) => [...doc.querySelectorAll(joinSelectors(SELECTORS.line))],
    node: (doc) => [...doc.querySelectorAll(joinSelectors(SELECTORS.trackingNode))],
  };
  for (const page of Object.keys(pages) as (keyof typeof pages)[]) {
    test(page, () => {
      const doc = pages[page]();
      let checked = 0;
      for (const name of Object.keys(SELECTORS) as SelectorName[]) {
        const per = SELECTORS[name].per;
        if (per === 'many') continue;
        if (per === 'page') {
          expect(within(doc, name), `${name} on the page`).toBeLessThanOrEqual(1);
          checked++;
          continue;
        }
        for (const el of containers[per](doc)) {
          expect(within(el, name), `${name} in a ${per}`).toBeLessThanOrEqual(1);
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(4);
    });
  }
});

describe('readDom: order list built from the real capture', () => {
  const doc = pages.en();
  const r = readDom(doc, ctx);
  const api = readApiPayload(API.orderList, unwrapBody(readFileSync('test/fixtures/aliexpress/order-list.2026-09.json', 'utf8')), ctx);

  test('same 10 orders, statuses, dates and totals as the API reading', () => {
    expect(r.problems).toEqual([]);
    expect(r.hasMore).toBe(true);
    const pick = (o: (typeof r.observations)[number]) => [o.orderId, o.status, o.statusText, o.placedOn, o.total, o.canConfirm, o.store?.name, o.store?.url];
    expect(r.observations.map(pick)).toEqual(api.observations.map(pick));
    for (const o of r.observations) expect(OrderObservationSchema.safeParse(o).success).toBe(true);
  });

  test('items: titles, quantities, per-digit prices', () => {
    const dom = r.observations.flatMap((o) => (o.items ?? []).map((i) => [o.orderId, i.title, i.quantity, i.price]));
    const json = api.observations.flatMap((o) => (o.items ?? []).map((i) => [o.orderId, i.title, i.quantity, i.price]));
    expect(dom).toEqual(json);
    expect(r.observations[0]?.items?.[0]?.variant).toBe('2.4A USB To L, 1m');
  });

  test('cards and confirm buttons for the overlay', () => {
    expect(findOrderCards(doc).map((c) => c.orderId)).toEqual(api.observations.map((o) => o.orderId));
    const confirms = findConfirmButtons(doc);
    expect(confirms.map((c) => c.orderId)).toEqual(['8214398062177351', '8214779947343229']);
    expect(confirms.every((c) => c.element.textContent === 'Confirm received')).toBe(true);
  });
});

describe('readDom: other languages and layouts', () => {
  test('Hebrew list: labels differ, ids from links, ILS per-digit price', () => {
    const r = readDom(pages.he(), { ...ctx, site: 'aliexpress.com' });
    expect(r.observations.map((o) => [o.orderId, o.status, o.placedOn, o.total, o.canConfirm])).toEqual([
      ['3051234567890123', 'awaiting_delivery', '2026-09-04', { minor: 4590, currency: 'ILS' }, true],
      ['3059876543210987', 'completed', '2026-07-15', { minor: 123450, currency: 'ILS' }, false],
      ['3050000000000077', 'awaiting_payment', '2026-09-06', { minor: 1900, currency: 'ILS' }, false],
    ]);
    expect(r.observations[0]?.items).toEqual([{ title: 'כבל USB-C מהיר', quantity: 2, price: { minor: 2295, currency: 'ILS' }, variant: 'שחור, 1 מ׳' }]);
    expect(r.hasMore).toBe(false);
    expect(findConfirmButtons(pages.he()).map((c) => c.orderId)).toEqual(['3051234567890123']);
  });

  test('mobile cards are links', () => {
    const r = readDom(pages.mobile(), ctx);
    expect(r.observations.map((o) => [o.orderId, o.status, o.total, o.items?.[0]?.title, o.items?.[0]?.quantity, o.store?.name])).toEqual([
      ['8214398062177351', 'awaiting_delivery', { minor: 3193, currency: 'BRL' }, 'Cabo USB', 2, 'LIMA Store'],
      ['8212313961591322', 'completed', { minor: 113274, currency: 'BRL' }, 'Cabo HDMI 2.1', 1, 'Vega Store'],
    ]);
  });

  describe('m.aliexpress.com, the same 10 orders as the desktop page (each card one link, its buttons inside it)', () => {
    const LIST_URL_M = 'https://m.aliexpress.com/p/order/index.html';
    const fields = (o: OrderObservation) => ({ id: o.orderId, status: o.status, statusText: o.statusText, total: o.total, placedOn: o.placedOn, canConfirm: o.canConfirm, store: o.store?.name, items: o.items });
    const desktop = () => readDom(pages.en(), ctx).observations.map(fields);

    test('every order, status, date, total, item with its unit price and quantity, and "Confirm received"', () => {
      const r = readDom(pages.mobileEn(), ctx);
      expect(r.problems).toEqual([]);
      expect(r.observations.map(fields)).toEqual(desktop());
      expect(r.observations.filter((o) => o.items?.some((i) => i.price === null))).toEqual([]);
      expect(r.hasMore).toBe(true);
      const confirm = findConfirmButtons(pages.mobileEn());
      expect(confirm.map((c) => c.orderId)).toEqual(['8214398062177351', '8214779947343229']);
      // The button is inside the card's link: the guard must stop the link as well as the button.
      expect(confirm.every((c) => c.element.closest('a.order-item') === c.element.closest('.order-item'))).toBe(true);
    });

    test('the guard takes the mobile "Confirm received" for a confirm, and no other press on the card that holds it', () => {
      const doc = pages.mobileEn();
      const card = doc.querySelector('a.order-item[href*="orderId=8214398062177351"]')!;
      const button = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Confirm received')!;
      expect(confirmTargetOf(button.querySelector('span'), doc, new Map())).toEqual({ orderId: '8214398062177351', element: button });
      // A tap on the item's title, the total or the card itself opens the order: no guard.
      for (const el of [card.querySelector('.order-item-mobile-product-title'), card.querySelector('.order-item-mobile-total'), card]) {
        expect(confirmTargetOf(el, doc, new Map()), el?.className).toBeNull();
      }
      // A wrapper around the button with the same label is still the button.
      const wrap = doc.createElement('span');
      wrap.setAttribute('role', 'button');
      button.replaceWith(wrap);
      wrap.append(button);
      expect(confirmTargetOf(wrap, doc, new Map())).toEqual({ orderId: '8214398062177351', element: wrap });
    });

    test('the order detail and tracking pages on m.aliexpress.com read as on www (the same app; no other markup is documented)', () => {
      for (const [file, path] of [
        ['order-detail.scrapers-2025.html', '/p/order/detail.html?orderId=8214398062177351'],
        ['tracking.scrapers-2025.html', '/p/tracking/index.html?tradeOrderId=8301234567890001'],
        ['tracking.en.html', '/p/tracking/index.html?tradeOrderId=8212313961591322'],
      ] as const) {
        const www = readDom(loadPage(file, `https://www.aliexpress.com${path}`), ctx);
        const m = readDom(loadPage(file, `https://m.aliexpress.com${path}`), { ...ctx, site: 'm.aliexpress.com' });
        expect(m.problems, file).toEqual([]);
        expect(m.observations.map((o) => ({ ...o, site: '' })), file).toEqual(www.observations.map((o) => ({ ...o, site: '' })));
      }
      const detail = loadPage('order-detail.scrapers-2025.html', 'https://m.aliexpress.com/p/order/detail.html?orderId=8214398062177351');
      const button = detail.querySelector('.order-detail-btns button')!;
      expect(confirmTargetOf(button.querySelector('span'), detail, new Map())).toEqual({ orderId: '8214398062177351', element: button });
    });

    test('cards read without their total say so (a problem the popup offers a page copy for)', () => {
      const html = readFileSync('test/fixtures/aliexpress/pages/order-list.mobile.en.html', 'utf8').replaceAll('order-item-mobile-total', 'om-card--sum--z1');
      const r = readDom(htmlDocument(html, LIST_URL_M), ctx);
      expect(r.observations).toHaveLength(10);
      expect(r.problems).toEqual([{ code: 'fields-missing', detail: '10 of 10 orders read without their status or total' }]);
    });

    test('a layout with class names we have no selector for still gives status and date (leaf texts)', () => {
      const html = readFileSync('test/fixtures/aliexpress/pages/order-list.mobile.en.html', 'utf8')
        .replaceAll('order-item-mobile-status', 'om-card--state--x71b')
        .replaceAll('order-item-mobile-date', 'om-card--meta--p02c');
      const r = readDom(htmlDocument(html, LIST_URL_M), ctx);
      expect(r.observations.map(fields)).toEqual(desktop());
    });
  });

  test('cards in other languages and currencies: status, date and total of each', () => {
    // [lang, status label, date line, total line] → [status, placed on, total]
    const cases: [string, string, string, string, string, string, { minor: number; currency: string }][] = [
      ['es', 'Esperando la entrega', 'Fecha del pedido: 1 sept 2026', 'Total: 31,93 €', 'awaiting_delivery', '2026-09-01', { minor: 3193, currency: 'EUR' }],
      ['es', 'Completado', 'Fecha: 15 de julio de 2026', 'Total: MXN$1,234.50', 'completed', '2026-07-15', { minor: 123450, currency: 'MXN' }],
      ['pt', 'Aguardando entrega', 'Data do pedido: 1 de set. de 2026', 'Total: R$ 1.132,74', 'awaiting_delivery', '2026-09-01', { minor: 113274, currency: 'BRL' }],
      ['fr', 'En attente de livraison', 'Date de commande : 1 sept. 2026', 'Total : 31,93 €', 'awaiting_delivery', '2026-09-01', { minor: 3193, currency: 'EUR' }],
      ['de', 'Warten auf Lieferung', 'Bestelldatum: 1. Sept. 2026', 'Gesamt: 31,93 €', 'awaiting_delivery', '2026-09-01', { minor: 3193, currency: 'EUR' }],
      ['nl', 'In afwachting van levering', 'Besteldatum: 1 sep 2026', 'Totaal: € 31,93', 'awaiting_delivery', '2026-09-01', { minor: 3193, currency: 'EUR' }],
      ['it', 'In attesa di consegna', "Data dell'ordine: 1 set 2026", 'Totale: 31,93 €', 'awaiting_delivery', '2026-09-01', { minor: 3193, currency: 'EUR' }],
      ['pl', 'Oczekiwanie na dostawę', 'Data zamówienia: 1 wrz 2026', 'Suma: 31,93 zł', 'awaiting_delivery', '2026-09-01', { minor: 3193, currency: 'PLN' }],
      ['ru', 'Ожидает получения', 'Дата заказа: 1 сент. 2026 г.', 'Итого: 1 234,56 руб.', 'awaiting_delivery', '2026-09-01', { minor: 123456, currency: 'RUB' }],
      ['ru', 'Завершено', 'Дата заказа: 01.09.2026', 'Итого: 2 345,00 ₽', 'completed', '2026-09-01', { minor: 234500, currency: 'RUB' }],
      ['he', 'ממתין למסירה', 'תאריך הזמנה: 1 בספט׳ 2026', 'סה"כ: ‏45.90 ‏₪', 'awaiting_delivery', '2026-09-01', { minor: 4590, currency: 'ILS' }],
      ['ja', '配達待ち', '注文日: 2026年9月1日', '合計: ￥1,234', 'awaiting_delivery', '2026-09-01', { minor: 1234, currency: 'JPY' }],
      ['ko', '배송 대기 중', '주문일: 2026. 9. 1.', '합계: ₩12,300', 'awaiting_delivery', '2026-09-01', { minor: 12300, currency: 'KRW' }],
      ['tr', 'Teslimat bekleniyor', 'Sipariş tarihi: 1 Eyl 2026', 'Toplam: 1.234,56 TL', 'awaiting_delivery', '2026-09-01', { minor: 123456, currency: 'TRY' }],
      ['uk', 'Очікує доставки', 'Дата замовлення: 1 вер. 2026 р.', 'Разом: 1 234,56 грн', 'awaiting_delivery', '2026-09-01', { minor: 123456, currency: 'UAH' }],
      ['ar', 'في انتظار التسليم', 'تاريخ الطلب: 1 سبتمبر 2026', 'الإجمالي: 31.93 US $', 'awaiting_delivery', '2026-09-01', { minor: 3193, currency: 'USD' }],
      ['ar', 'مكتمل', 'تاريخ الطلب: 15 يوليو 2026', 'الإجمالي: 120.00 ر.س SAR', 'completed', '2026-07-15', { minor: 12000, currency: 'SAR' }],
      ['en', 'Payment pending', 'Order date: Sep 1, 2026', 'Total: C$ 31.93', 'awaiting_payment', '2026-09-01', { minor: 3193, currency: 'CAD' }],
      ['en', 'Closed', 'Order date: 2026-09-01', 'Total: £31.93', 'closed', '2026-09-01', { minor: 3193, currency: 'GBP' }],
      ['en', 'Refund in progress', 'Date: Sep 1, 2026', 'Total: A$31.93', 'in_dispute', '2026-09-01', { minor: 3193, currency: 'AUD' }],
      ['es', 'Pedido cancelado', 'Fecha: 1 sep 2026', 'Total: CLP$12.345', 'cancelled', '2026-09-01', { minor: 12345, currency: 'CLP' }],
    ];
    for (const [lang, status, date, total, ...want] of cases) {
      const html =
        `<html lang="${lang}"><body><div class="order-main"><div class="order-item"><div class="order-item-header">` +
        `<span class="order-item-header-status-text">${status}</span><div class="order-item-header-right-info"><div>${date}</div></div>` +
        `<a href="/p/order/detail.html?orderId=8214398062177351">…</a></div><div class="order-item-content-body"><div class="order-item-content-info-name"><span title="Cable">Cable</span></div></div>` +
        `<div class="order-item-content-opt-price-total">${total}</div></div></div></body></html>`;
      const o = readDom(htmlDocument(html), { ...ctx, locale: lang }).observations[0];
      expect([o?.status, o?.placedOn, o?.total], `${lang}: ${status} | ${date} | ${total}`).toEqual(want);
    }
  });

  test('legacy order list', () => {
    const doc = pages.legacy();
    const r = readDom(doc, ctx);
    expect(r.observations.map((o) => [o.orderId, o.status, o.placedOn, o.total, o.canConfirm, o.store?.name])).toEqual([
      ['8012345678901234', 'awaiting_delivery', '2021-03-05', { minor: 1234, currency: 'USD' }, true, 'Old Shop'],
      ['8012345678905678', 'completed', '2021-02-01', { minor: 300, currency: 'USD' }, false, 'Older Shop'],
    ]);
    expect(r.observations[0]?.items).toEqual([{ title: 'Old Cable', quantity: 2, price: { minor: 617, currency: 'USD' }, variant: 'Black' }]);
    expect(findConfirmButtons(doc).map((c) => [c.orderId, c.element.getAttribute('button_action')])).toEqual([['8012345678901234', 'confirmOrderReceived']]);
  });

  test('tracking page with hashed classes', () => {
    const r = readDom(pages.tracking(), ctx);
    const o = r.observations[0];
    expect(o?.orderId).toBe('8212313961591322');
    expect(o?.tracking).toEqual([
      {
        number: 'AA000000000BR',
        carrier: 'J&T Express',
        events: [
          // "Tue | Jul. 28 18:39": the page's times, without a year or a zone, as the shopper's local time.
          { at: new Date(2026, 6, 28, 18, 39).toISOString(), code: null, text: 'Delivered: Package delivered.' },
          { at: new Date(2026, 6, 28, 14, 48).toISOString(), code: null, text: 'Delivery update: Package out for delivery' },
          { at: new Date(2026, 6, 23, 8, 1).toISOString(), code: null, text: 'In transit: Your package arrived at local airport' },
        ],
      },
    ]);
    expect(o?.deadlines?.map((d) => [d.kind, d.due])).toEqual([
      ['late-delivery-coupon', '2026-08-03'],
      ['no-delivery-refund', '2026-09-03'],
    ]);
  });

  test('the order list as public exporters read it: totals under data-pl, unit prices without their class', () => {
    const r = readDom(pages.scrapersList(), { ...ctx, now: new Date('2026-12-07T10:00:00Z') });
    expect(r.problems).toEqual([]);
    expect(r.observations.map((o) => [o.orderId, o.status, o.placedOn, o.total])).toEqual([
      ['8301234567890001', 'awaiting_delivery', '2026-11-20', { minor: 2790, currency: 'USD' }],
      ['8301234567890002', 'completed', '2026-10-02', { minor: 999, currency: 'USD' }],
    ]);
    expect(r.observations[0]?.items?.map((i) => [i.title, i.quantity, i.price])).toEqual([
      ['USB-C hub 7 in 1', 2, { minor: 1240, currency: 'USD' }],
      ['Phone case', 1, { minor: 310, currency: 'USD' }],
    ]);
    expect(r.observations[0]?.store?.name).toBe('Gadget Store');
  });

  test('the tracking page alone: events with their times, the carrier, every parcel’s number', () => {
    const r = readDom(pages.scrapersTracking(), { ...ctx, now: new Date('2026-12-07T10:00:00Z') });
    const o = r.observations[0];
    expect(o?.orderId).toBe('8301234567890001');
    expect(o?.tracking?.map((p) => [p.number, p.carrier, p.events.length])).toEqual([
      ['LP00987654321001', 'Cainiao Super Economy Global', 3],
      ['LP00987654321002', 'Cainiao Super Economy Global', 0],
    ]);
    // "Delivery: Nov. 24 - Dec. 10", read on Dec 7: the last day of the range, this year.
    expect(o?.estimatedDelivery).toBe('2026-12-10');
    expect(o?.tracking?.[0]?.events.map((e) => [e.at, e.text])).toEqual([
      [new Date(2026, 10, 25, 10, 12).toISOString(), 'Delivered: Package delivered'],
      [new Date(2026, 10, 21, 22, 5).toISOString(), 'In transit: Arrived at destination country'],
      [new Date(2026, 10, 20, 8, 30).toISOString(), 'Shipped: Package left the warehouse'],
    ]);
  });

  test('order detail page as public invoice userscripts read it: items with unit prices and quantities, the total row, the date placed; never the address', () => {
    const r = readDom(pages.scrapersDetail(), ctx);
    expect(r.problems).toEqual([]);
    const o = r.observations[0]!;
    expect([o.orderId, o.status, o.canConfirm, o.total, o.placedOn]).toEqual(['8214398062177351', 'awaiting_delivery', true, { minor: 3193, currency: 'BRL' }, '2026-09-01']);
    expect(o.items).toEqual([
      { title: 'USB-C cable 2 m, braided', quantity: 2, price: { minor: 1390, currency: 'BRL' }, variant: 'Black, 2m' },
      { title: 'Wall charger 20 W', quantity: 1, price: { minor: 413, currency: 'BRL' }, variant: 'EU plug' },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Maria|Oliveira|98765|Flores|01234/);
  });

  test('the detail page total: the row labelled as the total in any language, else the last row', () => {
    const page = (rows: string) =>
      htmlDocument(`<div class="order-price">${rows}</div>`, 'https://www.aliexpress.com/p/order/detail.html?orderId=8214398062177351');
    const row = (label: string, amount: string) => `<div class="order-price-item"><span class="left-col">${label}</span><span class="right-col">${amount}</span></div>`;
    const total = (doc: Document) => readDom(doc, ctx).observations[0]?.total;
    expect(total(page(row('Итого:', '1 234,50 ₽') + row('Скидка', '-100,00 ₽')))).toEqual({ minor: 123450, currency: 'RUB' });
    expect(total(page(row('סה"כ', '₪45.90') + row('משלוח', '₪0.00')))).toEqual({ minor: 4590, currency: 'ILS' });
    expect(total(page(row('Zwischensumme', '12,00 €') + row('Versand', '1,50 €') + row('Endbetrag', '13,50 €')))).toEqual({ minor: 1350, currency: 'EUR' });
  });

  test('order detail page: status, confirm, stated deadlines; a day count without its base is skipped', () => {
    const doc = pages.detail();
    const r = readDom(doc, ctx);
    expect(r.observations).toHaveLength(1);
    const o = r.observations[0];
    expect(o).toMatchObject({ orderId: '8214398062177351', status: 'awaiting_delivery', statusText: 'Awaiting delivery', canConfirm: true });
    expect(o?.deadlines?.map((d) => [d.kind, d.due])).toEqual([
      ['auto-confirm', '2026-09-27'],
      ['late-delivery-coupon', '2026-09-20'],
      ['no-delivery-refund', '2026-10-16'],
    ]);
    expect(findConfirmButtons(doc).map((c) => c.orderId)).toEqual(['8214398062177351']);
  });

  test('an empty list and an unrelated page are reported, not thrown', () => {
    const empty = readDom(htmlDocument('<div class="order-main"><div class="order-content"></div></div>'), ctx);
    expect(empty.observations).toEqual([]);
    expect(empty.problems.map((p) => p.code)).toEqual(['no-orders-found']);
    const other = readDom(htmlDocument('<p>hello</p>', 'https://www.aliexpress.com/'), ctx);
    expect(other.problems.map((p) => p.code)).toEqual(['unexpected-shape']);
  });

  test('a card without an order link is skipped (labels are never used for ids)', () => {
    const doc = htmlDocument('<div class="order-item"><span class="order-item-header-status-text">Completed</span><div class="order-item-header-right-info">Order ID: 8000000000000001</div></div>');
    expect(findOrderCards(doc)).toEqual([]);
  });

  test('a card whose first order link names no order takes the next link that does', () => {
    const doc = htmlDocument(
      '<div class="order-item"><a href="/p/order/detail.html?orderId=&x=1">store</a><a href="/p/order/detail.html?tradeId=12">short</a>' +
        '<a href="/p/order/detail.html?orderId=8000000000000003">details</a></div>',
    );
    expect(findOrderCards(doc).map((c) => c.orderId)).toEqual(['8000000000000003']);
  });

  test('a card nested in another card is part of it (the outer card takes the first order link inside it); the cards after it still count', () => {
    const card = (id: string, inner = '') => `<div class="order-item"><a href="/p/order/detail.html?orderId=${id}">x</a>${inner}</div>`;
    const doc = htmlDocument(
      `${card('8000000000000001', card('8000000000000009', card('8000000000000008')))}` +
        `<div class="order-item"><span>no link</span>${card('8000000000000007')}</div>${card('8000000000000002')}`,
    );
    expect(findOrderCards(doc).map((c) => c.orderId)).toEqual(['8000000000000001', '8000000000000007', '8000000000000002']);
  });
});

describe('detectPageProblem', () => {
  test('captcha, login, aliexpress.ru, none', () => {
    expect(detectPageProblem(loadPage('captcha.html', LIST_URL), LIST_URL)).toBe('captcha');
    expect(detectPageProblem(loadPage('login.html', 'https://login.aliexpress.com/'), 'https://login.aliexpress.com/?return_url=x')).toBe('login');
    expect(detectPageProblem(htmlDocument('<p></p>'), 'https://passport.aliexpress.com/mini_login.htm')).toBe('login');
    expect(detectPageProblem(htmlDocument('<p></p>'), 'https://aliexpress.ru/order-list')).toBe('unsupported-operator');
    expect(detectPageProblem(pages.en(), LIST_URL)).toBeNull();
  });
});
