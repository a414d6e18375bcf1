// The popup loads its order views (src/popup/views.ts) only when an order is opened: what the
// shopper sees while they load, when they load, and when their chunk cannot be loaded.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => ({
  browser: {
    storage: { local: { get: vi.fn(async () => ({})) }, onChanged: { addListener() {}, removeListener() {} } },
    runtime: { sendMessage: vi.fn(async () => ({ ok: true, value: null })), openOptionsPage: vi.fn(), getURL: (p: string) => p },
    tabs: { create: vi.fn() },
  },
}));

import { createTranslator } from '../../../src/i18n';
import type { UiLocale } from '../../../src/ui/locale';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings';
import popup from '../../../src/i18n/catalogue/en/popup.json';
import common from '../../../src/i18n/catalogue/en/common.json';

const messages = { ...common, ...popup } as Record<string, string>;
const locale: UiLocale = { locale: 'en', lang: 'en', dir: 'ltr', messages, fallback: {}, t: createTranslator(messages), settings: DEFAULT_SETTINGS };
const ORDER = '8300000000000001';

async function openOrder(): Promise<HTMLElement> {
  // After vi.resetModules: the provider of the same module instance PopupApp reads.
  const { PopupApp } = await import('../../../src/popup/PopupApp');
  const { LocaleProvider } = await import('../../../src/ui/locale');
  history.replaceState(null, '', `?view=order&order=${ORDER}`);
  const root = document.createElement('div');
  document.body.append(root);
  render(<LocaleProvider initial={locale}><PopupApp first={null} /></LocaleProvider>, root);
  return root;
}

describe('the popup\'s order views, loaded on demand', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    vi.doUnmock('../../../src/popup/views');
    document.body.replaceChildren();
  });

  it('opens an order once its views are loaded (here: an order it does not know)', async () => {
    const root = await openOrder();
    expect(root.querySelector('[role="status"]')!.textContent).toBe(messages['popup_loading']);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe(`Buyer Shield doesn't know order ${ORDER} yet. Open it on AliExpress first.`), { timeout: 3000 });
  });

  it('says so when the views cannot be loaded, and loads them when asked again', async () => {
    vi.doMock('../../../src/popup/views', () => {
      throw new Error('chunk gone (the extension was updated while the popup was open)');
    });
    const root = await openOrder();
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe(messages['popup_view_failed']), { timeout: 3000 });
    expect(messages['popup_view_failed']).toMatch(/open it again/);

    // A failed load is not remembered: the next one is tried afresh.
    vi.doUnmock('../../../src/popup/views');
    const { loadViews } = await import('../../../src/popup/PopupApp');
    const views = await loadViews();
    expect(typeof views.OrderView).toBe('function');
    expect(typeof views.ClaimAssistant).toBe('function');
  });
});
