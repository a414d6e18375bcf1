import type { BrowserContext } from 'playwright-core';
export type Transport = 'xhr' | 'fetch' | 'jsonp' | 'none';
export const LIST_API: string;
export function gatewayUrl(api: string, type?: string): string;
export function orderListPage(transport: Transport, opts?: { lang?: string; extraBody?: string }): string;
export function demoRoutes(context: BrowserContext, fixtures: string): Promise<void>;
