/**
 * Reader of `mtop.aliexpress.buyer.reverse.*` (returns/refunds/disputes list): one dispute
 * per order with its stage, status text, link to the dispute page and amounts where present.
 * What each line gives is in tables.ts.
 */
import type { Dispute, OrderObservation } from '../../domain/order';
import { absoluteUrl, get, getArr, getObj, getRaw, isObj } from '../text';
import { finalize, problem, PROBLEM, type ReadContext, type ReadResult } from './common';
import { mtopData } from './components';
import { readFields } from './fields';
import { disputeStageOfWords, REVERSE_GROUP, REVERSE_LINE } from './tables';

/** The dispute page: the `view_details` button's link, else the first button's. */
function disputeUrl(buttons: readonly unknown[] | null): string | null {
  let url: string | null = null;
  for (const b of buttons ?? []) {
    const href = absoluteUrl(getRaw(b, 'detailUrl'));
    if (href && (get(b, 'type') === 'view_details' || !url)) url = href;
  }
  return url;
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
  for (const group of groups.slice(0, 500)) {
    if (!isObj(group)) continue;
    const g = readFields(group, REVERSE_GROUP, ctx);
    const lines = Array.isArray(get(group, 'reverseOrderLines')) ? getArr(group, 'reverseOrderLines') : [group];
    for (const line of lines.slice(0, 200)) {
      if (!isObj(line)) continue;
      const f = readFields(line, REVERSE_LINE, ctx);
      if (!f.orderId || byOrder.has(f.orderId)) continue;
      const dispute: Dispute = {
        id: f.disputeId,
        stage: f.stage ?? f.stageInWords ?? (f.statusText ? disputeStageOfWords(f.statusText) : null) ?? 'unknown',
        statusText: f.statusText,
        openedOn: f.openedOn,
        url: disputeUrl(f.buttons),
      };
      if (f.requested) dispute.requested = f.requested;
      if (f.offered) dispute.offered = f.offered;
      const obs: OrderObservation = { orderId: f.orderId, site: ctx.site, dispute };
      if (dispute.stage !== 'closed' && dispute.stage !== 'unknown') obs.status = 'in_dispute';
      if (g.storeName) obs.store = { name: g.storeName, url: f.storeUrl };
      byOrder.set(f.orderId, obs);
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
