/**
 * What the overlay draws, built with plain DOM: `createElement`, attributes and text nodes
 * (strings become text, never HTML). No framework: a badge on 100 cards must be drawn well
 * inside one frame, and the content script stays small.
 */
import type { Order } from '../domain/order';
import type { Translate } from '../i18n';
import { formatCalendarDate, localiseParams } from '../i18n/format';
import type { OverlayDeadline, OverlayOrder } from '../messaging/overlay-state';

export type { OverlayOrder, OverlayState } from '../messaging/overlay-state';

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

export function deadlineLine(t: Translate, d: OverlayDeadline, lang: string): { when: string; what: string; date: string } {
  const when =
    d.daysLeft < 0 ? t('overlay_overdue') : d.daysLeft === 0 ? t('overlay_due_today') : t('overlay_days_left', { days: d.daysLeft });
  return { when, what: t(`deadline_kind_${d.kind.replace(/-/g, '_')}`), date: formatCalendarDate(d.due, lang) };
}

export function deadlineList(t: Translate, lang: string, deadlines: readonly OverlayDeadline[]): HTMLUListElement {
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

/**
 * The parts of a badge row that are the same on every card, built once and cloned: cloning a
 * finished subtree is one native call, where building it costs a dozen. The shield is drawn
 * by CSS (.brand-mark), so no SVG is created on the page.
 */
let rowTemplate: HTMLElement | null = null;
function rowShell(): { row: HTMLElement; slot: HTMLElement; claim: HTMLButtonElement } {
  rowTemplate ??= h('div', null, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('span'), h('button', { type: 'button', class: 'claim' }));
  const row = rowTemplate.cloneNode(true) as HTMLElement;
  return { row, slot: row.children[1] as HTMLElement, claim: row.lastChild as HTMLButtonElement };
}

/**
 * The row at the top of an order card: its most urgent deadline, all of them on hover or
 * focus, the "delivered: do you have it?" prompt, "Draft a claim". With nothing left to act
 * on, the day protection ended; with dates no page has told yet, how to learn them.
 */
export function badgeRow(t: Translate, lang: string, dir: string, entry: OverlayOrder | null, onClaim: () => void): HTMLElement {
  const outlook = entry?.outlook;
  const endedOn = outlook?.endedOn ?? null;
  // A passed deadline is not worth a badge while another date is still unknown: say how to learn it.
  const shown = entry?.top ?? null;
  const top = endedOn || (shown && shown.daysLeft < 0 && (outlook?.unknown.length ?? 0) > 0) ? null : shown;
  const { row, slot, claim } = rowShell();
  row.className = `bs-root badge-row u-${top ? top.urgency : 'none'}`;
  row.dir = dir;
  row.lang = lang;
  if (top) {
    const line = deadlineLine(t, top, lang);
    const tooltip = h('span', { class: 'tooltip', role: 'tooltip', id: 'all' });
    slot.className = 'badge';
    slot.tabIndex = 0;
    slot.setAttribute('aria-describedby', 'all');
    slot.append(h('strong', null, line.when), ` · ${line.date} · ${line.what}`);
    if (top.source === 'estimate') slot.append(h('em', { class: 'estimate' }, ` (${t('deadline_source_estimate')})`));
    slot.append(tooltip);
    // Every deadline, shown on hover and focus: built the first time it is wanted, not for every card.
    const fill = (): void => {
      if (tooltip.firstChild) return;
      tooltip.append(deadlineList(t, lang, entry?.deadlines ?? []));
    };
    slot.addEventListener('mouseenter', fill);
    slot.addEventListener('focusin', fill);
    const parcels = outlook?.parcels;
    if (parcels && parcels.count > 1) slot.append(` · ${t('deadline_parcels', { count: parcels.count, delivered: parcels.delivered })}`);
    const since = outlook?.deliveredOn;
    if (since) {
      const key = outlook.stage === 'at_pickup_point' ? 'deadline_pickup_prompt' : 'deadline_delivered_prompt';
      slot.append(h('span', { class: 'prompt' }, t(key, { date: formatCalendarDate(since, lang) })));
    }
  } else {
    slot.className = 'badge muted';
    slot.textContent = endedOn
      ? t('deadline_protection_ended', { date: formatCalendarDate(endedOn, lang) })
      : entry && (isFinished(entry.order) || (outlook !== undefined && outlook.unknown.length === 0 && !shown))
        ? t('overlay_no_deadline')
        : t('overlay_open_order_for_date');
  }
  claim.textContent = t('overlay_draft_claim');
  claim.addEventListener('click', onClaim);
  return row;
}
