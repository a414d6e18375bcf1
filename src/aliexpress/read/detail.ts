/**
 * Reader of `mtop.aliexpress.trade.buyer.order.detail` (components tagged `detail_*`):
 * status block (title, reminder, buttons), dates, products, total, service progress bar and
 * order services texts (the deadlines the page states). What each block gives is in tables.ts.
 */
import type { Deadline, Item, OrderObservation } from '../../domain/order';
import { parseCalendarDate } from '../dates';
import { REFUND_NODE_LABELS } from '../phrases';
import { cleanText, getArr, getText, idOf, isObj, normalizeForMatch } from '../text';
import { deadlinesIn, earliestPerKind, finalize, hasConfirm, problem, PROBLEM, resolveStatus, type ReadContext, type ReadResult } from './common';
import { findComponents, mtopData, type Component } from './components';
import { readFields, readObserved } from './fields';
import { DETAIL_DATA, DETAIL_INFO, DETAIL_INFO_OBSERVED, DETAIL_LINE_OBSERVED, DETAIL_PRICE_OBSERVED, DETAIL_PRODUCTS, DETAIL_STATUS } from './tables';

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
  const statusFields = byTag(components, DETAIL_TAGS.status)[0]?.fields ?? {};
  const infoFields = byTag(components, DETAIL_TAGS.info)[0]?.fields ?? {};
  const status = readFields(statusFields, DETAIL_STATUS, ctx);
  const info = readFields(infoFields, DETAIL_INFO, ctx);

  const orderId =
    idOf(ctx.orderId ?? null) ||
    status.orderId ||
    info.orderId ||
    components.map((c) => /(\d{6,24})$/.exec(c.key)?.[1]).find((x) => x !== undefined) ||
    null;
  if (!orderId) {
    return { observations: [], problems: [problem(PROBLEM.invalidRecord, 'order detail without an order id')] };
  }

  const enumStatus = status.statusEnum ?? (isObj(data) ? readFields(data, DETAIL_DATA, ctx).statusEnum : null);
  const codes = status.buttons ?? [];
  const obs: OrderObservation = {
    orderId,
    site: ctx.site,
    status: resolveStatus(codes, enumStatus, status.statusText),
    statusText: status.statusText,
    ...readObserved(infoFields, DETAIL_INFO_OBSERVED, ctx),
  };
  if (status.buttons) obs.canConfirm = hasConfirm(codes);

  const products = byTag(components, DETAIL_TAGS.products);
  if (products.length > 0) {
    const items: Item[] = [];
    for (const p of products) {
      const block = readFields(p.fields, DETAIL_PRODUCTS, ctx);
      const firstLine = getArr(p.fields, 'productVOList')[0];
      if (isObj(firstLine) && !obs.estimatedDelivery) Object.assign(obs, readObserved(firstLine, DETAIL_LINE_OBSERVED, ctx));
      items.push(...(block.items ?? []));
      if (!obs.store && (block.storeName || block.storeUrl)) obs.store = { name: block.storeName, url: block.storeUrl };
    }
    obs.items = items.slice(0, 200);
  }
  const price = byTag(components, DETAIL_TAGS.price)[0];
  if (price) Object.assign(obs, readObserved(price.fields, DETAIL_PRICE_OBSERVED, ctx));

  // Deadlines: every statement of the components (but the root's), and the progress bar's refund node.
  const bases = { placedOn: obs.placedOn ?? null, completedOn: obs.completedOn ?? null };
  const deadlines: Deadline[] = [];
  for (const c of components) if (c.tag !== DETAIL_TAGS.root) deadlines.push(...deadlinesIn(c.fields, bases, ctx, SKIP_KEYS));
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
