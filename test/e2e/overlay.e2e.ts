/**
 * The overlay on AliExpress's own pages: deadline badges on every card (also on cards added
 * by "View orders"), the confirm guard (mouse, keyboard), right to left in Hebrew, no
 * serious accessibility violations, and no layout shift beyond the badge rows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitUntil, type Harness } from './harness';
import {
  ACS,
  DETAIL_API,
  LIST_API,
  ORDER_DETAIL,
  ORDER_LIST,
  ORDER_LIST_URL,
  awaitingDeliveryDetail,
  detailPage,
  englishDateFromToday,
  fixtureText,
  gateway,
  html,
  listIds,
  listPageWithOtherIds,
  orderListPage,
} from './pages';

const AWAITING = '8214398062177351';
const LIST = fixtureText('order-list.2026-09.json');
const PAGE2 = listPageWithOtherIds(LIST, 7);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const refundBy = englishDateFromToday(2);

async function routes(h: Harness): Promise<void> {
  await h.routeAliExpress({
    [ORDER_LIST]: html(orderListPage('fetch')),
    [ORDER_DETAIL]: html(detailPage()),
    [ACS]: gateway({ [LIST_API]: [LIST, PAGE2], [DETAIL_API]: awaitingDeliveryDetail(AWAITING, refundBy.text) }),
  });
}

const badgeText = (page: Page, orderId: string) =>
  page.locator(`[data-buyer-shield="badge"][data-order-id="${orderId}"]`).evaluate((el) => el.shadowRoot?.textContent ?? '');
const confirmed = (page: Page) => page.evaluate(() => (window as unknown as { __confirmed: number }).__confirmed);
const dialog = (page: Page) => page.locator('[data-buyer-shield="dialog"]').getByRole('alertdialog');

async function axe(page: Page, selector: string): Promise<{ id: string; impact: string | null; nodes: number }[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } };
    const r = await w.axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, selector);
}

describe('overlay on the order list', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await launch();
    await routes(h);
    // The shopper opened the detail page of the order awaiting delivery first: its refund date is known.
    const detail = await h.context.newPage();
    await detail.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${AWAITING}`);
    await waitUntil(async () => ((await h.orders())[AWAITING]?.['deadlines'] as unknown[] | undefined)?.length ?? 0, (n) => n > 0, 15_000, 'the detail page deadlines');
    await detail.close();
    page = await h.context.newPage();
    await page.goto(ORDER_LIST_URL);
    await waitUntil(() => page.locator('[data-buyer-shield="badge"]').count(), (n) => n === 10, 15_000, '10 badges');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('puts the right badge on every card', async () => {
    expect(await badgeText(page, AWAITING)).toMatch(/^.*2 days left · .*2026 · Refund if not delivered/i);
    // The other order awaiting delivery has no stated date yet: say how to get it.
    expect(await badgeText(page, '8214779947343229')).toContain('Open the order to read its protection date');
    for (const id of listIds(LIST)) expect(await badgeText(page, id)).toContain('Draft a claim');
    await h.screenshot(page, 'overlay-order-list');
  });

  it('shows all of an order’s deadlines on focus', async () => {
    const badge = page.locator(`[data-buyer-shield="badge"][data-order-id="${AWAITING}"]`).locator('.badge');
    await badge.focus();
    await expect.poll(() => badge.locator('.tooltip').isVisible()).toBe(true);
    expect(await badge.locator('.tooltip').textContent()).toMatch(/Refund if not delivered/i);
    // Drawn below the badge row and not clipped by it (rows off screen are contained until needed):
    // the middle of its last line is the tooltip's own, for the eye and for the pointer.
    const hit = await page.evaluate((id) => {
      const host = document.querySelector(`[data-buyer-shield="badge"][data-order-id="${id}"]`) as HTMLElement;
      const tip = host.shadowRoot!.querySelector('.tooltip') as HTMLElement;
      const t = tip.getBoundingClientRect();
      const x = t.left + t.width / 2;
      const y = t.bottom - 4;
      return { below: t.bottom > host.getBoundingClientRect().bottom + 10, inTooltip: tip.contains(host.shadowRoot!.elementFromPoint(x, y)) };
    }, AWAITING);
    expect(hit).toEqual({ below: true, inTooltip: true });
    await badge.blur();
    await expect.poll(() => badge.locator('.tooltip').isVisible()).toBe(false);
  });

  it('stops "Confirm received" at the dialog; Not yet and Escape cancel; Confirm anyway runs the page once', async () => {
    const card = page.locator('.order-item').filter({ hasText: AWAITING });
    const button = card.getByRole('button', { name: 'Confirm received' });
    await button.click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await confirmed(page)).toBe(0);
    expect(await dialog(page).getByRole('button', { name: 'Not yet' }).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await h.screenshot(page, 'overlay-confirm-dialog');
    expect((await axe(page, '[data-buyer-shield="dialog"]')).filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await confirmed(page)).toBe(0);

    await button.click();
    await dialog(page).getByRole('button', { name: 'Not yet' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await confirmed(page)).toBe(0);

    await button.click();
    await dialog(page).getByRole('button', { name: 'Confirm anyway' }).click();
    await expect.poll(() => confirmed(page)).toBe(1);
    await page.waitForTimeout(300);
    expect(await confirmed(page)).toBe(1);
  });

  it('works with the keyboard alone, focus kept inside the dialog', async () => {
    const before = await confirmed(page);
    const button = page.locator('.order-item').filter({ hasText: '8214779947343229' }).getByRole('button', { name: 'Confirm received' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    const focusInDialog = () => page.locator('[data-buyer-shield="dialog"]').evaluate((host) => !!host.shadowRoot?.activeElement);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog()).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await focusInDialog()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await confirmed(page)).toBe(before);
    // Focus returns to the button the shopper pressed.
    expect(await button.evaluate((el) => document.activeElement === el)).toBe(true);
  });

  it('has no serious or critical accessibility violations in the overlay', async () => {
    const violations = [...(await axe(page, '[data-buyer-shield="badge"]')), ...(await axe(page, '[data-buyer-shield="panel"]'))];
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('badges new cards added by "View orders"', async () => {
    await page.locator('.order-more button').click();
    await expect.poll(() => page.locator('[data-buyer-shield="badge"]').count(), { timeout: 15_000 }).toBe(20);
    for (const id of listIds(PAGE2)) expect(await badgeText(page, id)).toContain('Draft a claim');
  });
});

describe('overlay layout and language', () => {
  it('adds no layout shift to AliExpress’s elements beyond the badge rows', async () => {
    const measure = async (h: Harness) => {
      await routes(h);
      const p = await h.context.newPage();
      await p.goto(ORDER_LIST_URL);
      await p.waitForSelector('.order-item');
      await p.waitForTimeout(1500);
      return p.evaluate(() =>
        [...document.querySelectorAll('.order-item')].map((card) => {
          const badge = card.querySelector(':scope > [data-buyer-shield]');
          const shift = badge ? badge.getBoundingClientRect().height : 0;
          const top = card.getBoundingClientRect().top;
          return [...card.querySelectorAll('*:not([data-buyer-shield])')]
            .filter((el) => !el.closest('[data-buyer-shield]'))
            .map((el) => {
              const r = el.getBoundingClientRect();
              return [Math.round(r.left), Math.round(r.width), Math.round(r.height), Math.round(r.top - top - shift)];
            });
        }),
      );
    };
    const without = await launch({ withExtension: false });
    const plain = await measure(without);
    await without.close();
    const withExt = await launch();
    const decorated = await measure(withExt);
    await withExt.close();
    expect(plain.length).toBe(10);
    expect(decorated).toEqual(plain);
  });

  it('renders right to left in Hebrew', async () => {
    const h = await launch({ lang: 'he' });
    try {
      await routes(h);
      const p = await h.context.newPage();
      await p.goto(ORDER_LIST_URL);
      await expect.poll(() => p.locator('[data-buyer-shield="badge"]').count(), { timeout: 15_000 }).toBe(10);
      const root = p.locator('[data-buyer-shield="panel"]');
      await expect.poll(() => root.evaluate((el) => el.shadowRoot?.querySelector('.bs-root')?.getAttribute('dir'))).toBe('rtl');
      expect(await root.evaluate((el) => el.shadowRoot?.querySelector('.bs-root')?.getAttribute('lang'))).toBe('he');
      expect(await root.evaluate((el) => el.shadowRoot?.textContent)).toMatch(/[\u0590-\u05FF]/);
      await h.screenshot(p, 'overlay-order-list-he');
    } finally {
      await h.close();
    }
  });
});
