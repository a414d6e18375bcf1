/**
 * After opening: replies in the claim's two-language form (decline or accept an offer, add
 * evidence, ask AliExpress to step in) and messages to the seller before a dispute (tracking,
 * extending the protection).
 */
import { useState } from 'preact/hooks';
import { computeAmount } from '../../domain/claim/amount';
import type { ClaimDraft } from '../../domain/claim/draft';
import type { ClaimFacts } from '../../domain/claim/facts';
import { REPLY_KINDS, composeReply, type ReplyRequest } from '../../domain/claim/replies';
import { formatMoney } from '../../domain/money';
import type { Money, Order } from '../../domain/order';
import { useLocale } from '../locale';
import { CopyButton } from '../dashboard/widgets';
import { Bilingual } from './Bilingual';
import { minorToInput, parseMajorAmount } from './helpers';

type ReplyKind = (typeof REPLY_KINDS)[number];

export function Replies({ draft, order, facts }: { draft: ClaimDraft; order: Order; facts: ClaimFacts }) {
  const { t, lang } = useLocale();
  const inDispute = order.dispute !== null;
  const refunding = order.dispute?.stage === 'refunding' || order.status === 'cancelled' || order.status === 'closed';
  const [kind, setKind] = useState<ReplyKind>(
    refunding ? 'refund_not_received' : inDispute ? 'decline_offer' : order.status === 'awaiting_delivery' ? 'extend_protection' : 'ask_tracking',
  );
  const [offerText, setOfferText] = useState(() => (order.dispute?.offered ? minorToInput(order.dispute.offered.minor, order.dispute.offered.currency) : ''));
  const currency = order.total?.currency ?? 'USD';
  const offeredMinor = parseMajorAmount(offerText, currency);
  const offered: Money | null = typeof offeredMinor === 'number' && offeredMinor > 0 ? { minor: offeredMinor, currency } : null;
  const amount = computeAmount(draft.amount, order, { lines: draft.lines });
  const requested: Money | null = order.dispute?.requested ?? (amount.ok ? amount.amount : null);

  let req: ReplyRequest | null = null;
  switch (kind) {
    case 'decline_offer':
      req = offered && requested ? { kind, offered, requested } : null;
      break;
    case 'accept_offer':
      req = offered ? { kind, offered } : null;
      break;
    case 'add_evidence':
      req = { kind, evidence: draft.evidence };
      break;
    case 'escalate':
      req = { kind };
      break;
    case 'ask_tracking':
      req = { kind, orderId: order.orderId };
      break;
    case 'extend_protection':
      req = { kind, orderId: order.orderId, protectionEndsOn: facts.protectionEndsOn };
      break;
    case 'refund_not_received':
      req = { kind, orderId: order.orderId, refundedOn: order.dispute?.stage === 'refunding' ? (order.dispute.stageSince ?? null) : null };
      break;
  }
  const reply = req ? composeReply(req) : null;
  const money: Record<string, string> = {};
  if (offered) money['offered'] = formatMoney(offered, lang);
  if (requested) money['requested'] = formatMoney(requested, lang);
  const needsOffer = kind === 'decline_offer' || kind === 'accept_offer';

  return (
    <section class="replies" aria-labelledby="replies-title">
      <h2 id="replies-title">{t(inDispute ? 'claimui_replies_title_dispute' : 'claimui_replies_title')}</h2>
      <fieldset>
        <legend>{t('claimui_reply_legend')}</legend>
        {REPLY_KINDS.map((k) => (
          <label key={k} class="choice">
            <input type="radio" name="reply-kind" checked={kind === k} onChange={() => setKind(k)} />
            {t(`claimui_reply_${k}_label`)}
          </label>
        ))}
      </fieldset>
      {needsOffer && (
        <div class="question">
          <label for="reply-offer">{t('claimui_reply_offer_label', { currency })}</label>
          <input id="reply-offer" type="text" inputMode="decimal" dir="ltr" value={offerText} onInput={(e) => setOfferText((e.currentTarget as HTMLInputElement).value)} />
          {offeredMinor === 'invalid' && (
            <p role="alert" class="error">
              {t('claimui_amount_sum_invalid', { example: minorToInput(Math.round((order.total?.minor ?? 1000) / 2), currency) })}
            </p>
          )}
          {kind === 'decline_offer' && !requested && <p class="hint">{t('claimui_reply_need_amount')}</p>}
        </div>
      )}
      {kind === 'accept_offer' && <p class="warning">{t('claimui_reply_accept_final')}</p>}
      {kind === 'decline_offer' && <p class="hint">{t('claimui_reply_decline_tip')}</p>}
      {kind === 'extend_protection' && <p class="hint">{t('claimui_reply_extend_tip')}</p>}
      {kind === 'refund_not_received' && <p class="hint">{t('claimui_reply_refund_tip')}</p>}
      {reply && (
        <>
          <Bilingual sentences={reply.sentences} money={money} label={t('claimui_reply_sentences')} />
          <p class="reply-text" lang="en" dir="ltr">
            {reply.text}
          </p>
          <CopyButton text={reply.text} label={t('claimui_reply_copy')} visible={t('claimui_reply_copy')} />
        </>
      )}
    </section>
  );
}
