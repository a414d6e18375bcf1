import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { cataloguePlugin } from './scripts/catalogue-plugin.ts';
import { earlyScriptPlugin } from './scripts/early-script-plugin.ts';
import { manifestFor, type Target } from './scripts/manifest.ts';
import { preactNoHtmlAlias } from './scripts/preact-no-html-plugin.ts';

const target: Target = process.env['TARGET'] === 'firefox' ? 'firefox' : 'chrome';

/** The one manifest, adapted per browser (scripts/manifest.ts). */
export { manifestFor };

export default defineConfig({
  // The popup's early reads, a classic script its HTML loads before its modules (src/popup/early.ts).
  plugins: [cataloguePlugin(), earlyScriptPlugin('src/popup/early.ts', 'src/popup/early.js'), crx({ manifest: manifestFor(target) as unknown as ManifestV3Export, browser: target })],
  // preact without its innerHTML sink (dangerouslySetInnerHTML): scripts/preact-no-html-plugin.ts
  resolve: { alias: [preactNoHtmlAlias(import.meta.dirname)] },
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: target === 'firefox' ? 'firefox128' : 'chrome120',
    sourcemap: false,
    // The pages' HTML names the chunks its entry imports, so they load alongside it; scripts get no preload helper.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    rollupOptions: {
      output: {
        // The worker's first module in a chunk of its own, so it is evaluated before the
        // chunks the worker shares with the pages (src/background/early.ts).
        manualChunks: (id: string) => (id.endsWith('/src/background/early.ts') ? 'worker-early' : undefined),
      },
    },
  },
});
