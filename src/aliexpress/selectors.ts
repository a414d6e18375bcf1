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

/**
 * How many elements a set may match where it applies: at most one in each order card (`card`),
 * item line (`line`) or tracking event (`node`), at most one on the page (`page`), or any
 * number (`many`: the cards, lines and buttons themselves). `test/unit/aliexpress/dom.test.ts`
 * checks it on every saved page, beside each page's exact counts.
 */
export type Per = 'card' | 'line' | 'node' | 'page' | 'many';

export interface SelectorSet {
  readonly per: Per;
  /** The selectors, tried in order (joined with "," where a query wants any of them). */
  readonly any: readonly string[];
}

/**
 * A selector set. The `// seen:` comment above each entry says where each variant was seen
 * (and, for legacy ones, when to remove them); as a comment it costs the content script nothing.
 */
function set(per: Per, ...any: string[]): SelectorSet {
  return { per, any };
}

const joined = new WeakMap<SelectorSet, string>();

/** The set as one selector list (joined once per set: the overlay queries them on every change). */
export function joinSelectors(s: SelectorSet): string {
  let css = joined.get(s);
  if (css === undefined) {
    css = s.any.join(', ');
    joined.set(s, css);
  }
  return css;
}

/** Every element under `root` matching any selector of the set (none if the engine refuses one). */
export function queryAll(root: ParentNode, s: SelectorSet): Element[] {
  try {
    return Array.from(root.querySelectorAll(joinSelectors(s)));
  } catch {
    return [];
  }
}

export const SELECTORS = {
  // ------------------------------------------------------------------ order list (2022–2026)
  /** One card per order. Mobile web renders the card as a link. */
  // seen: 2022–2026 desktop `.order-item`; mobile: the card is a link holding `.order-item-btns` buttons (a public
  // mobile userscript reaches the order with `closest('a')`); legacy (remove when trade.aliexpress.com/orderList.htm is gone) `tbody.order-item-wraper`.
  // The mobile card's own class names (`.order-item-mobile-*`, in the sets below) are unconfirmed: no public source
  // names them; they stand behind the confirmed names, and a card none of them matches is still read by the leaf
  // fallback of dom.ts (status label, first date) and reported as `fields-missing` when its total is not found.
  orderCard: set('many',
    '.order-item',
    'tbody.order-item-wraper',
  ),
  // seen: 2022–2026 `.order-item-header-status-text`; data-pl variant; legacy `.order-status`
  status: set('card',
    '.order-item-header-status-text',
    '[data-pl="order_item_header_status"]',
    '.order-item-mobile-status',
    '.order-status .f-left',
  ),
  /** Date and id lines ("Date: Sep 1, 2026", "Ref. Number: 8214…"). */
  // seen: 2022–2026 `.order-item-header-right-info`; legacy `.order-info .second-row .info-body` (date)
  headerInfo: set('card',
    '.order-item-header-right-info',
    '[data-pl="order_item_header_info"]',
    '.order-item-mobile-date',
    '.order-info .second-row .info-body',
  ),
  // seen: 2022–2026 `.order-item-store-name`; legacy `.store-info .first-row .info-body`
  storeName: set('card',
    '.order-item-store-name',
    '[data-pl="order_item_store_name"]',
    '.store-info .first-row .info-body',
  ),
  // seen: store link inside the card
  storeLink: set('card', 'a[href*="/store/"]'),
  /** One per order line. */
  // seen: 2022–2026 `.order-item-content-body`; legacy `.order-body`
  line: set('many',
    '.order-item-content-body',
    '.order-item-mobile-product',
    'tr.order-body',
  ),
  // seen: 2022–2026 `.order-item-content-info-name span[title]`; legacy `.product-title a`
  itemName: set('line',
    '.order-item-content-info-name span[title]',
    '[data-pl="order_item_content_info_name"] span[title]',
    '.order-item-mobile-product-title',
    '.product-title a',
  ),
  // seen: 2022–2026 `.order-item-content-info-sku`; legacy `.product-property`
  itemSku: set('line',
    '.order-item-content-info-sku',
    '[data-pl="order_item_content_info_sku"]',
    '.order-item-mobile-product-sku',
    '.product-property',
  ),
  // seen: 2022–2026 `.order-item-content-info-number-quantity` ("x2"); legacy `.product-amount span`
  itemQuantity: set('line',
    '.order-item-content-info-number-quantity',
    '[data-pl="order_item_content_info_number_quantity"]',
    '.product-amount span:not(.amount)',
  ),
  // seen: 2022–2026 `.order-item-content-info-number-price` (may be one span per digit), unconfirmed;
  // `.order-item-content-info-number > div:first-child` (public order exporters and a Sheets sync extension, 2024–2025)
  itemPrice: set('line',
    '.order-item-content-info-number-price',
    '.order-item-content-info-number > div:first-child',
    '.order-item-mobile-product-price',
    '.product-amount .amount',
  ),
  // seen: 2022–2026 `.order-item-content-opt-price-total` (one span per digit; public exporters and
  // userscripts 2023–2026); `[data-pl="order_item_content_price_total"]` (greasyfork helper userscripts
  // 2024–2026); `…_opt_price_total` unconfirmed; legacy `.amount-num`
  total: set('card',
    '.order-item-content-opt-price-total',
    '[data-pl="order_item_content_price_total"]',
    '[data-pl="order_item_content_opt_price_total"]',
    '.order-item-mobile-total',
    '.order-amount .amount-num',
  ),
  // seen: 2022–2026 `.order-item-btns` buttons; legacy `.order-action button`
  buttons: set('many',
    '.order-item-btns button',
    '.order-item-btns a',
    '[data-pl^="order_item_btn"]',
    '.order-action button',
  ),
  /** Legacy confirm button carries its action as an attribute. */
  // seen: legacy (pre-2022)
  legacyConfirm: set('card', 'button[button_action="confirmOrderReceived"]'),
  // seen: any link naming the order: detail, tracking, legacy detail
  orderLink: set('many',
    'a[href*="orderId="]',
    'a[href*="tradeOrderId="]',
    'a[href*="tradeId="]',
  ),
  // seen: 2022–2026 `.order-more button`
  loadMore: set('page', '.order-more button'),
  // seen: 2022–2026 `.order-wrap`/`.order-main`; legacy `#buyer-ordertable`
  orderList: set('many', '.order-main', '.order-wrap', '#buyer-ordertable'),

  // ------------------------------------------------------------------ order detail
  // seen: 2022–2026 `.order-status .order-block-title`
  detailStatus: set('page',
    '.order-status .order-block-title',
    '.order-detail-status-title',
    '[data-pl="order_detail_status_title"]',
  ),
  // seen: 2022–2026 status reminder
  detailReminder: set('page', '.order-status .order-status-reminder', '.order-block-reminder', '[class*="order-status--reminder"]'),
  // seen: 2022–2026 service commitment texts and progress bar
  detailServices: set('many',
    '.order-service-item-content',
    '[class*="order-services--content"]',
    '[class*="service-progress"]',
    '.order-detail-service',
  ),
  // seen: 2022–2026 status-block buttons
  detailConfirm: set('page', '.order-status button', '.order-detail-btns button'),
  /** One per item of the order. */
  // seen: 2023 `.order-detail-item-content` with `.item-title` and `.item-price` ("US $12.34 x2") (public invoice userscript)
  detailLine: set('many', '.order-detail-item-content'),
  // seen: 2023 (public invoice userscript)
  detailItemName: set('line', '.item-title'),
  // seen: 2023 (public invoice userscript); the price and " x2" in one text
  detailItemPrice: set('line', '.item-price'),
  // seen: 2023 (public invoice userscript); unconfirmed
  detailItemSku: set('line', '.item-sku'),
  /** Subtotal, shipping, discounts, total: a label and an amount each. */
  // seen: 2023 `.order-price .order-price-item` with `span.left-col` / `span.right-col` (public invoice userscript)
  detailPriceRow: set('many', '.order-price-item'),
  // seen: 2023 (public invoice userscript)
  detailPriceLabel: set('line', '.left-col'),
  // seen: 2023 (public invoice userscript)
  detailPriceAmount: set('line', '.right-col'),
  /** "Order ID:", "Order placed on:", "Payment time:" lines, each label and value a `div`. */
  // seen: 2023 `.order-detail-order-info > div` (public invoice userscript)
  detailOrderInfo: set('page', '.order-detail-order-info'),

  // ------------------------------------------------------------------ tracking (hashed classes)
  // seen: 2024–2026 tracking v2 (hashed suffix): node wrappers
  trackingNode: set('many',
    '[class*="logistic-info-v2--nodeWrap--"]',
    '[class*="logistic-info--nodeWrap--"]',
  ),
  // seen: 2024–2026 tracking v2
  trackingNodeTitle: set('node', '[class*="logistic-info-v2--nodeTitle--"]', '[class*="logistic-info--nodeTitle--"]'),
  // seen: 2024–2026 tracking v2
  trackingNodeDesc: set('node', '[class*="logistic-info-v2--nodeDesc--"]', '[class*="logistic-info--nodeDesc--"]'),
  // seen: 2024–2026 tracking v2
  trackingNodeTime: set('node', '[class*="logistic-info-v2--nodeTime--"]', '[class*="logistic-info--nodeTime--"]'),
  // seen: 2024–2026 tracking v2 `mailNoValue`, one per parcel tab (public exporters and a Sheets sync extension, 2024–2025)
  trackingMailNo: set('many', '[class*="logistic-info-v2--mailNoValue--"]', '[class*="logistic-info--mailNoValue--"]'),
  // seen: 2024–2026 tracking v2 `carrierTitle` (public order exporter 2025); `carrierName` unconfirmed
  trackingCarrier: set('many', '[class*="logistic-info-v2--carrierTitle--"]', '[class*="logistic-info-v2--carrierName--"]', '[class*="logistic-info--carrierName--"]'),
  // seen: 2025 tracking v2 delivery estimate `arrival-time-v2--title` ("Delivery: Apr. 24 - May. 14"; public order exporter 2025)
  trackingArrival: set('page', '[class*="arrival-time-v2--title--"]', '[class*="arrival-time--title--"]'),
  // seen: 2024–2026 "Fast delivery" texts
  trackingGuarantee: set('many', '[class*="fast-delivery--content--"]', '[class*="fastDelivery--content--"]'),

  // ------------------------------------------------------------------ page problems
  // seen: slider captcha dialog
  captcha: set('many', '#J_xiaomi_dialog', '.baxia-dialog', '#baxia-dialog-content', 'iframe[src*="/punish"]', '#nc_1_n1z'),
  // seen: login form / iframe
  login: set('many', '#fm-login-id', '.fm-login', 'iframe[src*="login.aliexpress"]', 'iframe[src*="passport.aliexpress"]'),
} as const satisfies Record<string, SelectorSet>;

export type SelectorName = keyof typeof SELECTORS;
