// @vitest-environment node
/**
 * Checks of what the build and `npm run package` wrote (run by `npm test` after both):
 * the built Firefox manifest keeps what manifestFor gave it, and the store zips carry
 * their manifest at the root with the package version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../scripts/manifest';
import { measure } from '../../scripts/sizes.mjs';
import { readZip } from '../../scripts/zip.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
type ContentScript = { js: string[]; world?: string };

describe('built dist/firefox/manifest.json', () => {
  it('keeps background.scripts, the gecko settings and the MAIN-world script', () => {
    const m = JSON.parse(readFileSync(join(ROOT, 'dist', 'firefox', 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect((m['background'] as { scripts: string[] }).scripts).toHaveLength(1);
    expect(m['browser_specific_settings']).toEqual((manifestFor('firefox') as unknown as Record<string, unknown>)['browser_specific_settings']);
    expect((m['content_scripts'] as ContentScript[]).find((s) => s.world === 'MAIN')?.js).toEqual(['src/main-world/capture.iife.js']);
  });
});

describe.each(['chrome', 'firefox'])('the %s build\'s worker', (browser) => {
  const dir = join(ROOT, 'dist', browser);
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { background: { service_worker?: string; scripts?: string[]; type?: string } };
  const file = m.background.service_worker ?? m.background.scripts?.[0];
  const code = readFileSync(join(dir, file ?? 'service-worker.js'), 'utf8');

  it('is one file that imports nothing (scripts/standalone-script-plugin.ts)', () => {
    expect(file).toBe('service-worker.js');
    expect(m.background.type).toBe('module');
    expect(browser === 'chrome' ? m.background.scripts : m.background.service_worker).toBeUndefined();
    expect(measure(dir).worker.files).toEqual(['service-worker.js']);
    // No import or export statement, no import(): `(?<![.\w$])` skips names such as `t.exports`.
    expect(code).not.toMatch(/(?<![.\w$])import\s*[("'`{*]|(?<![.\w$])export\s*(?:[{*]|(?:default|const|let|var|function|class)\b)/);
  });

  it('starts its early reads before it evaluates the polyfill (src/background/early.ts)', () => {
    const earlyRead = code.indexOf('.get(`schedule`)');
    expect(earlyRead).toBeGreaterThan(0);
    // webextension-polyfill's own error text marks where its code is.
    const polyfill = code.indexOf('This script should only be loaded in a browser extension');
    expect(polyfill).toBeGreaterThan(earlyRead);
  });

  it('leaves no chunk behind in assets/ that nothing loads', () => {
    const chunks = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
    const loaders = [...chunks.map((f) => join(dir, 'assets', f)), join(dir, 'src', 'popup', 'index.html'), join(dir, 'src', 'options', 'index.html')];
    const named = new Set(loaders.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/[\w.-]+\.js\b/g)].map((x) => x[0])));
    expect(chunks.filter((f) => !named.has(f))).toEqual([]);
  });
});

describe.each(['chrome', 'firefox'])('the %s build\'s popup', (browser) => {
  const dir = join(ROOT, 'dist', browser);
  const sizes = measure(dir);
  const html = readFileSync(join(dir, 'src', 'popup', 'index.html'), 'utf8');

  it('opens with the list\'s code only: the order views are a chunk loaded when an order is opened', () => {
    const views = sizes.popup.files.filter((f) => !sizes.popupAtOpen.files.includes(f));
    expect(views.some((f) => /^assets\/views-[\w-]+\.js$/.test(f))).toBe(true);
    expect(sizes.popupAtOpen.files.some((f) => f.includes('views-'))).toBe(false);
    // The budget (scripts/budgets.mjs) counts the views as well.
    expect(sizes.popup.gzip).toBeGreaterThan(sizes.popupAtOpen.gzip);
  });

  it('loads its early script first, as a classic async script that imports nothing', () => {
    const early = html.indexOf('<script async src="./early.js">');
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(html.indexOf('<script type="module"'));
    const code = readFileSync(join(dir, 'src', 'popup', 'early.js'), 'utf8');
    expect(code).not.toMatch(/\bimport\s*[({"'`\w]|\bexport\s/);
    expect(code).toContain('__buyerShieldPopupEarly');
    // Counted in the popup's size.
    expect(sizes.popupAtOpen.files).toContain('src/popup/early.js');
  });

  it('preloads the English catalogue, every language\'s fallback, as the fetch that loads it', () => {
    const link = html.match(/<link rel="preload" href="\/([^"]+)" as="fetch" crossorigin ?\/?>/);
    expect(link?.[1]).toBe('_locales/en/messages.json');
    expect(existsSync(join(dir, link![1]!))).toBe(true);
    expect(html.indexOf(link![0])).toBeLessThan(html.indexOf('<script type="module"'));
  });

  it('names every chunk its entry imports in the HTML, so they load alongside it', () => {
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\/([^"]+)"/g)].map((m) => m[1]);
    const entry = html.match(/<script type="module"[^>]* src="\/([^"]+)"/)![1]!;
    const atOpen = sizes.popupAtOpen.files.filter((f) => f.endsWith('.js') && f !== entry && f !== 'src/popup/early.js');
    expect(atOpen.length).toBeGreaterThan(0);
    expect(new Set(preloaded)).toEqual(new Set(atOpen));
  });
});

describe('artifacts from npm run package', () => {
  it.each(['chrome', 'firefox', 'source'])('%s zip is a zip Info-ZIP tests clean', (kind) => {
    const t = spawnSync('unzip', ['-tq', join(ROOT, 'artifacts', `buyer-shield-${kind}-${version}.zip`)], { encoding: 'utf8' });
    expect(t.status, t.stdout + t.stderr).toBe(0);
  });

  it.each(['chrome', 'firefox'])('%s zip has manifest.json at its root, with the package version', (browser) => {
    const zip = readZip(readFileSync(join(ROOT, 'artifacts', `buyer-shield-${browser}-${version}.zip`)));
    const m = zip.find((e) => e.name === 'manifest.json');
    expect(m).toBeDefined();
    const parsed = JSON.parse(m!.data().toString('utf8')) as { manifest_version: number; version: string };
    expect(parsed.manifest_version).toBe(3);
    expect(parsed.version).toBe(version);
  });
});
