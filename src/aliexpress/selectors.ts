/**
 * Every CSS selector the DOM fallback uses, in one place. New (2022–2026, `/p/order/…`) and
 * legacy (pre-2022 `trade.aliexpress.com`) variants side by side. Each entry notes where it
 * was seen and how many matches it must have on the saved pages under
 * `test/fixtures/aliexpress/pages/` (checked by test/unit/aliexpress/selectors.test.ts).
 *
 * Labels drift ("Order ID:" became "Ref. Number:", "Order date:" became "Date:"), so the
 * order id is always taken from `orderId=` / `tradeOrderId=` in links, never from a label.
 * Hashed class names (`logistic-info-v2--nodeTitle--x8f3a`) are matched by prefix.
 */

export interface SelectorSet {
  /** The selectors, tried in order (joined with "," where a query wants any of them). */
  readonly any: readonly string[];
  readonly note: string;
}

function set(note: string, ...any: string[]): SelectorSet {
  return { any, note };
}

export function joinSelectors(s: SelectorSet): string {
  return s.any.join(', ');
}

export const SELECTORS = {
  // ------------------------------------------------------------------ order list (2022–2026)
  /** One card per order. Mobile web renders the card as a link. */
  orderCard: set(
    '2022–2026 desktop `.order-item`; mobile `a.order-item.order-item-mobile`; legacy (remove when trade.aliexpress.com/orderList.htm is gone) `tbody.order-item-wraper`',
    '.order-item',
    'tbody.order-item-wraper',
  ),
  status: set(
    '2022–2026 `.order-item-header-status-text`; data-pl variant; legacy `.order-status`',
    '.order-item-header-status-text',
    '[data-pl="order_item_header_status"]',
    '.order-item-mobile-status',
    '.order-status .f-left',
  ),
  /** Date and id lines ("Date: Sep 1, 2026", "Ref. Number: 8214…"). */
  headerInfo: set(
    '2022–2026 `.order-item-header-right-info`; legacy `.order-info .second-row .info-body` (date)',
    '.order-item-header-right-info',
    '[data-pl="order_item_header_info"]',
    '.order-item-mobile-date',
    '.order-info .second-row .info-body',
  ),
  storeName: set(
    '2022–2026 `.order-item-store-name`; legacy `.store-info .first-row .info-body`',
    '.order-item-store-name',
    '[data-pl="order_item_store_name"]',
    '.store-info .first-row .info-body',
  ),
  storeLink: set('store link inside the card', 'a[href*="/store/"]'),
  /** One per order line. */
  line: set(
    '2022–2026 `.order-item-content-body`; legacy `.order-body`',
    '.order-item-content-body',
    '.order-item-mobile-product',
    'tr.order-body',
  ),
  itemName: set(
    '2022–2026 `.order-item-content-info-name span[title]`; legacy `.product-title a`',
    '.order-item-content-info-name span[title]',
    '[data-pl="order_item_content_info_name"] span[title]',
    '.order-item-mobile-product-title',
    '.product-title a',
  ),
  itemSku: set(
    '2022–2026 `.order-item-content-info-sku`; legacy `.product-property`',
    '.order-item-content-info-sku',
    '[data-pl="order_item_content_info_sku"]',
    '.product-property',
  ),
  itemQuantity: set(
    '2022–2026 `.order-item-content-info-number-quantity` ("x2"); legacy `.product-amount span`',
    '.order-item-content-info-number-quantity',
    '[data-pl="order_item_content_info_number_quantity"]',
    '.product-amount span:not(.amount)',
  ),
  itemPrice: set(
    '2022–2026 `.order-item-content-info-number-price` (may be one span per digit)',
    '.order-item-content-info-number-price',
    '.product-amount .amount',
  ),
  total: set(
    '2022–2026 `.order-item-content-opt-price-total` (one span per digit seen); legacy `.amount-num`',
    '.order-item-content-opt-price-total',
    '[data-pl="order_item_content_opt_price_total"]',
    '.order-item-mobile-total',
    '.order-amount .amount-num',
  ),
  buttons: set(
    '2022–2026 `.order-item-btns` buttons; legacy `.order-action button`',
    '.order-item-btns button',
    '.order-item-btns a',
    '[data-pl^="order_item_btn"]',
    '.order-action button',
  ),
  /** Legacy confirm button carries its action as an attribute. */
  legacyConfirm: set('legacy (pre-2022)', 'button[button_action="confirmOrderReceived"]'),
  orderLink: set(
    'any link naming the order: detail, tracking, legacy detail',
    'a[href*="orderId="]',
    'a[href*="tradeOrderId="]',
    'a[href*="tradeId="]',
  ),
  loadMore: set('2022–2026 `.order-more button`', '.order-more button'),
  orderList: set('2022–2026 `.order-wrap`/`.order-main`; legacy `#buyer-ordertable`', '.order-main', '.order-wrap', '#buyer-ordertable'),

  // ------------------------------------------------------------------ order detail
  detailStatus: set(
    '2022–2026 `.order-status .order-block-title`',
    '.order-status .order-block-title',
    '.order-detail-status-title',
    '[data-pl="order_detail_status_title"]',
  ),
  detailReminder: set('2022–2026 status reminder', '.order-status .order-status-reminder', '.order-block-reminder', '[class*="order-status--reminder"]'),
  detailServices: set(
    '2022–2026 service commitment texts and progress bar',
    '.order-service-item-content',
    '[class*="order-services--content"]',
    '[class*="service-progress"]',
    '.order-detail-service',
  ),
  detailConfirm: set('2022–2026 status-block buttons', '.order-status button', '.order-detail-btns button'),

  // ------------------------------------------------------------------ tracking (hashed classes)
  trackingNode: set(
    '2024–2026 tracking v2 (hashed suffix): node wrappers',
    '[class*="logistic-info-v2--nodeWrap--"]',
    '[class*="logistic-info--nodeWrap--"]',
  ),
  trackingNodeTitle: set('2024–2026 tracking v2', '[class*="logistic-info-v2--nodeTitle--"]', '[class*="logistic-info--nodeTitle--"]'),
  trackingNodeDesc: set('2024–2026 tracking v2', '[class*="logistic-info-v2--nodeDesc--"]', '[class*="logistic-info--nodeDesc--"]'),
  trackingNodeTime: set('2024–2026 tracking v2', '[class*="logistic-info-v2--nodeTime--"]', '[class*="logistic-info--nodeTime--"]'),
  trackingMailNo: set('2024–2026 tracking v2', '[class*="logistic-info-v2--mailNoValue--"]', '[class*="logistic-info--mailNoValue--"]'),
  trackingCarrier: set('2024–2026 tracking v2', '[class*="logistic-info-v2--carrierName--"]', '[class*="logistic-info--carrierName--"]'),
  trackingGuarantee: set('2024–2026 "Fast delivery" texts', '[class*="fast-delivery--content--"]', '[class*="fastDelivery--content--"]'),

  // ------------------------------------------------------------------ page problems
  captcha: set('slider captcha dialog', '#J_xiaomi_dialog', '.baxia-dialog', '#baxia-dialog-content', 'iframe[src*="/punish"]', '#nc_1_n1z'),
  login: set('login form / iframe', '#fm-login-id', '.fm-login', 'iframe[src*="login.aliexpress"]', 'iframe[src*="passport.aliexpress"]'),
} as const satisfies Record<string, SelectorSet>;

export type SelectorName = keyof typeof SELECTORS;
