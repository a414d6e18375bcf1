// Gzipped sizes of what each part of the built extension loads (entry plus its static imports).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

function closure(dir, entry, seen = new Set()) {
  const file = normalize(entry);
  if (seen.has(file) || !existsSync(join(dir, file))) return seen;
  seen.add(file);
  if (!file.endsWith('.js')) return seen;
  const code = readFileSync(join(dir, file), 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.(?:js|css))["']/g)) {
    const spec = m[1];
    const next = spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec);
    closure(dir, next, seen);
  }
  return seen;
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

/** { mainWorld, content, worker, popup, options } for a build folder. */
export function measure(dir = 'dist/chrome') {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const scripts = manifest.content_scripts ?? [];
  const main = scripts.find((s) => s.world === 'MAIN');
  const iso = scripts.find((s) => s.world !== 'MAIN');
  const bg = manifest.background.service_worker ?? manifest.background.scripts?.[0];
  const pageSize = (html) => {
    const all = new Set();
    for (const e of htmlEntries(dir, html)) closure(dir, e, all);
    return gz(dir, all);
  };
  return {
    mainWorld: gz(dir, closure(dir, main.js[0])),
    content: gz(dir, closure(dir, iso.js[0])),
    worker: gz(dir, closure(dir, bg)),
    popup: pageSize(manifest.action.default_popup),
    options: pageSize(manifest.options_ui.page),
  };
}
