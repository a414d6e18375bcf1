// npm start: build, then open Chromium with Buyer Shield loaded on a local demo of an
// AliExpress order list made from the real captures (no account needed; nothing leaves the
// machine: AliExpress URLs are answered locally by request routing).
//   npm start                  a window you can use (needs a display)
//   npm start -- --headless    no display: writes screenshots and says where
import { spawnSync } from 'node:child_process';
import { mkdirSync } from "node:fs";
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { demoRoutes } from './demo-pages.mjs';
import { ensureSystemPackages } from './system-deps.mjs';

ensureSystemPackages('start');

const root = resolve(import.meta.dirname, '..');
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const langArg = process.argv.find((a) => a.startsWith('--lang='));
const lang = langArg ? langArg.slice(7) : 'en';

if (!process.argv.includes('--no-build')) {
  const r = spawnSync('node', ['scripts/build.mjs', 'chrome'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const ext = join(root, 'dist', 'chrome');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'buyer-shield-demo-')), {
  executablePath: chromiumPath,
  headless,
  args: [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    `--lang=${lang}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
  locale: lang,
  viewport: headless ? { width: 1280, height: 900 } : null,
});
await demoRoutes(context, join(root, 'test', 'fixtures', 'aliexpress'));
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;

const page = context.pages()[0] ?? (await context.newPage());
await page.goto('https://www.aliexpress.com/p/order/index.html');
await page.waitForSelector('[data-buyer-shield]', { timeout: 15_000 });
await page.waitForTimeout(1500);

if (headless) {
  const out = join(root, 'artifacts', 'demo');
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, '1-order-list.png'), fullPage: true });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${id}/src/popup/index.html`);
  await popup.waitForTimeout(800);
  await popup.screenshot({ path: join(out, '2-popup.png'), fullPage: true });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/src/options/index.html`);
  await options.waitForTimeout(500);
  await options.screenshot({ path: join(out, '3-options.png'), fullPage: true });
  await context.close();
  console.log(`Buyer Shield demo screenshots written to ${out}:`);
  for (const f of ['1-order-list.png', '2-popup.png', '3-options.png']) console.log(`  ${join(out, f)}`);
} else {
  console.log('Buyer Shield is loaded on a local demo order list. Click the extension icon (puzzle piece → Buyer Shield) for the popup.');
  console.log(`Popup as a tab: chrome-extension://${id}/src/popup/index.html — close the browser to stop.`);
  await new Promise((r) => context.on('close', r));
}

