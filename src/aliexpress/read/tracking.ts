/**
 * Reader of `mtop.ae.ld.querydetail` (tracking page): packages (`trackingDetailLineList[]`),
 * their events (codes, epoch-ms `time`), tracking numbers, and the delivery-guarantee texts
 * in `fastDeliveryInfoDTO.fdContentList` ("Refund if no delivery before …").
 */
import type { Deadline, Instant, OrderObservation, TrackingEvent, TrackingPackage } from '../../domain/order';
import { localDateOf } from '../../domain/dates';
import { TRACKING } from '../codes';
import { epochToInstant } from '../dates';
import { cleanText, collectStrings, get, getArr, getObj, getRaw, getText, idOf, isObj } from '../text';
import { deadlinesFromText, earliestPerKind, finalize, problem, PROBLEM, sanitizePackages, type ReadContext, type ReadResult } from './common';
import { mtopData } from './components';

function codeOf(v: unknown): string | null {
  return typeof v === 'string' && /^[A-Za-z0-9_.-]{1,100}$/.test(v) ? v : null;
}

function readEvent(e: unknown): TrackingEvent | null {
  if (!isObj(e)) return null;
  const name = getText(e, 'trackingName');
  const desc = getText(e, 'trackingDetailDesc') ?? getText(e, 'desc');
  const text = desc ?? name;
  if (!text) return null;
  const ev: TrackingEvent = {
    at: epochToInstant(get(e, 'time')),
    code: codeOf(get(e, 'trackingPrimaryCode')),
    text: name && desc && name !== desc ? cleanText(`${name}: ${desc}`) : text,
  };
  const sub = codeOf(get(e, 'trackingSecondCode'));
  // Most events repeat their code as the second one: stored once (26 events a parcel add up).
  if (sub && sub !== ev.code) ev.subCode = sub;
  const place = getText(e, 'detailedLocation') ?? getText(e, 'location');
  if (place) ev.place = place;
  return ev;
}

function readPackage(line: unknown): TrackingPackage | null {
  if (!isObj(line)) return null;
  const number = getText(line, 'mailNo', 200) ?? getText(line, 'originMailNo', 200) ?? null;
  const carrier = getText(getObj(line, 'logisticsCpInfo'), 'cpName') ?? getText(line, 'logisticsCarrierName') ?? null;
  const events = getArr(line, 'detailList')
    .slice(0, 500)
    .map(readEvent)
    .filter((x): x is TrackingEvent => x !== null);
  if (!number && events.length === 0) return null;
  return { number, carrier, events };
}

/** The order a tracking payload is about: an explicit field, else `tradeOrderId=` in a link. */
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
  const module = getObj(data, 'module') ?? data;
  const lines = get(module, 'trackingDetailLineList');
  if (!Array.isArray(lines)) {
    return { observations: [], problems: [problem(PROBLEM.unexpectedShape, 'no trackingDetailLineList')] };
  }
  const orderId = idOf(ctx.orderId ?? null) ?? idOf(get(module, 'tradeOrderId')) ?? orderIdInPayload(module);
  if (!orderId) {
    return { observations: [], problems: [problem(PROBLEM.invalidRecord, 'tracking without an order id')] };
  }
  const packages = lines
    .slice(0, 20)
    .map(readPackage)
    .filter((x): x is TrackingPackage => x !== null);
  const tracking = sanitizePackages(packages) ?? [];
  const obs: OrderObservation = { orderId, site: ctx.site, tracking };

  // Delivered when every package has a delivered event; the latest of them.
  let deliveredAt: Instant | null = null;
  let allDelivered = tracking.length > 0;
  for (const p of tracking) {
    const signed = p.events.filter((e) => e.code === TRACKING.delivered && e.at).map((e) => e.at as string);
    if (signed.length === 0) allDelivered = false;
    for (const s of signed) if (!deliveredAt || s > deliveredAt) deliveredAt = s;
  }
  if (allDelivered && deliveredAt) obs.deliveredAt = deliveredAt;

  const fd = getObj(module, 'fastDeliveryInfoDTO');
  const texts: string[] = [];
  for (const t of getArr(fd, 'fdContentList').slice(0, 50)) if (typeof t === 'string') texts.push(t);
  const fdContent = getRaw(fd, 'fdContent');
  if (fdContent) texts.push(fdContent);
  const deliveredOn = allDelivered && deliveredAt ? localDateOf(deliveredAt) : null;
  const deadlines: Deadline[] = [];
  for (const t of texts) deadlines.push(...deadlinesFromText(t, { deliveredOn }, ctx.now, ctx.locale));
  const merged = earliestPerKind(deadlines);
  if (merged.length > 0) obs.deadlines = merged;

  const out = finalize(obs, problems);
  return { observations: out ? [out] : [], problems };
}
