/**
 * What the worker tells a content script about the page's orders (`cs/overlay-state`), and
 * how the worker makes it. No DOM: the worker imports it too. The reply is kept to what the
 * overlay shows: a few facts of each order (not its items or tracking events) and the
 * messages of the overlay's own sections of the catalogue (not the popup's or the claim's),
 * since every order list a shopper opens asks for it and decodes it before drawing badges.
 */
import type { ComputedDeadline, RankedOrder } from '../domain/deadlines/engine';
import { outlookOf, type Outlook } from '../domain/summary';
import type { Order } from '../domain/order';
import type { OrderPrefs } from '../storage/schema';
import type { Settings } from '../storage/settings';

/** The facts of an order that badges, banners and dialogs show. */
export type OverlayOrderFacts = Pick<Order, 'orderId' | 'status' | 'total' | 'dispute'> & { deliveredAt: string | null };

/** What a badge, its tooltip and the dialogs say of a deadline (not the page text it came from, nor its reason). */
export type OverlayDeadline = Pick<ComputedDeadline, 'kind' | 'due' | 'source' | 'action' | 'applies' | 'daysLeft' | 'urgency' | 'params'>;

export interface OverlayOrder {
  order: OverlayOrderFacts;
  deadlines: OverlayDeadline[];
  top: OverlayDeadline | null;
  outlook: Outlook;
}

export interface OverlayState {
  knownCount: number;
  orders: OverlayOrder[];
  settings: Settings;
  prefs: OrderPrefs;
  locale: string;
  dir: 'rtl' | 'ltr';
  lang: string;
  messages: Record<string, string>;
}

/**
 * The catalogue sections the overlay's words come from (src/i18n/catalogue/<lang>/<section>.json,
 * keys `<section>_…`); test/unit/ui/overlay-state.test.ts checks every key src/content uses.
 */
export const OVERLAY_MESSAGE_SECTIONS = ['common', 'overlay', 'deadline', 'guard'] as const;

export function overlayFacts(o: Order): OverlayOrderFacts {
  return { orderId: o.orderId, status: o.status, total: o.total, dispute: o.dispute, deliveredAt: o.deliveredAt ?? null };
}

export function overlayDeadline(d: ComputedDeadline): OverlayDeadline {
  return { kind: d.kind, due: d.due, source: d.source, action: d.action, applies: d.applies, daysLeft: d.daysLeft, urgency: d.urgency, params: d.params };
}

/** An order as the overlay gets it: its facts, the deadlines that apply, the most urgent one, its outlook. */
export function overlayOrder(r: RankedOrder): OverlayOrder {
  return {
    order: overlayFacts(r.order),
    deadlines: r.deadlines.filter((d) => d.applies).map(overlayDeadline),
    top: r.top && overlayDeadline(r.top),
    outlook: outlookOf(r),
  };
}

/** The overlay's messages, in the shopper's language with English where it lacks one. */
export function overlayMessages(messages: Readonly<Record<string, string>>, fallback: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const wanted = (key: string) => OVERLAY_MESSAGE_SECTIONS.some((s) => key.startsWith(`${s}_`));
  for (const k in fallback) if (wanted(k)) out[k] = fallback[k] as string;
  for (const k in messages) if (wanted(k)) out[k] = messages[k] as string;
  return out;
}
