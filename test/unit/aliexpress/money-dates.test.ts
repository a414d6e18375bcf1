import { describe, expect, test } from 'vitest';
import { epochToInstant, parseCalendarDate, parseEstimatedDay, parseEventTime } from '../../../src/aliexpress/dates';
import { currencyOfPage, moneyFromCents, parseFormatPriceInfo, parseMoneyText } from '../../../src/aliexpress/money';

describe('parseMoneyText', () => {
  const cases: [string, number, string][] = [
    ['US $25.09', 2509, 'USD'],
    ['45,50 د.إ', 4550, 'AED'],
    ['ج.م 150.00', 15000, 'EGP'],
    ['1.250 د.ك', 1250, 'KWD'],
    ['120.00 ر.س', 12000, 'SAR'],
    ['31.93 US $', 3193, 'USD'],
    ['Total (3 items): US $ 31.93', 3193, 'USD'],
    ['₹1,23,456.00', 12345600, 'INR'],
    ['US $1,234.56', 123456, 'USD'],
    ['€48.88', 4888, 'EUR'],
    ['48,88 €', 4888, 'EUR'],
    ['1.234,56 €', 123456, 'EUR'],
    ['R$132,74', 13274, 'BRL'],
    ['R$1.132,74', 113274, 'BRL'],
    ['R$5.00', 500, 'BRL'],
    ['129,46zł', 12946, 'PLN'],
    ['1 029,46 zł', 102946, 'PLN'],
    ['₩11,110', 11110, 'KRW'],
    ['₩1,211,110', 1211110, 'KRW'],
    ['C$30.66', 3066, 'CAD'],
    ['CA$30.66', 3066, 'CAD'],
    ['10,451円', 10451, 'JPY'],
    ['¥1,234', 1234, 'JPY'],
    ['62,76 руб.', 6276, 'RUB'],
    ['1 262,76 руб.', 126276, 'RUB'],
    ['₪45.90', 4590, 'ILS'],
    ['£12.99', 1299, 'GBP'],
    ['A$19.00', 1900, 'AUD'],
    ['MX$350.00', 35000, 'MXN'],
    ['MX$1,350.00', 135000, 'MXN'],
    ['₺120,50', 12050, 'TRY'],
    ['₴450,00', 45000, 'UAH'],
    ['1 234,56 Kč', 123456, 'CZK'],
    ['₹1,299.00', 129900, 'INR'],
    ["CHF 1'234.50", 123450, 'CHF'],
    ['1\u202f234,56\u00a0€', 123456, 'EUR'],
    ['1\u00a0234,56 €', 123456, 'EUR'],
    ['Total:R$31,93', 3193, 'BRL'],
    ['Total (2 items): R$31,93', 3193, 'BRL'],
    ['12,5 €', 1250, 'EUR'],
    ['€7', 700, 'EUR'],
  ];
  test.each(cases)('%s → %i %s', (text, minor, currency) => {
    expect(parseMoneyText(text)).toEqual({ minor, currency });
  });

  test('the order currency code wins over a symbol', () => {
    expect(parseMoneyText('$25.09', 'CAD')).toEqual({ minor: 2509, currency: 'CAD' });
    expect(parseMoneyText('¥1,234', 'CNY')).toEqual({ minor: 123400, currency: 'CNY' });
  });

  test('refuses what is not money', () => {
    expect(parseMoneyText('Free shipping')).toBeNull();
    expect(parseMoneyText('25.09')).toBeNull();
    expect(parseMoneyText('US $')).toBeNull();
    expect(parseMoneyText('9'.repeat(300))).toBeNull();
    expect(parseMoneyText('US $' + '9'.repeat(40))).toBeNull();
  });

  test.each(['-€5,00', '− R$ 3,00', 'US $-2.00', '€ -5,00', '–12,34 zł', ' -US $1.00'])('a deduction (%s) is not a price', (text) => {
    expect(parseMoneyText(text)).toBeNull();
  });

  test('a price range is still read (its first amount)', () => {
    expect(parseMoneyText('US $1.23 - 4.56')).toEqual({ minor: 123, currency: 'USD' });
    expect(parseMoneyText('US $1.23 - US $4.56')).toEqual({ minor: 123, currency: 'USD' });
  });
});

describe('the account and the site as the weakest currency signal', () => {
  test('the account currency from the aep_usuc_f cookie, else the site', () => {
    expect(currencyOfPage('www.aliexpress.com', 'x=1; aep_usuc_f=site=glo&c_tp=MXN&region=MX&b_locale=es_MX; y=2')).toBe('MXN');
    expect(currencyOfPage('www.aliexpress.com', 'aep_usuc_f=c_tp=CLP&region=CL')).toBe('CLP');
    expect(currencyOfPage('es.aliexpress.com', 'aep_usuc_f=site=glo&c_tp=EUR&region=ES')).toBe('EUR');
    expect(currencyOfPage('www.aliexpress.us', '')).toBe('USD');
    expect(currencyOfPage('www.aliexpress.us', 'aep_usuc_f=site=usa&c_tp=CAD')).toBe('CAD');
    expect(currencyOfPage('www.aliexpress.com', '')).toBeNull();
    // Not a currency AliExpress sells in, or not this cookie: no signal.
    expect(currencyOfPage('www.aliexpress.com', 'aep_usuc_f=site=glo&c_tp=XYZ')).toBeNull();
    expect(currencyOfPage('www.aliexpress.com', 'other_c_tp=EUR; xaep_usuc_f=c_tp=EUR')).toBeNull();
    expect(currencyOfPage('www.aliexpress.com', 'aep_usuc_f=site=glo&xc_tp=EUR')).toBeNull();
  });

  test.each([
    // [text, account currency, read as]
    ['$12.990', 'CLP', 12990, 'CLP'],
    ['$ 1.299,50', 'MXN', 129950, 'MXN'],
    ['$19.99', 'CAD', 1999, 'CAD'],
    ['$19.99', 'EUR', 1999, 'USD'], // a bare $ is no euro sign: the account does not rename it
    ['€19,99', 'USD', 1999, 'EUR'], // a text that names its currency keeps it
    ['US $19.99', 'CAD', 1999, 'USD'],
    ['CLP$12.990', 'USD', 12990, 'CLP'],
    ['12.990', 'CLP', 12990, 'CLP'], // no mark at all: the account's currency
    ['19,99', 'EUR', 1999, 'EUR'],
    ['1 234,56', 'PLN', 123456, 'PLN'],
  ])('%s with the account in %s → %i %s', (text, account, minor, currency) => {
    expect(parseMoneyText(text, null, account)).toEqual({ minor, currency });
  });

  test('the order\'s own code field stays the strongest', () => {
    expect(parseMoneyText('$12.99', 'USD', 'CLP')).toEqual({ minor: 1299, currency: 'USD' });
    expect(parseFormatPriceInfo('$12.990|12.990|', 'CLP', 'USD')).toEqual({ minor: 12990, currency: 'CLP' });
    expect(parseFormatPriceInfo('$12.990|12.990|', null, 'CLP')).toEqual({ minor: 12990, currency: 'CLP' });
    expect(parseMoneyText('19,99', null, null)).toBeNull();
  });
});

describe('parseFormatPriceInfo', () => {
  test('split forms', () => {
    expect(parseFormatPriceInfo('R$132,74|132|74', 'BRL')).toEqual({ minor: 13274, currency: 'BRL' });
    expect(parseFormatPriceInfo('R$132,74|132|74')).toEqual({ minor: 13274, currency: 'BRL' });
    expect(parseFormatPriceInfo('R$1.132,74|1.132|74', 'BRL')).toEqual({ minor: 113274, currency: 'BRL' });
    expect(parseFormatPriceInfo('R$335,07|335|07', 'BRL')).toEqual({ minor: 33507, currency: 'BRL' });
    expect(parseFormatPriceInfo('10,451円|10451|', 'JPY')).toEqual({ minor: 10451, currency: 'JPY' });
    expect(parseFormatPriceInfo('₩11,110|11,110|', 'KRW')).toEqual({ minor: 11110, currency: 'KRW' });
    expect(parseFormatPriceInfo('US $25.09|25|09', 'USD')).toEqual({ minor: 2509, currency: 'USD' });
    expect(parseFormatPriceInfo('US $25.09|25|9', 'USD')).toEqual({ minor: 2590, currency: 'USD' });
  });
  test('broken split falls back to the display part, else null', () => {
    expect(parseFormatPriceInfo('R$132,74|x|y', 'BRL')).toEqual({ minor: 13274, currency: 'BRL' });
    expect(parseFormatPriceInfo('nothing', 'BRL')).toBeNull();
    expect(parseFormatPriceInfo('R$1|2|3', 'bad')).toEqual({ minor: 230, currency: 'BRL' });
  });
  test('cent DTOs convert to the currency minor unit', () => {
    expect(moneyFromCents(6125, 'BRL')).toEqual({ minor: 6125, currency: 'BRL' });
    expect(moneyFromCents(123400, 'JPY')).toEqual({ minor: 1234, currency: 'JPY' });
    expect(moneyFromCents(-1, 'BRL')).toBeNull();
  });
});

describe('parseCalendarDate', () => {
  const cases: [string, string][] = [
    ['Sep 1, 2026', '2026-09-01'],
    ['Sep. 1, 2026', '2026-09-01'],
    ['September 1, 2026', '2026-09-01'],
    ['September 1st, 2026', '2026-09-01'],
    ['1 Sep 2026', '2026-09-01'],
    ['Refund if no delivery before Sep 4, 2026', '2026-09-04'],
    // es
    ['1 de septiembre de 2026', '2026-09-01'],
    ['1 sept 2026', '2026-09-01'],
    ['15 ene. 2026', '2026-01-15'],
    // pt
    ['1 de setembro de 2026', '2026-09-01'],
    ['4 de set. de 2026', '2026-09-04'],
    ['12 de março de 2026', '2026-03-12'],
    // fr
    ['1er septembre 2026', '2026-09-01'],
    ['4 févr. 2026', '2026-02-04'],
    ['20 août 2026', '2026-08-20'],
    // nl
    ['1 september 2026', '2026-09-01'],
    ['3 mrt. 2026', '2026-03-03'],
    ['17 mei 2026', '2026-05-17'],
    // de
    ['1. September 2026', '2026-09-01'],
    ['3. März 2026', '2026-03-03'],
    ['24. Dez. 2026', '2026-12-24'],
    // it
    ['1 settembre 2026', '2026-09-01'],
    ['7 giu 2026', '2026-06-07'],
    // pl
    ['1 września 2026', '2026-09-01'],
    ['5 października 2026', '2026-10-05'],
    ['9 lis 2026', '2026-11-09'],
    // ru
    ['29 января 2024', '2024-01-29'],
    ['29 января 2024 г.', '2024-01-29'],
    ['3 сент. 2026 г.', '2026-09-03'],
    ['1 мая 2026', '2026-05-01'],
    // he
    ['1 בספטמבר 2026', '2026-09-01'],
    ['4 בספט׳ 2026', '2026-09-04'],
    ['15 ביולי 2026', '2026-07-15'],
    // ja, ko, zh
    ['2026年2月6日', '2026-02-06'],
    ['2026年 9月 4日までに配達されない場合は返金', '2026-09-04'],
    ['2026년 2월 6일', '2026-02-06'],
    ['2026. 2. 6.', '2026-02-06'],
    // numeric
    ['2026-09-01', '2026-09-01'],
    ['2022-03-23 21:19:58', '2022-03-23'],
    ['2026/09/01', '2026-09-01'],
    ['01.09.2026', '2026-09-01'],
    ['25/12/2026', '2026-12-25'],
    ['12/25/2026', '2026-12-25'],
  ];
  test.each(cases)('%s → %s', (text, date) => {
    expect(parseCalendarDate(text)).toBe(date);
  });

  test('ambiguous numeric dates follow the locale hint', () => {
    expect(parseCalendarDate('03/04/2026')).toBe('2026-04-03');
    expect(parseCalendarDate('03/04/2026', 'en-US')).toBe('2026-03-04');
    expect(parseCalendarDate('03.04.2026', 'en-US')).toBe('2026-04-03');
  });

  test('refuses what is not a date', () => {
    expect(parseCalendarDate('Tue | Jul. 28 18:39')).toBeNull();
    expect(parseCalendarDate('Feb 30, 2026')).toBeNull();
    expect(parseCalendarDate('Order 8214398062177351')).toBeNull();
    expect(parseCalendarDate('Foo 3, 2026')).toBeNull();
    expect(parseCalendarDate('')).toBeNull();
  });

  test('never shifted by the time zone: the stated day stays the day', () => {
    // Same result whatever TZ the runtime has: no Date parsing of the text is involved.
    expect(parseCalendarDate('Feb 21, 2026')).toBe('2026-02-21');
    expect(parseCalendarDate('Dec 31, 2026')).toBe('2026-12-31');
  });

  test('epoch ms become ISO instants', () => {
    expect(epochToInstant(1785512111654)).toBe('2026-07-31T15:35:11.654Z');
    expect(epochToInstant('1648080887108')).toBe('2022-03-24T00:14:47.108Z');
    expect(epochToInstant(1785512111)).toBe('2026-07-31T15:35:11.000Z');
    expect(epochToInstant('soon')).toBeNull();
    expect(epochToInstant(1e20)).toBeNull();
  });
});

describe('parseMoneyText: every currency AliExpress sells in, both separators, above a million', () => {
  // [code, how the page writes its sign, sign before the amount?]
  const SIGNED: [string, string, boolean][] = [
    ['USD', 'US $', true], ['EUR', '€', false], ['GBP', '£', true], ['RUB', 'руб.', false], ['BRL', 'R$', true],
    ['CAD', 'C$', true], ['AUD', 'A$', true], ['NZD', 'NZ$', true], ['JPY', '円', false], ['KRW', '₩', true],
    ['HKD', 'HK$', true], ['TWD', 'NT$', true], ['SGD', 'S$', true], ['MYR', 'RM', true], ['IDR', 'Rp', true],
    ['THB', '฿', true], ['VND', '₫', false], ['PHP', '₱', true], ['INR', '₹', true], ['KZT', '₸', false],
    ['UAH', 'грн', false], ['PLN', 'zł', false], ['CZK', 'Kč', false], ['HUF', 'Ft', false], ['RON', 'lei', false],
    ['BGN', 'лв', false], ['CHF', 'CHF', true], ['TRY', '₺', true], ['ILS', '₪', true], ['NGN', '₦', true],
    ['MXN', 'MX$', true], ['CLP', 'CLP$', true], ['COP', 'COP$', true], ['PEN', 'S/', true], ['ARS', 'ARS$', true],
    ['UYU', 'UYU$', true], ['SEK', 'SEK', false], ['NOK', 'NOK', false], ['DKK', 'DKK', false], ['SAR', 'SAR', true],
    ['AED', 'AED', true], ['KWD', 'KWD', true], ['BHD', 'BHD', true], ['ZAR', 'ZAR', true], ['EGP', 'EGP', true],
  ];
  const EXP: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, VND: 0, KWD: 3, BHD: 3 };
  /** 1,234,567 and its fraction written with `group` and `decimal`, in the currency's own decimals. */
  function written(code: string, group: string, decimal: string): { text: string; minor: number } {
    const exp = EXP[code] ?? 2;
    const frac = exp === 0 ? '' : exp === 3 ? '250' : '89';
    return { text: `1${group}234${group}567${frac ? decimal + frac : ''}`, minor: 1_234_567 * 10 ** exp + (frac ? Number(frac) : 0) };
  }
  const rows: [string, string, number, string][] = [];
  for (const [code, sign, before] of SIGNED) {
    for (const [group, decimal] of [[',', '.'], ['.', ','], ['\u00a0', ','], ["'", '.']] as const) {
      const { text, minor } = written(code, group, decimal);
      rows.push([before ? `${sign}${text}` : `${text} ${sign}`, code, minor, `${code} ${JSON.stringify(group)}`]);
    }
  }
  test.each(rows)('%s → %s %i', (text, code, minor) => {
    expect(parseMoneyText(text)).toEqual({ minor, currency: code });
  });
  test('covers every currency the reader knows', () => {
    expect(new Set(SIGNED.map(([c]) => c)).size).toBe(SIGNED.length);
    expect(SIGNED.length).toBeGreaterThanOrEqual(45);
  });
  test.each([
    // The peso family and other dollars with their country's letters: never US dollars.
    ['CLP$12.990', 12990, 'CLP'],
    ['CLP$ 12.990', 12990, 'CLP'],
    ['COP$ 45.900', 45900 * 100, 'COP'],
    ['MX$1,299.50', 129950, 'MXN'],
    ['COL$ 1.234.567', 1234567 * 100, 'COP'],
    ['A$12.99', 1299, 'AUD'],
    ['NT$1,290', 129000, 'TWD'],
    ['HK$88.00', 8800, 'HKD'],
    ['S$15.90', 1590, 'SGD'],
    ['12.990 CLP', 12990, 'CLP'],
    ['KWD 1.250', 1250, 'KWD'],
    ['¥1,234.00', 1234, 'JPY'],
    ['$12.50', 1250, 'USD'],
  ])('%s → %i %s', (text, minor, code) => {
    expect(parseMoneyText(text)).toEqual({ minor, currency: code });
  });
});

describe('parseEventTime: the time beside a tracking event, as the shopper’s local time', () => {
  const now = new Date(2026, 0, 3, 12, 0); // Jan 3, 2026, local
  const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();
  test.each([
    ['Tue | Jul. 28 18:39', local(2025, 7, 28, 18, 39)], // no year: the latest such day not after today
    ['Fri | Jan. 2 08:05', local(2026, 1, 2, 8, 5)],
    ['Dec. 30 23:59', local(2025, 12, 30, 23, 59)],
    ['Jan 3 11:00', local(2026, 1, 3, 11, 0)],
    ['28 Jul 18:39', local(2025, 7, 28, 18, 39)],
    ['28 июл. 18:39', local(2025, 7, 28, 18, 39)],
    ['2026-01-02 07:15', local(2026, 1, 2, 7, 15)], // a year stated is kept
    ['Sep 1, 2025 10:20', local(2025, 9, 1, 10, 20)],
    // A 12-hour clock: its half of the day counts (12 AM is midnight).
    ['Sep 1, 2025 10:23 PM', local(2025, 9, 1, 22, 23)],
    ['Sep 1, 2025 12:05 AM', local(2025, 9, 1, 0, 5)],
    ['Dec. 30 12:40 pm', local(2025, 12, 30, 12, 40)],
    ['30 dic. 10:23 p. m.', local(2025, 12, 30, 22, 23)],
    ['2025-12-30 09:15 Amsterdam', local(2025, 12, 30, 9, 15)],
    // Month and day with the CJK counters, no year.
    ['12月30日 22:39', local(2025, 12, 30, 22, 39)],
    ['12월 30일 22:39', local(2025, 12, 30, 22, 39)],
  ])('%s', (text, at) => {
    expect(parseEventTime(text, now)).toBe(at);
  });
  test('no time, no month, or an impossible one: nothing', () => {
    for (const t of ['Jul. 28', '18:39', 'Tue | 28 18:39', 'Jul. 32 10:00', 'Jul. 28 25:00', 'Feb. 30 10:00', 'Jul. 28 13:10 PM', '13月1日 10:00', '']) expect(parseEventTime(t, now), t).toBeNull();
  });
});

describe('parseEstimatedDay: the last day of a delivery estimate', () => {
  test.each([
    ['Delivery: Nov. 24 - Dec. 10', new Date(2026, 11, 7), '2026-12-10'],
    ['Delivery: Dec. 28 - Jan. 12', new Date(2026, 11, 20), '2027-01-12'], // across the new year, ahead
    ['Delivery: Dec. 1 - Dec. 5', new Date(2027, 0, 10), '2026-12-05'], // passed: last year's
    ['Entrega: 24 nov. - 10 dic.', new Date(2026, 11, 7), '2026-12-10'],
    ['Estimated delivery date: Aug 3, 2026', new Date(2026, 11, 7), '2026-08-03'], // a year stated is kept
    ['Доставка: 24 нояб. – 10 дек.', new Date(2026, 11, 7), '2026-12-10'],
  ])('%s', (text, now, day) => {
    expect(parseEstimatedDay(text, now)).toBe(day);
  });
  test('no day named: nothing', () => {
    for (const t of ['Delivery soon', '', '24 - 10', 'Feb. 30']) expect(parseEstimatedDay(t, new Date(2026, 11, 7)), t).toBeNull();
  });
});
