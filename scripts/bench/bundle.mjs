// Bundles TypeScript sources for Node (Node 20 cannot import .ts) with rolldown, vite's
// bundler, into a temporary folder, and imports the result.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';

export const ROOT = resolve(import.meta.dirname, '..', '..');
// Inside node_modules, so the bundles' external imports (playwright-core, happy-dom) resolve.
mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'buyer-shield-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/**
 * @param {string} entry path from the repository root
 * @param {{ external?: (string|RegExp)[], define?: Record<string, string> }} [opts]
 */
export async function importTs(entry, opts = {}) {
  const out = await build({
    input: join(ROOT, entry),
    write: false,
    platform: 'node',
    treeshake: true,
    external: opts.external ?? [/^node:/, 'playwright-core', 'happy-dom'],
    transform: { jsx: { runtime: 'automatic', importSource: 'preact' }, define: opts.define ?? {} },
    output: { format: 'esm' },
    logLevel: 'silent',
  });
  const file = join(dir, `${entry.replace(/[^\w]+/g, '_')}.mjs`);
  writeFileSync(file, out.output[0].code);
  return import(pathToFileURL(file).href);
}
