/**
 * "3 days ago" in the shopper's language, with date-fns (its locales know each language's
 * plural forms and word order better than a template of ours). Each locale is its own chunk,
 * loaded only when that language is shown.
 */
import { formatDistance, type Locale as DateLocale } from 'date-fns';
import type { Locale } from '../i18n';

const LOADERS: Record<Locale, () => Promise<DateLocale>> = {
  en: () => import('date-fns/locale/en-US').then((m) => m.enUS),
  he: () => import('date-fns/locale/he').then((m) => m.he),
  nl: () => import('date-fns/locale/nl').then((m) => m.nl),
  ru: () => import('date-fns/locale/ru').then((m) => m.ru),
  es: () => import('date-fns/locale/es').then((m) => m.es),
  pt_BR: () => import('date-fns/locale/pt-BR').then((m) => m.ptBR),
  fr: () => import('date-fns/locale/fr').then((m) => m.fr),
  de: () => import('date-fns/locale/de').then((m) => m.de),
};

export function loadDateLocale(locale: Locale): Promise<DateLocale> {
  return LOADERS[locale]();
}

/** How long ago `instant` was, e.g. "3 days ago" / "לפני 3 ימים" / "3 дня назад". */
export function ago(instant: string | number, now: number, locale: DateLocale): string {
  return formatDistance(new Date(instant), new Date(now), { addSuffix: true, locale });
}
