/**
 * Files bundled apart from vite's one module graph, each with everything it uses inlined, so
 * it imports nothing:
 *
 * - a page's early script (src/popup/early.ts): a classic script the page's HTML loads with
 *   `async` ahead of its modules, so it runs as soon as it is fetched, not when the page's
 *   module graph has loaded;
 * - the service worker (src/background/index.ts): in vite's graph it shared chunks with the
 *   popup and the options page, so it loaded four files and carried every export any page
 *   used from them (the glue between chunks, and names that could not be shortened). As one
 *   file it is about 2 KB gz smaller and loads one file when Chrome starts it.
 */
import { rolldown, type ModuleFormat } from 'rolldown';
import type { Plugin } from 'vite';

export function standaloneScriptPlugin(entry: string, fileName: string, format: ModuleFormat = 'iife', target?: string): Plugin {
  return {
    name: `buyer-shield-standalone:${fileName}`,
    apply: 'build',
    async generateBundle() {
      const bundle = await rolldown({ input: entry, logLevel: 'silent', ...(target ? { transform: { target } } : {}) });
      try {
        const { output } = await bundle.generate({ format, minify: true, codeSplitting: false });
        const [chunk, ...more] = output;
        if (!chunk || more.length > 0 || chunk.type !== 'chunk') throw new Error(`${entry}: expected one file, got ${output.length}`);
        if (chunk.imports.length > 0 || chunk.dynamicImports.length > 0) throw new Error(`${entry}: ${fileName} must import nothing`);
        this.emitFile({ type: 'asset', fileName, source: chunk.code });
      } finally {
        await bundle.close();
      }
    },
  };
}

/**
 * The service worker (Chrome) / background script (Firefox) as one standalone module file.
 * `background` is the manifest's entry for this browser (scripts/manifest.ts), naming the
 * source; crxjs is given the manifest without it, and the built manifest.json names the file.
 */
export function serviceWorkerPlugins(background: Record<string, unknown>, fileName: string, target: string): Plugin[] {
  const entry = typeof background['service_worker'] === 'string' ? background['service_worker'] : (background['scripts'] as string[] | undefined)?.[0];
  if (!entry) throw new Error('manifest: no background entry');
  const built = 'service_worker' in background ? { ...background, service_worker: fileName } : { ...background, scripts: [fileName] };
  return [
    standaloneScriptPlugin(entry, fileName, 'es', target),
    {
      name: 'buyer-shield-standalone:manifest-background',
      apply: 'build',
      enforce: 'post',
      generateBundle: {
        order: 'post',
        handler(_options, bundle) {
          const file = bundle['manifest.json'];
          if (!file || file.type !== 'asset') throw new Error('manifest.json not in the bundle');
          const text = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          const manifest = JSON.parse(text) as Record<string, unknown>;
          if ('background' in manifest) throw new Error('manifest.json already names a background');
          file.source = JSON.stringify({ ...manifest, background: built }, null, 2);
        },
      },
    },
  ];
}
