// @vitest-environment node
/**
 * The layers hold by themselves (docs/architecture.md, "Layers"): the lint fails an import
 * that points up (the domain importing i18n, the browser or an entry; AliExpress importing an
 * entry) or across (one entry importing another). Planted files, linted with the project's
 * own configuration, prove it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
async function errorsOf(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}`);
}

describe('layers', () => {
  it.each([
    ['the domain importing i18n', 'src/domain/planted.ts', "import { t } from '../i18n/format';\nexport const x = t;\n"],
    ['the domain importing an entry, from a subfolder', 'src/domain/claim/planted.ts', "import { h } from '../../content/view';\nexport const x = h;\n"],
    ['the domain importing storage', 'src/domain/planted.ts', "import { SCHEMA_VERSION } from '../storage/schema';\nexport const x = SCHEMA_VERSION;\n"],
    ['AliExpress importing an entry', 'src/aliexpress/planted.ts', "import { x } from '../popup/main';\nexport const y = x;\n"],
    ['one entry importing another', 'src/background/planted.ts', "import { h } from '../content/view';\nexport const x = h;\n"],
    ['the popup importing the worker', 'src/popup/planted.ts', "import { rankOrders } from '../background/deadlines';\nexport const x = rankOrders;\n"],
    ['lib importing the domain', 'src/lib/planted.ts', "import { addDays } from '../domain/dates';\nexport const x = addDays;\n"],
  ])('fails on %s', async (_what, file, code) => {
    expect(await errorsOf(file, code)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['the browser polyfill', "import browser from 'webextension-polyfill';\nexport const x = browser;\n", 'no-restricted-imports'],
    ['preact', "import { h } from 'preact';\nexport const x = h;\n", 'no-restricted-imports'],
    ['the chrome global', 'export const x = chrome.runtime.id;\n', 'no-restricted-globals'],
  ])('fails when the domain uses %s', async (_what, code, rule) => {
    expect(await errorsOf('src/domain/planted.ts', code)).toEqual([rule]);
  });

  it('passes imports that point down', async () => {
    expect(await errorsOf('src/domain/planted.ts', "import { addDays } from './dates';\nimport { lazySchema } from '../lib/lazy-schema';\nexport const y = [addDays, lazySchema];\n")).toEqual([]);
    expect(await errorsOf('src/background/planted.ts', "import { overlayOrder } from '../messaging/overlay-state';\nimport { addDays } from '../domain/dates';\nexport const y = [overlayOrder, addDays];\n")).toEqual([]);
    expect(await errorsOf('src/ui/planted.ts', "import { DEFAULT_RULES } from '../domain/deadlines/rules';\nimport { h } from 'preact';\nexport const y = [DEFAULT_RULES, h];\n")).toEqual([]);
  });
});

/** Every module of src and the modules it imports (relative static imports and `import()`). */
function importGraph(): Map<string, string[]> {
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
  const ids = new Set(files.map((f) => join('src', f)));
  const resolveSpec = (from: string, spec: string): string | null => {
    const base = join(dirname(from), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (ids.has(candidate)) return candidate;
    return null;
  };
  const graph = new Map<string, string[]>();
  for (const id of ids) {
    // Type-only imports vanish at run time, so they make no cycle.
    const code = readFileSync(id, 'utf8').replace(/^import type [^;]+;$/gm, '').replace(/^export type [^;]+;$/gm, '');
    const specs = [...code.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
    graph.set(id, specs.map((s) => resolveSpec(id, s)).filter((x): x is string => x !== null));
  }
  return graph;
}

describe('no import cycle', () => {
  it('src has no cycle of modules', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[][] = [];
    const visit = (id: string, path: string[]) => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'open') {
        cycles.push([...path.slice(path.indexOf(id)), id]);
        return;
      }
      state.set(id, 'open');
      for (const next of graph.get(id) ?? []) visit(next, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of graph.keys()) visit(id, []);
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
  });
});
