/**
 * The thin slice end to end: an order list on its real URL → content script → worker →
 * storage → popup and overlay; and the backup round trip into a fresh profile.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { ACS, LIST_API, ORDER_LIST, ORDER_LIST_URL, fixtureJson, fixtureText, gateway, html, orderListPage } from './pages';

const LIST_IDS = Object.values(fixtureJson<{ data: { data: Record<string, { tag: string; fields: { orderId: string } }> } }>('order-list.2026-09.json').data.data)
  .filter((c) => c.tag === 'pc_om_list_order')
  .map((c) => c.fields.orderId)
  .sort();

describe('foundation slice', () => {
  let h: Harness;
  let backupPath = '';

  beforeAll(async () => {
    h = await launch();
    await h.routeAliExpress({ [ORDER_LIST]: html(orderListPage('xhr')), [ACS]: gateway({ [LIST_API]: fixtureText('order-list.2026-09.json') }) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads the order list served on its real URL, stores 10 orders, and says so on the page', async () => {
    expect(LIST_IDS).toHaveLength(10);
    const page = await h.context.newPage();
    await page.goto(ORDER_LIST_URL);
    await expect.poll(async () => Object.keys(await h.orders()).sort(), { timeout: 15_000 }).toEqual(LIST_IDS);
    // The overlay lives in a shadow root and says how many orders Buyer Shield knows.
    const panel = page.locator('[data-buyer-shield="panel"]');
    await expect.poll(() => panel.getByText('Knows 10 of your orders').count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.evaluate((el) => el.shadowRoot?.mode)).toBe('open');
    // The page got exactly what the gateway sent.
    expect(await page.evaluate(() => (window as unknown as { __received: unknown }).__received)).toEqual(fixtureJson('order-list.2026-09.json'));
    await h.screenshot(page, 'foundation-order-list');
    await page.close();
  });

  it('lists the stored orders in the popup', async () => {
    const popup = await h.openPopup();
    const list = popup.getByRole('list', { name: 'Your orders (10)' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(10);
    for (const id of LIST_IDS) expect(await list.getByText(`#${id}`).count()).toBe(1);
    expect(await popup.locator('html').getAttribute('dir')).toBe('ltr');
    await h.screenshot(popup, 'foundation-popup');
    await popup.close();
  });

  it('exports a backup file in the documented format', async () => {
    const popup = await h.openPopup();
    await popup.getByText('Menu').click();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export backup' }).click()]);
    backupPath = join(mkdtempSync(join(tmpdir(), 'bs-backup-')), download.suggestedFilename());
    await download.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as { format: string; version: number; exportedAt: string; orders: { orderId: string; site: string; status: string; total: unknown }[]; settings: unknown };
    expect(backup.format).toBe('buyer-shield-backup');
    expect(backup.version).toBe(1);
    expect(new Date(backup.exportedAt).toString()).not.toBe('Invalid Date');
    expect(backup.orders.map((o) => o.orderId).sort()).toEqual(LIST_IDS);
    for (const o of backup.orders) {
      expect(o.site).toBe('www.aliexpress.com');
      expect(o.total).toMatchObject({ currency: 'BRL' });
    }
    expect(backup.settings).toMatchObject({ locale: 'auto' });
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Saved a backup' }).textContent()).toBe('Saved a backup of 10 orders.');
    await popup.close();
  });

  it('exports the orders for a spreadsheet, from the popup menu and from the options page', async () => {
    const popup = await h.openPopup();
    await popup.getByText('Menu').click();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export orders for a spreadsheet (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^buyer-shield-orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = join(mkdtempSync(join(tmpdir(), 'bs-csv-')), download.suggestedFilename());
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ',' }).data;
    expect(rows[0]?.slice(0, 3)).toEqual(['Order number', 'Order date', 'Store']);
    // One row per item: the list has 10 orders, one of them with two items.
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(LIST_IDS));
    expect(rows.length - 1).toBe(11);
    expect(rows.slice(1).every((r) => r[8] === 'BRL' && /^\d+\.\d\d$/.test(r[7] ?? ''))).toBe(true);
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'spreadsheet' }).textContent()).toBe('Saved a spreadsheet of 10 orders.');
    await popup.close();
    const options = await h.openOptions();
    const [again] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export orders for a spreadsheet (CSV)' }).click()]);
    expect(again.suggestedFilename()).toMatch(/\.csv$/);
    await options.close();
  });

  it('imports the backup into a fresh profile, and a corrupt file changes nothing', async () => {
    const fresh = await launch();
    try {
      expect(Object.keys(await fresh.orders())).toHaveLength(0);
      const options = await fresh.openOptions();
      await options.locator('input[type=file]').setInputFiles(backupPath);
      await expect.poll(() => options.getByRole('status').textContent()).toBe('Restored 10 orders from the backup (of 10).');
      expect(Object.keys(await fresh.orders()).sort()).toEqual(LIST_IDS);
      const before = await fresh.storage();

      const dir = mkdtempSync(join(tmpdir(), 'bs-corrupt-'));
      const cases: [string, string, RegExp][] = [
        ['truncated.json', readFileSync(backupPath, 'utf8').slice(0, 500), /not valid JSON/],
        ['foreign.json', JSON.stringify({ format: 'other-tool', orders: [] }), /not a Buyer Shield backup/],
        ['bad-order.json', JSON.stringify({ ...JSON.parse(readFileSync(backupPath, 'utf8')), orders: [{ orderId: 'x' }] }), /damaged.*orders\.0/],
      ];
      for (const [name, text, message] of cases) {
        writeFileSync(join(dir, name), text);
        await options.locator('input[type=file]').setInputFiles(join(dir, name));
        await expect.poll(() => options.getByRole('alert').textContent()).toMatch(message);
        expect(await options.getByRole('alert').textContent()).toMatch(/Nothing was changed/);
        expect(await fresh.storage()).toEqual(before);
      }
      await fresh.screenshot(options, 'foundation-options-import-error');
    } finally {
      await fresh.close();
    }
  });
});
