/**
 * The order-list reader reads each order in one pass over its keys, stepping the deadline walk
 * through the same pass (src/aliexpress/read/list.ts). The reader as it was before, with its
 * separate `get` per field and its own walk (forEachString), is written out here, and both must
 * give the same result: on the capture, on seeded mutations of it, and on orders built to stop
 * the walk at its limits (400 strings, 4,000 values, depth 24, the first 200 lines as items).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Deadline, Item, OrderObservation } from '../../../src/domain/order';
import { parseCalendarDate } from '../../../src/aliexpress/dates';
import { moneyOf } from '../../../src/aliexpress/money';
import {
  addDeadlinesFromText,
  buttonCodes,
  earliestPerKind,
  finalize,
  hasConfirm,
  isFreeReturn,
  mayHoldDeadline,
  problem,
  PROBLEM,
  resolveStatus,
  variantOf,
  type ReadContext,
  type ReadResult,
} from '../../../src/aliexpress/read/common';
import { findComponents, mtopData, type Component } from '../../../src/aliexpress/read/components';
import { LIST_BODY_TAGS, LIST_ORDER_TAGS, readItem, readOrderList } from '../../../src/aliexpress/read/list';
import { absoluteUrl, cleanText, forEachString, get, getArr, getObj, getRaw, getText, idOf, isObj, MAX_DEPTH, type Obj } from '../../../src/aliexpress/text';
import { mulberry32 } from '../../seeded';

// ------------------------------------------------------------------ the reader as it was

const QUANTITY = /^\d{1,7}$/;
const KEY_ID = /(\d{6,24})$/;

function oldFindComponents(root: unknown, maxCount = 2000): Component[] {
  const out: Component[] = [];
  const stack: { v: unknown; key: string; depth: number }[] = [{ v: root, key: '', depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && out.length < maxCount && visited < 50_000) {
    const { v, key, depth } = stack.pop() as { v: unknown; key: string; depth: number };
    visited++;
    if (!isObj(v) && !Array.isArray(v)) continue;
    if (isObj(v)) {
      const tag = get(v, 'tag') ?? get(v, 'type');
      const fields = getObj(v, 'fields');
      if (typeof tag === 'string' && fields && tag.length <= 100) {
        out.push({ key, tag, fields });
        continue;
      }
    }
    if (depth >= Math.min(MAX_DEPTH, 8)) continue;
    if (Array.isArray(v)) {
      for (let i = Math.min(v.length, 2000) - 1; i >= 0; i--) stack.push({ v: v[i], key: String(i), depth: depth + 1 });
    } else {
      const keys = Object.keys(v);
      for (let i = Math.min(keys.length, 2000) - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push({ v: (v as Obj)[k], key: k, depth: depth + 1 });
      }
    }
  }
  return out;
}

function oldIsOrderTag(tag: string): boolean {
  return LIST_ORDER_TAGS.includes(tag) || /(?:^|_)list_order$/.test(tag);
}

function oldReadItem(line: unknown): Item | null {
  const title = getText(line, 'itemTitle') ?? getText(line, 'title');
  if (!title) return null;
  const q = get(line, 'quantity') ?? get(line, 'itemCount') ?? get(line, 'count');
  const quantity = typeof q === 'number' ? q : typeof q === 'string' && QUANTITY.test(q) ? Number(q) : 1;
  const price = moneyOf(get(line, 'formatPriceInfo'), get(line, 'itemPriceText'), get(line, 'currencyCode'));
  const pid = idOf(get(line, 'productId') ?? get(line, 'itemId'), 1, 24);
  const item: Item = {
    title,
    quantity: Number.isSafeInteger(quantity) && quantity >= 0 ? quantity : 1,
    price,
    variant: variantOf(get(line, 'skuAttrs')) ?? getText(line, 'skuDesc') ?? null,
  };
  if (pid) item.productId = pid;
  const img = absoluteUrl(getRaw(line, 'itemImgUrl') ?? getRaw(line, 'itemPic'));
  if (img) item.imageUrl = img;
  if (isFreeReturn(get(line, 'itemTags'))) item.freeReturn = true;
  return item;
}

function oldReadOrderFields(fields: Obj, ctx: ReadContext, fallbackId: string | null): OrderObservation | null {
  const orderId = idOf(get(fields, 'orderId')) ?? fallbackId;
  if (!orderId) return null;
  const statusText = getText(fields, 'statusText') ?? getText(fields, 'orderStatusText') ?? null;
  const buttons = get(fields, 'buttons');
  const codes = buttonCodes(buttons);
  const status = resolveStatus(codes, [get(fields, 'orderStatus'), get(fields, 'status')], statusText);
  const placedOn = parseCalendarDate(getText(fields, 'orderDateText') ?? '', ctx.locale);
  const items: Item[] = [];
  const lines = getArr(fields, 'orderLines');
  for (let i = 0; i < lines.length && i < 200; i++) {
    const item = oldReadItem(lines[i]);
    if (item) items.push(item);
  }
  const obs: OrderObservation = {
    orderId,
    site: ctx.site,
    status,
    statusText,
    store: { name: getText(fields, 'storeName') ?? null, url: absoluteUrl(getRaw(fields, 'storePageUrl')) },
    total: moneyOf(get(fields, 'formatPriceInfo'), get(fields, 'totalPriceText'), get(fields, 'currencyCode')),
    items,
  };
  if (placedOn) obs.placedOn = placedOn;
  if (Array.isArray(buttons)) obs.canConfirm = hasConfirm(codes);
  const deadlines: Deadline[] = [];
  const bases = { placedOn };
  forEachString(fields, { maxCount: 400 }, (value) => {
    if (value.length >= 12 && value.length <= 4000 && mayHoldDeadline(value)) addDeadlinesFromText(deadlines, value, bases, ctx.now, ctx.locale);
  });
  if (deadlines.length > 0) obs.deadlines = earliestPerKind(deadlines);
  return obs;
}

function oldInPageOrder(components: Component[], data: unknown): Component[] {
  const structure = getObj(getObj(data, 'hierarchy'), 'structure');
  if (!structure) return components;
  const position = new Map<string, number>();
  for (const key of Object.keys(structure).slice(0, 500)) {
    for (const child of getArr(structure, key).slice(0, 5000)) {
      if (typeof child === 'string' && !position.has(child)) position.set(child, position.size);
    }
  }
  return components
    .map((c, i) => ({ c, i, p: position.get(c.key) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.c);
}

function oldReadOrderList(payload: unknown, ctx: ReadContext): ReadResult {
  const problems: ReadResult['problems'] = [];
  const observations: OrderObservation[] = [];
  const data = mtopData(payload);
  const components = oldInPageOrder(oldFindComponents(data), data);
  let hasMore: boolean | undefined;
  let sawBody = false;
  const seen = new Set<string>();
  for (const c of components) {
    if (LIST_BODY_TAGS.includes(c.tag)) {
      sawBody = true;
      const hm = get(c.fields, 'hasMore');
      if (typeof hm === 'boolean') hasMore = hm;
      continue;
    }
    if (!oldIsOrderTag(c.tag)) continue;
    const keyId = idOf(get(c.fields, 'orderId')) ? null : (KEY_ID.exec(c.key)?.[1] ?? null);
    const raw = oldReadOrderFields(c.fields, ctx, keyId);
    if (!raw) {
      problems.push(problem(PROBLEM.invalidRecord, `component ${cleanText(c.key, 80)} has no order id`));
      continue;
    }
    if (seen.has(raw.orderId)) continue;
    const obs = finalize(raw, problems);
    if (obs) {
      seen.add(obs.orderId);
      observations.push(obs);
    }
  }
  if (observations.length === 0) {
    problems.push(
      sawBody || components.length > 0
        ? problem(PROBLEM.noOrders, 'the order list holds no orders')
        : problem(PROBLEM.unexpectedShape, 'no order-list components found'),
    );
  }
  const result: ReadResult = { observations, problems };
  if (hasMore !== undefined) result.hasMore = hasMore;
  return result;
}

// ------------------------------------------------------------------ inputs

const rnd = mulberry32(20260921);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)] as T;

const CAPTURE = readFileSync(join(__dirname, '../../fixtures/aliexpress/order-list.2026-09.json'), 'utf8');
const CTXS: ReadContext[] = [
  { site: 'www.aliexpress.com', now: new Date('2026-09-07T10:00:00Z') },
  { site: 'aliexpress.us', now: new Date('2026-03-01T10:00:00Z'), locale: 'en-US' },
];

/** Texts with and without deadlines, labels, codes, markup and the keys the reader reads. */
const PIECES = [
  'Refund if no delivery before ', 'Reembolso se não houver entrega até ', 'Sep 4, 2026', 'Feb 30, 2026', '2026年9月4日', '04.09.2026', '2026-09-04',
  ' within ', '7', '15', '2026', ' ', '-', '. ', '|', '\n', ',', ' days', ' dias', ' Tage', ' jours', ' d ', '日',
  ' after order was placed', ' open a dispute', ' of confirming receipt', ' after delivery', ' Free returns', ' coupon if delayed',
  ' automatically confirmed', 'Completed', 'Awaiting delivery', 'Cancelled', '<b>', '</b>', '<span style="color:#009966">', '</span>',
  '&amp;', '\u200b', '\u00a0', 'é', 'https://', '//', 'a.com/x', 'R$5', 'R$132,74|132|74', 'US $25.09', '12345678', 'CONFIRM_GOODS',
  'WAIT_BUYER_ACCEPT_GOODS', 'LOCAL_FREE_RETURN', 'x',
];
const KEYS = [
  'orderId', 'statusText', 'orderStatusText', 'buttons', 'orderStatus', 'status', 'orderDateText', 'orderLines', 'storeName', 'storePageUrl',
  'formatPriceInfo', 'totalPriceText', 'currencyCode', 'itemTitle', 'title', 'quantity', 'itemCount', 'count', 'itemPriceText', 'productId',
  'itemId', 'skuAttrs', 'skuDesc', 'itemImgUrl', 'itemPic', 'itemTags', 'type', 'richText', 'text', 'name', 'hasMore', 'tag', 'fields',
  '__proto__', 'constructor', 'x',
];

function randomText(): string {
  let s = '';
  for (let i = 1 + int(8); i > 0; i--) s += pick(PIECES);
  return s;
}

function defineOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function randomValue(depth = 0): unknown {
  switch (int(depth > 3 ? 6 : 10)) {
    case 0: return null;
    case 1: return pick([0, -1, 1, 3, 1.5, 8214398062177351, 2 ** 53 + 1, '7', '0012']);
    case 2: return pick([true, false]);
    case 3: case 4: case 5: return randomText();
    case 6: return Array.from({ length: int(4) }, () => randomValue(depth + 1));
    case 7: {
      const o = {};
      for (let i = int(5); i > 0; i--) defineOwn(o, pick(KEYS), randomValue(depth + 1));
      return o;
    }
    case 8: return [{ type: pick(['CONFIRM_GOODS', 'PAY', 'REPURCHASE', 'x']), text: randomText() }];
    default: return { name: randomText(), text: randomText(), type: pick(['LOCAL_FREE_RETURN', 'x']), richText: randomText() };
  }
}

type Slot = [Record<string, unknown> | unknown[], string];

function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < 5000) {
    const v = stack.pop();
    if (!v || typeof v !== 'object') continue;
    for (const k of Object.keys(v)) {
      out.push([v as Record<string, unknown>, k]);
      stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return out;
}

function mutate(all: Slot[]): void {
  const [c, k] = pick(all);
  const o = c as Record<string, unknown>;
  switch (int(7)) {
    case 0:
      if (Array.isArray(c)) c.splice(Number(k), 1);
      else delete o[k];
      break;
    case 1:
      if (!Array.isArray(c)) {
        const v = o[k];
        delete o[k];
        defineOwn(o, pick(KEYS), v);
      }
      break;
    case 2:
    case 3:
      o[k] = randomValue();
      break;
    case 4: {
      const v = o[k];
      o[k] = typeof v === 'string' ? pick([v + randomText(), randomText() + v, v.slice(0, int(v.length + 1))]) : randomText();
      break;
    }
    case 5:
      if (!Array.isArray(c)) defineOwn(o, pick(KEYS), randomValue());
      break;
    default:
      if (Array.isArray(c)) c.push(randomValue());
      else o[k] = { ...(typeof o[k] === 'object' ? (o[k] as object) : {}), [pick(KEYS)]: randomValue() };
  }
}

/**
 * One order whose deadline texts come earlier and earlier in the walk's order, with values
 * around them that count towards its limits: the deadline kept is the last one the walk
 * reaches, so any change in where it stops shows.
 */
function limitOrder(): unknown {
  let day = int(300);
  const deadline = () => {
    day++;
    return `Refund if no delivery before ${new Date(Date.UTC(2030, 0, 1) - day * 86_400_000).toISOString().slice(0, 10)}`;
  };
  const filler = (n: number) => Array.from({ length: n }, () => (int(2) ? 0 : null));
  const value = (): unknown => {
    const r = rnd();
    if (r < 0.35) return deadline();
    if (r < 0.55) return filler(int(400));
    if (r < 0.65) {
      let v: unknown = deadline();
      for (let i = 20 + int(8); i > 0; i--) v = int(2) ? [v, deadline()] : { a: v, b: deadline() };
      return v;
    }
    if (r < 0.8) return Array.from({ length: int(60) }, () => (rnd() < 0.6 ? deadline() : 1));
    const o: Record<string, unknown> = {};
    for (let i = int(8); i > 0; i--) o[`k${i}`] = rnd() < 0.5 ? deadline() : int(2) ? filler(int(50)) : null;
    return o;
  };
  const line = (): unknown => {
    if (rnd() < 0.05) return pick(['line', ['x', deadline()], null]);
    const l: Record<string, unknown> = {};
    for (const k of ['a', 'itemTitle', 'b', 'quantity', 'c', 'productId', 'd'].sort(() => rnd() - 0.5)) {
      if (k === 'itemTitle') l[k] = 'Cable';
      else if (k === 'quantity') l[k] = 2;
      else if (k === 'productId') l[k] = '1005001';
      else if (int(2)) l[k] = value();
    }
    return l;
  };
  const fields: Record<string, unknown> = {};
  for (const k of ['orderId', 'orderDateText', 'orderLines', 'x1', 'x2', 'x3', 'x4'].sort(() => rnd() - 0.5)) {
    if (k === 'orderId') fields[k] = '8300000000000001';
    else if (k === 'orderDateText') fields[k] = 'Jul 15, 2026';
    else if (k === 'orderLines') fields[k] = Array.from({ length: pick([0, 1, 3, 10, 40, 200, 201]) }, line);
    else if (rnd() < 0.7) fields[k] = value();
  }
  return { api: 'x', ret: ['SUCCESS::ok'], v: '1', data: { data: { pc_om_list_order_8300000000000001: { tag: 'pc_om_list_order', fields } } } };
}

// ------------------------------------------------------------------ the comparison

/** Both readers on the payload, in both contexts: the orders and deadlines read. */
function same(payloadText: string): { read: number; deadlines: number } {
  let read = 0;
  let deadlines = 0;
  for (const ctx of CTXS) {
    const now = readOrderList(JSON.parse(payloadText), ctx);
    const before = oldReadOrderList(JSON.parse(payloadText), ctx);
    read += before.observations.length;
    for (const o of before.observations) deadlines += o.deadlines?.length ?? 0;
    // Strings compare key order too.
    if (JSON.stringify(now) !== JSON.stringify(before)) expect(now, payloadText.slice(0, 2000)).toEqual(before);
  }
  return { read, deadlines };
}

describe('the order list read in one pass, as it was read before', () => {
  test('the capture', () => {
    expect(same(CAPTURE).read).toBeGreaterThan(10);
  });

  test('seeded mutations of the capture', () => {
    let read = 0;
    let deadlines = 0;
    for (let i = 0; i < 800; i++) {
      const payload = JSON.parse(CAPTURE) as unknown;
      const all = slots(payload);
      for (let n = 1 + int(8); n > 0; n--) mutate(all);
      let text: string;
      try {
        text = JSON.stringify(payload);
      } catch {
        continue; // a cycle
      }
      const r = same(text);
      read += r.read;
      deadlines += r.deadlines;
    }
    // Most orders stay readable, and some state deadlines: the comparison compares something.
    expect(read).toBeGreaterThan(10_000);
    expect(deadlines).toBeGreaterThan(100);
  });

  test('orders that stop the deadline walk at its limits', () => {
    let deadlines = 0;
    for (let i = 0; i < 200; i++) deadlines += same(JSON.stringify(limitOrder())).deadlines;
    expect(deadlines).toBeGreaterThan(300);
  });

  test('components put in page order, whatever the structure says', () => {
    const capture = JSON.parse(CAPTURE) as { data: { data: Record<string, unknown>; hierarchy: { structure: Record<string, unknown> } } };
    const keys = Object.keys(capture.data.data);
    for (let i = 0; i < 300; i++) {
      const payload = JSON.parse(CAPTURE) as typeof capture;
      const structure: Record<string, unknown> = {};
      // Shuffled, cut, repeated and foreign keys, some lists not lists; a component twice (an array's index as its key).
      for (let n = int(4); n > 0; n--) structure[pick(['root', 'body', 'x', '0'])] = int(8) ? keys.filter(() => int(3) > 0).sort(() => rnd() - 0.5).concat(int(2) ? ['0', 'nope', pick(keys)] : []) : 'x';
      payload.data.hierarchy.structure = structure;
      if (int(3) === 0) {
        payload.data.data['list'] = [payload.data.data[pick(keys)], payload.data.data[pick(keys)]];
        payload.data.data['list2'] = [payload.data.data[pick(keys)]];
      }
      same(JSON.stringify(payload));
    }
  });

  test('components found as before, in every capture, mutated, nested deep and wide', () => {
    const dir = join(__dirname, '../../fixtures/aliexpress');
    const captures = ['order-list', 'order-detail', 'tracking', 'refund-list', 'order-count'].map((n) => readFileSync(join(dir, `${n}.2026-09.json`), 'utf8'));
    const nest = (n: number): unknown => {
      let v: unknown = { tag: 'pc_om_list_order', fields: { orderId: '8214398062177351' } };
      // Shared branches, six wide: past depth 8 or 50,000 values the search stops.
      for (let i = 0; i < n; i++) {
        const leaf = { tag: `t${i}`, fields: { i } };
        v = int(2) ? [v, 'x', leaf, v, v, v, v] : { fields: v, tag: int(2) ? 'x' : 7, [`k${i}`]: v, a: v, b: [v, leaf], c: v };
      }
      return v;
    };
    for (let i = 0; i < 600; i++) {
      const payload = JSON.parse(pick(captures)) as unknown;
      const all = slots(payload);
      for (let n = 1 + int(6); n > 0; n--) mutate(all);
      const [c, k] = pick(all);
      if (int(4) === 0) (c as Record<string, unknown>)[k] = nest(4 + int(9));
      if (int(8) === 0) (c as Record<string, unknown>)[k] = Array.from({ length: 2500 + int(100) }, (_, j) => (j % 7 ? j : { tag: 't', fields: {} }));
      const maxCount = pick([2000, 5, 1]);
      expect(findComponents(payload, maxCount)).toEqual(oldFindComponents(payload, maxCount));
    }
    // Values enough to stop the search at 50,000 while it meets component after component.
    for (const extra of [0, 1, 2, 37]) {
      const filler = Array.from({ length: 25 }, (_, j) => new Array(1960 + (j === 0 ? extra : 0)).fill(0));
      const payload = { data: { filler, comps: Array.from({ length: 1500 }, (_, j) => ({ tag: 't', fields: { j } })) } };
      const found = findComponents(payload);
      expect(found).toEqual(oldFindComponents(payload));
      expect(found.length).toBeGreaterThan(0);
      expect(found.length).toBeLessThan(1500);
    }
  });

  test('item lines read alone (the detail reader), own keys only', () => {
    for (let i = 0; i < 3000; i++) {
      const line = randomValue(1);
      expect(readItem(line)).toEqual(oldReadItem(line));
    }
    const hostile = JSON.parse('{"__proto__": {"itemTitle": "x"}, "constructor": "y", "title": "Cable", "quantity": "2"}') as unknown;
    expect(readItem(hostile)).toEqual(oldReadItem(hostile));
    expect(readItem(hostile)?.title).toBe('Cable');
  });
});
