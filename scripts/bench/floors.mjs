// Page-load floors: what the least a content script can do costs before the page's load event,
// so that the page-load budget (docs/performance.md, "Page load") can be judged against what
// is possible. Each probe is a copy of the built extension (dist/chrome) with its two content
// script files replaced; nothing here is shipped.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'rolldown';
import { ROOT } from './bundle.mjs';
import { median, round } from './stats.mjs';

const CAPTURE = 'src/main-world/capture.iife.js';
const CONTENT = 'src/content/main.iife.js';
const NOTHING = 'void 0;';

// The least a capture can be: fetch and XHR wrapped (passing every call through), nothing held,
// no JSONP, no message. Any capture that reads responses does at least this.
const FETCH_XHR = `(function(){var w=window,f=w.fetch;w.fetch=function(){return f.apply(this,arguments)};var p=w.XMLHttpRequest.prototype,o=p.open,s=p.send;p.open=function(){return o.apply(this,arguments)};p.send=function(){return s.apply(this,arguments)}})();`;
// The same with the JSONP hook (the src setter of script elements), as the product has it.
const FETCH_XHR_JSONP = FETCH_XHR.replace('})();', `;var q=w.HTMLScriptElement.prototype,d=Object.getOwnPropertyDescriptor(q,'src'),t=d.set;Object.defineProperty(q,'src',{get:d.get,set:function(v){t.call(this,v)},configurable:true,enumerable:true})})();`);
// The least a guard can be: the four capture-phase listeners on the window and the message listener, doing nothing.
const LISTENERS = `(function(){var f=function(){};['click','keydown','pointerup','touchend'].forEach(function(t){window.addEventListener(t,f,{capture:true})});window.addEventListener('message',f)})();`;

async function earlyOnly() {
  const bundle = await build({ input: join(ROOT, 'scripts/bench/early-only.ts'), write: false, output: { format: 'iife', minify: true }, logLevel: 'silent' });
  return bundle.output[0].code;
}

/** The probes: name → the two files (null keeps the built one). */
export async function floorProbes() {
  return [
    { name: 'as built', capture: null, content: null },
    { name: 'both files empty (injecting a script at all)', capture: NOTHING, content: NOTHING },
    { name: 'capture as built, content script empty', capture: null, content: NOTHING },
    { name: 'capture: fetch + XHR wrappers only, content script empty', capture: FETCH_XHR, content: NOTHING },
    { name: 'capture: fetch + XHR + JSONP hooks only, content script empty', capture: FETCH_XHR_JSONP, content: NOTHING },
    { name: 'capture: fetch + XHR wrappers only, content script: five empty listeners', capture: FETCH_XHR, content: LISTENERS },
    { name: 'capture as built, content script: its early half alone (guards, buffer)', capture: null, content: await earlyOnly() },
  ];
}

/**
 * For each probe, `traced` traced loads of the page (`measure(h)` gives one load's
 * { totalMs, mainThreadMs }, as the page-load bench counts them): the extension's own CPU
 * before load, median, and its share of `pageCpuMs`, the page's own CPU before load without
 * the extension.
 */
export async function benchFloors(launch, route, measure, pageCpuMs, traced = 7) {
  const out = [];
  for (const probe of await floorProbes()) {
    const dir = mkdtempSync(join(tmpdir(), 'buyer-shield-floor-'));
    cpSync(join(ROOT, 'dist', 'chrome'), dir, { recursive: true });
    if (probe.capture !== null) writeFileSync(join(dir, CAPTURE), probe.capture);
    if (probe.content !== null) writeFileSync(join(dir, CONTENT), probe.content);
    const h = await launch({ extensionDir: dir });
    try {
      await route(h);
      await measure(h); // warm-up
      const runs = [];
      for (let i = 0; i < traced; i++) runs.push((await measure(h)).totalMs);
      const ms = median(runs);
      out.push({ probe: probe.name, extensionBeforeLoadCpuMs: round(ms, 2), shareOfPageCpuPercent: round((ms / pageCpuMs) * 100, 2) });
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
