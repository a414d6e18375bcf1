/**
 * What the reader takes from each AliExpress response, one table per object kind (the
 * interpreter is `fields.ts`). Each field lists the keys it may be under, newest first, each
 * with where it was seen: "capture 2026-09" is a real response in
 * `test/fixtures/aliexpress/` (docs/aliexpress.md); "earlier reader" is a name this reader
 * has read since its first version, no longer in a capture, kept behind the seen ones.
 *
 * Fields named as an `OrderObservation` property (the `OBSERVED` tables) go into the
 * observation as they are read: a new fact of that kind is one line here and nothing else.
 */
import type { DisputeStage, Item, OrderStatus, TrackingEvent, TrackingPackage } from '../../domain/order';
import { own, REVERSE_STATUS, REVERSE_STATUS_WORDS } from '../codes';
import { cleanText, idOf, normalizeForMatch, rawOf, textOf } from '../text';
import { buttonCodes, isFreeReturn, statusOfEnum, variantOf } from './common';
import { code, count, date, field, instant, listOf, longId, money, orderId, raw, shortText, strings, text, url, type Fields, type ObservedTable, type Parser } from './fields';

const CAPTURE = 'capture 2026-09';
const EARLIER = 'earlier reader';

// ------------------------------------------------------------------ AliExpress's own shapes

/** The `type` codes of a buttons array (`[{ type: "CONFIRM_GOODS", … }]`). */
const buttons: Parser<string[]> = (v) => (Array.isArray(v) ? buttonCodes(v) : null);

/** "Color: black, Length: 2m" from `skuAttrs` `[{ name, text }]`, or a variant text. */
const variant: Parser<string> = (v) => (Array.isArray(v) ? variantOf(v) : (textOf(v) ?? null));

/** An item's tags mark it "Free returns". */
const freeReturn: Parser<true> = (v) => (isFreeReturn(v) ? true : null);

/** A status enum AliExpress names its states by (`WAIT_BUYER_ACCEPT_GOODS`, codes.ts); others are none. */
const statusEnum: Parser<OrderStatus> = (v) => (typeof v === 'string' ? statusOfEnum(v) : null);

/** A dispute's stage from its `reverseStatus` code (codes.ts). */
const disputeStageByCode: Parser<DisputeStage> = (v) => {
  const code = rawOf(v);
  return code ? (own(REVERSE_STATUS, code) ?? null) : null;
};

/** A dispute's stage from an enum or a label in words ("WAIT_SELLER_RESPONSE", "Refunding"). */
export function disputeStageOfWords(text: string): DisputeStage | null {
  const norm = normalizeForMatch(text);
  return REVERSE_STATUS_WORDS.find(([, re]) => re.test(norm))?.[0] ?? null;
}

const disputeStageInWords: Parser<DisputeStage> = (v) => {
  const t = rawOf(v);
  return t ? disputeStageOfWords(t) : null;
};

/** A product id: 1–24 digits. */
const productId: Parser<string> = (v) => idOf(v, 1, 24);

// ------------------------------------------------------------------ order list and detail items

/** One item line: `orderLines[]` of the list, `productVOList[]` of the detail. */
export const ITEM_LINE = {
  title: field(text, ['itemTitle', CAPTURE], ['title', EARLIER]),
  quantity: field(count, ['quantity', CAPTURE], ['itemCount', EARLIER], ['count', EARLIER]),
  price: field(money('currencyCode'), ['formatPriceInfo', CAPTURE], ['itemPriceText', CAPTURE]),
  variant: field(variant, ['skuAttrs', CAPTURE], ['skuDesc', EARLIER]),
  productId: field(productId, ['productId', CAPTURE], ['itemId', EARLIER]),
  imageUrl: field(url, ['itemImgUrl', CAPTURE], ['itemPic', EARLIER]),
  freeReturn: field(freeReturn, ['itemTags', CAPTURE]),
} as const;

/** An item from its line: it needs a title; one piece unless the line says otherwise. */
function toItem(f: Fields<typeof ITEM_LINE>): Item | null {
  if (!f.title) return null;
  const item: Item = { title: f.title, quantity: f.quantity ?? 1, price: f.price, variant: f.variant };
  if (f.productId) item.productId = f.productId;
  if (f.imageUrl) item.imageUrl = f.imageUrl;
  if (f.freeReturn) item.freeReturn = true;
  return item;
}

/** The items of a list of lines (its first 200). */
export const items = listOf(ITEM_LINE, toItem);

// ------------------------------------------------------------------ order list (mtop…order.list)

/** An order component's `fields` (`pc_om_list_order`). */
export const LIST_ORDER = {
  orderId: field(orderId, ['orderId', CAPTURE]),
  statusText: field(text, ['statusText', CAPTURE], ['orderStatusText', EARLIER]),
  statusEnum: field(statusEnum, ['orderStatus', EARLIER], ['status', CAPTURE]),
  buttons: field(buttons, ['buttons', CAPTURE]),
  storeName: field(text, ['storeName', CAPTURE]),
  storeUrl: field(url, ['storePageUrl', CAPTURE]),
} as const;

export const LIST_OBSERVED: ObservedTable = {
  placedOn: field(date, ['orderDateText', CAPTURE]),
  total: field(money('currencyCode'), ['formatPriceInfo', CAPTURE], ['totalPriceText', CAPTURE]),
  items: field(items, ['orderLines', CAPTURE]),
};

// ------------------------------------------------------------------ order detail (mtop…order.detail)

/** The status block (`detail_order_status_block`). */
export const DETAIL_STATUS = {
  orderId: field(orderId, ['orderId', CAPTURE]),
  statusText: field(text, ['title', CAPTURE], ['statusText', EARLIER]),
  statusEnum: field(statusEnum, ['orderStatus', CAPTURE], ['status', CAPTURE]),
  buttons: field(buttons, ['buttonVOList', CAPTURE], ['buttons', EARLIER]),
} as const;

/** The detail response's own `data`: a status enum beside the components. */
export const DETAIL_DATA = {
  statusEnum: field(statusEnum, ['global.orderStatusEnum', EARLIER]),
} as const;

/** The order info block (`detail_simple_order_info_component`). */
export const DETAIL_INFO = {
  orderId: field(orderId, ['tradeOrderId', CAPTURE], ['orderId', EARLIER]),
} as const;

export const DETAIL_INFO_OBSERVED: ObservedTable = {
  placedOn: field(date, ['orderCreatTime', CAPTURE], ['orderCreateTime', EARLIER], ['payTime', CAPTURE]),
  shippedOn: field(date, ['orderShipTime', CAPTURE]),
  completedOn: field(date, ['orderEndTime', CAPTURE]),
};

/** A product block (`detail_product_block`): its items and seller. */
export const DETAIL_PRODUCTS = {
  items: field(items, ['productVOList', CAPTURE]),
  storeName: field(text, ['sellerVO.sellerName', CAPTURE], ['sellerVO.storeName', EARLIER]),
  storeUrl: field(url, ['sellerVO.storeUrl', CAPTURE]),
} as const;

/** A product line of the detail (`productVOList[]`): what it says of the order's delivery. */
export const DETAIL_LINE_OBSERVED: ObservedTable = {
  estimatedDelivery: field(date, ['etaAndTrack.expectDeliveryDateTitle', CAPTURE]),
};

/** The price block (`detail_order_price_block`). */
export const DETAIL_PRICE_OBSERVED: ObservedTable = {
  total: field(money('totalPrice.currencyCode'), ['totalPrice.formatPriceInfo', CAPTURE], ['totalPrice.value', CAPTURE]),
};

// ------------------------------------------------------------------ tracking (mtop.ae.ld.querydetail)

/** One tracking event (`detailList[]`). */
export const TRACKING_EVENT = {
  at: field(instant, ['time', CAPTURE]),
  name: field(text, ['trackingName', CAPTURE]),
  description: field(text, ['trackingDetailDesc', CAPTURE], ['desc', EARLIER]),
  code: field(code, ['trackingPrimaryCode', CAPTURE]),
  subCode: field(code, ['trackingSecondCode', CAPTURE]),
  place: field(text, ['detailedLocation', CAPTURE], ['location', EARLIER]),
} as const;

/** An event needs a text: its description, with its name before it when they differ. */
function toEvent(f: Fields<typeof TRACKING_EVENT>): TrackingEvent | null {
  const text = f.description ?? f.name;
  if (!text) return null;
  const event: TrackingEvent = { at: f.at, code: f.code, text: f.name && f.description && f.name !== f.description ? cleanText(`${f.name}: ${f.description}`) : text };
  // Most events repeat their code as the second one: stored once.
  if (f.subCode && f.subCode !== f.code) event.subCode = f.subCode;
  if (f.place) event.place = f.place;
  return event;
}

/** One parcel (`trackingDetailLineList[]`). */
export const TRACKING_PARCEL = {
  number: field(shortText(200), ['mailNo', CAPTURE], ['originMailNo', CAPTURE]),
  carrier: field(text, ['logisticsCpInfo.cpName', CAPTURE], ['logisticsCarrierName', CAPTURE]),
  events: field(listOf(TRACKING_EVENT, toEvent, 500), ['detailList', CAPTURE]),
} as const;

/** A parcel needs a number or an event. */
function toParcel(f: Fields<typeof TRACKING_PARCEL>): TrackingPackage | null {
  const events = f.events ?? [];
  return f.number || events.length > 0 ? { number: f.number, carrier: f.carrier, events } : null;
}

/** The tracking module (`data.module`). */
export const TRACKING_MODULE = {
  orderId: field(orderId, ['tradeOrderId', EARLIER]),
  parcels: field(listOf(TRACKING_PARCEL, toParcel, 20), ['trackingDetailLineList', CAPTURE]),
  guaranteeTexts: field(strings, ['fastDeliveryInfoDTO.fdContentList', CAPTURE]),
  guaranteeText: field(raw, ['fastDeliveryInfoDTO.fdContent', CAPTURE]),
} as const;

// ------------------------------------------------------------------ returns and disputes (mtop…reverse.*)

/** One dispute line (`reverseOrderLines[]`, or the group itself). */
export const REVERSE_LINE = {
  orderId: field(orderId, ['tradeOrderId', CAPTURE], ['orderId', EARLIER]),
  statusText: field(text, ['reverseStatusText', EARLIER], ['statusText', EARLIER], ['statusDesc', EARLIER]),
  stage: field(disputeStageByCode, ['reverseStatus', CAPTURE]),
  stageInWords: field(disputeStageInWords, ['reverseStatusEnum', EARLIER], ['status', EARLIER]),
  disputeId: field(longId, ['reverseOrderId', CAPTURE], ['reverseOrderLineId', CAPTURE]),
  openedOn: field(date, ['gmtCreateFormat', CAPTURE]),
  requested: field(money(), ['refundAmount', EARLIER], ['applyRefundAmount', EARLIER]),
  offered: field(money(), ['sellerOfferAmount', EARLIER], ['agreedRefundAmount', EARLIER]),
  storeUrl: field(url, ['seller.storeUrl', CAPTURE]),
  buttons: field((v) => (Array.isArray(v) ? v.slice(0, 20) : null), ['buttonDTOList', CAPTURE]),
} as const;

/** A group of dispute lines: its store. */
export const REVERSE_GROUP = {
  storeName: field(text, ['shopName', CAPTURE]),
} as const;
