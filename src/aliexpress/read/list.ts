/** Reader of `mtop.aliexpress.trade.buyer.order.list` (components tagged `pc_om_list_order`). */
import type { Deadline, Item, OrderObservation } from '../../domain/order';
import { parseCalendarDate } from '../dates';
import { moneyOf } from '../money';
import { absoluteUrl, cleanText, forEachString, get, getArr, getObj, getRaw, getText, idOf, type Obj } from '../text';
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

export function readItem(line: unknown): Item | null {
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

export function readOrderFields(fields: Obj, ctx: ReadContext, fallbackId: string | null): OrderObservation | null {
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
    const item = readItem(lines[i]);
    if (item) items.push(item);
  }
  const obs: OrderObservation = {
    orderId,
    site: ctx.site,
    status,
    statusText,
    store: {
      name: getText(fields, 'storeName') ?? null,
      url: absoluteUrl(getRaw(fields, 'storePageUrl')),
    },
    total: moneyOf(get(fields, 'formatPriceInfo'), get(fields, 'totalPriceText'), get(fields, 'currencyCode')),
    items,
  };
  if (placedOn) obs.placedOn = placedOn;
  if (Array.isArray(buttons)) obs.canConfirm = hasConfirm(codes);
  const deadlines: Deadline[] = [];
  const bases = { placedOn };
  forEachString(fields, { maxCount: 400 }, (value) => {
    // The quick test first, here: most texts go no further (addDeadlinesFromText repeats it).
    if (value.length >= 12 && value.length <= 4000 && mayHoldDeadline(value)) addDeadlinesFromText(deadlines, value, bases, ctx.now, ctx.locale);
  });
  if (deadlines.length > 0) obs.deadlines = earliestPerKind(deadlines);
  return obs;
}

/** Components in the order the page shows them (`hierarchy.structure`), others after, stable. */
function inPageOrder(components: Component[], data: unknown): Component[] {
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
    // The id at the end of the component's key, needed only when its fields give none.
    const keyId = idOf(get(c.fields, 'orderId')) ? null : (KEY_ID.exec(c.key)?.[1] ?? null);
    const raw = readOrderFields(c.fields, ctx, keyId);
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
