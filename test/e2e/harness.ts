/**
 * End-to-end harness: the built extension in Debian's Chromium under Playwright
 * (playwright-core, never a browser download). Reused by every e2e test.
 *
 *   const h = await launch();                 // fresh profile, extension loaded
 *   await h.routeAliExpress(routes);          // serve pages on real AliExpress URLs
 *   const popup = await h.openPopup();        // extension pages as tabs
 *   await h.storage();                        // chrome.storage.local as the worker sees it
 *   await h.restartWorker();                  // CDP Target.closeTarget; globals lost, alarms kept
 *   await h.close(); await launch({ userDataDir: h.userDataDir }) // browser restart, same profile
 *   launch({ fakeTime: '@2030-01-01 00:00:00 x10' })              // libfaketime for worker + pages
 */
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Route, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, 'dist', 'chrome');
export const ARTIFACTS = join(ROOT, 'artifacts');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

export interface LaunchOptions {
  userDataDir?: string;
  /** Browser UI language, e.g. 'he', 'ru'. */
  lang?: string;
  /** libfaketime spec, e.g. '@2030-01-01 00:00:00 x10'. Moves the worker, pages and alarms together. */
  fakeTime?: string;
  /** Time zone for the browser (TZ). */
  timezone?: string;
  withExtension?: boolean;
  /** Another unpacked extension than the build in dist/chrome (the bench's page-load floors). */
  extensionDir?: string;
}

export type Handler = (route: Route, url: URL) => Promise<void> | void;

/** The URL of the frame that made a request; 'worker' for a service worker's (Playwright throws for those). */
export function frameOf(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return 'worker';
  }
}

export class Harness {
  readonly requests: { url: string; from: string }[] = [];
  constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly userDataDir: string,
  ) {}

  get base(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  async worker(): Promise<Worker> {
    const found = this.context.serviceWorkers().find((w) => w.url().startsWith(this.base));
    if (found) return found;
    return this.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(this.base), timeout: 20_000 });
  }

  /** Serve AliExpress URLs from handlers; every other outside request is refused and recorded. */
  async routeAliExpress(handlers: Record<string, Handler>): Promise<void> {
    await this.context.route(/^https?:\/\//, async (route) => {
      const url = new URL(route.request().url());
      this.requests.push({ url: url.href, from: frameOf(route.request()) });
      for (const [pattern, handler] of Object.entries(handlers)) {
        if (new RegExp(pattern).test(url.href)) return handler(route, url);
      }
      if (/(^|\.)aliexpress-media\.com$|(^|\.)alicdn\.com$/.test(url.hostname)) return route.fulfill({ status: 204, body: '' });
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
    });
  }

  async openPage(path: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`${this.base}/${path}`);
    return page;
  }

  openPopup(query = ''): Promise<Page> {
    return this.openPage(`src/popup/index.html${query}`);
  }

  openOptions(): Promise<Page> {
    return this.openPage('src/options/index.html');
  }

  private probePage: Page | null = null;

  /**
   * An extension page used to read what the worker sees (storage, alarms, notifications,
   * badge). Playwright loses track of a service worker killed over CDP, so reads never go
   * through the worker itself.
   */
  async probe(): Promise<Page> {
    if (!this.probePage || this.probePage.isClosed()) {
      this.probePage = await this.context.newPage();
      await this.probePage.goto(`${this.base}/src/options/index.html?probe`);
    }
    return this.probePage;
  }

  async storage(area: 'local' | 'sync' = 'local'): Promise<Record<string, unknown>> {
    return (await this.probe()).evaluate((a) => chrome.storage[a as 'local' | 'sync'].get(null), area) as Promise<Record<string, unknown>>;
  }

  async setStorage(values: Record<string, unknown>, area: 'local' | 'sync' = 'local'): Promise<void> {
    await (await this.probe()).evaluate(([v, a]) => chrome.storage[a as 'local' | 'sync'].set(v as Record<string, unknown>), [values, area] as const);
  }

  async orders(): Promise<Record<string, Record<string, unknown>>> {
    const all = await this.storage();
    const out: Record<string, Record<string, unknown>> = {};
    for (const [k, v] of Object.entries(all)) if (k.startsWith('order:')) out[k.slice(6)] = v as Record<string, unknown>;
    return out;
  }

  async alarms(): Promise<{ name: string; scheduledTime: number }[]> {
    return (await this.probe()).evaluate(() => chrome.alarms.getAll());
  }

  async notifications(): Promise<Record<string, unknown>> {
    return (await this.probe()).evaluate(() => chrome.notifications.getAll());
  }

  async clearNotifications(): Promise<void> {
    await (await this.probe()).evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
  }

  async badgeText(): Promise<string> {
    return (await this.probe()).evaluate(() => chrome.action.getBadgeText({}));
  }

  /** Send a UI→BG message from an extension page (wakes the worker). */
  async ask<T = unknown>(message: Record<string, unknown>): Promise<T> {
    return (await this.probe()).evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
  }

  /**
   * Kill the service worker as Chrome does when it idles out (CDP Target.closeTarget: globals
   * lost, alarms kept), then wake it with a message as a page being read or the popup would.
   * Resolves with the worker's reply, proving the new instance answers.
   */
  async restartWorker(): Promise<unknown> {
    const page = await this.probe();
    const cdp = await this.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(this.base));
    if (!sw) throw new Error('no service worker to close');
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
    const start = Date.now();
    while (Date.now() - start < 5000) {
      const now = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string }[] };
      if (!now.targetInfos.some((t) => t.targetId === sw.targetId)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await cdp.detach();
    return this.ask({ type: 'ui/get-state' });
  }

  async screenshot(page: Page, name: string): Promise<string> {
    mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
    const file = join(ARTIFACTS, 'screenshots', `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (options.withExtension !== false && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no build at ${extensionDir}: run npm run build first`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'buyer-shield-e2e-'));
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  if (options.lang) env['LANGUAGE'] = options.lang;
  if (options.timezone) env['TZ'] = options.timezone;
  if (options.fakeTime) {
    if (!existsSync(FAKETIME_LIB)) throw new Error('libfaketime is not installed (apt-get install libfaketime)');
    env['LD_PRELOAD'] = FAKETIME_LIB;
    env['FAKETIME'] = options.fakeTime;
    env['FAKETIME_DONT_RESET'] = '1';
  }
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-features=DialMediaRouteProvider,Translate,OptimizationHints',
  ];
  if (options.lang) args.push(`--lang=${options.lang}`);
  if (options.withExtension !== false) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    env,
    locale: options.lang ?? 'en-US',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    ...(options.timezone ? { timezoneId: options.timezone } : {}),
  });
  let extensionId = '';
  if (options.withExtension !== false) {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return new Harness(context, extensionId, userDataDir);
}

/** Wait until `read()` satisfies `ok` (for hooks, where expect.poll is not allowed). */
export async function waitUntil<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  while (Date.now() - start < timeoutMs) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
}
