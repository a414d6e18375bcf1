/**
 * Corrupt, foreign-version and old storage in the real worker, and pages that could not be
 * read: valid records kept, the repairable repaired, the rest set aside with their raw value
 * (never wiped), and the shopper told in plain words in the popup (and on the page), with a
 * backup that carries what was set aside and a "Copy diagnostics" that holds nothing personal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFromObservation } from '../../src/domain/merge';
import { OrderSchema, type Order } from '../../src/domain/order';
import { createTranslator } from '../../src/i18n';
import { ROOT, launch, waitUntil, type Harness } from './harness';
import { html } from './pages';

const EN_DIR = join(ROOT, 'src', 'i18n', 'catalogue', 'en');
const t = createTranslator(Object.assign({}, ...readdirSync(EN_DIR).map((f) => JSON.parse(readFileSync(join(EN_DIR, f), 'utf8')) as Record<string, string>)));

const order = (orderId: string): Order =>
  orderFromObservation(
    {
      orderId,
      site: 'www.aliexpress.com',
      status: 'awaiting_delivery',
      statusText: 'Awaiting delivery',
      placedOn: '2026-08-01',
      total: { minor: 2509, currency: 'USD' },
      store: { name: 'Vega Store', url: null },
      items: [{ title: 'USB cable', quantity: 2, price: { minor: 1200, currency: 'USD' }, variant: 'Black' }],
    },
    '2026-09-01T10:00:00.000Z',
  );
const A = order('8212313961591322');
const B = order('8214398062177351');
const C = order('8214779947343229');

interface QEntry {
  key: string;
  reason: string;
  at: string;
  raw: string;
}

async function reseed(h: Harness, values: Record<string, unknown>): Promise<void> {
  await (await h.probe()).evaluate(() => chrome.storage.local.clear());
  await h.setStorage(values);
  expect(await h.restartWorker()).toMatchObject({ ok: true });
}

/** What the popup wrote to the clipboard when the button was pressed. */
async function copied(page: Page, name: string): Promise<string> {
  await page.bringToFront();
  await page.evaluate(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    navigator.clipboard.writeText = (text: string) => {
      w.__copied.push(text);
      return Promise.resolve();
    };
  });
  await page.getByRole('button', { name }).first().click();
  return waitUntil(() => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied[0] ?? ''), (s) => s.length > 0, 5000, 'the copied text');
}

describe('corrupt storage in the real worker', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps valid records, repairs the repairable, sets the rest aside with the raw value, and tells the shopper', async () => {
    const repairable = { ...B, items: [...B.items, { title: 9 }], total: 'lots' };
    await reseed(h, {
      meta: { schemaVersion: 1 },
      [`order:${A.orderId}`]: A,
      [`order:${B.orderId}`]: repairable,
      'order:1111111': '{garbage',
      'order:2222222': { orderId: 2222222, status: ['x'] },
      'order:3333333': [1, 2, 3],
      quarantine: { not: 'a list' },
    });
    const q = await waitUntil(async () => (await h.storage())['quarantine'], (v) => Array.isArray(v) && v.length === 5, 10_000, 'the quarantine');
    const entries = q as QEntry[];
    expect(entries.map((e) => e.key).sort()).toEqual(['order:1111111', 'order:2222222', 'order:3333333', `order:${B.orderId}`, 'quarantine']);
    const raw = (key: string) => entries.find((e) => e.key === key)?.raw;
    expect(raw('order:1111111')).toBe('"{garbage"');
    expect(JSON.parse(raw('order:2222222') ?? 'null')).toEqual({ orderId: 2222222, status: ['x'] });
    expect(raw('quarantine')).toBe('{"not":"a list"}');
    expect(JSON.parse(raw(`order:${B.orderId}`) ?? 'null')).toEqual(repairable);
    const orders = await h.orders();
    expect(Object.keys(orders).sort()).toEqual([A.orderId, B.orderId]);
    for (const o of Object.values(orders)) expect(OrderSchema.safeParse(o).success).toBe(true);
    expect(orders[A.orderId]).toEqual(A);
    expect(orders[B.orderId]?.['items']).toEqual(B.items);
    expect(orders[B.orderId]?.['total']).toBeNull();

    // The popup says so, offers a backup that carries them, then lets the shopper forget them.
    const popup = await h.openPopup();
    const notice = popup.getByText(t('notice_quarantine', { count: 5 }));
    await notice.waitFor();
    expect(await popup.getByRole('alert').filter({ hasText: t('notice_quarantine', { count: 5 }) }).count()).toBe(1);
    await h.screenshot(popup, 'storage-quarantine-notice');
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: t('notice_quarantine_export') }).click()]);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as { orders: { orderId: string }[]; quarantine: QEntry[] };
    expect(backup.orders.map((o) => o.orderId)).toEqual([A.orderId, B.orderId]);
    expect(backup.quarantine.map((e) => e.key).sort()).toEqual(entries.map((e) => e.key).sort());
    expect(backup.quarantine.find((e) => e.key === 'order:1111111')?.raw).toBe('"{garbage"');

    const diagnostics = JSON.parse(await copied(popup, t('notice_copy_diagnostics'))) as Record<string, unknown>;
    expect(diagnostics).toMatchObject({ app: 'buyer-shield', version: '0.1.0', schemaVersion: 1, storedOrders: 2, quarantined: 5 });
    expect(String(diagnostics['userAgent'])).toMatch(/Chrom/);
    const text = JSON.stringify(diagnostics);
    for (const secret of [A.orderId, B.orderId, 'Vega Store', 'USB cable', 'garbage']) expect(text).not.toContain(secret);

    await popup.getByRole('button', { name: t('notice_quarantine_forget') }).click();
    await waitUntil(() => notice.count(), (n) => n === 0, 5000, 'the notice to go');
    expect((await h.storage())['quarantine']).toEqual([]);
    expect(Object.keys(await h.orders()).sort()).toEqual([A.orderId, B.orderId]);
    await popup.close();
  });

  it('reads a store from a newer version without moving anything, and says to update', async () => {
    const newer = { ...C, status: 'some-future-status', newField: { x: 1 } };
    await reseed(h, { meta: { schemaVersion: 7 }, [`order:${A.orderId}`]: A, [`order:${C.orderId}`]: newer });
    const problems = await waitUntil(async () => (await h.storage())['problems'] as { code: string }[] | undefined, (p) => !!p?.length, 10_000, 'the problem');
    expect((problems ?? []).map((p) => p.code)).toEqual(['storage-newer-version']);
    const all = await h.storage();
    expect(all['meta']).toEqual({ schemaVersion: 7 });
    expect(all[`order:${C.orderId}`]).toEqual(newer);
    expect(all[`order:${A.orderId}`]).toEqual(A);
    expect(all['quarantine']).toBeUndefined();
    const popup = await h.openPopup();
    await popup.getByText(t('notice_problem_storage_newer_version')).waitFor();
    // What this build understands is listed.
    expect(await popup.getByText(`#${A.orderId}`).count()).toBe(1);
    await popup.close();
  });

  it('brings an old store (no meta, version 0) to the current version, keeping every record', async () => {
    for (const meta of [undefined, { schemaVersion: 0 }]) {
      const values: Record<string, unknown> = { [`order:${A.orderId}`]: A, [`order:${B.orderId}`]: B, [`draft:${A.orderId}`]: { step: 2 }, orderPrefs: { [A.orderId]: { guardOff: true } } };
      if (meta) values['meta'] = meta;
      await reseed(h, values);
      const all = await waitUntil(() => h.storage(), (s) => (s['meta'] as { schemaVersion?: number } | undefined)?.schemaVersion === 1, 10_000, 'the migration');
      for (const [k, v] of Object.entries(values)) if (k !== 'meta') expect(all[k]).toEqual(v);
      expect(all['quarantine']).toBeUndefined();
    }
    const popup = await h.openPopup();
    await popup.getByText(`#${B.orderId}`).waitFor();
    expect(await popup.locator('.notices').count()).toBe(0);
    await popup.close();
  });
});

describe('the order index in the real worker and popup', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  const many = (n: number): Record<string, unknown> =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => {
        const o = { ...order(String(8300000000000000 + i)), store: { name: `Store ${i}`, url: null } };
        return [`order:${o.orderId}`, o];
      }),
    );

  it('paints the popup from the index head, reads every record only for "Show more" or a search', async () => {
    await reseed(h, { meta: { schemaVersion: 1 }, ...many(240) });
    const head = await waitUntil(async () => (await h.storage())['index:head'] as { count: number; rows: unknown[] } | undefined, (v) => v?.count === 240, 15_000, 'the index head');
    expect(head!.rows).toHaveLength(50);
    expect((await h.storage())['index:stale']).toBeUndefined();

    const popup = await h.openPopup();
    const list = popup.getByRole('list', { name: 'Your orders (240)' });
    await list.waitFor();
    expect(await list.getAttribute('aria-busy')).toBe('true');
    // The first frame holds the first rows; "Show more" comes with the whole first page.
    const more = popup.getByRole('button', { name: 'Show 50 more (190 left)' });
    await more.waitFor();
    expect(await popup.locator('li.order').count()).toBe(50);
    await more.click();
    // Every record read: more rows (the tab is tall, so scrolling may add more than one page).
    await waitUntil(() => list.getAttribute('aria-busy'), (v) => v === null, 10_000, 'every row');
    expect(await popup.locator('li.order').count()).toBeGreaterThanOrEqual(100);
    await popup.getByLabel('Search').fill('store 239');
    await waitUntil(() => popup.locator('li.order').count(), (n) => n === 1, 5000, 'one match');
    await popup.close();
  });

  it('an order written without a new index (worker killed in between) is in the list: the popup asks for a new index', async () => {
    const extra = { ...order('8399999999999999'), store: { name: 'Latecomer Store', url: null } };
    // As a worker killed after writing an order and before rebuilding the index leaves it.
    await h.setStorage({ [`order:${extra.orderId}`]: extra, 'index:stale': Date.now() });
    const popup = await h.openPopup();
    await popup.getByRole('list', { name: 'Your orders (241)' }).waitFor({ timeout: 15_000 });
    expect((await h.storage())['index:stale']).toBeUndefined();
    await popup.close();
  });

  it('a damaged index is not used: the popup reads the records and the worker writes a new one', async () => {
    await h.setStorage({ 'index:head': { today: 'garbage', rows: '<img src=x onerror=alert(1)>' } });
    const popup = await h.openPopup();
    await popup.getByRole('list', { name: 'Your orders (241)' }).waitFor({ timeout: 15_000 });
    await waitUntil(async () => (await h.storage())['index:head'] as { count?: number }, (v) => v?.count === 241, 15_000, 'a rebuilt index');
    await popup.close();
  });

  it('keeps a history larger than Chrome’s 10 MB storage.local cap (unlimitedStorage), and the worker reads all of it', async () => {
    const events = Array.from({ length: 60 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 9, 1, i)).toISOString(),
      code: 'AE_GTMS_TRANSPORT',
      text: `In transit: package arrived at sorting centre number ${i} of the carrier's long-haul network, awaiting the next leg`,
      place: 'Sorting centre, Example Province',
    }));
    const big = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => {
        const o = { ...order(String(8400000000000000 + i)), tracking: [{ number: `LP${i}`, carrier: 'Cainiao', events }] };
        return [`order:${o.orderId}`, o];
      }),
    );
    await reseed(h, { meta: { schemaVersion: 1 }, ...big });
    const probe = await h.probe();
    expect(await probe.evaluate(() => chrome.storage.local.getBytesInUse(null))).toBeGreaterThan(10 * 1024 * 1024);
    // A write beyond the cap still succeeds, and the worker's refresh reads every order.
    await h.setStorage({ 'order:8499999999999999': { ...order('8499999999999999'), tracking: [{ number: 'LPX', carrier: 'Cainiao', events }] } });
    await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui/refresh' }));
    await waitUntil(async () => (await h.storage())['index:head'] as { count?: number }, (v) => v?.count === 1001, 30_000, 'an index of all 1,001 orders');
  });
});

describe('pages Buyer Shield could not read', () => {
  let h: Harness;
  const LOGIN_URL = 'https://www.aliexpress.com/p/order/index.html?case=login';
  const CAPTCHA_URL = 'https://www.aliexpress.com/p/order/index.html?case=captcha';
  const RU_URL = 'https://aliexpress.ru/order-list?page=1';
  const page = (body: string) => html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AliExpress</title></head><body>${body}</body></html>`);

  beforeAll(async () => {
    h = await launch();
    await h.routeAliExpress({
      '^https://www\\.aliexpress\\.com/p/order/index\\.html\\?case=login': page('<div class="fm-login"><form><input id="fm-login-id" name="loginId"><input type="password"></form></div>'),
      '^https://www\\.aliexpress\\.com/p/order/index\\.html\\?case=captcha': page('<div class="order-wrap"><div class="order-main"></div></div><div id="J_xiaomi_dialog"><div id="nc_1_n1z"></div></div>'),
      '^https://aliexpress\\.ru/': page('<div class="orders">Мои заказы</div>'),
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  const cases: [string, string, string, string][] = [
    ['login', LOGIN_URL, 'overlay_problem_login', 'notice_problem_login'],
    ['captcha', CAPTCHA_URL, 'overlay_problem_captcha', 'notice_problem_captcha'],
    ['unsupported-operator', RU_URL, 'overlay_problem_unsupported_operator', 'notice_problem_unsupported_operator'],
  ];

  for (const [code, url, overlayKey, noticeKey] of cases) {
    it(`${code}: says so on the page and in the popup`, async () => {
      const p = await h.context.newPage();
      await p.goto(url);
      const panel = p.locator('[data-buyer-shield="panel"]');
      await expect.poll(() => panel.getByText(t(overlayKey)).count(), { timeout: 15_000 }).toBe(1);
      const problems = await waitUntil(async () => ((await h.storage())['problems'] as { code: string; url: string }[] | undefined) ?? [], (l) => l.some((x) => x.url === url && x.code === code), 10_000, `the ${code} problem`);
      expect(problems.filter((x) => x.url === url).map((x) => x.code)).toContain(code);
      await h.screenshot(p, `storage-problem-${code}`);
      await p.close();
      const popup = await h.openPopup();
      const notice = popup.getByRole('alert').filter({ hasText: t(noticeKey) });
      await notice.waitFor();
      expect(await popup.locator('.notices [role=alert]').count()).toBe(1);
      await popup.close();
    });
  }

  it('copies diagnostics with the page kinds and codes, and no URL', async () => {
    const popup = await h.openPopup();
    await popup.locator('.notices').waitFor();
    const d = JSON.parse(await copied(popup, t('notice_copy_diagnostics'))) as { problems: { code: string; page: string; site: string; at: string }[]; storedOrders: number; quarantined: number };
    const mine = d.problems.filter((p) => ['login', 'captcha', 'unsupported-operator'].includes(p.code));
    expect([...new Set(mine.map((p) => JSON.stringify([p.code, p.page, p.site])))].map((x) => JSON.parse(x) as string[])).toEqual([
      ['login', 'order-list', 'aliexpress.com'],
      ['captcha', 'order-list', 'aliexpress.com'],
      ['unsupported-operator', 'other', 'aliexpress.ru'],
    ]);
    for (const p of mine) expect(Number.isNaN(Date.parse(p.at))).toBe(false);
    expect(d.storedOrders).toBe(0);
    expect(d.quarantined).toBe(0);
    expect(JSON.stringify(d)).not.toMatch(/https?:|case=|page=1/);
    await popup.close();
  });
});
