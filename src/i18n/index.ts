/**
 * Translations. Pure: catalogues are plain objects handed in by the caller (the worker and
 * extension pages load `_locales/<lang>/messages.json`, unit tests read the source files).
 * The UI language follows the browser unless the shopper picks one in the options, and can
 * change at once, so nothing here relies on `i18n.getMessage`.
 */
export const LOCALES = ['en', 'he', 'nl', 'ru', 'es', 'pt_BR', 'fr', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export type Messages = Readonly<Record<string, string>>;

const RTL: ReadonlySet<Locale> = new Set(['he']);

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

export function dirOf(locale: Locale): 'rtl' | 'ltr' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** BCP 47 tag for `lang` attributes and Intl ("pt_BR" → "pt-BR"). */
export function bcp47(locale: Locale): string {
  return locale.replace('_', '-');
}

/** Pick a supported locale for a browser language such as "pt-BR", "he", "iw", "nl-BE". */
export function matchLocale(browserLanguage: string | undefined | null): Locale {
  const tag = (browserLanguage ?? '').replace('_', '-').toLowerCase();
  const base = tag.split('-')[0] ?? '';
  if (base === 'pt') return 'pt_BR';
  if (base === 'iw') return 'he';
  return isLocale(base) ? base : 'en';
}

export function resolveLocale(preference: string | undefined, browserLanguage: string | undefined): Locale {
  return isLocale(preference) ? preference : matchLocale(browserLanguage);
}

/**
 * The browser's language: the first of the shopper's preferred languages (`navigator.languages`,
 * which the browser's language settings drive) that Buyer Shield speaks, else the UI language.
 */
export function preferredLanguage(preferred: readonly string[], uiLanguage: () => string): string {
  return preferred.find((l) => matchLocale(l) !== 'en' || /^en\b/i.test(l)) ?? uiLanguage();
}

/** A language's built catalogue in the extension's package (scripts/catalogue-plugin.ts). */
export function catalogueFile(locale: Locale): string {
  return `_locales/${locale}/messages.json`;
}

/** Catalogues a page's early script started to fetch (their parsed JSON, not yet checked), by language. */
export type PrefetchedCatalogues = Partial<Record<Locale, Promise<unknown>>>;

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: Params) => string;

/** Suffix of a plural variant: `key__one`, `key__few`… (CLDR categories of the language). */
export const PLURAL_SEPARATOR = '__';
/** The params a message's noun agrees with, in this order: the first number among them picks the form. */
const PLURAL_PARAMS = ['count', 'days', 'rule_days', 'ordered', 'quantity'] as const;

/**
 * One Intl.PluralRules per language for every translator: a new translator is made for each
 * state the overlay receives, and making the rules costs milliseconds on a slow machine.
 */
const pluralRulesByLocale = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale.replace('_', '-'));
    pluralRulesByLocale.set(locale, rules);
  }
  return rules;
}

/**
 * A translator over `messages`, falling back to English for a missing key and to the key
 * itself (never an empty string) when both lack it. Placeholders are `{name}`. When a `count`,
 * `days`, `rule_days`, `ordered` or `quantity` param is given and the language has a variant for its plural category
 * (`key__one`, `key__few`, … by Intl.PluralRules), the variant is used; the plain key is
 * the general ("other") form every catalogue must have.
 */
export function createTranslator(messages: Messages, fallback: Messages = {}, locale = 'en'): Translate {
  const variant = (key: string, params: Params): string | undefined => {
    for (const name of PLURAL_PARAMS) {
      const n = params[name];
      if (typeof n !== 'number') continue;
      return messages[`${key}${PLURAL_SEPARATOR}${pluralRules(locale).select(n)}`];
    }
    return undefined;
  };
  return (key, params) => {
    const template = (params && variant(key, params)) ?? messages[key] ?? fallback[key] ?? key;
    if (!params) return template;
    // A value that ends a sentence with its own full stop ("4 сентября 2026 г.") takes the
    // template's place: never "г..".
    return template.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, stop: string) => {
      if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
      const value = String(params[name]);
      return stop && value.endsWith('.') ? value : value + stop;
    });
  };
}

export { placeholdersOf } from '../lib/placeholders';

/** Chrome's `_locales/<lang>/messages.json` shape, which the build writes from our catalogues. */
export type ChromeMessages = Record<string, { message: string; description?: string }>;

export function fromChromeMessages(file: ChromeMessages): Messages {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(file)) out[k] = v.message.replaceAll('$$', '$');
  return out;
}
