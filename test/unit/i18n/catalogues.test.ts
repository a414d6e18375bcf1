/**
 * Every catalogue complete: all eight languages have every key of every area, with the same
 * placeholders, and no translation left identical to English (but for brand names); every
 * literal key the code asks for exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALES, placeholdersOf, PLURAL_SEPARATOR } from '../../../src/i18n';
import { readCatalogues } from '../../../scripts/catalogue-plugin';

const all = readCatalogues();
/** Base keys only; plural variants (`key__one`) are per language and checked on their own. */
const base = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).filter(([k]) => !k.includes(PLURAL_SEPARATOR)));
const catalogues = new Map([...all].map(([l, m]) => [l, base(m)]));
const en = catalogues.get('en') ?? {};
/** Words that are the same in a language as in English (checked by a native speaker's eye). */
const SAME_IN: Record<string, string[]> = {
  es: ['claimui_no'],
  nl: ['backup_column_variant', 'backup_column_status'],
  pt_BR: ['backup_column_item', 'backup_column_status'],
  de: ['backup_column_status'],
};

/** Values that are the same in every language: brand and product names, or nothing but placeholders and symbols. */
const SAME_EVERYWHERE = new Set(['common_app_name']);
const sameAllowed = (key: string, value: string) =>
  SAME_EVERYWHERE.has(key) || !/\p{L}{2,}/u.test(value.replace(/\{\w+\}/g, '').replace(/Buyer Shield|AliExpress/g, ''));

describe('catalogues', () => {
  it('exist for all eight languages', () => {
    expect([...catalogues.keys()].sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale}: every key, the same placeholders, nothing left in English`, () => {
      const messages = catalogues.get(locale) ?? {};
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      const wrongPlaceholders = Object.keys(en).filter((k) => messages[k] !== undefined && placeholdersOf(messages[k]!).join() !== placeholdersOf(en[k]!).join());
      expect(wrongPlaceholders).toEqual([]);
      const untranslated = Object.keys(en).filter((k) => messages[k] === en[k] && !sameAllowed(k, en[k]!) && !SAME_IN[locale]?.includes(k));
      expect(untranslated).toEqual([]);
      const empty = Object.keys(messages).filter((k) => messages[k]!.trim() === '');
      expect(empty).toEqual([]);
    });
  }

  it('plural variants belong to a base key, use the language’s categories and its placeholders', () => {
    for (const [locale, messages] of all) {
      const categories = new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories as string[];
      for (const [key, value] of Object.entries(messages)) {
        if (!key.includes(PLURAL_SEPARATOR)) continue;
        const [baseKey, category] = key.split(PLURAL_SEPARATOR) as [string, string];
        expect(messages[baseKey], `${locale}: ${key} has no base key`).toBeDefined();
        expect(categories, `${locale}: ${key}`).toContain(category);
        for (const p of placeholdersOf(value)) expect(placeholdersOf(messages[baseKey]!), `${locale}: ${key}`).toContain(p);
      }
    }
  });

  it('picks the plural variant of the language', () => {
    const en = createTranslator(all.get('en')!, {}, 'en');
    expect(en('overlay_days_left', { days: 1 })).toBe('1 day left');
    expect(en('overlay_days_left', { days: 5 })).toBe('5 days left');
    const he = createTranslator(all.get('he')!, {}, 'he');
    expect(he('overlay_days_left', { days: 2 })).toBe('נותרו יומיים');
    expect(he('overlay_days_left', { days: 7 })).toBe('נותרו 7 ימים');
  });

  it('has every literal key the code asks for', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(f)) files.push(p);
      }
    };
    // The UI and the worker translate; src/domain hands out keys and never calls t().
    for (const dir of ['background', 'content', 'options', 'popup', 'ui']) walk(join(import.meta.dirname, '..', '..', '..', 'src', dir));
    const missing = new Set<string>();
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\bt\(\s*'([a-z0-9_]+)'/g)) if (!(m[1]! in en)) missing.add(`${m[1]} (${file.split('/src/')[1]})`);
    }
    expect([...missing]).toEqual([]);
  });
});
