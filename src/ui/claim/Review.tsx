/**
 * The English claim: each sentence beside its meaning, the shopper's own note, the editable
 * text with a character counter, a hint for text in another language, "Copy", and the link
 * to AliExpress's dispute page for the order.
 */
import { localDateOf } from '../../domain/dates';
import { useState } from 'preact/hooks';
import { disputeStartUrl } from '../../aliexpress/dispute-url';
import { computeAmount, type AmountErrorKey } from '../../domain/claim/amount';
import { CLAIM_MAX_LENGTH, composeClaim } from '../../domain/claim/compose';
import { setNote, type ClaimDraft } from '../../domain/claim/draft';
import type { ClaimFacts } from '../../domain/claim/facts';
import { formatMoney } from '../../domain/money';
import type { Order } from '../../domain/order';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../locale';
import { copyText } from '../dashboard/widgets';
import { Bilingual } from './Bilingual';
import { NonEnglishHint } from './Steps';
import type { EditedText } from './useDraft';

const AMOUNT_ERRORS = new Set<string>([
  'claim_amount_error_no_total',
  'claim_amount_error_above_paid',
  'claim_amount_error_not_positive',
  'claim_amount_error_not_whole_number',
  'claim_amount_error_missing_above_ordered',
  'claim_amount_error_no_item',
  'claim_amount_error_no_item_price',
  'claim_amount_error_currency_mismatch',
  'claim_amount_error_incomplete',
] satisfies AmountErrorKey[]);

export interface ReviewProps {
  draft: ClaimDraft;
  order: Order;
  facts: ClaimFacts;
  edited: EditedText | null;
  update: (fn: (d: ClaimDraft) => ClaimDraft) => void;
  setEdited: (e: EditedText | null) => void;
  onMarkDispute: () => void;
}

export function Review({ draft, order, facts, edited, update, setEdited, onMarkDispute }: ReviewProps) {
  const { t, lang } = useLocale();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const composed = composeClaim(draft, order, { facts, today: localDateOf(Date.now()) });
  const amount = computeAmount(draft.amount, order, { lines: draft.lines, locale: lang });
  const text = edited ? edited.text : composed.text;
  const stale = edited !== null && edited.base !== composed.text;
  const over = text.length > CLAIM_MAX_LENGTH;
  const money: Record<string, string> = amount.ok ? { amount: formatMoney(amount.amount, lang) } : {};

  const copy = async () => setCopied((await copyText(text)) ? 'copied' : 'failed');

  return (
    <>
      {composed.problems.length > 0 && (
        <div class="problems" aria-live="polite">
          <p>{t('claimui_problems_title')}</p>
          <ul>
            {composed.problems.map((k) => (
              <li key={k}>{AMOUNT_ERRORS.has(k) && !amount.ok ? t(amount.error, amount.params) : t(k)}</li>
            ))}
          </ul>
        </div>
      )}

      <div class="question">
        <label for="claim-note">{t('claimui_note_label')}</label>
        <textarea
          id="claim-note"
          lang="en"
          dir="ltr"
          rows={2}
          maxLength={2000}
          value={draft.note}
          aria-describedby="claim-note-hint"
          onInput={(e) => {
            const v = (e.currentTarget as HTMLTextAreaElement).value;
            update((d) => setNote(d, v));
          }}
        />
        <NonEnglishHint text={draft.note} id="claim-note-hint" />
      </div>

      <h3>{t('claimui_sentences_title')}</h3>
      <Bilingual sentences={composed.sentences} money={money} label={t('claimui_sentences_title')} />

      <div class="question">
        <label for="claim-text">{t('claimui_text_label')}</label>
        <textarea
          id="claim-text"
          class="claim-text"
          lang="en"
          dir="ltr"
          rows={9}
          value={text}
          aria-describedby="claim-counter claim-text-hint"
          onInput={(e) => {
            const v = (e.currentTarget as HTMLTextAreaElement).value;
            setEdited(v === composed.text ? null : { base: edited?.base ?? composed.text, text: v });
            setCopied('idle');
          }}
        />
        <p id="claim-counter" class={`counter${over ? ' over' : ''}`} aria-live="polite">
          {t(over ? 'claimui_counter_over' : 'claimui_counter', { count: formatNumber(text.length, lang), max: formatNumber(CLAIM_MAX_LENGTH, lang) })}
        </p>
        <NonEnglishHint text={text} id="claim-text-hint" />
        {edited && (
          <div class="edited">
            {stale && <p class="warning">{t('claimui_edited_stale')}</p>}
            <button type="button" onClick={() => setEdited(null)}>
              {t('claimui_reset_text')}
            </button>
          </div>
        )}
      </div>

      <div class="row-actions">
        <button type="button" class="primary" onClick={() => void copy()}>
          {t('claimui_copy')}
        </button>
        <span role="status" class="copy-status">
          {copied === 'copied' ? t('claimui_copied') : copied === 'failed' ? t('popup_copy_failed') : ''}
        </span>
      </div>
      <ol class="next-steps">
        <li>
          <a href={disputeStartUrl(order.orderId, order.site)} target="_blank" rel="noopener noreferrer">
            {t('claimui_open_dispute_page')}
          </a>
        </li>
        <li>{t('claimui_paste_and_attach')}</li>
        <li>
          {order.dispute ? (
            <span class="ok">{t('claimui_dispute_marked')}</span>
          ) : (
            <button type="button" onClick={onMarkDispute}>
              {t('popup_dispute_opened')}
            </button>
          )}
        </li>
      </ol>
    </>
  );
}
