/**
 * Every catalogue complete: all eight languages have every key of every area, with the same
 * placeholders, and no translation left identical to English (but for brand names); every
 * literal key the code asks for exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, placeholdersOf } from '../../../src/i18n';
import { readCatalogues } from '../../../scripts/catalogue-plugin';

const catalogues = readCatalogues();
const en = catalogues.get('en') ?? {};

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
      const untranslated = Object.keys(en).filter((k) => messages[k] === en[k] && !sameAllowed(k, en[k]!));
      expect(untranslated).toEqual([]);
      const empty = Object.keys(messages).filter((k) => messages[k]!.trim() === '');
      expect(empty).toEqual([]);
    });
  }

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
