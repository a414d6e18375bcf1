/**
 * Reader of `mtop.ae.ld.querydetail` (tracking page): parcels (`trackingDetailLineList[]`),
 * their events (codes, epoch-ms `time`), tracking numbers, and the delivery-guarantee texts
 * in `fastDeliveryInfoDTO.fdContentList` ("Refund if no delivery before …"). What each part
 * gives is in tables.ts.
 */
import type { Deadline, Instant, OrderObservation } from '../../domain/order';
import { localDateOf } from '../../domain/dates';
import { TRACKING } from '../codes';
import { collectStrings, getObj, idOf, isObj } from '../text';
import { deadlinesFromText, earliestPerKind, finalize, problem, PROBLEM, sanitizePackages, type ReadContext, type ReadResult } from './common';
import { mtopData } from './components';
import { readFields } from './fields';
import { TRACKING_MODULE } from './tables';

/** The order a tracking payload is about, when no field names it: `tradeOrderId=` in a link, or an id field anywhere. */
function orderIdInPayload(module: unknown): string | null {
  for (const { key, value } of collectStrings(module, { maxCount: 2000 })) {
    if ((key === 'tradeOrderId' || key === 'orderId') && idOf(value)) return value;
    const m = /[?&](?:tradeOrderId|orderId)=(\d{6,24})(?:&|$)/.exec(value);
    if (m) return m[1] as string;
  }
  return null;
}

export function readTracking(payload: unknown, ctx: ReadContext): ReadResult {
  const problems: ReadResult['problems'] = [];
  const data = mtopData(payload);
  const module = getObj(data, 'module') ?? (isObj(data) ? data : {});
  const f = readFields(module, TRACKING_MODULE, ctx);
  if (!f.parcels) {
    return { observations: [], problems: [problem(PROBLEM.unexpectedShape, 'no trackingDetailLineList')] };
  }
  const orderId = idOf(ctx.orderId ?? null) ?? f.orderId ?? orderIdInPayload(module);
  if (!orderId) {
    return { observations: [], problems: [problem(PROBLEM.invalidRecord, 'tracking without an order id')] };
  }
  const tracking = sanitizePackages(f.parcels);
  const obs: OrderObservation = { orderId, site: ctx.site, tracking };

  // Delivered when every parcel has a delivered event; the latest of them.
  let deliveredAt: Instant | null = null;
  let allDelivered = tracking.length > 0;
  for (const p of tracking) {
    const signed = p.events.filter((e) => e.code === TRACKING.delivered && e.at).map((e) => e.at as string);
    if (signed.length === 0) allDelivered = false;
    for (const s of signed) if (!deliveredAt || s > deliveredAt) deliveredAt = s;
  }
  if (allDelivered && deliveredAt) obs.deliveredAt = deliveredAt;

  const texts = [...(f.guaranteeTexts ?? []), ...(f.guaranteeText ? [f.guaranteeText] : [])];
  const deliveredOn = allDelivered && deliveredAt ? localDateOf(deliveredAt) : null;
  const deadlines: Deadline[] = [];
  for (const t of texts) deadlines.push(...deadlinesFromText(t, { deliveredOn }, ctx.now, ctx.locale));
  const merged = earliestPerKind(deadlines);
  if (merged.length > 0) obs.deadlines = merged;

  const out = finalize(obs, problems);
  return { observations: out ? [out] : [], problems };
}
