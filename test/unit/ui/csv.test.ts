/**
 * The orders CSV (src/ui/csv.ts, src/domain/orders-table.ts): parsed back with papaparse, it
 * holds every item of every order; separators and the decimal mark follow the locale; the file
 * starts with a UTF-8 byte order mark; quotes, separators and line breaks inside values survive;
 * a value that would run as a spreadsheet formula stays text.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sortOrdersByUrgency } from '../../../src/domain/deadlines/engine';
import { DEFAULT_RULES } from '../../../src/domain/deadlines/rules';
import { ordersTable } from '../../../src/domain/orders-table';
import type { Order } from '../../../src/domain/order';
import { createTranslator } from '../../../src/i18n';
import { readCatalogues } from '../../../scripts/catalogue-plugin';
import { CSV_BOM, csvPunctuation, ordersCsv } from '../../../src/ui/csv';
import { makeOrder, page } from '../deadlines/helpers';

const catalogues = readCatalogues();
const t = (lang: string) => createTranslator(catalogues.get(lang)!, catalogues.get('en')!, lang);

const orders: Order[] = [
  makeOrder({
    orderId: '8100000000000001',
    store: { name: 'Store "Best", Ltd;\nShenzhen', url: null },
    total: { minor: 3300, currency: 'USD' },
    items: [
      { title: '=HYPERLINK("http://example.invalid","click")', quantity: 2, price: { minor: 1250, currency: 'USD' }, variant: 'Color: Black' },
      { title: 'Phone case, silicone', quantity: 1, price: { minor: 600, currency: 'USD' }, variant: null },
    ],
    tracking: [{ number: 'LP001', carrier: null, events: [] }, { number: 'LP002', carrier: null, events: [] }],
    deadlines: [page('no-delivery-refund', '2026-09-20')],
  }),
  makeOrder({ orderId: '8100000000000002', status: 'completed', completedOn: '2026-09-05', total: { minor: 12990, currency: 'CLP' }, items: [{ title: 'Лампа', quantity: 1, price: { minor: 12990, currency: 'CLP' }, variant: null }] }),
];
const rows = ordersTable(sortOrdersByUrgency(orders, DEFAULT_RULES, '2026-09-10'));

function parse(csv: string, delimiter: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const r = Papa.parse<string[]>(csv.slice(1), { delimiter });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('orders CSV', () => {
  it('the separator and decimal mark of the locale', () => {
    expect(csvPunctuation('en')).toEqual({ decimal: '.', delimiter: ',' });
    expect(csvPunctuation('de')).toEqual({ decimal: ',', delimiter: ';' });
    expect(csvPunctuation('pt_BR')).toEqual({ decimal: ',', delimiter: ';' });
    expect(csvPunctuation('he')).toEqual({ decimal: '.', delimiter: ',' });
  });

  it('round trip in English: one row per item, every value as it was, formulas kept as text', () => {
    const data = parse(ordersCsv(rows, t('en'), 'en'), ',');
    expect(data[0]).toEqual(['Order number', 'Order date', 'Store', 'Item', 'Variant', 'Quantity', 'Unit price', 'Order total', 'Currency', 'Status', 'Tracking numbers', 'Next deadline', 'What the deadline is', 'Where the date comes from']);
    expect(data).toHaveLength(4);
    // Most urgent first: the completed order's return window (Sep 12) before the refund date (Sep 20).
    const [third, first, second] = data.slice(1);
    expect(first).toEqual(['8100000000000001', '2026-08-01', 'Store "Best", Ltd;\nShenzhen', `'=HYPERLINK("http://example.invalid","click")`, 'Color: Black', '2', '12.50', '33.00', 'USD', 'Awaiting delivery', 'LP001 LP002', '2026-09-20', 'Refund if not delivered', 'Shown by AliExpress']);
    expect(second?.slice(3, 8)).toEqual(['Phone case, silicone', '', '1', '6.00', '33.00']);
    // Chilean pesos have no decimals; a completed order's next date is its return window.
    expect(third?.slice(3, 10)).toEqual(['Лампа', '', '1', '12990', '12990', 'CLP', 'Completed']);
    expect(third?.slice(11)).toEqual(['2026-09-12', 'Return window', 'Estimate']);
  });

  it('in German: semicolons, decimal commas, German words', () => {
    const data = parse(ordersCsv(rows, t('de'), 'de'), ';');
    expect(data[0]?.[0]).toBe('Bestellnummer');
    expect(data[2]?.slice(6, 9)).toEqual(['12,50', '33,00', 'USD']);
  });
});
