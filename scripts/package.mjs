// npm run package: builds Chrome and Firefox, then writes to artifacts/
//   buyer-shield-chrome-<version>.zip    dist/chrome at the zip root (Chrome Web Store)
//   buyer-shield-firefox-<version>.zip   dist/firefox at the zip root (addons.mozilla.org)
//   buyer-shield-source-<version>.zip    the tracked source (git ls-files) for Firefox review,
//                                        with SOURCE-README.txt on how to build it
// Each zip is checked after writing: its entries read back, the manifest at the root.
// Zips are deterministic (sorted names, fixed timestamps): the same files give the same bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { makeZip, readZip } from './zip.mjs';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const version = pkg.version;
const out = join(ROOT, 'artifacts');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function walk(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files.push(...walk(p));
    else files.push(p);
  }
  return files;
}

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function write(file, entries, check) {
  entries.sort(byName);
  const buf = makeZip(entries);
  writeFileSync(join(out, file), buf);
  // Read it back: the same names, the same bytes, and what must be at the root.
  const back = readZip(readFileSync(join(out, file)));
  if (back.length !== entries.length) throw new Error(`${file}: ${back.length} entries read back, ${entries.length} written`);
  for (const [i, e] of back.entries()) {
    if (e.name !== entries[i].name || !e.data().equals(entries[i].data)) throw new Error(`${file}: ${e.name} does not read back`);
  }
  check(back);
  console.log(`${relative(ROOT, join(out, file))}  ${back.length} files, ${(buf.length / 1024).toFixed(1)} KB`);
}

function extensionZip(browser) {
  const dir = join(ROOT, 'dist', browser);
  const entries = walk(dir).map((p) => ({ name: relative(dir, p).split(sep).join('/'), data: readFileSync(p) }));
  write(`buyer-shield-${browser}-${version}.zip`, entries, (back) => {
    const manifest = back.find((e) => e.name === 'manifest.json');
    if (!manifest) throw new Error(`${browser} zip: no manifest.json at its root`);
    const m = JSON.parse(manifest.data().toString('utf8'));
    if (m.version !== version) throw new Error(`${browser} zip: manifest version ${m.version}, package.json ${version}`);
    if (browser === 'firefox' && !m.browser_specific_settings?.gecko?.id) throw new Error('firefox zip: no gecko id');
  });
}

const SOURCE_README = `Buyer Shield ${version} — source for review

This archive holds every file tracked in the project's git repository at packaging time
(git ls-files). The add-on zip (buyer-shield-firefox-${version}.zip) is built from it as
follows:

  Requirements: Node.js 20.19 or later (with npm), on Linux, macOS or Windows.

    npm ci
    npm run build          # or only Firefox: node scripts/build.mjs firefox

  The built add-on is in dist/firefox/; its files are the contents of
  buyer-shield-firefox-${version}.zip.

Notes for reviewers
- Dependencies are pinned by package-lock.json (npm ci installs exactly those).
- The bundles are made by vite (vite.config.ts) with @crxjs/vite-plugin; the manifest is
  manifest.json adapted per browser by scripts/manifest.ts. The background script
  (service-worker.js, from src/background/index.ts) and the popup's early script
  (src/popup/early.js) are bundled apart, each into one file, by rolldown (vite's bundler):
  scripts/standalone-script-plugin.ts.
- preact is bundled without its innerHTML assignment (the dangerouslySetInnerHTML code
  path, unused here): scripts/preact-no-html-plugin.ts writes that copy to
  node_modules/.cache/buyer-shield/ during the build.
- No remote code, no network requests of its own; see docs/permissions.md.
`;

function sourceZip() {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ls-files failed: ${r.stderr}`);
  const names = r.stdout.split('\0').filter(Boolean);
  const missing = names.filter((n) => !existsSync(join(ROOT, n)));
  if (missing.length) console.warn(`source zip: ${missing.length} tracked files missing from the working tree, left out: ${missing.slice(0, 5).join(', ')}`);
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  if (dirty) console.warn('source zip: tracked files have uncommitted changes; the zip holds the working-tree versions');
  const entries = names.filter((n) => !missing.includes(n)).map((n) => ({ name: n, data: readFileSync(join(ROOT, n)) }));
  entries.push({ name: 'SOURCE-README.txt', data: Buffer.from(SOURCE_README, 'utf8') });
  write(`buyer-shield-source-${version}.zip`, entries, (back) => {
    for (const must of ['manifest.json', 'package.json', 'package-lock.json', 'vite.config.ts', 'SOURCE-README.txt']) {
      if (!back.some((e) => e.name === must)) throw new Error(`source zip: no ${must} at its root`);
    }
    if (back.some((e) => /^(node_modules|dist|artifacts)\//.test(e.name))) throw new Error('source zip: holds built or installed files');
  });
}

if (!process.argv.includes('--no-build')) run(process.execPath, ['scripts/build.mjs']);
mkdirSync(out, { recursive: true });
extensionZip('chrome');
extensionZip('firefox');
sourceZip();
