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

/**
 * `early`: what the page started before its modules loaded (src/popup/early.ts): the
 * settings' read, read again if it failed, and the catalogues it began to fetch.
 */
export async function loadUiLocale(early?: { settings?: Promise<Record<string, unknown>>; catalogues?: PrefetchedCatalogues }): Promise<UiLocale> {
  // English is every language's fallback: its catalogue loads while the settings are read.
  void loadMessages('en', early?.catalogues);
  const read = () => browser.storage.sync.get(SETTINGS_KEY);
  const raw = (await (early?.settings ?? read()).catch(read))[SETTINGS_KEY];
  const { settings } = repairSettings(raw);
  const bundle = await localeBundle(settings.locale, early?.catalogues);
  return { ...bundle, settings };
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
