// The popup's early script (src/popup/early.ts) and how the entry takes its reads.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_GLOBAL, takeEarlyReads } from '../../../src/popup/early-reads';
import { LIST_HEAD_KEYS, INDEX_HEAD_KEY, INDEX_STALE_KEY } from '../../../src/storage/keys';
import { DEFAULT_SETTINGS } from '../../../src/storage/settings';

const g = globalThis as Record<string, unknown>;

describe('the popup\'s early reads', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => {
    delete g['chrome'];
    delete g[EARLY_GLOBAL];
  });

  it('starts the list\'s and the settings\' reads with the native API, and the entry takes them once', async () => {
    const local = vi.fn(async (keys: string[]) => Object.fromEntries(keys.map((k) => [k, `local ${k}`])));
    const sync = vi.fn(async (key: string) => ({ [key]: 'the settings' }));
    g['chrome'] = { storage: { local: { get: local }, sync: { get: sync } } };
    await import('../../../src/popup/early');
    expect(local).toHaveBeenCalledWith([...LIST_HEAD_KEYS]);
    expect(LIST_HEAD_KEYS).toEqual(expect.arrayContaining([INDEX_HEAD_KEY, INDEX_STALE_KEY, 'quarantine', 'problems', 'meta']));
    expect(sync).toHaveBeenCalledWith('settings');
    const early = takeEarlyReads()!;
    expect(await early.list).toMatchObject({ [INDEX_HEAD_KEY]: `local ${INDEX_HEAD_KEY}` });
    expect(await early.settings).toEqual({ settings: 'the settings' });
    // Taken once: a second caller (the list read again later) reads for itself.
    expect(takeEarlyReads()).toBeNull();
  });

  it('leaves nothing to take without an extension API, or when a read throws at once', async () => {
    await import('../../../src/popup/early');
    expect(takeEarlyReads()).toBeNull();
    vi.resetModules();
    g['chrome'] = { storage: { local: { get: () => { throw new Error('context invalidated'); } }, sync: { get: async () => ({}) } } };
    await import('../../../src/popup/early');
    expect(takeEarlyReads()).toBeNull();
  });

  it('a failed early read is no unhandled rejection; the entry reads again (main.tsx catches)', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      g['chrome'] = { storage: { local: { get: async () => Promise.reject(new Error('io')) }, sync: { get: async () => Promise.reject(new Error('io')) } } };
      await import('../../../src/popup/early');
      const early = takeEarlyReads()!;
      await expect(early.list).rejects.toThrow('io');
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('the settings are read again when the early read failed', async () => {
    const get = vi.fn(async () => ({ settings: { ...DEFAULT_SETTINGS, locale: 'nl' } }));
    vi.doMock('../../../src/platform/browser', () => ({ browser: { storage: { sync: { get } } } }));
    vi.doMock('../../../src/platform/i18n', () => ({
      loadMessages: vi.fn(async () => ({})),
      localeBundle: async (locale: string) => ({ locale, lang: locale, dir: 'ltr', messages: {}, fallback: {}, t: (k: string) => k }),
    }));
    try {
      const { loadUiLocale } = await import('../../../src/ui/locale');
      const locale = await loadUiLocale({ settings: Promise.reject(new Error('io')) });
      expect(get).toHaveBeenCalledWith('settings');
      expect(locale.settings.locale).toBe('nl');
      expect(locale.locale).toBe('nl');
    } finally {
      vi.doUnmock('../../../src/platform/browser');
      vi.doUnmock('../../../src/platform/i18n');
    }
  });

  it('fetches the catalogues early: English and the browser\'s language at once, the settings\' once read, each once', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      fetched.push(url);
      return { json: async () => ({ hello: { message: `from ${url}` } }) };
    }));
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-BE', 'en']);
    try {
      g['chrome'] = { storage: { local: { get: async () => ({}) }, sync: { get: async () => ({ settings: { locale: 'he' } }) } } };
      await import('../../../src/popup/early');
      const early = takeEarlyReads()!;
      await early.settings;
      await Promise.resolve();
      expect(fetched).toEqual(['/_locales/en/messages.json', '/_locales/nl/messages.json', '/_locales/he/messages.json']);
      expect(Object.keys(early.catalogues).sort()).toEqual(['en', 'he', 'nl']);
      expect(await early.catalogues.he).toEqual({ hello: { message: 'from /_locales/he/messages.json' } });
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });

  it('a failed catalogue fetch is no unhandled rejection, and the UI language decides without preferred languages', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const fetch = vi.fn(async () => Promise.reject(new Error('gone')));
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue([]);
    try {
      g['chrome'] = { i18n: { getUILanguage: () => 'ru' }, storage: { local: { get: async () => ({}) }, sync: { get: async () => ({}) } } };
      await import('../../../src/popup/early');
      const early = takeEarlyReads()!;
      expect(fetch.mock.calls).toEqual([['/_locales/en/messages.json'], ['/_locales/ru/messages.json']]);
      await expect(early.catalogues.ru).rejects.toThrow('gone');
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });

  it('the entry uses a prefetched catalogue, and fetches again when it failed or is not a catalogue', async () => {
    const fetch = vi.fn(async (url: string) => ({ json: async () => ({ greeting: { message: `fetched ${url.split('/').at(-2)}` } }) }));
    vi.stubGlobal('fetch', fetch);
    vi.doMock('../../../src/platform/browser', () => ({ browser: { runtime: { getURL: (p: string) => `chrome-extension://id/${p}` } } }));
    try {
      const { loadMessages } = await import('../../../src/platform/i18n');
      const failed = Promise.reject(new Error('io'));
      failed.catch(() => undefined); // as the early script does
      const prefetched = {
        nl: Promise.resolve({ greeting: { message: 'early nl' } }),
        he: failed,
        ru: Promise.resolve('not a catalogue'),
      };
      expect(await loadMessages('nl', prefetched)).toEqual({ greeting: 'early nl' });
      expect(fetch).not.toHaveBeenCalled();
      expect(await loadMessages('he', prefetched)).toEqual({ greeting: 'fetched he' });
      expect(await loadMessages('ru', prefetched)).toEqual({ greeting: 'fetched ru' });
      expect(fetch.mock.calls.map(([u]) => u)).toEqual(['chrome-extension://id/_locales/he/messages.json', 'chrome-extension://id/_locales/ru/messages.json']);
      // Loaded once per language.
      expect(await loadMessages('nl')).toEqual({ greeting: 'early nl' });
      expect(fetch).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
      vi.doUnmock('../../../src/platform/browser');
    }
  });

  it('the settings are the defaults when neither read works, so the popup still shows', async () => {
    const get = vi.fn(async () => Promise.reject(new Error('sync storage is off')));
    vi.doMock('../../../src/platform/browser', () => ({ browser: { storage: { sync: { get } } } }));
    vi.doMock('../../../src/platform/i18n', () => ({ loadMessages: vi.fn(async () => ({})) }));
    try {
      const { loadUiSettings } = await import('../../../src/ui/locale');
      expect(await loadUiSettings({ settings: Promise.reject(new Error('io')) })).toEqual(DEFAULT_SETTINGS);
      expect(get).toHaveBeenCalledTimes(1);
    } finally {
      vi.doUnmock('../../../src/platform/browser');
      vi.doUnmock('../../../src/platform/i18n');
    }
  });

  it('ignores a global that is not the early script\'s reads', () => {
    g[EARLY_GLOBAL] = { list: 'x', settings: null };
    expect(takeEarlyReads()).toBeNull();
    expect(EARLY_GLOBAL in g).toBe(false);
  });
});
