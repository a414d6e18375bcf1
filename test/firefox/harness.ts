/**
 * The built Firefox extension (dist/firefox) in Debian's firefox-esr, driven over WebDriver
 * BiDi by puppeteer-core (no browser download). What needed care on these machines is in
 * docs/firefox.md: extension pages need `--remote-allow-system-access` and send no load event,
 * the extension's UUID is fixed by a pref, routed responses carry CORS headers, notifications
 * stay with the system backend off, libfaketime hangs Firefox (so no clock is moved here).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

export const ROOT = join(import.meta.dirname, '..', '..');
const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'buyer-shield@buyer-shield.app'; // scripts/manifest.ts
const UUID = '8c5d1b2e-0f4a-4b6e-9a51-3d2f7e6c9b10';
export const EXTENSION_BASE = `moz-extension://${UUID}`;
const SHOTS = join(ROOT, 'artifacts', 'screenshots');

export type Responder = (url: URL) => { status?: number; contentType?: string; body: string } | null;

export interface FirefoxHarness {
  browser: Browser;
  /** Every request pages made that the routes did not serve (refused with 404). */
  unserved: string[];
  /** A tab whose requests to AliExpress are answered by `routes` (first pattern that matches). */
  page(routes: Record<string, Responder>, viewport?: { width: number; height: number; userAgent?: string }): Promise<Page>;
  /** An extension page, loaded (Firefox sends no load event for them: polled). */
  extensionPage(path: string): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  // A crashed run leaves puppeteer's temporary profiles behind.
  for (const d of readdirSync(tmpdir())) if (d.startsWith('puppeteer_dev_firefox_profile-')) rmSync(join(tmpdir(), d), { recursive: true, force: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'alerts.useSystemBackend': false,
      'xpinstall.signatures.required': false,
    },
  });
  await browser.installExtension(join(ROOT, 'dist', 'firefox'));
  const unserved: string[] = [];

  const serve = (routes: Record<string, Responder>) => (req: HTTPRequest) => {
    const url = new URL(req.url());
    const headers = { 'access-control-allow-origin': '*' };
    for (const [pattern, responder] of Object.entries(routes)) {
      if (!new RegExp(pattern).test(url.href)) continue;
      const r = responder(url);
      if (r) return void req.respond({ status: r.status ?? 200, contentType: r.contentType ?? 'text/html; charset=utf-8', headers, body: r.body });
    }
    unserved.push(url.href);
    return void req.respond({ status: 404, contentType: 'text/plain', headers, body: 'not served in tests' });
  };

  return {
    browser,
    unserved,
    async page(routes, viewport) {
      const page = await browser.newPage();
      if (viewport) {
        await page.setViewport({ width: viewport.width, height: viewport.height });
        if (viewport.userAgent) await page.setUserAgent(viewport.userAgent);
      }
      await page.setRequestInterception(true);
      page.on('request', serve(routes));
      return page;
    },
    async extensionPage(path) {
      const page = await browser.newPage();
      const url = `${EXTENSION_BASE}/${path}`;
      void page.goto(url).catch(() => undefined);
      for (let i = 0; i < 100; i++) {
        const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
        if (state.startsWith(url) && state.endsWith('complete')) return page;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${url} did not load`);
    },
    async screenshot(page, name) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `firefox-${name}.png`) as `${string}.png`, fullPage: true });
    },
    async close() {
      await browser.close();
    },
  };
}

/** Polls `read` until `ok` holds, or fails with what it saw. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 500)}`);
}
