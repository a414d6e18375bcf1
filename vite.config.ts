import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { cataloguePlugin } from './scripts/catalogue-plugin.ts';
import { serviceWorkerPlugins, standaloneScriptPlugin } from './scripts/standalone-script-plugin.ts';
import { manifestFor, type Target } from './scripts/manifest.ts';
import { preactNoHtmlAlias } from './scripts/preact-no-html-plugin.ts';

const target: Target = process.env['TARGET'] === 'firefox' ? 'firefox' : 'chrome';

/** The one manifest, adapted per browser (scripts/manifest.ts). */
export { manifestFor };

const { background, ...manifest } = manifestFor(target);
const buildTarget = target === 'firefox' ? 'firefox128' : 'chrome120';

export default defineConfig({
  plugins: [
    cataloguePlugin(),
    // The popup's early reads, a classic script its HTML loads before its modules (src/popup/early.ts).
    standaloneScriptPlugin('src/popup/early.ts', 'src/popup/early.js'),
    // The worker as one file of its own, not chunks shared with the pages (scripts/standalone-script-plugin.ts).
    ...serviceWorkerPlugins(background as Record<string, unknown>, 'service-worker.js', buildTarget),
    crx({ manifest: manifest as unknown as ManifestV3Export, browser: target }),
  ],
  // preact without its innerHTML sink (dangerouslySetInnerHTML): scripts/preact-no-html-plugin.ts
  resolve: { alias: [preactNoHtmlAlias(import.meta.dirname)] },
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: buildTarget,
    sourcemap: false,
    // The pages' HTML names the chunks its entry imports, so they load alongside it; scripts get no preload helper.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
  },
});
