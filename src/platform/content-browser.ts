/**
 * The extension API for content scripts, without webextension-polyfill: the content script
 * runs on every AliExpress order page and must stay small. It needs only `runtime.id`,
 * `runtime.sendMessage`, `runtime.onMessage` (answered with `sendResponse`, which both browsers
 * take) and `storage.onChanged`, which Firefox's `browser` and Chrome's
 * promise-returning MV3 `chrome` (and Chrome 148+'s native `browser`) both provide.
 */
import type { Browser } from 'webextension-polyfill';

type ContentApi = Pick<Browser, 'runtime' | 'storage'>;

const g = globalThis as unknown as { browser?: ContentApi; chrome?: ContentApi };

export const browser: ContentApi = (g.browser ?? g.chrome) as ContentApi;
