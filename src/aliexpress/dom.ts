/**
 * DOM fallback: reads the rendered order list, order detail and tracking pages when the
 * API responses were not captured. Handed a Document; touches nothing else. Order ids come
 * from `orderId=` / `tradeOrderId=` links, never from labels.
 */
import type { CalendarDate, Deadline, Item, OrderObservation, TrackingEvent } from '../domain/order';
import { parseCalendarDate, parseEstimatedDay, parseEventTime } from './dates';
import { parseMoneyText } from './money';
import { ORDER_TOTAL_LABELS } from './phrases';
import { classifyUrl, LOGIN_HOSTS, UNSUPPORTED_SITES } from './pages';
import { findOrderCards, isConfirmButton, type OrderCardRef } from './guard';
import {
  deadlinesFromText,
  earliestPerKind,
  finalize,
  problem,
  PROBLEM,
  sanitizePackages,
  statusFromText,
  statusOfLabel,
  type ReadContext,
  type ReadResult,
} from './read/common';
import { joinSelectors, queryAll as all, SELECTORS, type SelectorSet } from './selectors';
import { absoluteUrl, cleanText, normalizeForMatch } from './text';

// Finding cards and "Confirm received" buttons is the guard's (guard.ts, in the document_start
// half of the content script); the reader builds on it.
export { findConfirmButtons, findOrderCards, orderIdOfElement, type OrderCardRef } from './guard';

export type PageProblem = 'login' | 'captcha' | 'unsupported-operator';

function first(root: ParentNode, s: SelectorSet): Element | null {
  for (const sel of s.any) {
    try {
      const el = root.querySelector(sel);
      if (el) return el;
    } catch {
      // an unsupported selector in this engine: try the next
    }
  }
  return null;
}

function textOf(el: Element | null | undefined, max = 2000): string | null {
  if (!el) return null;
  const t = cleanText(el.textContent ?? '', max);
  return t === '' ? null : t;
}

/** Why the page can't be read, if it can't: a login wall, a captcha, or aliexpress.ru. */
export function detectPageProblem(doc: Document, url: string): PageProblem | null {
  let host = '';
  let path = '';
  try {
    const u = new URL(url);
    host = u.hostname.toLowerCase();
    path = u.pathname.toLowerCase();
  } catch {
    // not a URL: judge by the document alone
  }
  if (UNSUPPORTED_SITES.some((s) => host === s || host.endsWith(`.${s}`))) return 'unsupported-operator';
  if (first(doc, SELECTORS.captcha) || path.includes('/punish') || url.includes('_____tmd_____')) return 'captcha';
  if (LOGIN_HOSTS.includes(host) || first(doc, SELECTORS.login)) return 'login';
  return null;
}

/**
 * The short texts of a card's own leaf elements, outside its item lines and buttons: where a
 * layout none of our selectors knows still shows the order's status label and date.
 */
function cardLeafTexts(card: Element): string[] {
  const skip = `${joinSelectors(SELECTORS.line)}, ${joinSelectors(SELECTORS.buttons)}`;
  const out: string[] = [];
  for (const el of card.querySelectorAll('*')) {
    if (out.length >= 100) break;
    if (el.childElementCount > 0 || el.closest(skip)) continue;
    const t = textOf(el, 100);
    if (t && t.length <= 80) out.push(t);
  }
  return out;
}

function readCard(ref: OrderCardRef, ctx: ReadContext): OrderObservation {
  const card = ref.element;
  let statusText = textOf(first(card, SELECTORS.status), 200);
  const info = textOf(first(card, SELECTORS.headerInfo));
  let placedOn = info ? parseCalendarDate(info, ctx.locale) : null;
  if (!statusText || !placedOn) {
    // A layout we have no selector for: a leaf that is a status label, and the first date shown.
    const leaves = cardLeafTexts(card);
    statusText ??= leaves.find((t) => statusOfLabel(t) !== null) ?? null;
    placedOn ??= leaves.reduce<CalendarDate | null>((found, t) => found ?? parseCalendarDate(t, ctx.locale), null);
  }
  const storeEl = first(card, SELECTORS.storeName);
  const storeLink = first(card, SELECTORS.storeLink);
  const buttons = [...all(card, SELECTORS.buttons), ...all(card, SELECTORS.legacyConfirm)];
  const canConfirm = buttons.some(isConfirmButton);
  const items: Item[] = [];
  const lines = all(card, SELECTORS.line);
  for (const line of (lines.length > 0 ? lines : [card]).slice(0, 200)) {
    const nameEl = first(line, SELECTORS.itemName);
    const title = cleanText(nameEl?.getAttribute('title') ?? nameEl?.textContent ?? '');
    if (!title) continue;
    const qText = textOf(first(line, SELECTORS.itemQuantity), 50);
    const q = qText ? /(\d{1,6})/.exec(qText)?.[1] : undefined;
    const priceText = textOf(first(line, SELECTORS.itemPrice), 100);
    items.push({
      title,
      quantity: q ? Number(q) : 1,
      price: priceText ? parseMoneyText(priceText, null, ctx.currency) : null,
      variant: textOf(first(line, SELECTORS.itemSku)),
    });
  }
  const totalText = textOf(first(card, SELECTORS.total), 200);
  const obs: OrderObservation = {
    orderId: ref.orderId,
    site: ctx.site,
    status: canConfirm ? 'awaiting_delivery' : (statusFromText(statusText) ?? 'unknown'),
    statusText,
    store: { name: textOf(storeEl, 500), url: absoluteUrl(storeLink?.getAttribute('href') ?? undefined) },
    items,
    canConfirm,
  };
  if (totalText) {
    const total = parseMoneyText(totalText, null, ctx.currency);
    if (total) obs.total = total;
  }
  if (placedOn) obs.placedOn = placedOn;
  return obs;
}

function deadlinesOf(texts: (string | null)[], ctx: ReadContext): Deadline[] {
  const out: Deadline[] = [];
  for (const t of texts) if (t) out.push(...deadlinesFromText(t, {}, ctx.now, ctx.locale));
  return earliestPerKind(out);
}

/**
 * The tracking page without its JSON: the events shown (text and, from the time beside each, when),
 * the carrier, and every tracking number (a page of several parcels shows one tab each; the
 * events shown are the first parcel's).
 */
function readTrackingDom(doc: Document, orderId: string, ctx: ReadContext): OrderObservation | null {
  const nodes = all(doc, SELECTORS.trackingNode).slice(0, 500);
  const events: TrackingEvent[] = [];
  for (const n of nodes) {
    const title = textOf(first(n, SELECTORS.trackingNodeTitle), 500);
    const desc = textOf(first(n, SELECTORS.trackingNodeDesc), 1500);
    const time = textOf(first(n, SELECTORS.trackingNodeTime), 100);
    const text = title && desc ? `${title}: ${desc}` : (title ?? desc);
    if (text) events.push({ at: time ? parseEventTime(time, ctx.now, ctx.locale) : null, code: null, text });
  }
  const numbers = [...new Set(all(doc, SELECTORS.trackingMailNo).map((e) => textOf(e, 200)))].filter((n): n is string => n !== null);
  if (events.length === 0 && numbers.length === 0) return null;
  const carrier = textOf(first(doc, SELECTORS.trackingCarrier), 200);
  const parcels = numbers.length > 0 ? numbers.map((number, i) => ({ number, carrier, events: i === 0 ? events : [] })) : [{ number: null, carrier, events }];
  const obs: OrderObservation = { orderId, site: ctx.site, tracking: sanitizePackages(parcels) };
  const arrival = textOf(first(doc, SELECTORS.trackingArrival), 200);
  const estimated = arrival ? parseEstimatedDay(arrival, ctx.now) : null;
  if (estimated) obs.estimatedDelivery = estimated;
  const deadlines = deadlinesOf(all(doc, SELECTORS.trackingGuarantee).map((e) => textOf(e, 4000)), ctx);
  if (deadlines.length > 0) obs.deadlines = deadlines;
  return obs;
}

/** An item row of the order detail page: "USB-C cable", "R$13,90 x2". */
function readDetailItem(line: Element, ctx: ReadContext): Item | null {
  const title = textOf(first(line, SELECTORS.detailItemName), 1000);
  if (!title) return null;
  const priceText = textOf(first(line, SELECTORS.detailItemPrice), 100) ?? '';
  const times = /\s*[x×]\s*(\d{1,6})\s*$/i.exec(priceText);
  const price = priceText.slice(0, times ? times.index : undefined);
  return {
    title,
    quantity: times ? Number(times[1]) : 1,
    price: price ? parseMoneyText(price, null, ctx.currency) : null,
    variant: textOf(first(line, SELECTORS.detailItemSku)),
  };
}

/** The order's total among the detail page's price rows: the row labelled as the total, else the last row. */
function detailTotal(doc: Document, ctx: ReadContext): OrderObservation['total'] {
  const rows = all(doc, SELECTORS.detailPriceRow).slice(0, 50);
  totalLabels ??= new Set(ORDER_TOTAL_LABELS.map(normalizeForMatch));
  const labelled = rows.find((r) => totalLabels!.has(normalizeForMatch((textOf(first(r, SELECTORS.detailPriceLabel), 100) ?? '').replace(/[:：]\s*$/, ''))));
  const row = labelled ?? rows.at(-1);
  const amount = row ? textOf(first(row, SELECTORS.detailPriceAmount), 100) : null;
  return amount ? parseMoneyText(amount, null, ctx.currency) : null;
}
let totalLabels: ReadonlySet<string> | null = null;

function readDetailDom(doc: Document, orderId: string, ctx: ReadContext): OrderObservation | null {
  const statusText = textOf(first(doc, SELECTORS.detailStatus), 200);
  const reminder = textOf(first(doc, SELECTORS.detailReminder), 4000);
  const services = all(doc, SELECTORS.detailServices).map((e) => textOf(e, 4000));
  const items = all(doc, SELECTORS.detailLine)
    .slice(0, 200)
    .map((line) => readDetailItem(line, ctx))
    .filter((i): i is Item => i !== null);
  const total = detailTotal(doc, ctx);
  if (!statusText && !reminder && services.every((s) => !s) && items.length === 0 && !total) return null;
  const confirm = all(doc, SELECTORS.detailConfirm).some(isConfirmButton);
  const obs: OrderObservation = {
    orderId,
    site: ctx.site,
    status: confirm ? 'awaiting_delivery' : (statusFromText(statusText) ?? 'unknown'),
    statusText,
    canConfirm: confirm,
  };
  if (items.length > 0) obs.items = items;
  if (total) obs.total = total;
  // "Order placed on: Sep 1, 2026" is the first date of the order's info lines.
  const info = textOf(first(doc, SELECTORS.detailOrderInfo));
  const placedOn = info ? parseCalendarDate(info, ctx.locale) : null;
  if (placedOn) obs.placedOn = placedOn;
  const deadlines = deadlinesOf([reminder, ...services], ctx);
  if (deadlines.length > 0) obs.deadlines = deadlines;
  return obs;
}

/**
 * Read whatever the rendered page shows: order cards, else tracking, else order detail.
 * `skip`: orders already known from elsewhere (the page's API responses), whose cards are
 * not read (a card costs far more to read than to find).
 */
export function readDom(doc: Document, ctx: ReadContext, skip?: (orderId: string) => boolean): ReadResult {
  const problems: ReadResult['problems'] = [];
  const observations: OrderObservation[] = [];
  try {
    const cards = findOrderCards(doc);
    let skipped = 0;
    for (const ref of cards) {
      if (skip?.(ref.orderId)) {
        skipped++;
        continue;
      }
      const obs = finalize(readCard(ref, ctx), problems);
      if (obs) observations.push(obs);
    }
    // Every card shows its status and total: one read without them is a layout we miss.
    const partial = observations.filter((o) => o.status === 'unknown' || !o.total).length;
    if (partial > 0) problems.push(problem(PROBLEM.fieldsMissing, `${partial} of ${observations.length} orders read without their status or total`));
    if (cards.length === 0) {
      const page = classifyUrl(doc.URL ?? '');
      const orderId = ctx.orderId ?? page.orderId;
      if (orderId) {
        const raw = readTrackingDom(doc, orderId, ctx) ?? readDetailDom(doc, orderId, ctx);
        const obs = raw ? finalize(raw, problems) : null;
        if (obs) observations.push(obs);
      }
    }
    if (observations.length === 0 && skipped === 0) {
      problems.push(
        first(doc, SELECTORS.orderList)
          ? problem(PROBLEM.noOrders, 'the page shows no orders')
          : problem(PROBLEM.unexpectedShape, 'no order cards, tracking or order detail found'),
      );
    }
    const result: ReadResult = { observations, problems };
    if (cards.length > 0) result.hasMore = first(doc, SELECTORS.loadMore) !== null;
    return result;
  } catch (e) {
    return { observations, problems: [...problems, problem(PROBLEM.readerError, e instanceof Error ? e.message : 'unknown error')] };
  }
}
