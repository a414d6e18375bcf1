/**
 * What the confirm guard and the dispute guards recognise on AliExpress pages: the
 * "Confirm received" control (by the page's own data first: the label its JSON gave the
 * CONFIRM_GOODS button of that order, in whatever language; then by structure and a
 * multilingual label table), and the dispute page's "Cancel dispute" and "Accept" controls.
 * Also the order cards and their ids, which the DOM reader (dom.ts) builds on. The guard runs
 * in the small document_start half of the content script, so this module imports no reader.
 */
import { BUTTON } from './codes';
import { classifyUrl } from './pages';
import { CONFIRM_RECEIVED_LABELS } from './phrases';
import { joinSelectors, queryAll as all, SELECTORS } from './selectors';
import { cleanText, normalizeForMatch } from './text';

const CLICKABLE = 'button, a, [role="button"], input[type="button"], input[type="submit"]';

export interface OrderCardRef {
  orderId: string;
  element: Element;
}

/** The overlay decorates (and the reader reads) at most this many cards a page. */
export const MAX_CARDS = 500;
const ORDER_ID_IN_HREF = /[?&](?:orderId|tradeOrderId|tradeId|orderid)=(\d{6,24})(?:[&#]|$)/;
let confirmSet: ReadonlySet<string> | null = null;

function orderIdOfHref(href: string | null): string | null {
  if (!href) return null;
  return ORDER_ID_IN_HREF.exec(href)?.[1] ?? null;
}

/** The order id of a card: its own href, else the first link naming an order inside it. */
export function orderIdOfElement(el: Element): string | null {
  const own = orderIdOfHref(el.getAttribute('href'));
  if (own) return own;
  // The first order link nearly always names the order: one query for it, the full list only if not.
  let first: Element | null = null;
  try {
    first = el.querySelector(joinSelectors(SELECTORS.orderLink));
  } catch {
    // an engine that refuses the selector: the full list below returns none either
  }
  if (!first) return null;
  const id = orderIdOfHref(first.getAttribute('href'));
  if (id) return id;
  for (const a of all(el, SELECTORS.orderLink)) {
    const id = orderIdOfHref(a.getAttribute('href'));
    if (id) return id;
  }
  return null;
}

/**
 * Every order card on the page with its order id (cards without one are skipped). The page's
 * order links are found in one query and each gives its id to the card around it: on a list of
 * 100 cards that is one query instead of one per card, and the decorating budget
 * (docs/performance.md) is mostly this.
 */
export function findOrderCards(doc: Document | Element): OrderCardRef[] {
  const cards = all(doc, SELECTORS.orderCard).slice(0, MAX_CARDS * 2);
  if (cards.length === 0) return [];
  const cardCss = joinSelectors(SELECTORS.orderCard);
  const linked = new Map<Element, string>();
  for (const a of all(doc, SELECTORS.orderLink)) {
    const card = a.closest(cardCss);
    const id = card && !linked.has(card) ? orderIdOfHref(a.getAttribute('href')) : null;
    if (card && id) linked.set(card, id);
  }
  const out: OrderCardRef[] = [];
  const seen = new Set<string>();
  // Cards come in document order, so a card nested in another comes right after it, before
  // any card outside it: comparing with the last outermost card is enough.
  let outer: Element | null = null;
  for (const card of cards) {
    // A card nested in another card is part of it.
    if (outer?.contains(card)) continue;
    outer = card;
    // The card's own href, else its first order link (one inside a nested card included).
    const orderId = orderIdOfHref(card.getAttribute('href')) ?? linked.get(card) ?? orderIdOfElement(card);
    if (!orderId || seen.has(orderId)) continue;
    seen.add(orderId);
    out.push({ orderId, element: card });
    if (out.length >= MAX_CARDS) break;
  }
  return out;
}

export function isConfirmButton(el: Element): boolean {
  if (el.getAttribute('button_action') === 'confirmOrderReceived') return true;
  const pl = el.getAttribute('data-pl') ?? '';
  if (/CONFIRM_GOODS|confirm_goods/.test(pl)) return true;
  const label = normalizeForMatch(cleanText(el.textContent ?? '', 100));
  // The label table is normalised on first use, not while the page loads.
  confirmSet ??= new Set(CONFIRM_RECEIVED_LABELS.map(normalizeForMatch));
  return confirmSet.has(label);
}

/** "Confirm received" buttons with the order each confirms (list cards and the detail page). */
export function findConfirmButtons(doc: Document): OrderCardRef[] {
  const out: OrderCardRef[] = [];
  for (const card of findOrderCards(doc)) {
    for (const b of [...all(card.element, SELECTORS.buttons), ...all(card.element, SELECTORS.legacyConfirm)]) {
      if (isConfirmButton(b) && !out.some((x) => x.element === b)) out.push({ orderId: card.orderId, element: b });
    }
  }
  const page = classifyUrl(doc.URL ?? '');
  if (page.orderId && (page.kind === 'order-detail' || page.kind === 'legacy-order-detail')) {
    for (const b of all(doc, SELECTORS.detailConfirm)) {
      if (isConfirmButton(b) && !out.some((x) => x.element === b)) out.push({ orderId: page.orderId, element: b });
    }
  }
  return out;
}

/** orderId → the label the page's JSON gives its "Confirm received" button. */
export function confirmLabelsFromPayload(payload: unknown, into = new Map<string, string>()): Map<string, string> {
  const seen = new Set<unknown>();
  const walk = (node: unknown, orderId: string | null, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 12 || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const x of node.slice(0, 2000)) walk(x, orderId, depth + 1);
      return;
    }
    const rec = node as Record<string, unknown>;
    const id = typeof rec['orderId'] === 'string' || typeof rec['orderId'] === 'number' ? String(rec['orderId']) : orderId;
    if (rec['type'] === BUTTON.confirmReceived && typeof rec['text'] === 'string' && id && /^\d{6,24}$/.test(id)) {
      into.set(id, cleanText(rec['text'], 100));
    }
    for (const [k, v] of Object.entries(rec)) if (k !== '__proto__') walk(v, id, depth + 1);
  };
  walk(payload, null, 0);
  return into;
}

export interface GuardTarget {
  orderId: string;
  element: Element;
}

/** The order card (or detail page) an element belongs to, with its order id. */
export function orderOfElement(el: Element, doc: Document): string | null {
  const card = el.closest(joinSelectors(SELECTORS.orderCard));
  if (card) return orderIdOfElement(card);
  const page = classifyUrl(doc.URL);
  return page.orderId;
}

/** If `target` is (inside) a "Confirm received" control, which order it confirms. */
export function confirmTargetOf(target: EventTarget | null, doc: Document, learned: ReadonlyMap<string, string>): GuardTarget | null {
  if (!(target instanceof Element)) return null;
  const control = target.closest(CLICKABLE);
  if (!control) return null;
  const orderId = orderOfElement(control, doc);
  const label = normalizeForMatch(cleanText(control.textContent ?? '', 100));
  if (orderId && label) {
    const known = learned.get(orderId);
    if (known && normalizeForMatch(known) === label) return { orderId, element: control };
  }
  // The control is the button, inside it, or a thin wrapper around it (the same label): not a
  // card that is itself a link and holds the button among everything else (m.aliexpress.com).
  const found = findConfirmButtons(doc).find(
    (r) => r.element === control || r.element.contains(control) || (control.contains(r.element) && normalizeForMatch(cleanText(r.element.textContent ?? '', 100)) === label),
  );
  return found ? { orderId: found.orderId, element: control } : null;
}

const CANCEL_DISPUTE_LABELS = [
  'cancel dispute', 'cancel request', 'cancel refund request', 'withdraw dispute', 'cancel return request',
  'cancelar disputa', 'cancelar solicitud', 'cancelar reembolso', 'cancelar pedido de reembolso', 'cancelar solicitacao',
  'annuler le litige', 'annuler la demande', 'geschil annuleren', 'verzoek annuleren', 'annuleer geschil',
  'streitfall stornieren', 'anfrage stornieren', 'antrag zuruckziehen', 'annulla controversia', 'annulla richiesta',
  'anuluj spor', 'anuluj wniosek', 'отменить спор', 'отменить запрос', 'отменить заявку',
  'בטל מחלוקת', 'ביטול מחלוקת', 'בטל בקשה', '紛争をキャンセル', 'リクエストをキャンセル', '분쟁 취소', '요청 취소',
];
const ACCEPT_OFFER_LABELS = [
  'accept', 'accept offer', 'accept solution', 'accept proposal', 'agree', 'agree to the solution',
  'aceptar', 'aceptar oferta', 'aceptar solucion', 'aceitar', 'aceitar oferta', 'aceitar solucao', 'concordar',
  'accepter', 'accepter l offre', 'accepter la solution', 'accepteren', 'akkoord', 'voorstel accepteren',
  'akzeptieren', 'angebot annehmen', 'losung akzeptieren', 'accetta', 'accetta offerta', 'akceptuj', 'zaakceptuj',
  'принять', 'принять предложение', 'принять решение', 'согласиться',
  'קבל', 'קבל הצעה', 'אשר הצעה', '承諾', '同意する', '提案を承諾', '수락', '제안 수락', '동의',
];
let cancelSet: ReadonlySet<string> | null = null;
let acceptSet: ReadonlySet<string> | null = null;

export type DisputeAction = 'cancel-dispute' | 'accept-offer';

/** On a dispute page, a click on "Cancel dispute" or on accepting the seller's offer. */
export function disputeActionOf(target: EventTarget | null): { action: DisputeAction; element: Element } | null {
  if (!(target instanceof Element)) return null;
  const control = target.closest(CLICKABLE);
  if (!control) return null;
  const label = normalizeForMatch(cleanText(control.textContent || control.getAttribute('value') || '', 100));
  cancelSet ??= new Set(CANCEL_DISPUTE_LABELS.map(normalizeForMatch));
  acceptSet ??= new Set(ACCEPT_OFFER_LABELS.map(normalizeForMatch));
  if (cancelSet.has(label)) return { action: 'cancel-dispute', element: control };
  if (acceptSet.has(label)) return { action: 'accept-offer', element: control };
  return null;
}
