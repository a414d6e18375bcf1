/**
 * AliExpress's gateway ("mtop") APIs: which ones we read, how to tell them from a request URL,
 * and how to turn a response body (JSON or JSONP) into data without running it.
 */
import { API_PREFIXES, MAX_BODY_CHARS } from './capture/api-prefixes';

export { API_PREFIXES, MAX_BODY_CHARS };

export const API = {
  orderList: 'mtop.aliexpress.trade.buyer.order.list',
  orderDetail: 'mtop.aliexpress.trade.buyer.order.detail',
  orderCount: 'mtop.aliexpress.trade.buyer.order.count',
  tracking: 'mtop.ae.ld.querydetail',
  /** Returns/refunds/disputes list (the refund-list page). */
  reverseList: 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
  reversePrefix: 'mtop.aliexpress.buyer.reverse.',
} as const;

export type ApiKind = 'order-list' | 'order-detail' | 'order-count' | 'tracking' | 'reverse' | 'other';

/** Gateway host of the H5 APIs. */
export const GATEWAY_HOST_RE = /^acs\.aliexpress\.(com|us)$|^acs-[a-z0-9-]+\.aliexpress\.(com|us)$/;

export function isApiOfInterest(api: string): boolean {
  const a = api.toLowerCase();
  return /^[a-z0-9.]{3,120}$/.test(a) && API_PREFIXES.some((p) => a.startsWith(p));
}

export function apiKind(api: string): ApiKind {
  const a = api.toLowerCase();
  if (a === API.orderList) return 'order-list';
  if (a === API.orderDetail) return 'order-detail';
  if (a === API.orderCount) return 'order-count';
  if (a === API.tracking) return 'tracking';
  if (a.startsWith(API.reversePrefix)) return 'reverse';
  return 'other';
}

/**
 * The API name of a gateway request URL, lower-cased, if it is one we read:
 * `https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/?…&api=…&type=originaljson`.
 */
export function apiOfUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > 20_000) return null;
  let u: URL;
  try {
    u = new URL(url, 'https://acs.aliexpress.com/');
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !GATEWAY_HOST_RE.test(u.hostname)) return null;
  const fromPath = /^\/h5\/([A-Za-z0-9.]+)\/\d+\.\d+\/?$/.exec(u.pathname)?.[1];
  const api = (fromPath ?? u.searchParams.get('api') ?? '').toLowerCase();
  return isApiOfInterest(api) ? api : null;
}

/** The JSONP callback name of a gateway URL (`callback=mtopjsonp3`), if well-formed. */
export function jsonpCallbackOfUrl(url: string): string | null {
  const m = /[?&]callback=(mtopjsonp\d{1,6})(?:&|$)/.exec(url);
  return m ? (m[1] as string) : null;
}

/**
 * Parse a response body: plain JSON, or JSONP such as `mtopjsonp3({...})` / `/**\/ cb({...});`.
 * Never evaluates anything: the wrapper is cut off and the inside goes to JSON.parse.
 * Returns null for anything else, or above `maxChars`.
 */
export function unwrapBody(text: string, maxChars = MAX_BODY_CHARS): unknown {
  if (typeof text !== 'string' || text.length === 0 || text.length > maxChars) return null;
  let s = text.trim().replace(/^\ufeff/, '');
  if (!(s.startsWith('{') || s.startsWith('['))) {
    const m = /^(?:\/\*\*\/\s*)?(?:typeof\s+[\w$.]+\s*===?\s*['"]function['"]\s*&&\s*)?[A-Za-z_$][\w$.]{0,80}\s*\(([\s\S]*)\)\s*;?\s*$/.exec(s);
    if (!m) return null;
    s = (m[1] as string).trim();
  }
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'object' && v !== null ? v : null;
  } catch {
    return null;
  }
}
