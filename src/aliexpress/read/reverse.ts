/**
 * Reader of `mtop.aliexpress.buyer.reverse.*` (returns/refunds/disputes list): one dispute
 * per order with its stage, status text, link to the dispute page and amounts where present.
 */
import type { Dispute, DisputeStage, OrderObservation } from '../../domain/order';
import { REVERSE_STATUS, own, REVERSE_STATUS_WORDS } from '../codes';
import { parseCalendarDate } from '../dates';
import { moneyFromCents, moneyOf } from '../money';
import { absoluteUrl, get, getArr, getObj, getRaw, getText, idOf, isObj, normalizeForMatch } from '../text';
import { finalize, problem, PROBLEM, type ReadContext, type ReadResult } from './common';
import { mtopData } from './components';

function stageOf(line: unknown, statusText: string | null): DisputeStage {
  const raw = getRaw(line, 'reverseStatus');
  const known = raw ? own(REVERSE_STATUS, raw) : undefined;
  if (known) return known;
  for (const candidate of [getRaw(line, 'reverseStatusEnum'), getRaw(line, 'status'), statusText]) {
    if (!candidate) continue;
    const t = normalizeForMatch(candidate);
    for (const [stage, re] of REVERSE_STATUS_WORDS) if (re.test(t)) return stage;
  }
  return 'unknown';
}

function moneyField(o: unknown, key: string, pageCurrency?: string | null) {
  const v = get(o, key);
  if (typeof v === 'string') return moneyOf(undefined, v, undefined, pageCurrency);
  if (isObj(v)) {
    return (
      moneyFromCents(get(v, 'cent'), get(v, 'currency') ?? get(v, 'currencyCode')) ??
      moneyOf(get(getObj(v, 'formatPrice'), 'priceInfo'), get(v, 'formatMoney'), get(v, 'currency'), pageCurrency)
    );
  }
  return null;
}

export function readReverseList(payload: unknown, ctx: ReadContext): ReadResult {
  const problems: ReadResult['problems'] = [];
  const data = mtopData(payload);
  const module = getObj(data, 'module') ?? data;
  const groups = get(module, 'items') ?? get(module, 'list') ?? get(module, 'data');
  if (!Array.isArray(groups)) {
    return { observations: [], problems: [problem(PROBLEM.unexpectedShape, 'no reverse order list')] };
  }
  const byOrder = new Map<string, OrderObservation>();
  for (const g of groups.slice(0, 500)) {
    const lines = Array.isArray(get(g, 'reverseOrderLines')) ? getArr(g, 'reverseOrderLines') : [g];
    for (const line of lines.slice(0, 200)) {
      const orderId = idOf(get(line, 'tradeOrderId')) ?? idOf(get(line, 'orderId'));
      if (!orderId || byOrder.has(orderId)) continue;
      const statusText = getText(line, 'reverseStatusText') ?? getText(line, 'statusText') ?? getText(line, 'statusDesc') ?? null;
      let url: string | null = null;
      for (const b of getArr(line, 'buttonDTOList').slice(0, 20)) {
        const href = absoluteUrl(getRaw(b, 'detailUrl'));
        if (href && (get(b, 'type') === 'view_details' || !url)) url = href;
      }
      const created = getText(line, 'gmtCreateFormat');
      const dispute: Dispute = {
        id: idOf(get(line, 'reverseOrderId'), 1, 64) ?? idOf(get(line, 'reverseOrderLineId'), 1, 64),
        stage: stageOf(line, statusText),
        statusText,
        openedOn: created ? parseCalendarDate(created, ctx.locale) : null,
        url,
      };
      const requested = moneyField(line, 'refundAmount', ctx.currency) ?? moneyField(line, 'applyRefundAmount', ctx.currency);
      if (requested) dispute.requested = requested;
      const offered = moneyField(line, 'sellerOfferAmount', ctx.currency) ?? moneyField(line, 'agreedRefundAmount', ctx.currency);
      if (offered) dispute.offered = offered;
      const obs: OrderObservation = { orderId, site: ctx.site, dispute };
      if (dispute.stage !== 'closed' && dispute.stage !== 'unknown') obs.status = 'in_dispute';
      const shop = getText(g, 'shopName');
      if (shop) obs.store = { name: shop, url: absoluteUrl(getRaw(getObj(line, 'seller'), 'storeUrl')) };
      byOrder.set(orderId, obs);
    }
  }
  const observations: OrderObservation[] = [];
  for (const obs of byOrder.values()) {
    const out = finalize(obs, problems);
    if (out) observations.push(out);
  }
  if (observations.length === 0) problems.push(problem(PROBLEM.noOrders, 'the refund list holds no disputes'));
  return { observations, problems };
}
