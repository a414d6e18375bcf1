/**
 * AliExpress-like pages for the e2e tests, built from the real captures in
 * test/fixtures/aliexpress (see its README for provenance). The order-list page behaves as
 * AliExpress's does: it loads its data from the acs.aliexpress.com gateway (by XHR, fetch or
 * JSONP) and renders the cards from it with AliExpress's class names; "Confirm received"
 * runs the page's own handler (counted in window.__confirmed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { ROOT, type Handler } from './harness';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'aliexpress');
export const fixtureText = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
export const fixtureJson = <T = Record<string, unknown>>(name: string): T => JSON.parse(fixtureText(name)) as T;

export const ORDER_LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
export { LIST_API, gatewayUrl, orderListPage } from '../../scripts/demo-pages.mjs';
export type { Transport } from '../../scripts/demo-pages.mjs';

export const html = (body: string) => (route: Route) =>
  route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });

/** Serves a capture from the gateway, as JSON or wrapped in the JSONP callback it was asked for. */
export function gateway(payloads: Record<string, string>): Handler {
  return (route, url) => {
    const api = url.searchParams.get('api') ?? url.pathname.split('/')[2] ?? '';
    const body = payloads[api];
    if (!body) return route.fulfill({ status: 404, body: '' });
    const callback = url.searchParams.get('callback');
    if (callback) return route.fulfill({ status: 200, contentType: 'application/javascript', body: `${callback}(${body})` });
    return route.fulfill({ status: 200, contentType: 'application/json', body });
  };
}

export const ACS = '^https://acs\\.aliexpress\\.com/';
export const ORDER_LIST = '^https://www\\.aliexpress\\.com/p/order/index\\.html';
