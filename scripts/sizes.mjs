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

/** { mainWorld, content, worker, popup, popupAtOpen, csvExport, pageCopy, options } for a build folder. */
export function measure(dir = 'dist/chrome') {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const scripts = manifest.content_scripts ?? [];
  const main = scripts.find((s) => s.world === 'MAIN');
  const iso = scripts.find((s) => s.world !== 'MAIN');
  const bg = manifest.background.service_worker ?? manifest.background.scripts?.[0];
  const lazyOf = (html) => htmlEntries(dir, html).filter((e) => e.endsWith('.js')).flatMap((e) => lazyChunks(dir, normalize(e)));
  /**
   * Tools the popup loads only when the shopper clicks them, each budgeted on its own: the
   * spreadsheet export's writer (src/ui/csv.ts with papaparse) and the anonymised page copy
   * (src/ui/page-copy-file.ts with the reader's word tables).
   */
  const ON_CLICK = { csvExport: /(^|\/)csv-[^/]*\.js$/, pageCopy: /(^|\/)page-copy-file-[^/]*\.js$/ };
  const isOnClick = (chunk) => Object.values(ON_CLICK).some((re) => re.test(chunk));
  const pageSize = (html, { withLazy = false } = {}) => {
    const all = new Set();
    const entries = htmlEntries(dir, html);
    for (const e of entries) closure(dir, e, all);
    if (withLazy) for (const c of lazyOf(html)) if (!isOnClick(c)) closure(dir, c, all);
    return gz(dir, all);
  };
  const popupFiles = () => pageSize(manifest.action.default_popup, { withLazy: true }).files;
  /** What clicking `tool` loads beyond what the popup has. */
  const onClick = (tool) => {
    const chunks = new Set();
    for (const c of lazyOf(manifest.action.default_popup)) if (ON_CLICK[tool].test(c)) closure(dir, c, chunks);
    const have = popupFiles();
    return gz(dir, [...chunks].filter((f) => !have.includes(f)));
  };
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
    csvExport: onClick('csvExport'),
    // What "Save an anonymised copy of the page" loads on the click.
    pageCopy: onClick('pageCopy'),
    options: pageSize(manifest.options_ui.page),
  };
}
