/**
 * The shopper's language end to end: popup, overlay and a notification in Hebrew (right to
 * left) and Russian; Dutch screenshots too; switching the language in the options changes
 * an open popup at once, without reloading the extension.
 */
import { describe, expect, it } from 'vitest';
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
  orderListPage,
} from './pages';

const AWAITING = '8214398062177351';
const SCRIPT: Record<string, RegExp> = { he: /[\u0590-\u05FF]/, ru: /[\u0400-\u04FF]/, nl: /\b(je|bestelling|bestellingen|van|nog|dagen|terugbetaling)\b/i };

async function serve(h: Harness): Promise<void> {
  await h.routeAliExpress({
    [ORDER_LIST]: html(orderListPage('xhr')),
    [ORDER_DETAIL]: html(detailPage()),
    [ACS]: gateway({ [LIST_API]: fixtureText('order-list.2026-09.json'), [DETAIL_API]: awaitingDeliveryDetail(AWAITING, englishDateFromToday(2).text) }),
  });
}

describe.each(['he', 'ru', 'nl'])('in %s', (lang) => {
  it('shows the overlay, the popup and a reminder in the shopper’s language', async () => {
    const h = await launch({ lang });
    try {
      await serve(h);
      const detail = await h.context.newPage();
      await detail.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${AWAITING}`);
      const page = await h.context.newPage();
      await page.goto(ORDER_LIST_URL);
      await waitUntil(() => page.locator('[data-buyer-shield="badge"]').count(), (n) => n === 10, 15_000, 'badges');
      const panel = page.locator('[data-buyer-shield="panel"]');
      const root = () => panel.evaluate((el) => {
        const r = el.shadowRoot?.querySelector('.bs-root');
        return { dir: r?.getAttribute('dir'), lang: r?.getAttribute('lang'), text: el.shadowRoot?.textContent ?? '' };
      });
      await expect.poll(async () => (await root()).lang, { timeout: 10_000 }).toBe(lang);
      const overlay = await root();
      expect(overlay.dir).toBe(lang === 'he' ? 'rtl' : 'ltr');
      expect(overlay.text).toMatch(SCRIPT[lang]!);
      const badge = await page.locator(`[data-buyer-shield="badge"][data-order-id="${AWAITING}"]`).evaluate((el) => el.shadowRoot?.textContent ?? '');
      expect(badge).toMatch(SCRIPT[lang]!);
      await h.screenshot(page, `i18n-overlay-${lang}`);

      const popup = await h.openPopup();
      await popup.setViewportSize({ width: 420, height: 700 });
      await expect.poll(() => popup.locator('html').getAttribute('lang')).toBe(lang);
      expect(await popup.locator('html').getAttribute('dir')).toBe(lang === 'he' ? 'rtl' : 'ltr');
      await expect.poll(() => popup.locator('body').innerText()).toMatch(SCRIPT[lang]!);
      // Order ids stay left to right inside a right-to-left page.
      await h.screenshot(popup, `i18n-popup-${lang}`);

      const last = await waitUntil(async () => (await h.storage())['lastReminder'] as { title: string; message: string } | undefined, (r) => !!r, 15_000, 'a reminder') as { title: string; message: string };
      expect(Object.keys(await h.notifications())).toHaveLength(1);
      if (lang !== 'nl') {
        expect(last.title).toMatch(SCRIPT[lang]!);
        expect(last.message).toMatch(SCRIPT[lang]!);
      }
    } finally {
      await h.close();
    }
  });
});

describe('switching language', () => {
  it('changes an open popup at once, without reloading the extension', async () => {
    const h = await launch({ lang: 'en' });
    try {
      await serve(h);
      const page = await h.context.newPage();
      await page.goto(ORDER_LIST_URL);
      await waitUntil(async () => Object.keys(await h.orders()).length, (n) => n === 10, 15_000, 'orders');
      const popup = await h.openPopup();
      await expect.poll(() => popup.locator('html').getAttribute('lang')).toBe('en');
      const options = await h.openOptions();
      await options.getByRole('combobox').selectOption('ru');
      await expect.poll(() => popup.locator('html').getAttribute('lang'), { timeout: 5000 }).toBe('ru');
      await expect.poll(() => popup.locator('body').innerText()).toMatch(SCRIPT['ru']!);
      await options.getByRole('combobox').selectOption('he');
      await expect.poll(() => popup.locator('html').getAttribute('dir'), { timeout: 5000 }).toBe('rtl');
      // The overlay on an open AliExpress page follows too.
      const panel = page.locator('[data-buyer-shield="panel"]');
      await expect.poll(() => panel.evaluate((el) => el.shadowRoot?.querySelector('.bs-root')?.getAttribute('dir')), { timeout: 5000 }).toBe('rtl');
      await h.screenshot(options, 'i18n-options-he');
    } finally {
      await h.close();
    }
  });
});
