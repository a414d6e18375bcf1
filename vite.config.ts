import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { cataloguePlugin } from './scripts/catalogue-plugin.ts';

type Target = 'chrome' | 'firefox';
const target: Target = process.env['TARGET'] === 'firefox' ? 'firefox' : 'chrome';
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const base = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The one manifest, adapted per browser. Firefox: background scripts (crxjs), gecko settings. */
function manifestFor(t: Target): ManifestV3Export {
  const m: Record<string, unknown> = { ...base, version: pkg.version };
  if (t === 'firefox') {
    // Firefox runs MV3 background code as an event page (background.scripts), not a service worker.
    const bg = base['background'] as { service_worker: string; type?: string };
    m['background'] = { scripts: [bg.service_worker], type: 'module' };
    m['browser_specific_settings'] = {
      gecko: {
        id: 'buyer-shield@buyer-shield.app',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return m as unknown as ManifestV3Export;
}

export default defineConfig({
  plugins: [cataloguePlugin(), crx({ manifest: manifestFor(target), browser: target })],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: target === 'firefox' ? 'firefox128' : 'chrome120',
    sourcemap: false,
    modulePreload: false,
  },
});
