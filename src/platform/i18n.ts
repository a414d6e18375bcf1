/**
 * Loads the built catalogues (`_locales/<lang>/messages.json`) in extension pages and the
 * worker. The language follows the shopper's choice in the options, else the browser's UI
 * language, and can change at once.
 */
import {
  bcp47,
  createTranslator,
  dirOf,
  fromChromeMessages,
  matchLocale,
  resolveLocale,
  type ChromeMessages,
  type Locale,
  type Messages,
  type Translate,
} from '../i18n';
import { browser } from './browser';

const cache = new Map<Locale, Promise<Messages>>();

export function loadMessages(locale: Locale): Promise<Messages> {
  let p = cache.get(locale);
  if (!p) {
    p = fetch(browser.runtime.getURL(`_locales/${locale}/messages.json`))
      .then((r) => r.json() as Promise<ChromeMessages>)
      .then(fromChromeMessages)
      .catch(() => ({}));
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
 * The browser's language: the first of the shopper's preferred languages (navigator.languages,
 * which the browser's language settings drive) that Buyer Shield speaks, else the UI language.
 * (Headless Chromium's worker reports en-US from i18n.getUILanguage() whatever --lang says.)
 */
export function browserLanguage(): string {
  const preferred = (typeof navigator !== 'undefined' && navigator.languages) || [];
  const supported = preferred.find((l) => matchLocale(l) !== 'en' || /^en\b/i.test(l));
  if (supported) return supported;
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}

export async function localeBundle(preference: string | undefined): Promise<LocaleBundle> {
  const locale = resolveLocale(preference, browserLanguage());
  const [messages, fallback] = await Promise.all([loadMessages(locale), loadMessages('en')]);
  return { locale, lang: bcp47(locale), dir: dirOf(locale), messages, fallback, t: createTranslator(messages, fallback, locale) };
}
