/* global chrome, document */
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
import { DEMO, demoRoutes } from './demo-pages.mjs';
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
const base = `chrome-extension://${id}`;

// The order list first (it stores the orders), then the pages that tell each state, as a
// shopper would open them: two order details, two tracking pages; then "I've opened the
// dispute" on one order, as the popup's button says it.
const page = context.pages()[0] ?? (await context.newPage());
await page.goto('https://www.aliexpress.com/p/order/index.html');
await page.waitForSelector('[data-buyer-shield]', { timeout: 15_000 });
const probe = await context.newPage();
await probe.goto(`${base}/src/options/index.html`);
const stored = () => probe.evaluate(() => chrome.storage.local.get(null));
const until = async (ok, what) => {
  for (let i = 0; i < 150; i++) {
    if (ok(await stored())) return;
    await probe.waitForTimeout(100);
  }
  console.warn(`The demo did not see ${what} within 15 s; its screenshots may lack that state.`);
};
await until((s) => Object.keys(s).filter((k) => k.startsWith('order:')).length >= 10, 'the order list read');
for (const [path, orderId, field] of [
  ['/p/order/detail.html?orderId=', DEMO.inTransit, 'deadlines'],
  ['/p/order/detail.html?orderId=', DEMO.completed, 'completedOn'],
  ['/p/tracking/index.html?tradeOrderId=', DEMO.delivered, 'tracking'],
  ['/p/tracking/index.html?tradeOrderId=', DEMO.pickup, 'tracking'],
]) {
  const tab = await context.newPage();
  await tab.goto(`https://www.aliexpress.com${path}${orderId}`);
  await until((s) => {
    const v = s[`order:${orderId}`]?.[field];
    return Array.isArray(v) ? v.length > 0 : !!v;
  }, `order ${orderId} read`);
  await tab.close();
}
await probe.evaluate((orderId) => chrome.runtime.sendMessage({ type: 'ui/mark-dispute', orderId, opened: true }), DEMO.dispute);
await page.reload();
await page.waitForSelector('[data-buyer-shield="badge"]', { timeout: 15_000 });
await page.waitForTimeout(1500);

if (headless) {
  const out = join(root, 'artifacts', 'demo');
  mkdirSync(out, { recursive: true });
  const shots = [];
  const shot = async (p, name, options = { fullPage: true }) => {
    await p.screenshot({ path: join(out, name), ...options });
    shots.push(name);
  };
  await shot(page, '1-order-list.png');
  // The guard, one click away: "Confirm received" on the order in transit.
  const card = page.locator('.order-item', { hasText: DEMO.inTransit });
  await card.getByRole('button', { name: 'Confirm received' }).click();
  await page.waitForTimeout(500);
  await shot(page, '2-confirm-guard.png', { fullPage: false });
  await page.keyboard.press('Escape');
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 900 });
  await popup.goto(`${base}/src/popup/index.html`);
  await popup.waitForTimeout(1000);
  await shot(popup, '3-popup.png');
  // The toolbar badge and the last notification, as the shopper saw them (headless Chromium
  // draws neither, so they are shown on a page of their own).
  const [badge, last] = await probe.evaluate(async () => [await chrome.action.getBadgeText({}), (await chrome.storage.local.get('lastReminder')).lastReminder ?? null]);
  const note = await context.newPage();
  await note.setViewportSize({ width: 460, height: 300 });
  await note.setContent(`<body style="font:14px system-ui;margin:16px"><p>Toolbar badge: <b style="background:#c62828;color:#fff;padding:2px 6px;border-radius:8px">${String(badge)}</b></p><div style="border:1px solid #ccc;border-radius:8px;padding:12px;max-width:400px"><b id="t"></b><p id="m" style="white-space:pre-wrap"></p></div></body>`);
  await note.evaluate((l) => {
    document.getElementById('t').textContent = l ? `Buyer Shield · ${l.title}` : 'No notification yet';
    document.getElementById('m').textContent = l ? l.message : '';
  }, last);
  await shot(note, '4-notification.png');
  const options = await context.newPage();
  await options.goto(`${base}/src/options/index.html`);
  await options.waitForTimeout(500);
  await shot(options, '5-options.png');
  await context.close();
  console.log(`Buyer Shield demo screenshots written to ${out}:`);
  for (const f of shots) console.log(`  ${join(out, f)}`);
} else {
  await probe.close();
  console.log('Buyer Shield is loaded on a local demo order list. Click the extension icon (puzzle piece → Buyer Shield) for the popup.');
  console.log(`Popup as a tab: ${base}/src/popup/index.html — close the browser to stop.`);
  await new Promise((r) => context.on('close', r));
}
