/**
 * Merges the source catalogues (src/i18n/catalogue/<lang>/<area>.json, flat key → text)
 * into Chrome's `_locales/<lang>/messages.json` in the build. One file per area lets
 * features own their words; the merged file serves both `__MSG_…__` in the manifest and
 * the runtime translator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ROOT = join(import.meta.dirname, '..', 'src', 'i18n', 'catalogue');

export function readCatalogues(root = ROOT): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const lang of readdirSync(root).sort()) {
    const merged: Record<string, string> = {};
    for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith('.json')).sort()) {
      const data = JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as Record<string, unknown>;
      for (const [key, value] of Object.entries(data)) {
        if (typeof value !== 'string') throw new Error(`${lang}/${file}: ${key} is not a string`);
        if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`${lang}/${file}: bad key ${key}`);
        if (key in merged) throw new Error(`${lang}/${file}: duplicate key ${key}`);
        merged[key] = value;
      }
    }
    out.set(lang, merged);
  }
  return out;
}

export function cataloguePlugin(): Plugin {
  return {
    name: 'buyer-shield:catalogues',
    buildStart() {
      for (const lang of readdirSync(ROOT)) {
        for (const f of readdirSync(join(ROOT, lang))) this.addWatchFile(join(ROOT, lang, f));
      }
    },
    generateBundle() {
      for (const [lang, messages] of readCatalogues()) {
        const chrome: Record<string, { message: string }> = {};
        // `$` is special in Chrome's messages (placeholders); "$$" is a literal dollar.
        for (const [k, v] of Object.entries(messages)) chrome[k] = { message: v.replaceAll('$', '$$$$') };
        this.emitFile({ type: 'asset', fileName: `_locales/${lang}/messages.json`, source: JSON.stringify(chrome) });
      }
    },
  };
}
