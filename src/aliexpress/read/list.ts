/** Reader of `mtop.aliexpress.trade.buyer.order.list` (components tagged `pc_om_list_order`). */
import type { CalendarDate, Deadline, Item, OrderObservation } from '../../domain/order';
import { bareMonthDayYear, parseCalendarDate } from '../dates';
import { moneyOf } from '../money';
import { absoluteUrl, cleanText, get, getArr, getObj, hasOwn, idOf, isObj, newWalk, rawOf, textOf, walkEnter, walkStep, type Obj, type Walk } from '../text';
import {
  addDeadlinesFromHeldText,
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
} from './common';
import { findComponents, mtopData, type Component } from './components';

export const LIST_ORDER_TAGS: readonly string[] = ['pc_om_list_order', 'om_list_order', 'mobile_om_list_order'];
export const LIST_BODY_TAGS: readonly string[] = ['pc_om_list_body', 'om_list_body'];

function isOrderTag(tag: string): boolean {
  return LIST_ORDER_TAGS.includes(tag) || /(?:^|_)list_order$/.test(tag);
}

const QUANTITY = /^\d{1,7}$/;
/** The order id a component's key ends with. */
const KEY_ID = /(\d{6,24})$/;

/**
 * The deadline walk of an order's fields (forEachString(fields, { maxCount: 400 }) as it was),
 * done in the same pass as its fields are read: readOrderFields and readLine step it through
 * each value they meet (walkStep), in the order the walk meets them. The texts that may hold
 * a deadline are kept here and read once the order's dates are known. One walk at a time.
 */
const held: string[] = [];
let heldCount = 0;
const walk: Walk = newWalk({ maxCount: 400, minLength: 12 }, (value) => {
  // The quick test here: most texts go no further. The order's bare date is known to state none.
  if (value.length <= 4000 && value !== bareDate && mayHoldDeadline(value)) held[heldCount++] = value;
});
/** The order's date text when it is a bare month date (bareMonthDayYear reads it), else null. */
let bareDate: string | null = null;

/** An item line (see readLine). */
export function readItem(line: unknown, pageCurrency?: string | null): Item | null {
  return isObj(line) ? readLine(line, null, pageCurrency) : null;
}

/**
 * One item line, its fields picked in one pass over its own keys (as `get` reads them), each
 * read from its first present key; each value stepped through `w` on the way, if given.
 */
function readLine(line: Obj, w: Walk | null, pageCurrency?: string | null): Item | null {
  let itemTitle: unknown, title: unknown, quantity: unknown, itemCount: unknown, count: unknown;
  let priceInfo: unknown, priceText: unknown, currency: unknown, productId: unknown, itemId: unknown;
  let skuAttrs: unknown, skuDesc: unknown, imgUrl: unknown, pic: unknown, tags: unknown;
  // Own keys only: an own "__proto__" or "constructor" is one more key that no case takes.
  for (const k in line) {
    if (!hasOwn.call(line, k)) continue;
    const v = line[k];
    if (w) walkStep(w, v, k, LINE_DEPTH + 1);
    switch (k) {
      case 'itemTitle': itemTitle = v; break;
      case 'title': title = v; break;
      case 'quantity': quantity = v; break;
      case 'itemCount': itemCount = v; break;
      case 'count': count = v; break;
      case 'formatPriceInfo': priceInfo = v; break;
      case 'itemPriceText': priceText = v; break;
      case 'currencyCode': currency = v; break;
      case 'productId': productId = v; break;
      case 'itemId': itemId = v; break;
      case 'skuAttrs': skuAttrs = v; break;
      case 'skuDesc': skuDesc = v; break;
      case 'itemImgUrl': imgUrl = v; break;
      case 'itemPic': pic = v; break;
      case 'itemTags': tags = v; break;
    }
  }
  const name = textOf(itemTitle) ?? textOf(title);
  if (!name) return null;
  const q = quantity ?? itemCount ?? count;
  const n = typeof q === 'number' ? q : typeof q === 'string' && QUANTITY.test(q) ? Number(q) : 1;
  const pid = idOf(productId ?? itemId, 1, 24);
  const item: Item = {
    title: name,
    quantity: Number.isSafeInteger(n) && n >= 0 ? n : 1,
    price: moneyOf(priceInfo, priceText, currency, pageCurrency),
    variant: variantOf(skuAttrs) ?? textOf(skuDesc) ?? null,
  };
  if (pid) item.productId = pid;
  const img = absoluteUrl(rawOf(imgUrl) ?? rawOf(pic));
  if (img) item.imageUrl = img;
  if (isFreeReturn(tags)) item.freeReturn = true;
  return item;
}

/** The walk's depth of an order line (fields 0, orderLines 1). */
const LINE_DEPTH = 2;
/** The first lines are items and the last 2,000 walked: up to this many, both are all of them. */
const MAX_ITEMS = 200;

/**
 * The items of `orderLines` (its first 200 lines), stepped through the walk where the walk
 * meets the array (at depth 1). With at most 200 lines, each is read and walked in one pass.
 */
function readLines(lines: unknown, w: Walk, items: Item[], pageCurrency?: string | null): void {
  const onePass = Array.isArray(lines) && lines.length <= MAX_ITEMS;
  if (!onePass) walkStep(w, lines, 'orderLines', 1);
  if (!Array.isArray(lines)) return;
  const into = onePass && walkEnter(w, 1);
  for (let i = 0; i < lines.length && i < MAX_ITEMS; i++) {
    const x: unknown = lines[i];
    let item: Item | null = null;
    if (isObj(x)) item = readLine(x, into && walkEnter(w, LINE_DEPTH) ? w : null, pageCurrency);
    else if (into) walkStep(w, x, 'orderLines', LINE_DEPTH);
    if (item) items.push(item);
  }
}

export function readOrderFields(fields: Obj, ctx: ReadContext, key: string): OrderObservation | null {
  let id: unknown, statusTextV: unknown, orderStatusText: unknown, buttons: unknown, orderStatus: unknown, statusV: unknown;
  let dateText: unknown, storeName: unknown, storeUrl: unknown, priceInfo: unknown, totalText: unknown, currency: unknown;
  const items: Item[] = [];
  // The walk starts at the fields (depth 0), then meets each of their values at depth 1.
  heldCount = 0;
  walk.count = 0;
  walk.visited = 0;
  walk.done = false;
  if (!walkEnter(walk, 0)) walk.done = true;
  // The date, when bare: read once, and no deadline looked for in it (it states none).
  let bare: CalendarDate | null | undefined;
  bareDate = null;
  for (const k in fields) {
    if (!hasOwn.call(fields, k)) continue;
    const v = fields[k];
    if (k === 'orderLines') {
      readLines(v, walk, items, ctx.currency);
      continue;
    }
    if (k === 'orderDateText' && typeof v === 'string') {
      bare = bareMonthDayYear(v);
      if (bare !== undefined) bareDate = v;
    }
    walkStep(walk, v, k, 1);
    switch (k) {
      case 'orderId': id = v; break;
      case 'statusText': statusTextV = v; break;
      case 'orderStatusText': orderStatusText = v; break;
      case 'buttons': buttons = v; break;
      case 'orderStatus': orderStatus = v; break;
      case 'status': statusV = v; break;
      case 'orderDateText': dateText = v; break;
      case 'storeName': storeName = v; break;
      case 'storePageUrl': storeUrl = v; break;
      case 'formatPriceInfo': priceInfo = v; break;
      case 'totalPriceText': totalText = v; break;
      case 'currencyCode': currency = v; break;
    }
  }
  // The id at the end of the component's key, needed only when its fields give none.
  const orderId = idOf(id) ?? KEY_ID.exec(key)?.[1] ?? null;
  if (!orderId) return null;
  const statusText = textOf(statusTextV) ?? textOf(orderStatusText) ?? null;
  const codes = buttonCodes(buttons);
  const status = resolveStatus(codes, [orderStatus, statusV], statusText);
  // A bare date is its own clean text: parseCalendarDate would read it as bareMonthDayYear did.
  const placedOn = bare !== undefined ? bare : parseCalendarDate(textOf(dateText) ?? '', ctx.locale);
  const obs: OrderObservation = {
    orderId,
    site: ctx.site,
    status,
    statusText,
    store: {
      name: textOf(storeName) ?? null,
      url: absoluteUrl(rawOf(storeUrl)),
    },
    total: moneyOf(priceInfo, totalText, currency, ctx.currency),
    items,
  };
  if (placedOn) obs.placedOn = placedOn;
  if (Array.isArray(buttons)) obs.canConfirm = hasConfirm(codes);
  if (heldCount > 0) {
    const deadlines: Deadline[] = [];
    const bases = { placedOn };
    for (let i = 0; i < heldCount; i++) addDeadlinesFromHeldText(deadlines, held[i] as string, bases, ctx.now, ctx.locale);
    heldCount = 0;
    if (deadlines.length > 0) obs.deadlines = earliestPerKind(deadlines);
  }
  return obs;
}

/** Components in the order the page shows them (`hierarchy.structure`), others after, stable. */
function inPageOrder(components: Component[], data: unknown): Component[] {
  const structure = getObj(getObj(data, 'hierarchy'), 'structure');
  if (!structure) return components;
  const position = new Map<string, number>();
  const keys = Object.keys(structure);
  for (let k = 0; k < keys.length && k < 500; k++) {
    const children = getArr(structure, keys[k] as string);
    for (let i = 0; i < children.length && i < 5000; i++) {
      const child: unknown = children[i];
      if (typeof child === 'string' && !position.has(child)) position.set(child, position.size);
    }
  }
  // Each component in the slot of its position, those of none after in their order: the
  // stable sort by position, unless two share one or the slots are many (then sorted).
  if (position.size > 4 * components.length + 100) return sortedByPosition(components, position);
  const slots: (Component | undefined)[] = new Array<Component | undefined>(position.size);
  const rest: Component[] = [];
  for (const c of components) {
    const p = position.get(c.key);
    if (p === undefined) rest.push(c);
    else if (slots[p] === undefined) slots[p] = c;
    else return sortedByPosition(components, position);
  }
  const out: Component[] = [];
  for (const c of slots) if (c !== undefined) out.push(c);
  for (const c of rest) out.push(c);
  return out;
}

function sortedByPosition(components: Component[], position: ReadonlyMap<string, number>): Component[] {
  return components
    .map((c, i) => ({ c, i, p: position.get(c.key) ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.c);
}

export function readOrderList(payload: unknown, ctx: ReadContext): ReadResult {
  const problems: ReadResult['problems'] = [];
  const observations: OrderObservation[] = [];
  const data = mtopData(payload);
  const components = inPageOrder(findComponents(data), data);
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
    if (!isOrderTag(c.tag)) continue;
    const raw = readOrderFields(c.fields, ctx, c.key);
    if (!raw) {
      problems.push(problem(PROBLEM.invalidRecord, `component ${cleanText(c.key, 80)} has no order id`));
      continue;
    }
    if (seen.has(raw.orderId)) continue;
    const obs = finalize(raw, problems, true);
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
