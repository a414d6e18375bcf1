/**
 * Reader of `mtop.aliexpress.trade.buyer.order.detail` (components tagged `detail_*`):
 * status block (title, reminder, buttons), dates, products, total, service progress bar and
 * order services texts (the deadlines the page states).
 */
import type { CalendarDate, Deadline, Item, OrderObservation } from '../../domain/order';
import { parseCalendarDate } from '../dates';
import { moneyOf } from '../money';
import { REFUND_NODE_LABELS } from '../phrases';
import { absoluteUrl, cleanText, collectStrings, get, getArr, getObj, getRaw, getText, idOf, normalizeForMatch } from '../text';
import {
  buttonCodes,
  deadlinesFromText,
  earliestPerKind,
  finalize,
  hasConfirm,
  problem,
  PROBLEM,
  resolveStatus,
  type ReadContext,
  type ReadResult,
} from './common';
import { findComponents, mtopData, type Component } from './components';
import { readItem } from './list';

export const DETAIL_TAGS = {
  status: 'detail_order_status_block',
  info: 'detail_simple_order_info_component',
  products: 'detail_product_block',
  price: 'detail_order_price_block',
  progress: 'detail_service_progress_bar',
  services: 'detail_order_services',
  root: 'detail_root_container',
} as const;

const REFUND_NODES: ReadonlySet<string> = new Set(REFUND_NODE_LABELS.map(normalizeForMatch));
/** Keys whose strings are UI labels, not statements about this order. */
const SKIP_KEYS: ReadonlySet<string> = new Set(['i18n', 'i18nMap', 'addressVO', 'tipData']);

function byTag(components: Component[], tag: string): Component[] {
  return components.filter((c) => c.tag === tag || c.tag.startsWith(`${tag}_`));
}

export function readOrderDetail(payload: unknown, ctx: ReadContext): ReadResult {
  const problems: ReadResult['problems'] = [];
  const data = mtopData(payload);
  const components = findComponents(data).filter((c) => c.tag.startsWith('detail_') || c.tag.startsWith('app_om'));
  if (components.length === 0) {
    return { observations: [], problems: [problem(PROBLEM.unexpectedShape, 'no order-detail components found')] };
  }
  const status = byTag(components, DETAIL_TAGS.status)[0]?.fields;
  const info = byTag(components, DETAIL_TAGS.info)[0]?.fields;
  const products = byTag(components, DETAIL_TAGS.products);
  const price = byTag(components, DETAIL_TAGS.price)[0]?.fields;

  const orderId =
    idOf(ctx.orderId ?? null) ??
    idOf(get(status, 'orderId')) ??
    idOf(get(info, 'tradeOrderId')) ??
    idOf(get(info, 'orderId')) ??
    components.map((c) => /(\d{6,24})$/.exec(c.key)?.[1] ?? null).find((x) => x !== null && x !== undefined) ??
    null;
  if (!orderId) {
    return { observations: [], problems: [problem(PROBLEM.invalidRecord, 'order detail without an order id')] };
  }

  const statusText = getText(status, 'title') ?? getText(status, 'statusText') ?? null;
  const statusButtons = get(status, 'buttonVOList') ?? get(status, 'buttons');
  const codes = buttonCodes(statusButtons);
  const global = getObj(data, 'global');
  const obs: OrderObservation = {
    orderId,
    site: ctx.site,
    status: resolveStatus(codes, [get(status, 'orderStatus'), get(status, 'status'), get(global, 'orderStatusEnum')], statusText),
    statusText,
  };
  if (Array.isArray(statusButtons)) obs.canConfirm = hasConfirm(codes);

  const date = (key: string): CalendarDate | null => {
    const t = getText(info, key);
    return t ? parseCalendarDate(t, ctx.locale) : null;
  };
  const placedOn = date('orderCreatTime') ?? date('orderCreateTime') ?? date('payTime');
  const shippedOn = date('orderShipTime');
  const completedOn = date('orderEndTime');
  if (placedOn) obs.placedOn = placedOn;
  if (shippedOn) obs.shippedOn = shippedOn;
  if (completedOn) obs.completedOn = completedOn;

  const items: Item[] = [];
  for (const p of products) {
    for (const line of getArr(p.fields, 'productVOList').slice(0, 200)) {
      const it = readItem(line, ctx.currency);
      if (it) items.push(it);
    }
    const seller = getObj(p.fields, 'sellerVO');
    if (seller && !obs.store) {
      obs.store = { name: getText(seller, 'sellerName') ?? getText(seller, 'storeName') ?? null, url: absoluteUrl(getRaw(seller, 'storeUrl')) };
    }
  }
  if (products.length > 0) obs.items = items.slice(0, 200);

  const totalPrice = getObj(price, 'totalPrice');
  if (totalPrice) obs.total = moneyOf(get(totalPrice, 'formatPriceInfo'), get(totalPrice, 'value'), get(totalPrice, 'currencyCode'), ctx.currency);

  // Deadlines: every statement of the status block, progress bar and order services.
  const deadlines: Deadline[] = [];
  const bases = { placedOn, completedOn };
  for (const c of components) {
    if (c.tag === DETAIL_TAGS.root) continue;
    for (const { value } of collectStrings(c.fields, { skipKeys: SKIP_KEYS, maxCount: 500 })) {
      if (value.length < 12 || value.length > 4000) continue;
      deadlines.push(...deadlinesFromText(value, bases, ctx.now, ctx.locale));
    }
  }
  for (const bar of byTag(components, DETAIL_TAGS.progress)) {
    for (const node of getArr(bar.fields, 'nodes').slice(0, 20)) {
      const label = getText(node, 'text');
      const time = getText(node, 'time');
      if (!label || !time || !REFUND_NODES.has(normalizeForMatch(label))) continue;
      const due = parseCalendarDate(time, ctx.locale);
      if (due) deadlines.push({ kind: 'no-delivery-refund', due, source: 'page', text: cleanText(`${label}: ${time}`) });
    }
  }
  const merged = earliestPerKind(deadlines);
  if (merged.length > 0) obs.deadlines = merged;

  const out = finalize(obs, problems);
  return { observations: out ? [out] : [], problems };
}
