/**
 * A page Buyer Shield recognises but cannot read: the popup says so and, from its notice,
 * saves an anonymised copy of what the extension saw (docs/page-copy.md). The file holds the
 * page's structure and none of the shopper's names, numbers or texts; nothing is requested
 * from anywhere while it is made.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, waitUntil, type Harness } from './harness';
import { ORDER_LIST, ORDER_LIST_URL, html } from './pages';

const NAME = 'Joanna Kowalska-Nowak';
const ORDER_ID = '8299912345678901';
/** An order list in a layout no selector knows: AliExpress's list container, cards without order links. */
const unreadable = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Orders</title></head><body>
<div class="order-wrap"><div class="order-main"><div class="om-header">Hello, ${NAME}</div>
<div class="om-card--wrap--Zx81"><div class="om-card--state--k2">Awaiting delivery</div><div class="om-card--id--p0">Order ${ORDER_ID}</div>
<div class="om-card--title--q9">Vintage brass lamp for Joanna</div><div class="om-card--price--c3">€ 48,17</div></div>
</div></div></body></html>`;

/** The unreadable page opened in a tab, once the extension has recorded that it could not read it. */
async function openUnreadable(h: Harness): Promise<Page> {
  await h.routeAliExpress({ [ORDER_LIST]: html(unreadable) });
  const tab = await h.context.newPage();
  await tab.goto(ORDER_LIST_URL);
  await waitUntil(async () => ((await h.storage())['problems'] as unknown[] | undefined)?.length ?? 0, (n) => n > 0, 15_000, 'a read problem');
  return tab;
}

describe('an anonymised copy of a page Buyer Shield could not read', () => {
  it('is offered in the popup’s notice and saved as a file holding the structure and none of the shopper’s data', async () => {
    const h = await launch();
    try {
      const tab = await openUnreadable(h);
      const popup = await h.openPopup();
      const save = popup.getByRole('button', { name: 'Save an anonymised copy of the page' });
      await expect.poll(() => save.count(), { timeout: 10_000 }).toBe(1);
      expect(await popup.getByText('Buyer Shield could not read any order on your last AliExpress order page').count()).toBe(1);
      await h.screenshot(popup, 'popup-page-copy-notice');

      // The shopper is looking at the AliExpress page (the popup asks the active tab).
      await tab.bringToFront();
      const requestsBefore = h.requests.length;
      const [download] = await Promise.all([popup.waitForEvent('download'), save.click()]);
      expect(download.suggestedFilename()).toMatch(/^buyer-shield-page-copy-\d{4}-\d{2}-\d{2}\.json$/);
      const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; page: unknown; problem: { code: string }; html: string; captures: unknown[] };
      expect(file.format).toBe('buyer-shield-page-copy');
      expect(file.page).toEqual({ host: 'www.aliexpress.com', path: '/p/order/index.html' });
      expect(file.problem.code).toBe('no-orders-found');
      // The structure a fix needs: the class names, and AliExpress's own status words.
      expect(file.html).toContain('om-card--state--k2');
      expect(file.html).toContain('Awaiting delivery');
      // None of the shopper's data.
      const text = JSON.stringify(file);
      for (const secret of ['Joanna', 'Kowalska', 'Nowak', ORDER_ID, 'Vintage', 'brass', 'lamp', '48,17']) expect(text).not.toContain(secret);
      await expect.poll(() => popup.getByText('Saved. Look through the file before you attach it to a bug report.').count()).toBe(1);
      // Made on this machine: no request went out while it was made.
      expect(h.requests.slice(requestsBefore)).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('asks to open the page when the tab the shopper is looking at is not it', async () => {
    const h = await launch();
    try {
      const tab = await openUnreadable(h);
      await tab.close();
      const popup = await h.openPopup();
      await popup.getByRole('button', { name: 'Save an anonymised copy of the page' }).click();
      await expect.poll(() => popup.getByText('Open the AliExpress page Buyer Shield could not read in this window, then try again.').count()).toBe(1);
    } finally {
      await h.close();
    }
  });
});
