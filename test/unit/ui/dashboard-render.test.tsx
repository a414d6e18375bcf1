import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => ({
  browser: { storage: { onChanged: { addListener() {}, removeListener() {} } }, runtime: { sendMessage: vi.fn() } },
}));

import { DEFAULT_RULES } from '../../../src/domain/deadlines/rules';
import type { Order } from '../../../src/domain/order';
import { createTranslator } from '../../../src/i18n';
import { Dashboard, FIRST_FRAME_ROWS, PAGE_SIZE } from '../../../src/ui/dashboard/Dashboard';
import { buildRows, filterCounts } from '../../../src/ui/dashboard/model';
import { LocaleProvider, type UiLocale } from '../../../src/ui/locale';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings';
import popup from '../../../src/i18n/catalogue/en/popup.json';
import deadline from '../../../src/i18n/catalogue/en/deadline.json';
import { makeOrder } from '../claim/fixtures';

const messages = { ...popup, ...deadline, common_app_name: 'Buyer Shield' } as Record<string, string>;
const locale: UiLocale = { locale: 'en', lang: 'en', dir: 'ltr', messages, fallback: {}, t: createTranslator(messages), settings: DEFAULT_SETTINGS };

describe('dashboard rendering', () => {
  it('renders the first 50 of 5,000 orders, then more on "Show more"', () => {
    const orders: Order[] = [];
    for (let i = 0; i < 5000; i++) {
      orders.push({ ...makeOrder({ status: i % 2 ? 'completed' : 'awaiting_delivery', deliveredAt: null }), orderId: String(8300000000000000 + i) });
    }
    const rows = buildRows(orders, DEFAULT_RULES, '2026-09-01');
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<LocaleProvider initial={locale}><Dashboard rows={rows} onOpen={() => {}} /></LocaleProvider>, root));
    const list = root.querySelector('ul.orders')!;
    expect(list.getAttribute('aria-label')).toBe('Your orders (5000)');
    expect(list.querySelectorAll('li.order')).toHaveLength(PAGE_SIZE);
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show 50 more'))!;
    expect(more.textContent).toBe('Show 50 more (4950 left)');
    act(() => more.click());
    expect(list.querySelectorAll('li.order')).toHaveLength(2 * PAGE_SIZE);
    render(null, root);
  });

  it('paints the first rows in the first frame and the rest of the page after it', async () => {
    const orders: Order[] = [];
    for (let i = 0; i < 200; i++) orders.push({ ...makeOrder({ status: 'awaiting_delivery', deliveredAt: null }), orderId: String(8300000000000000 + i) });
    const rows = buildRows(orders, DEFAULT_RULES, '2026-09-01');
    const root = document.createElement('div');
    document.body.append(root);
    // Outside act(): what the first frame holds, before any effect has run.
    render(<LocaleProvider initial={locale}><Dashboard rows={rows} onOpen={() => {}} /></LocaleProvider>, root);
    const list = root.querySelector('ul.orders')!;
    const ids = () => [...list.querySelectorAll('li.order .order-id')].map((e) => e.textContent);
    expect(FIRST_FRAME_ROWS).toBeLessThan(PAGE_SIZE);
    expect(ids()).toEqual(rows.slice(0, FIRST_FRAME_ROWS).map((r) => `#${r.orderId}`));
    expect(list.getAttribute('aria-label')).toBe('Your orders (200)');
    // No "Show more" while the page itself is still being drawn.
    expect(root.querySelector('li.more')).toBeNull();
    await vi.waitFor(() => expect(list.querySelectorAll('li.order')).toHaveLength(PAGE_SIZE), { timeout: 2000 });
    expect(ids()).toEqual(rows.slice(0, PAGE_SIZE).map((r) => `#${r.orderId}`));
    expect(root.querySelector('li.more button')!.textContent).toBe('Show 50 more (150 left)');
    render(null, root);
  });

  it('starts from the index head: the first rows, the count of all, and asks for every row when the shopper needs more', () => {
    const orders: Order[] = [];
    for (let i = 0; i < 5000; i++) orders.push({ ...makeOrder({ status: 'awaiting_delivery', deliveredAt: null }), orderId: String(8300000000000000 + i) });
    const all = buildRows(orders, DEFAULT_RULES, '2026-09-01');
    const need = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    const view = (rows: typeof all, complete: boolean) => (
      <LocaleProvider initial={locale}>
        <Dashboard rows={rows} counts={filterCounts(all)} complete={complete} onNeedAll={need} onOpen={() => {}} />
      </LocaleProvider>
    );
    act(() => render(view(all.slice(0, 50), false), root));
    const list = root.querySelector('ul.orders')!;
    expect(list.getAttribute('aria-label')).toBe('Your orders (5000)');
    expect(list.getAttribute('aria-busy')).toBe('true');
    expect(list.querySelectorAll('li.order')).toHaveLength(50);
    expect(need).not.toHaveBeenCalled();
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show 50 more'))!;
    expect(more.textContent).toBe('Show 50 more (4950 left)');
    act(() => more.click());
    expect(need).toHaveBeenCalledTimes(1);
    act(() => render(view(all, true), root));
    expect(root.querySelector('ul.orders')!.querySelectorAll('li.order')).toHaveLength(100);
    expect(root.querySelector('ul.orders')!.hasAttribute('aria-busy')).toBe(false);
    render(null, root);
  });

  it('a search on the first rows asks for every row', () => {
    const rows = buildRows([makeOrder({ status: 'awaiting_delivery', deliveredAt: null })], DEFAULT_RULES, '2026-09-01');
    const need = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(
        <LocaleProvider initial={locale}>
          <Dashboard rows={rows} counts={{ ...filterCounts(rows), all: 80 }} complete={false} onNeedAll={need} onOpen={() => {}} />
        </LocaleProvider>,
        root,
      ),
    );
    const input = root.querySelector('input[type=search]') as HTMLInputElement;
    act(() => {
      input.value = 'earbuds';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(need).toHaveBeenCalled();
    render(null, root);
  });
});
