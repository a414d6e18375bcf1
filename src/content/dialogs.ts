/**
 * The guard dialogs: accessible `alertdialog`s, keyboard-only usable, focus kept inside,
 * "Not yet" focused first (`data-initial-focus`, focused by the overlay), Escape cancels.
 */
import { formatMoney } from '../domain/money';
import type { Translate } from '../i18n';
import { deadlineLine, h, type Child, type OverlayOrder } from './view';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, [href], [tabindex]:not([tabindex="-1"])')].filter((e) => !e.hasAttribute('disabled'));
}

/** The modal frame: a scrim holding the dialog; Escape cancels, Tab stays inside. */
function modal(labelId: string, descId: string, onCancel: () => void, ...children: Child[]): HTMLElement {
  const box = h('div', { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': labelId, 'aria-describedby': descId }, ...children);
  const onKeyDown = (event: Event): void => {
    const e = event as KeyboardEvent;
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
      return;
    }
    if (e.key === 'Tab') {
      const items = focusables(box);
      if (items.length === 0) return;
      const active = (box.getRootNode() as ShadowRoot).activeElement;
      const i = items.indexOf(active as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next]?.focus();
    }
  };
  return h('div', { class: 'scrim', onkeydown: onKeyDown }, box);
}

export function confirmDialog(t: Translate, lang: string, entry: OverlayOrder | null, onCancel: () => void, onConfirm: (satisfied: boolean) => void): HTMLElement {
  const top = entry?.top ?? null;
  const satisfied = h('input', { type: 'checkbox' });
  const line = top && top.daysLeft >= 0 ? deadlineLine(t, top, lang) : null;
  return modal(
    'bs-confirm-title',
    'bs-confirm-desc',
    onCancel,
    h('h2', { id: 'bs-confirm-title' }, t('guard_title')),
    h(
      'div',
      { id: 'bs-confirm-desc' },
      h('p', null, t('guard_what_it_does')),
      entry?.order.total && h('p', null, t('guard_amount', { amount: formatMoney(entry.order.total, lang) })),
      line && h('p', { class: 'guard-deadline' }, t('guard_time_left', { when: line.when, date: line.date })),
    ),
    h('p', { class: 'questions-title' }, t('guard_questions_title')),
    h(
      'ul',
      { class: 'questions' },
      h('li', null, t('guard_q_everything')),
      h('li', null, t('guard_q_quantity')),
      h('li', null, t('guard_q_match')),
      h('li', null, t('guard_q_works')),
    ),
    h('p', { class: 'scam', role: 'note' }, h('strong', null, t('guard_scam_title')), ' ', t('guard_scam_text')),
    h('label', { class: 'satisfied' }, satisfied, ' ', t('guard_satisfied')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-initial-focus': true, onclick: onCancel }, t('guard_not_yet')),
      h('button', { type: 'button', class: 'danger', onclick: () => onConfirm(satisfied.checked) }, t('guard_confirm_anyway')),
    ),
  );
}

export function disputeDialog(
  t: Translate,
  lang: string,
  action: 'cancel-dispute' | 'accept-offer',
  entry: OverlayOrder | null,
  onCancel: () => void,
  onContinue: () => void,
): HTMLElement {
  const paid = entry?.order.total ?? null;
  const offered = entry?.order.dispute?.offered ?? null;
  const requested = entry?.order.dispute?.requested ?? null;
  const row = (label: string, m: typeof paid): Child[] => (m ? [h('dt', null, label), h('dd', null, h('bdi', null, formatMoney(m, lang)))] : []);
  return modal(
    'bs-dispute-title',
    'bs-dispute-desc',
    onCancel,
    h('h2', { id: 'bs-dispute-title' }, t(action === 'cancel-dispute' ? 'guard_cancel_title' : 'guard_accept_title')),
    h(
      'div',
      { id: 'bs-dispute-desc' },
      h('p', null, t(action === 'cancel-dispute' ? 'guard_cancel_text' : 'guard_accept_text')),
      action === 'accept-offer' &&
        (offered || paid) &&
        h('dl', { class: 'compare' }, ...row(t('guard_offer'), offered), ...row(t('guard_requested'), requested), ...row(t('guard_paid'), paid)),
      h('p', null, t('guard_promises')),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-initial-focus': true, onclick: onCancel }, t('guard_not_yet')),
      h('button', { type: 'button', class: 'danger', onclick: onContinue }, t(action === 'cancel-dispute' ? 'guard_cancel_anyway' : 'guard_accept_anyway')),
    ),
  );
}
