/**
 * The guard dialogs: accessible `alertdialog`s, keyboard-only usable, focus kept inside,
 * "Not yet" focused first, Escape cancels.
 */
import { createRef, type ComponentChildren } from 'preact';
import { formatMoney } from '../domain/money';
import type { Translate } from '../i18n';
import type { OverlayOrder } from './overlay';
import { deadlineLine } from './overlay';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, [href], [tabindex]:not([tabindex="-1"])')].filter((e) => !e.hasAttribute('disabled'));
}

/**
 * The modal frame. Initial focus and restoring focus to the opener are done by the overlay
 * after it renders (no hooks: the content script stays small).
 */
function Modal(props: { labelId: string; descId: string; onCancel: () => void; children: ComponentChildren }) {
  const box = createRef<HTMLDivElement>();
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onCancel();
      return;
    }
    const root = (e.currentTarget as HTMLElement).querySelector<HTMLElement>('[role="alertdialog"]');
    if (e.key === 'Tab' && root) {
      const items = focusables(root);
      if (items.length === 0) return;
      const active = (root.getRootNode() as ShadowRoot).activeElement;
      const i = items.indexOf(active as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next]?.focus();
    }
  };
  return (
    <div class="scrim" onKeyDown={onKeyDown}>
      <div ref={box} class="dialog" role="alertdialog" aria-modal="true" aria-labelledby={props.labelId} aria-describedby={props.descId}>
        {props.children}
      </div>
    </div>
  );
}

export function ConfirmDialog(props: { t: Translate; lang: string; entry: OverlayOrder | null; onCancel: () => void; onConfirm: (satisfied: boolean) => void }) {
  const { t, lang, entry } = props;
  const satisfied = createRef<HTMLInputElement>();
  const top = entry?.top ?? null;
  return (
    <Modal labelId="bs-confirm-title" descId="bs-confirm-desc" onCancel={props.onCancel}>
      <h2 id="bs-confirm-title">{t('guard_title')}</h2>
      <div id="bs-confirm-desc">
        <p>{t('guard_what_it_does')}</p>
        {entry?.order.total && <p>{t('guard_amount', { amount: formatMoney(entry.order.total, lang) })}</p>}
        {top && top.daysLeft >= 0 && <p class="guard-deadline">{t('guard_time_left', { when: deadlineLine(t, top, lang).when, date: deadlineLine(t, top, lang).date })}</p>}
      </div>
      <p class="questions-title">{t('guard_questions_title')}</p>
      <ul class="questions">
        <li>{t('guard_q_everything')}</li>
        <li>{t('guard_q_quantity')}</li>
        <li>{t('guard_q_match')}</li>
        <li>{t('guard_q_works')}</li>
      </ul>
      <p class="scam" role="note">
        <strong>{t('guard_scam_title')}</strong> {t('guard_scam_text')}
      </p>
      <label class="satisfied">
        <input ref={satisfied} type="checkbox" /> {t('guard_satisfied')}
      </label>
      <div class="actions">
        <button type="button" class="primary" data-initial-focus onClick={props.onCancel}>
          {t('guard_not_yet')}
        </button>
        <button type="button" class="danger" onClick={() => props.onConfirm(!!satisfied.current?.checked)}>
          {t('guard_confirm_anyway')}
        </button>
      </div>
    </Modal>
  );
}

export function DisputeDialog(props: {
  t: Translate;
  lang: string;
  action: 'cancel-dispute' | 'accept-offer';
  entry: OverlayOrder | null;
  onCancel: () => void;
  onContinue: () => void;
}) {
  const { t, lang, action, entry } = props;
  const paid = entry?.order.total ?? null;
  const offered = entry?.order.dispute?.offered ?? null;
  const requested = entry?.order.dispute?.requested ?? null;
  return (
    <Modal labelId="bs-dispute-title" descId="bs-dispute-desc" onCancel={props.onCancel}>
      <h2 id="bs-dispute-title">{t(action === 'cancel-dispute' ? 'guard_cancel_title' : 'guard_accept_title')}</h2>
      <div id="bs-dispute-desc">
        <p>{t(action === 'cancel-dispute' ? 'guard_cancel_text' : 'guard_accept_text')}</p>
        {action === 'accept-offer' && (offered || paid) && (
          <dl class="compare">
            {offered && (
              <>
                <dt>{t('guard_offer')}</dt>
                <dd>
                  <bdi>{formatMoney(offered, lang)}</bdi>
                </dd>
              </>
            )}
            {requested && (
              <>
                <dt>{t('guard_requested')}</dt>
                <dd>
                  <bdi>{formatMoney(requested, lang)}</bdi>
                </dd>
              </>
            )}
            {paid && (
              <>
                <dt>{t('guard_paid')}</dt>
                <dd>
                  <bdi>{formatMoney(paid, lang)}</bdi>
                </dd>
              </>
            )}
          </dl>
        )}
        <p>{t('guard_promises')}</p>
      </div>
      <div class="actions">
        <button type="button" class="primary" data-initial-focus onClick={props.onCancel}>
          {t('guard_not_yet')}
        </button>
        <button type="button" class="danger" onClick={props.onContinue}>
          {t(action === 'cancel-dispute' ? 'guard_cancel_anyway' : 'guard_accept_anyway')}
        </button>
      </div>
    </Modal>
  );
}
