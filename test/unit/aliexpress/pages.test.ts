import { describe, expect, test } from 'vitest';
import { CAPTURE_MATCHES, classifyUrl, CONTENT_MATCHES } from '../../../src/aliexpress';

describe('classifyUrl', () => {
  const rows: [string, string, string, string | null, boolean][] = [
    ['https://www.aliexpress.com/p/order/index.html', 'order-list', 'aliexpress.com', null, false],
    ['https://www.aliexpress.us/p/order/index.html?spm=a2g0o', 'order-list', 'aliexpress.us', null, false],
    ['https://m.aliexpress.com/p/order/index.html', 'order-list', 'aliexpress.com', null, false],
    ['https://es.aliexpress.com/p/order/detail.html?orderId=8214398062177351', 'order-detail', 'aliexpress.com', '8214398062177351', false],
    ['https://he.aliexpress.com/p/order/detail.html?orderId=8214398062177351&spm=x', 'order-detail', 'aliexpress.com', '8214398062177351', false],
    ['https://ja.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322', 'tracking', 'aliexpress.com', '8212313961591322', false],
    ['https://ko.aliexpress.com/p/reverse-pages/start.html?orderId=8212313961591322', 'reverse-start', 'aliexpress.com', '8212313961591322', false],
    ['https://pt.aliexpress.com/p/refund-dispute/list.html', 'refund-list', 'aliexpress.com', null, false],
    ['https://trade.aliexpress.com/issue/fastissue/Detail.htm?issueId=7100861864905604', 'dispute-detail', 'aliexpress.com', null, false],
    ['https://trade.aliexpress.com/orderList.htm', 'legacy-order-list', 'aliexpress.com', null, false],
    ['https://trade.aliexpress.com/order_detail.htm?orderId=8012345678901234', 'legacy-order-detail', 'aliexpress.com', '8012345678901234', false],
    ['https://track.aliexpress.com/logisticsdetail.htm?tradeId=8012345678901234', 'legacy-tracking', 'aliexpress.com', '8012345678901234', false],
    ['https://aliexpress.ru/order-list/', 'other', 'aliexpress.ru', null, true],
    ['https://www.aliexpress.ru/p/order/index.html', 'order-list', 'aliexpress.ru', null, true],
    ['https://www.aliexpress.com/item/1005745176332016.html', 'other', 'aliexpress.com', null, false],
    ['https://evil-aliexpress.com/p/order/index.html', 'other', '', null, false],
    ['https://aliexpress.com.evil.example/p/order/index.html', 'other', '', null, false],
    ['https://www.aliexpress.com/p/order/detail.html?orderId=abc', 'order-detail', 'aliexpress.com', null, false],
    ['not a url', 'other', '', null, false],
  ];
  test.each(rows)('%s', (url, kind, site, orderId, unsupportedOperator) => {
    expect(classifyUrl(url)).toEqual({ kind, site, orderId, unsupportedOperator });
  });
});

describe('match patterns', () => {
  test('cover the buyer pages and nothing broader than needed', () => {
    expect(CONTENT_MATCHES).toContain('https://*.aliexpress.com/p/order/*');
    expect(CONTENT_MATCHES.every((m) => /^https:\/\/(\*\.|trade\.|track\.)aliexpress\.(com|us)\/.+/.test(m))).toBe(true);
    expect(CONTENT_MATCHES.some((m) => m.includes('aliexpress.ru'))).toBe(false);
    expect(CAPTURE_MATCHES.every((m) => m.includes('/p/'))).toBe(true);
    expect(CAPTURE_MATCHES).toHaveLength(8);
  });
});
