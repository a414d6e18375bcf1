/**
 * Removes the one HTML sink in preact: the `innerHTML` assignment behind
 * `dangerouslySetInnerHTML`. Buyer Shield never uses that prop (eslint forbids it), so the
 * code path is dead; left in, it is an `innerHTML` assignment in every bundle that
 * Mozilla's linter (web-ext lint, UNSAFE_VAR_ASSIGNMENT) and a store reviewer must judge.
 * Cut out, the built extension contains no `innerHTML` assignment at all, and a
 * `dangerouslySetInnerHTML` that slipped past the lint would throw instead of rendering HTML.
 *
 * How: a copy of preact's ESM build with the assignment replaced by a throw is written to
 * node_modules/.cache/buyer-shield/, and `resolve.alias` points the bare `preact` import at
 * it. An alias (not a transform plugin) because crxjs builds the IIFE content scripts in a
 * secondary vite build that inherits `resolve` but none of the plugins. preact/hooks and
 * preact/jsx-runtime import bare `preact`, so they use the same copy.
 *
 * The build fails if preact's code no longer has exactly one such assignment (a preact
 * update must be looked at, not let through). See docs/permissions.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `(dom.innerHTML = newHtml.__html)` as preact's minified dist writes it. */
const SINK = /\(\s*([A-Za-z_$][\w$]*)\.innerHTML\s*=\s*([A-Za-z_$][\w$]*)\.__html\s*\)/g;

export const REFUSAL = 'dangerouslySetInnerHTML is disabled (Buyer Shield renders text only)';

/** preact's code with its innerHTML assignment replaced by a throw; throws unless there is exactly one. */
export function stripInnerHtmlSink(code: string): string {
  const found = code.match(SINK) ?? [];
  if (found.length !== 1) {
    throw new Error(`preact-no-html: expected one innerHTML assignment in preact, found ${found.length}; review scripts/preact-no-html-plugin.ts`);
  }
  return code.replace(SINK, `(function(){throw new TypeError(${JSON.stringify(REFUSAL)})})()`);
}

/** Writes the patched preact and returns the alias for vite's `resolve.alias`. */
export function preactNoHtmlAlias(root: string): { find: RegExp; replacement: string } {
  const source = join(root, 'node_modules', 'preact', 'dist', 'preact.mjs');
  const dir = join(root, 'node_modules', '.cache', 'buyer-shield');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'preact.no-html.mjs');
  writeFileSync(out, stripInnerHtmlSink(readFileSync(source, 'utf8')));
  return { find: /^preact$/, replacement: out };
}
