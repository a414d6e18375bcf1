/**
 * The reader's interpreter (src/aliexpress/read/fields.ts) and its tables (tables.ts): the
 * first key that parses wins, dotted paths, own properties only; every key says where it was
 * seen; and a new observed field is one line of a table.
 */
import { describe, expect, test } from 'vitest';
import { at, count, date, field, money, readFields, readObserved, text, type Field } from '../../../src/aliexpress/read/fields';
import * as TABLES from '../../../src/aliexpress/read/tables';

const ctx = { site: 'aliexpress.com', now: new Date('2026-09-07T10:00:00Z') };

describe('readFields', () => {
  const TABLE = {
    title: field(text, ['itemTitle', 'new'], ['title', 'old']),
    pieces: field(count, ['quantity', 'new'], ['itemCount', 'old']),
    carrier: field(text, ['logisticsCpInfo.cpName', 'new']),
    price: field(money('currencyCode'), ['formatPriceInfo', 'new'], ['itemPriceText', 'old']),
  };

  test('the first key whose value parses, newest first; null when none', () => {
    expect(readFields({ itemTitle: 'New', title: 'Old' }, TABLE, ctx).title).toBe('New');
    expect(readFields({ title: 'Old' }, TABLE, ctx).title).toBe('Old');
    // A value that does not parse gives way to the next key.
    expect(readFields({ quantity: 'many', itemCount: 3 }, TABLE, ctx).pieces).toBe(3);
    expect(readFields({}, TABLE, ctx)).toEqual({ title: null, pieces: null, carrier: null, price: null });
  });

  test('dotted paths, own properties only, markup stripped', () => {
    expect(readFields({ logisticsCpInfo: { cpName: '<b>Cainiao</b>' } }, TABLE, ctx).carrier).toBe('Cainiao');
    const hostile = JSON.parse('{"__proto__": {"itemTitle": "inherited"}, "logisticsCpInfo": "flat"}') as Record<string, unknown>;
    expect(readFields(hostile, TABLE, ctx)).toEqual({ title: null, pieces: null, carrier: null, price: null });
    expect(at({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1);
    expect(at({ a: 1 }, 'a.b')).toBeUndefined();
    expect(at({}, 'toString')).toBeUndefined();
  });

  test('money: the code field beside it is the currency; every form AliExpress writes', () => {
    expect(readFields({ formatPriceInfo: '$12.990|12.990|', currencyCode: 'CLP' }, TABLE, ctx).price).toEqual({ minor: 12990, currency: 'CLP' });
    expect(readFields({ itemPriceText: 'R$31,93' }, TABLE, ctx).price).toEqual({ minor: 3193, currency: 'BRL' });
    const m = money();
    const env = { ctx, obj: {} };
    expect(m({ cent: 6125, currency: 'BRL' }, env)).toEqual({ minor: 6125, currency: 'BRL' });
    expect(m({ formatPrice: { priceInfo: 'R$61,25|61|25' }, currency: 'BRL' }, env)).toEqual({ minor: 6125, currency: 'BRL' });
    expect(m({ formatMoney: '€7,50' }, env)).toEqual({ minor: 750, currency: 'EUR' });
    expect(m(42, env)).toBeNull();
  });
});

describe('the tables', () => {
  const tables = Object.entries(TABLES).filter(([, v]) => typeof v === 'object' && v !== null) as [string, Record<string, Field<unknown>>][];

  test('every field has keys, each named once and saying where it was seen', () => {
    expect(tables.length).toBeGreaterThanOrEqual(10);
    for (const [name, table] of tables) {
      for (const [fieldName, f] of Object.entries(table)) {
        const where = `${name}.${fieldName}`;
        expect(f.keys.length, where).toBeGreaterThan(0);
        expect(new Set(f.keys.map(([k]) => k)).size, where).toBe(f.keys.length);
        for (const [key, seen] of f.keys) {
          expect(key, where).toMatch(/^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/);
          expect(seen, `${where} ${key}`).toMatch(/^(capture 2026-09|earlier reader)$/);
        }
      }
    }
  });

  test('a new observed field is one line: it reaches the observation as read', () => {
    // The line a newcomer adds to LIST_OBSERVED for a field AliExpress starts to send.
    const extended = { ...TABLES.LIST_OBSERVED, shippedOn: field(date, ['orderShipTimeText', 'capture 2026-12']) };
    const fields = { orderId: '8214398062177351', orderDateText: 'Sep 1, 2026', orderShipTimeText: 'Sep 3, 2026' };
    expect(readObserved(fields, TABLES.LIST_OBSERVED, ctx)).toEqual({ placedOn: '2026-09-01' });
    expect(readObserved(fields, extended, ctx)).toEqual({ placedOn: '2026-09-01', shippedOn: '2026-09-03' });
  });
});
