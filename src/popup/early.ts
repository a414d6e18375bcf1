/**
 * The popup's first script. The popup's HTML loads it as a classic `async` script ahead of
 * its modules (built into a file of its own by scripts/standalone-script-plugin.ts, with nothing
 * to import), so it runs as soon as it is fetched, while the browser still loads and compiles
 * the popup's code: about 30 ms with 5,000 stored orders. It starts what the list's first
 * frame waits for, which then runs meanwhile instead of after: the storage reads, and the
 * catalogues of English and of the shopper's language. Native API only: the polyfill is one
 * of the things still loading. src/popup/main.tsx takes them (takeEarlyReads).
 */
import { catalogueFile, isLocale, matchLocale, preferredLanguage, type Locale, type PrefetchedCatalogues } from '../i18n';
import { nativeApi, type NativeApi } from '../platform/native';
import { LIST_HEAD_KEYS, SETTINGS_KEY } from '../storage/keys';
import { EARLY_GLOBAL, type PopupEarly } from './early-reads';

/**
 * English (every language's fallback; the HTML preloads it, so this takes that answer and
 * parses it before the modules run) and the browser's language's catalogue at once; the one
 * the settings name when they are read.
 */
function fetchCatalogues(api: NativeApi, settings: Promise<Record<string, unknown>>): PrefetchedCatalogues {
  const catalogues: PrefetchedCatalogues = {};
  const fetchOne = (locale: Locale): void => {
    if (catalogues[locale]) return;
    const json = fetch(`/${catalogueFile(locale)}`).then((r) => r.json() as Promise<unknown>);
    json.catch(() => undefined);
    catalogues[locale] = json;
  };
  fetchOne('en');
  fetchOne(matchLocale(preferredLanguage(navigator.languages ?? [], () => api.i18n?.getUILanguage() ?? 'en')));
  settings.then(
    (raw) => {
      const locale = (raw?.[SETTINGS_KEY] as { locale?: unknown } | undefined)?.locale;
      if (isLocale(locale)) fetchOne(locale);
    },
    () => undefined,
  );
  return catalogues;
}

function start(): PopupEarly | null {
  const api = nativeApi();
  if (!api?.storage.sync) return null;
  try {
    const list = api.storage.local.get([...LIST_HEAD_KEYS]);
    const settings = api.storage.sync.get(SETTINGS_KEY);
    // Taken by the popup's entry, which reads again on a failure; never an unhandled rejection.
    list.catch(() => undefined);
    settings.catch(() => undefined);
    let catalogues: PrefetchedCatalogues = {};
    try {
      catalogues = fetchCatalogues(api, settings);
    } catch {
      // The entry fetches them itself.
    }
    return { list, settings, catalogues };
  } catch {
    return null;
  }
}

(globalThis as Record<string, unknown>)[EARLY_GLOBAL] = start();
