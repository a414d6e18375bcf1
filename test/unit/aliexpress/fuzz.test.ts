/**
 * Fuzz with fast-check: mutated real captures and DOM snippets. The reader must never throw,
 * and every observation it returns must pass the schema and hold no markup. fast-check draws
 * every choice of a run (`fc.gen()`), so a failure is shrunk to a small case and printed with
 * its seed and path; FUZZ_SEED=<n> replays a run, FUZZ_RUNS scales it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { OrderObservationSchema } from '../../../src/domain/order';
import { API, findConfirmButtons, findOrderCards, readApiPayload, readDom, unwrapBody, type ReadResult } from '../../../src/aliexpress';
import { htmlDocument } from './dom-pages';
import fc from 'fast-check';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
// happy-dom parses a card in ~2 ms: 1 DOM snippet per 12 captures keeps the run well under 20 s.
const DOM_RUNS = Math.max(1, Math.round(RUNS / 12));

/** The draws of the run under way (fast-check's generator for it). */
let draw: fc.GeneratorValue | null = null;
const int = (n: number): number => (n <= 1 ? 0 : draw!(fc.integer, { min: 0, max: n - 1 }));
const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)] as T;
/** Each run draws its choices with fast-check: shrinking and replay work on them. */
const runs = (numRuns: number, body: (run: number) => void) => {
  let run = 0;
  fc.assert(
    fc.property(fc.gen(), (g) => {
      draw = g;
      body(run++);
    }),
    { numRuns, ...(SEED === undefined ? {} : { seed: SEED }) },
  );
};

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>Completed',
  '<img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<b>Awaiting delivery</b>',
  'Refund if no delivery before <b>Sep 4, 2026</b>',
  'Refund if no delivery before Feb 30, 2026',
  'within 999999 days of confirming receipt',
  'R$' + '9'.repeat(30) + ',99|' + '9'.repeat(30) + '|99',
  'R$132,74|132|74',
  'US $-5.00',
  '\u0000\u202e\ufeff',
  'x'.repeat(100_000),
  '8'.repeat(30),
  '__proto__',
  'constructor',
  '',
  ' ',
  'WAIT_BUYER_ACCEPT_GOODS',
  'CONFIRM_GOODS',
  'javascript:alert(1)',
  '//evil.example/x',
  '2026年2月6日',
  '29 января 2024',
];

/** The same for markup, with the huge string cut to 5k (happy-dom parses slowly). */
const DOM_HOSTILE = HOSTILE_STRINGS.map((s) => (s.length > 5_000 ? s.slice(0, 5_000) : s)).concat([
  '<div class="order-item"><a href="?orderId=8214398062177351">x</a></div>',
  '<script>document.title="x"</script>',
  '<button>Confirm received</button>',
  '</div></div></div>',
  '<span class="order-item-header-status-text">',
]);

function hostileValue(depth = 0): unknown {
  switch (int(12)) {
    case 0: return null;
    case 1: return pick([0, -1, 1e308, -1e308, 8214398062177351, 2 ** 53 + 1, 0.5, 1785512111654]);
    case 2: return pick([true, false]);
    case 3: return [];
    case 4: return {};
    case 5: return depth < 3 ? [hostileValue(depth + 1), hostileValue(depth + 1)] : 'deep';
    case 6: return deepNest(int(3000) + 10);
    case 7: return depth < 3 ? { tag: 'pc_om_list_order', fields: { orderId: hostileValue(depth + 1), buttons: hostileValue(depth + 1) } } : 'x';
    default: return pick(HOSTILE_STRINGS);
  }
}

function deepNest(n: number): unknown {
  let v: unknown = { orderId: '8214398062177351', tag: 'pc_om_list_order', fields: { orderId: '8214398062177351' } };
  for (let i = 0; i < n; i++) v = int(2) ? [v] : { fields: v, tag: int(2) ? 'pc_om_list_order' : 'x' };
  return v;
}

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) under root, breadth-limited. */
function slots(root: unknown): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < 5000) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push([v, i]);
        stack.push(x);
      });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push([v as Record<string, unknown>, k]);
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return out;
}

function defineOwn(o: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(all: [Container, string | number][]): void {
  if (all.length === 0) return;
  const [container, key] = pick(all);
  const c = container as Record<string | number, unknown>;
  switch (int(8)) {
    case 0: // remove
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete c[key];
      break;
    case 1: // rename
      if (!Array.isArray(container)) {
        const v = c[key];
        delete c[key];
        defineOwn(container as Record<string, unknown>, pick(['__proto__', 'constructor', `${String(key)}_x`, 'order_8214398062177351', 'tag', 'fields', 'prototype']), v);
      }
      break;
    case 2: // wrong type / hostile value
    case 3:
      c[key] = hostileValue();
      break;
    case 4: // own __proto__ key holding something tempting
      if (!Array.isArray(container)) defineOwn(container as Record<string, unknown>, '__proto__', { orderId: '8214398062177351', tag: 'pc_om_list_order', fields: { polluted: true } });
      break;
    case 5: // duplicate a sibling
      if (Array.isArray(container)) container.push(container[key as number]);
      else defineOwn(container as Record<string, unknown>, `dup_${int(1e6)}`, c[key]);
      // Now and then a cycle (JSON.parse never makes one, but nothing may loop on it).
      if (int(20) === 0) c[key] = container;
      break;
    case 6: // string surgery
      if (typeof c[key] === 'string') {
        const s = c[key] as string;
        c[key] = pick([s.slice(0, int(s.length + 1)), `<span>${s}</span>`, s + pick(HOSTILE_STRINGS), s.repeat(int(50) + 1)]);
      } else c[key] = pick(HOSTILE_STRINGS);
      break;
    default: // deep nesting in place
      c[key] = deepNest(int(500) + 1);
  }
}

const CAPTURES: [string, string][] = [
  [API.orderList, readFileSync('test/fixtures/aliexpress/order-list.2026-09.json', 'utf8')],
  [API.orderDetail, readFileSync('test/fixtures/aliexpress/order-detail.2026-09.json', 'utf8')],
  [API.tracking, readFileSync('test/fixtures/aliexpress/tracking.2026-09.json', 'utf8')],
  [API.reverseList, readFileSync('test/fixtures/aliexpress/refund-list.2026-09.json', 'utf8')],
  [API.orderCount, readFileSync('test/fixtures/aliexpress/order-count.2026-09.json', 'utf8')],
];

let failures = 0;
function check(r: ReadResult, label: string) {
  // Cheap checks every time; expect() only on failure so 10k runs stay fast.
  let ok = Array.isArray(r.observations) && Array.isArray(r.problems);
  const issues: unknown[] = [];
  for (const o of r.observations) {
    const parsed = OrderObservationSchema.safeParse(o);
    if (!parsed.success) {
      ok = false;
      issues.push(parsed.error.issues.slice(0, 3));
    }
    const s = JSON.stringify(o);
    if (/<script|<img|<span|<b>|onerror=/i.test(s)) ok = false;
    if (Object.getPrototypeOf(o) !== Object.prototype) ok = false;
  }
  for (const p of r.problems) if (typeof p.code !== 'string' || typeof p.detail !== 'string' || p.detail.length > 300) ok = false;
  if (!ok) {
    failures++;
    expect({ label, issues, result: r }).toBeNull();
  }
}

describe('fuzz', () => {
  const ctx = { site: 'aliexpress.com', now: new Date('2026-09-07T10:00:00Z') };

  test(`${RUNS} mutated API captures`, () => {
    let observations = 0;
    runs(RUNS, (i) => {
      const [api, text] = CAPTURES[i % CAPTURES.length] as [string, string];
      let payload: unknown;
      if (i % 10 === 9) {
        // Text-level damage, then the JSONP/JSON unwrapper.
        const cut = int(text.length);
        const damaged = pick([text.slice(0, cut), `mtopjsonp${int(9)}(${text})`, `${text.slice(0, cut)}"<script>"${text.slice(cut)}`, `x(${text}); y()`]);
        payload = unwrapBody(damaged);
      } else {
        payload = JSON.parse(text);
        const n = 1 + int(6);
        const all = slots(payload);
        for (let k = 0; k < n; k++) mutate(all);
      }
      const useApi = i % 97 === 0 ? pick([API.orderList, API.orderDetail, API.tracking, API.reverseList, 'junk']) : api;
      const r = readApiPayload(useApi, payload, { ...ctx, orderId: i % 3 === 0 ? null : undefined });
      observations += r.observations.length;
      check(r, `api ${useApi} run ${i}`);
    });
    expect(failures).toBe(0);
    // The mutations leave most records readable: the fuzz really exercises the readers.
    expect(observations).toBeGreaterThan(RUNS);
  }, 60_000);

  test('prototype stays clean', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).orderId).toBeUndefined();
  });

  test(`${DOM_RUNS} mutated DOM snippets`, () => {
    const page = readFileSync('test/fixtures/aliexpress/pages/order-list.en.html', 'utf8');
    const cards = page.split('<div class="order-item" data-pl="order_item">').slice(1).map((c) => `<div class="order-item" data-pl="order_item">${c.split('\n  <div class="order-item"')[0]}`);
    const doc = htmlDocument('<!DOCTYPE html><html><body></body></html>');
    let observations = 0;
    runs(DOM_RUNS, (i) => {
      let html = Array.from({ length: 1 + int(3) }, () => pick(cards)).join('');
      const ops = 1 + int(4);
      // (deep nesting, hostile text, broken ids and prices, cut markup)
      for (let k = 0; k < ops; k++) {
        const at = int(html.length);
        switch (int(6)) {
          case 0: html = html.slice(0, at) + pick(DOM_HOSTILE) + html.slice(at); break;
          case 1: html = html.replace(/orderId=\d+/, `orderId=${pick(['', 'abc', '1'.repeat(40), '8214398062177351&orderId=1', '<b>'])}`); break;
          case 2: html = html.slice(0, at) + html.slice(at + int(400)); break;
          case 3: html = html.replace(/<span class="es--char--1pf7Swq">\d<\/span>/, pick(['', '<span>9'.repeat(20), '<span>,</span>'])); break;
          case 4: html = `<div class="order-item">${"<div>".repeat(int(120))}${html}`; break;
          default: html = html.replace(/Awaiting delivery|Completed/, pick(HOSTILE_STRINGS.slice(0, 6))); break;
        }
      }
      doc.body.innerHTML = html;
      const r = readDom(doc, ctx);
      observations += r.observations.length;
      check(r, `dom run ${i}`);
      // Helpers must not throw and must agree with the cards they see.
      const ids = new Set(findOrderCards(doc).map((c) => c.orderId));
      for (const b of findConfirmButtons(doc)) expect(ids.has(b.orderId), `dom run ${i}`).toBe(true);
    });
    expect(failures).toBe(0);
    expect(observations).toBeGreaterThan(DOM_RUNS / 2);
  }, 60_000);
});
