/**
 * Loads the built catalogues (`_locales/<lang>/messages.json`) in extension pages and the
 * worker. The language follows the shopper's choice in the options, else the browser's UI
 * language, and can change at once.
 */
import {
  bcp47,
  catalogueFile,
  createTranslator,
  dirOf,
  fromChromeMessages,
  preferredLanguage,
  resolveLocale,
  type ChromeMessages,
  type Locale,
  type Messages,
  type PrefetchedCatalogues,
  type Translate,
} from '../i18n';
import { browser } from './browser';

const cache = new Map<Locale, Promise<Messages>>();

/**
 * A language's catalogue, fetched once. `prefetched`: what the page's early script started
 * (src/popup/early.ts); if that failed or is not a catalogue, it is fetched again.
 */
export function loadMessages(locale: Locale, prefetched?: PrefetchedCatalogues): Promise<Messages> {
  let p = cache.get(locale);
  if (!p) {
    const parse = (json: unknown): Messages => fromChromeMessages(json as ChromeMessages);
    const read = (): Promise<Messages> =>
      fetch(browser.runtime.getURL(catalogueFile(locale)))
        .then((r) => r.json())
        .then(parse);
    const early = prefetched?.[locale];
    p = (early ? Promise.resolve(early).then(parse).catch(read) : read()).catch(() => ({}));
    cache.set(locale, p);
  }
  return p;
}

export interface LocaleBundle {
  locale: Locale;
  lang: string;
  dir: 'rtl' | 'ltr';
  messages: Messages;
  fallback: Messages;
  t: Translate;
}

/**
 * The browser's language (src/i18n preferredLanguage). Headless Chromium's worker reports
 * en-US from i18n.getUILanguage() whatever --lang says.
 */
export function browserLanguage(): string {
  const preferred = (typeof navigator !== 'undefined' && navigator.languages) || [];
  return preferredLanguage(preferred, () => {
    try {
      return browser.i18n.getUILanguage();
    } catch {
      return 'en';
    }
  });
}

export async function localeBundle(preference: string | undefined, prefetched?: PrefetchedCatalogues): Promise<LocaleBundle> {
  const locale = resolveLocale(preference, browserLanguage());
  const [messages, fallback] = await Promise.all([loadMessages(locale, prefetched), loadMessages('en', prefetched)]);
  return { locale, lang: bcp47(locale), dir: dirOf(locale), messages, fallback, t: createTranslator(messages, fallback, locale) };
}
