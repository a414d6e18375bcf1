/**
 * The assistant's steps before the text, in the order of AliExpress's dispute form: received?
 * → reason → what exactly is wrong → outcome → amount → evidence. Every control is labelled;
 * groups are fieldsets with legends.
 */
import { useState } from 'preact/hooks';
import { computeAmount, paidFor } from '../../domain/claim/amount';
import { flagNonEnglish } from '../../domain/claim/compose';
import {
  AMOUNT_METHODS,
  setAmount,
  setAnswer,
  setLine,
  chosenLines,
  setOutcome,
  setReason,
  setReceived,
  setSubKind,
  toggleEvidence,
  type AnswerValue,
  type ClaimDraft,
} from '../../domain/claim/draft';
import type { ClaimFacts } from '../../domain/claim/facts';
import { NON_ENGLISH_HINT_KEY } from '../../domain/claim/keys';
import { REASONS, evidenceFor, questionsFor, reasonsFor, type Question } from '../../domain/claim/reasons';
import type { Rules } from '../../domain/deadlines/rules';
import { formatMoney } from '../../domain/money';
import type { Order } from '../../domain/order';
import { formatCalendarDate } from '../../i18n/format';
import { useLocale } from '../locale';
import { minorToInput, parseMajorAmount } from './helpers';

export interface StepProps {
  draft: ClaimDraft;
  order: Order;
  facts: ClaimFacts;
  rules: Rules;
  update: (fn: (d: ClaimDraft) => ClaimDraft) => void;
}

export function ReceivedStep({ draft, facts, update }: StepProps) {
  const { t, lang } = useLocale();
  return (
    <fieldset>
      <legend>{t('claimui_received_legend')}</legend>
      <label class="choice">
        <input type="radio" name="received" checked={draft.received === true} onChange={() => update((d) => setReceived(d, true))} />
        {t('claimui_received_yes')}
      </label>
      <label class="choice">
        <input type="radio" name="received" checked={draft.received === false} onChange={() => update((d) => setReceived(d, false))} />
        {t('claimui_received_no')}
      </label>
      {draft.receivedFrom === 'order' && draft.received !== null && (
        <p class="hint">
          {draft.received
            ? facts.deliveredOn
              ? t('claimui_received_from_tracking_delivered', { date: formatCalendarDate(facts.deliveredOn, lang) })
              : t('claimui_received_from_tracking_generic')
            : t('claimui_received_from_tracking_on_way')}
        </p>
      )}
    </fieldset>
  );
}

export function ReasonStep({ draft, update }: StepProps) {
  const { t } = useLocale();
  if (draft.received === null) return <p class="hint">{t('claim_problem_no_received')}</p>;
  return (
    <fieldset>
      <legend>{t(draft.received ? 'claimui_reason_legend_received' : 'claimui_reason_legend_not_received')}</legend>
      {reasonsFor(draft.received).map((r) => (
        <div key={r.id} class="choice-help">
          <label class="choice">
            <input
              type="radio"
              name="reason"
              value={r.id}
              checked={draft.reason === r.id}
              aria-describedby={`help-${r.id}`}
              onChange={() => update((d) => setReason(d, r.id))}
            />
            {t(r.labelKey)}
          </label>
          <p id={`help-${r.id}`} class="help">
            {t(r.helpKey)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

/** A hint beside text typed in another language. */
export function NonEnglishHint({ text, id }: { text: string; id: string }) {
  const { t } = useLocale();
  const ranges = flagNonEnglish(text);
  return (
    <p id={id} class="non-english" aria-live="polite">
      {ranges.length > 0 && (
        <>
          {t(NON_ENGLISH_HINT_KEY)}:{' '}
          {ranges.map((r, i) => (
            <mark key={i}>{text.slice(r.start, r.end)}</mark>
          ))}
        </>
      )}
    </p>
  );
}

function QuestionInput({ q, value, onChange }: { q: Question; value: AnswerValue | undefined; onChange: (v: AnswerValue | null) => void }) {
  const { t } = useLocale();
  const id = `q-${q.id}`;
  const label = t(q.labelKey);
  const req = q.required ? ' *' : '';
  switch (q.type) {
    case 'yes_no':
      return (
        <fieldset class="question">
          <legend>
            {label}
            {req}
          </legend>
          <label class="choice">
            <input type="radio" name={id} checked={value === true} onChange={() => onChange(true)} />
            {t('claimui_yes')}
          </label>
          <label class="choice">
            <input type="radio" name={id} checked={value === false} onChange={() => onChange(false)} />
            {t('claimui_no')}
          </label>
        </fieldset>
      );
    case 'count':
      return (
        <div class="question">
          <label for={id}>
            {label}
            {req}
          </label>
          <input
            id={id}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={typeof value === 'number' ? String(value) : ''}
            onInput={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              onChange(v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null);
            }}
          />
        </div>
      );
    case 'date':
      return (
        <div class="question">
          <label for={id}>
            {label}
            {req}
          </label>
          <input id={id} type="date" value={typeof value === 'string' ? value : ''} onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value || null)} />
        </div>
      );
    case 'text': {
      const text = typeof value === 'string' ? value : '';
      return (
        <div class="question">
          <label for={id}>
            {label}
            {req}
          </label>
          <input
            id={id}
            type="text"
            lang="en"
            dir="ltr"
            maxLength={500}
            value={text}
            aria-describedby={`${id}-hint`}
            onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value)}
          />
          <NonEnglishHint text={text} id={`${id}-hint`} />
        </div>
      );
    }
  }
}

export function DetailsStep({ draft, order, update }: StepProps) {
  const { t } = useLocale();
  if (draft.reason === null) return <p class="hint">{t('claim_problem_no_reason')}</p>;
  const reason = REASONS[draft.reason];
  const questions = questionsFor(draft.reason, draft.subKind);
  return (
    <>
      {(order.items.length > 1 || (order.items[0]?.quantity ?? 0) > 1) && <ItemsChooser draft={draft} order={order} update={update} />}
      {reason.subKinds.length > 0 && (
        <fieldset>
          <legend>{t('claimui_sub_kind_legend')}</legend>
          {reason.subKinds.map((k) => (
            <label key={k} class="choice">
              <input type="radio" name="sub-kind" checked={draft.subKind === k} onChange={() => update((d) => setSubKind(d, k))} />
              {t(`claim_sub_kind_${k}_label`)}
            </label>
          ))}
        </fieldset>
      )}
      {questions.length > 0 && (
        <fieldset>
          <legend>{t('claimui_questions_legend')}</legend>
          {questions.map((q) => (
            <QuestionInput key={q.id} q={q} value={draft.answers[q.id]} onChange={(v) => update((d) => setAnswer(d, q.id, v))} />
          ))}
          {questions.some((q) => q.required) && <p class="hint">{t('claimui_required_hint')}</p>}
        </fieldset>
      )}
    </>
  );
}

/**
 * Which items the claim is about, and how many of each: a checkbox per line, and a number
 * of pieces for a line of several. What was paid for them caps the amount.
 */
function ItemsChooser({ draft, order, update }: Pick<StepProps, 'draft' | 'order' | 'update'>) {
  const { t, lang } = useLocale();
  const chosen = chosenLines(draft, order);
  return (
    <fieldset class="items-chooser">
      <legend>{t('claimui_items_legend')}</legend>
      {order.items.map((it, i) => {
        const line = chosen.find((c) => c.index === i);
        const several = it.quantity > 1;
        return (
          <div key={i} class="item-choice">
            <label class="choice">
              <input type="checkbox" checked={line !== undefined} onChange={(e) => update((d) => setLine(d, i, (e.currentTarget as HTMLInputElement).checked ? it.quantity || null : 0))} />
              <span dir="auto">
                {it.title}
                {it.variant && <span class="variant"> ({it.variant})</span>}
              </span>
              {it.price && (
                <>
                  {' · '}
                  <bdi>{formatMoney(it.price, lang)}</bdi>
                </>
              )}
              {several && <span class="quantity"> × {it.quantity}</span>}
            </label>
            {line && several && (
              <NumberField
                id={`item-${i}-quantity`}
                label={t('claimui_item_quantity_label', { ordered: it.quantity })}
                min={1}
                max={it.quantity}
                step={1}
                value={line.quantity}
                onValue={(v) => v !== null && update((d) => setLine(d, i, Math.max(1, Math.min(it.quantity, Math.round(v)))))}
              />
            )}
          </div>
        );
      })}
      {chosen.length === 0 && <p class="hint">{t('claimui_items_hint')}</p>}
    </fieldset>
  );
}

export function OutcomeStep({ draft, order, rules, update }: StepProps) {
  const { t } = useLocale();
  if (draft.reason === null) return <p class="hint">{t('claim_problem_no_reason')}</p>;
  const reason = REASONS[draft.reason];
  const chosen = chosenLines(draft, order);
  const freeReturn = chosen.length > 0 ? chosen.every((c) => c.item.freeReturn === true) : order.items.some((i) => i.freeReturn === true);
  return (
    <fieldset>
      <legend>{t('claimui_outcome_legend')}</legend>
      {reason.outcomes.map((o) => (
        <div key={o} class="choice-help">
          <label class="choice">
            <input type="radio" name="outcome" checked={draft.outcome === o} aria-describedby={`help-${o}`} onChange={() => update((d) => setOutcome(d, o))} />
            {t(`claim_outcome_${o}_label`)}
          </label>
          <p id={`help-${o}`} class="help">
            {o === 'refund_only'
              ? t('claimui_outcome_refund_only_help')
              : `${t('claimui_outcome_return_help', { days: rules.returnShippingDays })} ${t(freeReturn ? 'claimui_outcome_return_free' : 'claimui_outcome_return_who_pays')}`}
          </p>
        </div>
      ))}
      {reason.outcomes.length === 1 && <p class="hint">{t('claimui_outcome_only_refund')}</p>}
    </fieldset>
  );
}

export function AmountStep({ draft, order, update }: StepProps) {
  const { t, lang } = useLocale();
  const currency = order.total?.currency ?? 'USD';
  const [sumText, setSumText] = useState(() => (draft.amount.sumMinor === null ? '' : minorToInput(draft.amount.sumMinor, currency)));
  const [sumInvalid, setSumInvalid] = useState(false);
  if (!order.total) return <p role="alert" class="error">{t('claim_amount_error_no_total')}</p>;
  const result = computeAmount(draft.amount, order, { lines: draft.lines, locale: lang });
  const base = paidFor(order, draft.lines);
  const a = draft.amount;
  const pieces = chosenLines(draft, order).reduce((n, c) => n + c.quantity, 0) || undefined;


  return (
    <>
      <p class="paid">
        {base.ok && !base.wholeOrder
          ? t('claimui_amount_paid_items', { amount: formatMoney(base.paid, lang), total: formatMoney(order.total, lang) })
          : t('claimui_amount_paid', { amount: formatMoney(order.total, lang) })}
      </p>
      <fieldset>
        <legend>{t('claimui_amount_mode_legend')}</legend>
        {(['full', 'partial'] as const).map((m) => (
          <label key={m} class="choice">
            <input type="radio" name="amount-mode" checked={a.mode === m} onChange={() => update((d) => setAmount(d, { mode: m }))} />
            {t(`claim_amount_mode_${m}_label`)}
          </label>
        ))}
      </fieldset>
      {a.mode === 'partial' && (
        <fieldset>
          <legend>{t('claimui_amount_method_legend')}</legend>
          {AMOUNT_METHODS.map((m) => (
            <label key={m} class="choice">
              <input type="radio" name="amount-method" checked={a.method === m} onChange={() => update((d) => setAmount(d, { method: m }))} />
              {t(`claim_amount_method_${m}_label`)}
            </label>
          ))}
          {a.method === 'missing_quantity' && (
            <div class="calc">
              <NumberField id="amount-missing" label={t('claimui_amount_missing_label')} min={1} step={1} value={a.missing} onValue={(v) => update((d) => setAmount(d, { missing: v }))} />
              <NumberField id="amount-ordered" label={t('claimui_amount_ordered_label', { count: pieces ?? '—' })} min={1} step={1} value={a.ordered} onValue={(v) => update((d) => setAmount(d, { ordered: v }))} />
            </div>
          )}
          {a.method === 'percentage' && (
            <div class="calc">
              <NumberField id="amount-percent" label={t('claimui_amount_percent_label')} min={0} max={100} step={0.01} value={a.percent} onValue={(v) => update((d) => setAmount(d, { percent: v }))} />
            </div>
          )}
          {a.method === 'sum' && (
            <div class="calc">
              <label for="amount-sum">{t('claimui_amount_sum_label', { currency })}</label>
              <input
                id="amount-sum"
                type="text"
                inputMode="decimal"
                dir="ltr"
                value={sumText}
                aria-describedby="amount-sum-hint"
                onInput={(e) => {
                  const v = (e.currentTarget as HTMLInputElement).value;
                  setSumText(v);
                  const minor = parseMajorAmount(v, currency);
                  setSumInvalid(minor === 'invalid');
                  update((d) => setAmount(d, { sumMinor: minor === 'invalid' ? null : minor }));
                }}
              />
              <p id="amount-sum-hint" class="hint">
                {t('claimui_amount_sum_hint', { example: minorToInput(Math.round((base.ok ? base.paid : order.total).minor / 2), currency) })}
              </p>
            </div>
          )}
        </fieldset>
      )}
      <div class="amount-result" aria-live="polite">
        {sumInvalid && a.mode === 'partial' && a.method === 'sum' ? (
          <p role="alert" class="error">
            {t('claimui_amount_sum_invalid', { example: minorToInput(Math.round(order.total.minor / 2), currency) })}
          </p>
        ) : result.ok ? (
          <p class="ok">
            {t(result.full ? 'claimui_amount_result_full' : 'claimui_amount_result', { amount: formatMoney(result.amount, lang) })}
          </p>
        ) : result.error === 'claim_amount_error_incomplete' ? (
          <p class="hint">{t(result.error)}</p>
        ) : (
          <p role="alert" class="error">
            {t(result.error, result.params)}
          </p>
        )}
      </div>
    </>
  );
}

export function EvidenceStep({ draft, update }: StepProps) {
  const { t } = useLocale();
  if (draft.reason === null) return <p class="hint">{t('claim_problem_no_reason')}</p>;
  const items = evidenceFor(draft.reason, draft.subKind);
  const essential = items.filter((e) => e.essential);
  const helpful = items.filter((e) => !e.essential);
  const box = (e: (typeof items)[number]) => (
    <label key={e.id} class="choice">
      <input type="checkbox" checked={draft.evidence.includes(e.id)} onChange={(ev) => update((d) => toggleEvidence(d, e.id, (ev.currentTarget as HTMLInputElement).checked))} />
      {t(e.labelKey)}
    </label>
  );
  return (
    <>
      <p class="hint">{t(REASONS[draft.reason].photosRequired ? 'claimui_evidence_intro_photos' : 'claimui_evidence_intro')}</p>
      {!REASONS[draft.reason].photosRequired && <p class="hint">{t('claimui_evidence_optional')}</p>}
      <fieldset>
        <legend>{t('claimui_evidence_essential')}</legend>
        {essential.map(box)}
      </fieldset>
      {helpful.length > 0 && (
        <fieldset>
          <legend>{t('claimui_evidence_helpful')}</legend>
          {helpful.map(box)}
        </fieldset>
      )}
    </>
  );
}

/** A labelled number input for the amount calculator; empty means "not given". */
function NumberField(props: { id: string; label: string; value: number | null; min?: number; max?: number; step?: number; onValue: (v: number | null) => void }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value === null ? '' : String(props.value)}
        onInput={(e) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          props.onValue(v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
        }}
      />
    </>
  );
}
