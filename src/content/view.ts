/**
 * What the overlay draws, built with plain DOM: `createElement`, attributes and text nodes
 * (strings become text, never HTML). No framework: a badge on 100 cards must be drawn well
 * inside one frame, and the content script stays small.
 */
import type { ComputedDeadline } from '../domain/deadlines/engine';
import type { Order } from '../domain/order';
import type { Translate } from '../i18n';
import { formatCalendarDate, localiseParams } from '../i18n/format';
import type { OverlayOrder } from './overlay-state';

export type { OverlayOrder, OverlayState } from './overlay-state';

export type Child = Node | string | null | undefined | false;
type Attr = string | number | boolean | null | undefined | ((event: Event) => void);

/** An element with attributes (`on…` functions become listeners) and children (strings are text). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, Attr> | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const k in attrs) el.setAttribute(k, attrs[k] as string);
  return el;
}

/** The shield mark, built once and cloned. */
let markTemplate: SVGElement | null = null;
export function brandMark(): Node {
  if (!markTemplate) {
    markTemplate = svg('svg', { width: '14', height: '16', viewBox: '0 0 14 16' });
    markTemplate.append(
      svg('path', { d: 'M1 1h12v7.5L7 15 1 8.5z', fill: 'currentColor' }),
      svg('path', { d: 'M4 7.5l2 2 4-4', stroke: '#fff', 'stroke-width': '1.6', fill: 'none' }),
    );
  }
  return markTemplate.cloneNode(true);
}

export function deadlineLine(t: Translate, d: ComputedDeadline, lang: string): { when: string; what: string; date: string } {
  const when =
    d.daysLeft < 0 ? t('overlay_overdue') : d.daysLeft === 0 ? t('overlay_due_today') : t('overlay_days_left', { days: d.daysLeft });
  return { when, what: t(`deadline_kind_${d.kind.replace(/-/g, '_')}`), date: formatCalendarDate(d.due, lang) };
}

export function deadlineList(t: Translate, lang: string, deadlines: readonly ComputedDeadline[]): HTMLUListElement {
  return h(
    'ul',
    { class: 'deadlines' },
    ...deadlines.map((d) => {
      const l = deadlineLine(t, d, lang);
      return h(
        'li',
        { class: `u-${d.urgency}` },
        h('strong', null, l.what),
        `: ${l.when} (${l.date})${d.source === 'estimate' ? ` · ${t('deadline_source_estimate')}` : ''}`,
        h('div', { class: 'action' }, t(`deadline_action_${d.action}`, localiseParams(t, d.params, lang))),
      );
    }),
  );
}

export function isFinished(o: Pick<Order, 'status'>): boolean {
  return o.status === 'closed' || o.status === 'cancelled' || o.status === 'awaiting_payment';
}

/** The row at the top of an order card: its most urgent deadline, all of them on hover or focus, "Draft a claim". */
export function badgeRow(t: Translate, lang: string, dir: string, entry: OverlayOrder | null, onClaim: () => void): HTMLElement {
  const top = entry?.top ?? null;
  let text: HTMLElement;
  if (top) {
    const line = deadlineLine(t, top, lang);
    const tooltip = h('span', { class: 'tooltip', role: 'tooltip', id: 'all' });
    text = h(
      'span',
      { class: 'badge', tabindex: 0, 'aria-describedby': 'all' },
      h('strong', null, line.when),
      ` · ${line.date} · ${line.what}`,
      top.source === 'estimate' && h('em', { class: 'estimate' }, ` (${t('deadline_source_estimate')})`),
      tooltip,
    );
    // Every deadline, shown on hover and focus: built the first time it is wanted, not for every card.
    const fill = (): void => {
      if (tooltip.firstChild) return;
      tooltip.append(deadlineList(t, lang, entry?.deadlines ?? []));
    };
    text.addEventListener('mouseenter', fill);
    text.addEventListener('focusin', fill);
  } else {
    text = h('span', { class: 'badge muted' }, entry && isFinished(entry.order) ? t('overlay_no_deadline') : t('overlay_open_order_for_date'));
  }
  return h(
    'div',
    { class: `bs-root badge-row ${top ? `u-${top.urgency}` : 'u-none'}`, dir, lang },
    h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, brandMark()),
    text,
    h('button', { type: 'button', class: 'claim', onclick: onClaim }, t('overlay_draft_claim')),
  );
}
