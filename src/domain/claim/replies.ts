/**
 * Replies in a dispute, in the claim's two-language form: English sentences to send, each with
 * its meaning key for the shopper. What to send when a seller offers too little, when an
 * offer is fair, when adding evidence, when asking AliExpress to step in, and messages to the
 * seller before a dispute (tracking, extending the protection).
 */
import type { Money } from '../order';
import { formatMoney } from '../money';
import { cleanValue, type ClaimSentence, type ComposedText } from './compose';
import type { EvidenceId } from './reasons';
import { EVIDENCE_ENGLISH, SENTENCES, englishDate, englishList, fill, sentenceKey, type SentenceId } from './templates';

/** Extending protection: sellers usually grant about two weeks (docs/claims.md, "Sources"). */
export const EXTENSION_DAYS = 14;

export type ReplyRequest =
  /** Decline a counter-offer that is too low, restating what is asked. */
  | { kind: 'decline_offer'; offered: Money; requested: Money }
  /** Accept an offer (final: the UI should say so first). */
  | { kind: 'accept_offer'; offered: Money }
  /** Tell the other side more evidence was added. */
  | { kind: 'add_evidence'; evidence: readonly EvidenceId[] }
  /** Ask AliExpress to step in. */
  | { kind: 'escalate' }
  /** Ask the seller for the tracking number. */
  | { kind: 'ask_tracking'; orderId: string }
  /** Ask the seller to extend the buyer protection (the seller must accept). */
  | { kind: 'extend_protection'; orderId: string; protectionEndsOn: string | null; days?: number }
  /** Tell AliExpress a granted refund has not arrived (docs/deadlines.md, "Refunds"). */
  | { kind: 'refund_not_received'; orderId: string; refundedOn: string | null };

export const REPLY_KINDS = ['decline_offer', 'accept_offer', 'add_evidence', 'escalate', 'ask_tracking', 'extend_protection', 'refund_not_received'] as const;

function s(id: SentenceId, params: Record<string, string | number> = {}): ClaimSentence | null {
  const english = fill(SENTENCES[id], params);
  return english === null ? null : { id, key: sentenceKey(id), english, params, optional: false };
}

function build(req: ReplyRequest): (ClaimSentence | null)[] {
  switch (req.kind) {
    case 'decline_offer':
      return [
        s('hello'),
        s('reply_decline', { offered: formatMoney(req.offered, 'en') }),
        s('reply_decline_reason', { requested: formatMoney(req.requested, 'en') }),
        s('reply_decline_evidence'),
        s('thanks'),
      ];
    case 'accept_offer':
      return [s('hello'), s('reply_accept', { offered: formatMoney(req.offered, 'en') }), s('reply_accept_refund'), s('thanks')];
    case 'add_evidence': {
      const ev = req.evidence.length > 0 ? s('reply_evidence', { evidence: englishList(req.evidence.map((e) => EVIDENCE_ENGLISH[e])) }) : null;
      if (ev) ev.lists = { evidence: req.evidence.map((e) => `claim_evidence_${e}_label`) };
      return [s('hello'), ev ?? s('reply_evidence_generic'), s('reply_evidence_review'), s('thanks')];
    }
    case 'escalate':
      return [s('hello'), s('reply_escalate'), s('reply_escalate_evidence'), s('thanks')];
    case 'ask_tracking':
      return [s('hello'), s('reply_tracking', { order: cleanValue(req.orderId, 40) }), s('thanks')];
    case 'extend_protection': {
      const order = cleanValue(req.orderId, 40);
      const first = req.protectionEndsOn
        ? s('reply_extend_dated', { order, date: englishDate(req.protectionEndsOn) })
        : s('reply_extend', { order });
      return [s('hello'), first, s('reply_extend_request', { days: req.days ?? EXTENSION_DAYS }), s('thanks')];
    }
    case 'refund_not_received': {
      const order = cleanValue(req.orderId, 40);
      const first = req.refundedOn
        ? s('reply_refund_missing_dated', { order, date: englishDate(req.refundedOn) })
        : s('reply_refund_missing', { order });
      return [s('hello'), first, s('reply_refund_request'), s('thanks')];
    }
  }
}

export function composeReply(req: ReplyRequest): ComposedText {
  const sentences = build(req).filter((x): x is ClaimSentence => x !== null);
  const text = sentences.map((x) => x.english).join(' ');
  return { sentences, text, length: text.length, problems: [] };
}
