/**
 * AliExpress hosts and buyer pages (2022–2026 UI, plus the pre-2022 legacy pages still linked
 * from old orders). Pure URL facts: no browser API.
 */

export type PageKind =
  | 'order-list'
  | 'order-detail'
  | 'tracking'
  | 'reverse-start'
  | 'refund-list'
  | 'dispute-detail'
  | 'legacy-order-list'
  | 'legacy-order-detail'
  | 'legacy-tracking'
  | 'other';

export interface PageInfo {
  kind: PageKind;
  /** Operator site the order belongs to: "aliexpress.com", "aliexpress.us", "aliexpress.ru"; "" when not AliExpress. */
  site: string;
  orderId: string | null;
  /** aliexpress.ru: a different operator with its own markup and dispute rules. */
  unsupportedOperator: boolean;
}

/** Operator domains we support; subdomains: www, m, language (es, fr, nl, he, pt, ja, ko, …), trade, track. */
export const SUPPORTED_SITES: readonly string[] = ['aliexpress.com', 'aliexpress.us'];
export const UNSUPPORTED_SITES: readonly string[] = ['aliexpress.ru'];

const PATHS: ReadonlyArray<readonly [PageKind, RegExp]> = [
  ['order-list', /^\/p\/order\/index\.html$/],
  ['order-detail', /^\/p\/order\/detail\.html$/],
  ['tracking', /^\/p\/tracking\/index\.html$/],
  ['reverse-start', /^\/p\/reverse-pages\/start\.html$/],
  ['refund-list', /^\/p\/refund-dispute\/list\.html$/],
];

const LEGACY: ReadonlyArray<readonly [string, PageKind, RegExp]> = [
  ['trade', 'dispute-detail', /^\/issue\/fastissue\/detail\.htm$/i],
  ['trade', 'legacy-order-list', /^\/orderlist\.htm$/i],
  ['trade', 'legacy-order-detail', /^\/order_detail\.htm$/i],
  ['track', 'legacy-tracking', /^\/logisticsdetail\.htm$/i],
];

const ORDER_ID_PARAMS = ['orderId', 'tradeOrderId', 'tradeId', 'orderid'];

function siteOf(host: string): string {
  for (const s of [...SUPPORTED_SITES, ...UNSUPPORTED_SITES]) {
    if (host === s || host.endsWith(`.${s}`)) return s;
  }
  return '';
}

export function classifyUrl(url: string): PageInfo {
  const none: PageInfo = { kind: 'other', site: '', orderId: null, unsupportedOperator: false };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return none;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return none;
  const host = u.hostname.toLowerCase();
  const site = siteOf(host);
  if (!site) return none;
  const unsupportedOperator = UNSUPPORTED_SITES.includes(site);
  let orderId: string | null = null;
  for (const p of ORDER_ID_PARAMS) {
    const v = u.searchParams.get(p);
    if (v && /^\d{6,24}$/.test(v)) {
      orderId = v;
      break;
    }
  }
  const sub = host.slice(0, Math.max(0, host.length - site.length - 1));
  let kind: PageKind = 'other';
  for (const [k, re] of PATHS) if (re.test(u.pathname)) kind = k;
  if (kind === 'other') {
    for (const [prefix, k, re] of LEGACY) if (sub === prefix && re.test(u.pathname)) kind = k;
  }
  return { kind, site, orderId, unsupportedOperator };
}

/**
 * Manifest match patterns for the buyer pages (order list/detail, tracking, reverse pages,
 * refund list, dispute detail, legacy pages). `*.aliexpress.com` covers www, m, language
 * subdomains, trade. and track.
 */
export const CONTENT_MATCHES: readonly string[] = [
  'https://*.aliexpress.com/p/order/*',
  'https://*.aliexpress.com/p/tracking/*',
  'https://*.aliexpress.com/p/reverse-pages/*',
  'https://*.aliexpress.com/p/refund-dispute/*',
  'https://*.aliexpress.us/p/order/*',
  'https://*.aliexpress.us/p/tracking/*',
  'https://*.aliexpress.us/p/reverse-pages/*',
  'https://*.aliexpress.us/p/refund-dispute/*',
  'https://trade.aliexpress.com/issue/fastissue/*',
  'https://trade.aliexpress.com/orderList.htm*',
  'https://trade.aliexpress.com/order_detail.htm*',
  'https://track.aliexpress.com/logisticsdetail.htm*',
];

/** Pages where the MAIN-world capture script runs (the ones whose data comes from the gateway). */
export const CAPTURE_MATCHES: readonly string[] = CONTENT_MATCHES.filter((m) => m.includes('/p/'));

/** Login pages AliExpress redirects to when the session has expired. */
export const LOGIN_HOSTS: readonly string[] = ['login.aliexpress.com', 'login.aliexpress.us', 'passport.aliexpress.com', 'passport.aliexpress.us'];

/** Order-detail and tracking URLs for an order (for links the overlay or popup offers). */
export function orderDetailUrl(orderId: string, site = 'aliexpress.com'): string {
  return `https://www.${site}/p/order/detail.html?orderId=${encodeURIComponent(orderId)}`;
}

export function trackingUrl(orderId: string, site = 'aliexpress.com'): string {
  return `https://www.${site}/p/tracking/index.html?tradeOrderId=${encodeURIComponent(orderId)}`;
}
