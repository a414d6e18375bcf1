/**
 * Builds a page's early script (src/popup/early.ts) into a classic script file of its own,
 * which the page's HTML loads with `async` ahead of its modules. Bundled apart, as an IIFE
 * with everything it uses inlined, so it imports nothing: it runs as soon as it is fetched,
 * not when the page's module graph has loaded. The HTML's module scripts are bundled by vite
 * into one graph, which is why this is not one of them.
 */
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';

export function earlyScriptPlugin(entry: string, fileName: string): Plugin {
  return {
    name: 'buyer-shield-early-script',
    apply: 'build',
    async generateBundle() {
      const bundle = await rolldown({ input: entry, logLevel: 'silent' });
      try {
        const { output } = await bundle.generate({ format: 'iife', minify: true });
        const [chunk, ...more] = output;
        if (!chunk || more.length > 0 || chunk.type !== 'chunk') throw new Error(`early script ${entry}: expected one file, got ${output.length}`);
        this.emitFile({ type: 'asset', fileName, source: chunk.code });
      } finally {
        await bundle.close();
      }
    },
  };
}
