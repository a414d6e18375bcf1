// Gzipped sizes of what each part of the built extension loads (entry plus its static imports;
// for the popup also the order views it imports when an order is opened).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:import|from)\s*["']([^"']+\.(?:js|css))["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

function resolve(file, spec) {
  return spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec);
}

function closure(dir, entry, seen = new Set()) {
  const file = normalize(entry);
  if (seen.has(file) || !existsSync(join(dir, file))) return seen;
  seen.add(file);
  if (!file.endsWith('.js')) return seen;
  const code = readFileSync(join(dir, file), 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) closure(dir, resolve(file, m[1]), seen);
  return seen;
}

/** The chunks `file` itself imports dynamically (one level: not the chunks those import on demand). */
function lazyChunks(dir, file) {
  const code = readFileSync(join(dir, file), 'utf8');
  return [...code.matchAll(DYNAMIC_IMPORT)].map((m) => normalize(resolve(file, m[1])));
}

function gz(dir, files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { files: [...files], raw, gzip };
}

function htmlEntries(dir, html) {
  const text = readFileSync(join(dir, html), 'utf8');
  const out = [];
  for (const m of text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) out.push(m[1].startsWith('/') ? m[1].slice(1) : join(dirname(html), m[1]));
  return out;
}

/** { mainWorld, content, worker, popup, popupAtOpen, csvExport, options } for a build folder. */
export function measure(dir = 'dist/chrome') {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const scripts = manifest.content_scripts ?? [];
  const main = scripts.find((s) => s.world === 'MAIN');
  const iso = scripts.find((s) => s.world !== 'MAIN');
  const bg = manifest.background.service_worker ?? manifest.background.scripts?.[0];
  const lazyOf = (html) => htmlEntries(dir, html).filter((e) => e.endsWith('.js')).flatMap((e) => lazyChunks(dir, normalize(e)));
  /** The spreadsheet export's writer (src/ui/csv.ts with papaparse): loaded only when the shopper exports, budgeted on its own. */
  const isCsv = (chunk) => /(^|\/)csv-[^/]*\.js$/.test(chunk);
  const pageSize = (html, { withLazy = false } = {}) => {
    const all = new Set();
    const entries = htmlEntries(dir, html);
    for (const e of entries) closure(dir, e, all);
    if (withLazy) for (const c of lazyOf(html)) if (!isCsv(c)) closure(dir, c, all);
    return gz(dir, all);
  };
  const csvChunks = new Set();
  for (const c of lazyOf(manifest.action.default_popup)) if (isCsv(c)) closure(dir, c, csvChunks);
  return {
    mainWorld: gz(dir, closure(dir, main.js[0])),
    content: gz(dir, closure(dir, iso.js[0])),
    worker: gz(dir, closure(dir, bg)),
    // The popup's budget counts its order views too (src/popup/views.ts, loaded when an order is
    // opened), so moving code out of the list's path doesn't move it out of the budget. A
    // language's date-fns chunk, loaded by those views for that language alone, is not counted.
    popup: pageSize(manifest.action.default_popup, { withLazy: true }),
    popupAtOpen: pageSize(manifest.action.default_popup),
    // What "Export orders for a spreadsheet" loads on the click, beyond what the popup has.
    csvExport: gz(dir, [...csvChunks].filter((f) => !pageSize(manifest.action.default_popup, { withLazy: true }).files.includes(f))),
    options: pageSize(manifest.options_ui.page),
  };
}
