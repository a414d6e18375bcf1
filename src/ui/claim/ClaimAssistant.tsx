/**
 * The claim assistant for one order: AliExpress's dispute form step by step (`steps()` /
 * `nextStep()` from the claim core), warnings where they apply, then the English text.
 */
import { useMemo, useState } from 'preact/hooks';
import { classifyTrackingEvent } from '../../aliexpress/tracking-class';
import { checkClaim } from '../../domain/claim/checks';
import { STEP_IDS, goTo, steps, type StepId } from '../../domain/claim/draft';
import { claimFacts, type ClaimFacts } from '../../domain/claim/facts';
import type { Rules } from '../../domain/deadlines/rules';
import { formatMoney } from '../../domain/money';
import { formatNumber } from '../../i18n/format';
import type { Order } from '../../domain/order';
import { useLocale } from '../locale';
import { ask } from '../messaging';
import { Notices } from './Notices';
import { Replies } from './Replies';
import { Review } from './Review';
import { AmountStep, DetailsStep, EvidenceStep, OutcomeStep, ReasonStep, ReceivedStep, type StepProps } from './Steps';
import { useDraft } from './useDraft';
import { chosenLines } from '../../domain/claim/draft';

/** The core's facts, with tracking read by the AliExpress classifier the deadline engine uses too. */
export function factsOf(order: Order): ClaimFacts {
  return claimFacts(order, classifyTrackingEvent);
}

const STEP_VIEWS: Record<Exclude<StepId, 'review'>, (p: StepProps) => preact.JSX.Element> = {
  received: ReceivedStep,
  reason: ReasonStep,
  details: DetailsStep,
  outcome: OutcomeStep,
  amount: AmountStep,
  evidence: EvidenceStep,
};

export interface ClaimAssistantProps {
  order: Order;
  storedDraft: unknown;
  rules: Rules;
}

export function ClaimAssistant({ order, storedDraft, rules }: ClaimAssistantProps) {
  const { t, lang } = useLocale();
  const facts = useMemo(() => factsOf(order), [order]);
  const { draft, edited, update, setEdited, saved } = useDraft(order, storedDraft, facts);
  const [markStatus, setMarkStatus] = useState<'idle' | 'ok' | 'error'>('idle');
  const states = steps(draft, order);
  const current = states.find((s) => s.id === draft.step && s.enabled) ? draft.step : (states.find((s) => !s.done)?.id ?? 'review');
  const index = STEP_IDS.indexOf(current);
  const state = states[index]!;
  const notices = checkClaim(draft, order, { facts, locale: lang });
  const move = (id: StepId) => {
    update((d) => goTo(d, id));
    requestAnimationFrame(() => document.getElementById('step-title')?.focus());
  };
  const markDispute = async () => {
    const r = await ask({ type: 'ui/mark-dispute', orderId: order.orderId, opened: true });
    setMarkStatus(r.ok ? 'ok' : 'error');
  };
  const props: StepProps = { draft, order, facts, rules, update };
  const StepView = current === 'review' ? null : STEP_VIEWS[current];
  const item = chosenLines(draft, order)[0]?.item ?? order.items[0];

  return (
    <article class="claim" aria-labelledby="claim-title">
      <header class="claim-head">
        <h1 id="claim-title" class="claim-title">
          {t('claimui_title')} <bdi dir="ltr">#{order.orderId}</bdi>
        </h1>
        <p class="claim-order" dir="auto">
          {order.store.name ?? t('popup_unknown_store')}
          {item && (
            <>
              {' · '}
              <bdi>{item.title}</bdi>
            </>
          )}
          {order.total && (
            <>
              {' · '}
              <bdi>{formatMoney(order.total, lang)}</bdi>
            </>
          )}
        </p>
        <p class="saved" aria-live="polite">
          {saved === 'saved' ? t('claimui_saved') : saved === 'error' ? t('claimui_save_failed') : ''}
        </p>
      </header>

      <nav aria-label={t('claimui_steps_label')}>
        <ol class="steps">
          {states.map((s, i) => (
            <li key={s.id} class={`${s.done ? 'done' : ''}${s.id === current ? ' current' : ''}`}>
              <button type="button" disabled={!s.enabled} aria-current={s.id === current ? 'step' : undefined} onClick={() => move(s.id)}>
                <span class="step-n">{formatNumber(i + 1, lang)}</span> {t(s.labelKey)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <section class="step" aria-labelledby="step-title">
        <h2 id="step-title" tabIndex={-1}>
          {t('claimui_step_of', { n: formatNumber(index + 1, lang), total: formatNumber(STEP_IDS.length, lang), label: t(state.labelKey) })}
        </h2>
        {StepView === null ? (
          <Review draft={draft} order={order} facts={facts} edited={edited} update={update} setEdited={setEdited} onMarkDispute={() => void markDispute()} />
        ) : (
          <StepView key={current} {...props} />
        )}
        <Notices notices={notices} step={current} />
        {markStatus === 'error' && (
          <p role="alert" class="error">
            {t('popup_action_failed')}
          </p>
        )}
        <div class="step-nav">
          {index > 0 && (
            <button type="button" onClick={() => move(STEP_IDS[index - 1]!)}>
              {t('claimui_back')}
            </button>
          )}
          {current !== 'review' && (
            <button type="button" class="primary" disabled={!state.done} aria-describedby={state.done ? undefined : 'step-not-done'} onClick={() => move(STEP_IDS[index + 1]!)}>
              {t('claimui_next')}
            </button>
          )}
          {current !== 'review' && !state.done && (
            <span id="step-not-done" class="hint">
              {t('claimui_step_not_done')}
            </span>
          )}
        </div>
      </section>

      {(current === 'review' || order.dispute !== null) && <Replies key={order.dispute ? 'dispute' : 'none'} draft={draft} order={order} facts={facts} />}
    </article>
  );
}
