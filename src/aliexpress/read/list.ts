/** Reader of `mtop.aliexpress.trade.buyer.order.list` (components tagged `pc_om_list_order`). */
import type { OrderObservation } from '../../domain/order';
import { cleanText, get, getArr, getObj, type Obj } from '../text';
import { deadlinesIn, finalize, hasConfirm, problem, PROBLEM, resolveStatus, type ReadContext, type ReadResult } from './common';
import { findComponents, mtopData, type Component } from './components';
import { readFields, readObserved } from './fields';
import { LIST_OBSERVED, LIST_ORDER } from './tables';

export const LIST_ORDER_TAGS: readonly string[] = ['pc_om_list_order', 'om_list_order', 'mobile_om_list_order'];
export const LIST_BODY_TAGS: readonly string[] = ['pc_om_list_body', 'om_list_body'];

function isOrderTag(tag: string): boolean {
  return LIST_ORDER_TAGS.includes(tag) || /(?:^|_)list_order$/.test(tag);
}

/** The order id a component's key ends with. */
const KEY_ID = /(\d{6,24})$/;

/** One order component's fields as an observation (null without an order id). */
export function readOrderFields(fields: Obj, ctx: ReadContext, key: string): OrderObservation | null {
  const f = readFields(fields, LIST_ORDER, ctx);
  // The id at the end of the component's key, when its fields give none.
  const orderId = f.orderId ?? KEY_ID.exec(key)?.[1] ?? null;
  if (!orderId) return null;
  const codes = f.buttons ?? [];
  const obs: OrderObservation = {
    orderId,
    site: ctx.site,
    status: resolveStatus(codes, f.statusEnum, f.statusText),
    statusText: f.statusText,
    store: { name: f.storeName, url: f.storeUrl },
    items: [],
    ...readObserved(fields, LIST_OBSERVED, ctx),
  };
  if (f.buttons) obs.canConfirm = hasConfirm(codes);
  // The deadlines the order's texts state: a pass of its own over every string of it.
  const deadlines = deadlinesIn(fields, { placedOn: obs.placedOn ?? null }, ctx);
  if (deadlines.length > 0) obs.deadlines = deadlines;
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
  const at = (c: Component) => position.get(c.key) ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable: components of one position (or none) keep their order.
  return [...components].sort((a, b) => at(a) - at(b));
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
