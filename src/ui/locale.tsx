/** The shopper's language in extension pages: follows settings.sync live, sets dir and lang on the root. */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { PrefetchedCatalogues, Translate } from '../i18n';
import { browser } from '../platform/browser';
import { loadMessages, localeBundle, type LocaleBundle } from '../platform/i18n';
import { SETTINGS_KEY } from '../storage/keys';
import { repairSettings, type Settings } from '../storage/settings';

export interface UiLocale extends LocaleBundle {
  settings: Settings;
}

const LocaleContext = createContext<UiLocale | null>(null);

/** What a page started before its modules loaded (src/popup/early.ts). */
export interface EarlyLocaleReads {
  /** The settings' read; read again if it failed. */
  settings?: Promise<Record<string, unknown>>;
  /** The catalogues it began to fetch. */
  catalogues?: PrefetchedCatalogues;
}

/**
 * The shopper's settings, repaired; the defaults if they cannot be read at all, so that the
 * page still shows (English, every language's fallback, starts loading meanwhile).
 */
export async function loadUiSettings(early: EarlyLocaleReads = {}): Promise<Settings> {
  void loadMessages('en', early.catalogues);
  const read = () => browser.storage.sync.get(SETTINGS_KEY);
  const raw = (await (early.settings ?? read()).catch(read).catch((): Record<string, unknown> => ({})))[SETTINGS_KEY];
  return repairSettings(raw).settings;
}

/** The language those settings choose, with its catalogue. */
export async function uiLocaleOf(settings: Settings, catalogues?: PrefetchedCatalogues): Promise<UiLocale> {
  return { ...(await localeBundle(settings.locale, catalogues)), settings };
}

export async function loadUiLocale(early?: EarlyLocaleReads): Promise<UiLocale> {
  return uiLocaleOf(await loadUiSettings(early), early?.catalogues);
}

function applyToDocument(l: UiLocale): void {
  document.documentElement.lang = l.lang;
  document.documentElement.dir = l.dir;
  document.title = l.t('common_app_name');
}

export function LocaleProvider({ initial, children }: { initial: UiLocale; children: preact.ComponentChildren }) {
  const [locale, setLocale] = useState(initial);
  useEffect(() => {
    applyToDocument(locale);
  }, [locale]);
  useEffect(() => {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'sync' && SETTINGS_KEY in changes) void loadUiLocale().then(setLocale);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): UiLocale {
  const l = useContext(LocaleContext);
  if (!l) throw new Error('useLocale outside LocaleProvider');
  return l;
}

export function useT(): Translate {
  return useLocale().t;
}
