/**
 * Stable AliExpress codes: order-list/detail button types, raw status enums, tracking event
 * codes, reverse (dispute) states. Codes beat display text, which changes with language.
 */
import type { DisputeStage, OrderStatus } from '../domain/order';

export const BUTTON = {
  confirmReceived: 'CONFIRM_GOODS',
  tracking: 'TRACKING',
  openDispute: 'OPEN_DISPUTE',
  repurchase: 'REPURCHASE',
  remove: 'DELETE',
  pay: 'PAY',
} as const;

/**
 * What a button says of the order's status. Only buttons that imply one status: having
 * CONFIRM_GOODS means shipped and awaiting the buyer's confirmation; PAY means unpaid.
 */
export const BUTTON_STATUS: Readonly<Record<string, OrderStatus>> = {
  CONFIRM_GOODS: 'awaiting_delivery',
  PAY: 'awaiting_payment',
  PAY_NOW: 'awaiting_payment',
  BATCH_PAY: 'awaiting_payment',
};

/**
 * Raw order-status enums (seen in place of a label, and in AliExpress's open-platform order
 * API). A partly shipped order counts as awaiting delivery: its protection clock runs.
 */
export const STATUS_ENUMS: Readonly<Record<string, OrderStatus>> = {
  PLACE_ORDER_SUCCESS: 'awaiting_payment',
  WAIT_BUYER_PAY: 'awaiting_payment',
  WAIT_SELLER_EXAMINE_MONEY: 'awaiting_payment',
  RISK_CONTROL: 'awaiting_payment',
  PAYMENT_PROCESSING: 'awaiting_payment',
  WAIT_SELLER_SEND_GOODS: 'awaiting_shipment',
  WAIT_SEND_GOODS: 'awaiting_shipment',
  SELLER_PART_SEND_GOODS: 'awaiting_delivery',
  WAIT_BUYER_ACCEPT_GOODS: 'awaiting_delivery',
  WAIT_BUYER_CONFIRM_GOODS: 'awaiting_delivery',
  FUND_PROCESSING: 'completed',
  FINISH: 'completed',
  TRADE_SUCCESS: 'completed',
  IN_ISSUE: 'in_dispute',
  IN_FROZEN: 'in_dispute',
  IN_CANCEL: 'cancelled',
  TRADE_CANCELLED: 'cancelled',
  ORDER_CANCELLED: 'cancelled',
  TRADE_CLOSED: 'closed',
  ORDER_CLOSED: 'closed',
};

/** Tracking event codes (`trackingPrimaryCode`). Events before shipment carry none. */
export const TRACKING = {
  delivered: 'AE_GTMS_SIGNED',
  outForDelivery: 'AE_GTMS_DELIVERING',
  arrivedLocalAirport: 'AE_LH_ARRIVE',
} as const;

/**
 * Codes of events before a carrier has the parcel (the 2026-09 tracking capture: the order
 * placed and paid carry `AE_ORDER_*` as second code and no primary code; warehouse events
 * `AE_WMS_*`/`AE_WH_*`). Every other carrier code after them is movement.
 */
export const PRE_SHIPMENT_CODE_PREFIXES: readonly string[] = ['AE_ORDER_', 'AE_WMS_', 'AE_WH_', 'AE_SELLER_'];

/** Codes that say nothing of where the parcel is ("Your delivery information has been updated"). */
export const TRACKING_NOTICE_CODES: readonly string[] = ['AE_GTMS_ORDER_INFO_UPDATE'];

/** Codes that mean the parcel waits at a post office / pickup point for the shopper. */
export const PICKUP_CODES: readonly string[] = [
  'AE_GTMS_WAIT_PICKUP',
  'AE_GTMS_PICKUP_READY',
  'AE_GTMS_ARRIVED_PICKUP_POINT',
  'AE_GTMS_DELIVER_TO_STATION',
];

/**
 * Reverse (returns/refunds/disputes) `reverseStatus` numbers. Only what the captures show:
 * every finished case in the 2026-09 refund list (opened 2021–2022) has 4.
 */
export const REVERSE_STATUS: Readonly<Record<string, DisputeStage>> = {
  '4': 'closed',
};

/** Reverse status words seen in texts and enum-like fields. */
export const REVERSE_STATUS_WORDS: ReadonlyArray<readonly [DisputeStage, RegExp]> = [
  ['awaiting_seller', /wait(?:ing)?_?(?:for_?)?seller|awaiting seller|seller (?:to )?respon|esperando al vendedor|aguardando (?:o )?vendedor|attente du vendeur|wacht op verkoper|warten auf (?:den )?verkaufer|attesa del venditore|oczekiwanie na sprzedawc|ожидание (?:ответа )?продавца|ממתין למוכר|セラーの(?:返答|対応)待ち|판매자 응답 대기/i],
  ['escalated', /arbitrat|escalat|aliexpress (?:is )?(?:reviewing|involved|mediat)|platform|mediac|mediat|arbitra|арбитраж|בוררות|仲裁|중재/i],
  ['awaiting_return', /wait(?:ing)?_?buyer_?return|return (?:the )?(?:item|goods|package)|send (?:the item )?back|devolver el|devolver o|renvoyer|terugsturen|zurucksenden|restituire|odeslij|вернуть товар|להחזיר את|返送|반송/i],
  ['refunding', /refund(?:ing| in progress| processing)|reembolso en curso|reembolso em (?:andamento|processamento)|remboursement en cours|terugbetaling (?:wordt|in behandeling)|ruckerstattung lauft|rimborso in corso|zwrot w toku|возврат (?:средств )?в процессе|ההחזר בתהליך|返金処理中|환불 진행/i],
  ['closed', /closed|finish|complete|cancel|cerrad|conclu|ferme|termine|gesloten|afgerond|geschlossen|abgeschlossen|chius|zamkni|закрыт|заверш|נסגר|הסתיים|終了|完了|종료|완료/i],
  ['negotiating', /negotiat|in progress|processing|negocia|en cours|in behandeling|in bearbeitung|in corso|w toku|в процессе|בטיפול|対応中|진행/i],
];

/** A table lookup that never reaches Object.prototype ("constructor", "__proto__" in page data). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
