/**
 * Consistency checks on a draft (a reason that does not match the facts loses the claim) and
 * the advice shoppers need at each step (docs/claims.md, "Sources"). Returns message keys and params;
 * the UI shows each notice at its step.
 */
import type { Order } from '../order';
import { formatMoney } from '../money';
import { computeAmount, missingShare } from './amount';
import type { ClaimDraft, StepId } from './draft';
import { claimFacts, type ClaimFacts } from './facts';
import { REASONS, isPhotoOrVideo } from './reasons';

export interface ClaimNotice {
  /** `warning`: something in the draft looks wrong; `advice`: what to know at this step. */
  kind: 'warning' | 'advice';
  key: string;
  params: Record<string, string | number>;
  /** The step the UI shows it at. */
  step: StepId;
}

export interface CheckOptions {
  facts?: ClaimFacts;
  /** Locale for amounts in params (the shopper's); default 'en'. Dates are `YYYY-MM-DD`. */
  locale?: string;
}

/** Every notice key with its placeholders, for the catalogue test. */
export const NOTICE_KEYS: Readonly<Record<string, readonly string[]>> = {
  claim_check_damaged_not_working: [],
  claim_check_not_received_but_delivered: ['date'],
  claim_check_photos_missing: [],
  claim_check_amount_far_from_missing_share: ['amount', 'share'],
  claim_check_suggest_full: ['amount', 'paid'],
  claim_check_use_in_transit_reason: ['count'],
  claim_check_fewer_items_counts: ['ordered', 'received'],
  claim_advice_received_is_not_confirm: [],
  claim_advice_never_confirm_early: [],
  claim_advice_negotiate_refund_only: [],
  claim_advice_no_cancel_for_promise: [],
  claim_advice_discount_to_withdraw: [],
  claim_advice_counterfeit_aliexpress: [],
  claim_advice_open_before_deadline: ['date'],
  claim_advice_ask_extension: [],
  claim_advice_film_unboxing: [],
  claim_advice_partial_if_usable: [],
};

/** Words of a description that mean "it doesn't work" rather than "it broke on the way". */
const NOT_WORKING =
  /\b(does\s*n[o']?t\s+work|do\s*n[o']?t\s+work|not\s+working|stopped\s+working|won'?t\s+(turn|switch|power|charge)|no\s+power|does\s*n[o']?t\s+(turn|switch|charge)|dead\s+on\s+arrival|not\s+charging)\b/i;

/** A partial amount this far from the missing share (as a fraction of the share) is flagged. */
export const SHARE_TOLERANCE = 0.25;

export function checkClaim(d: ClaimDraft, order: Order, opts: CheckOptions = {}): ClaimNotice[] {
  const facts = opts.facts ?? claimFacts(order);
  const locale = opts.locale ?? 'en';
  const out: ClaimNotice[] = [];
  const warn = (key: string, step: StepId, params: Record<string, string | number> = {}) =>
    out.push({ kind: 'warning', key, params, step });
  const advise = (key: string, step: StepId, params: Record<string, string | number> = {}) =>
    out.push({ kind: 'advice', key, params, step });

  const reason = d.reason === null ? null : REASONS[d.reason];

  // "Not received" while tracking says delivered.
  if (d.received === false && facts.delivered) {
    warn('claim_check_not_received_but_delivered', 'received', { date: facts.deliveredOn ?? '' });
  }

  // "Damaged" for an item that simply doesn't work.
  if (d.reason === 'damaged_in_transit') {
    const damage = typeof d.answers.damage === 'string' ? d.answers.damage : '';
    if (d.answers.damage_visible === false || NOT_WORKING.test(damage)) warn('claim_check_damaged_not_working', 'reason');
  }

  // "No tracking information" for a tracking number the carrier has scanned.
  if (d.reason === 'no_tracking_info' && facts.carrierEvents > 0) {
    warn('claim_check_use_in_transit_reason', 'reason', { count: facts.carrierEvents });
  }

  // Fewer items, but the counts say otherwise.
  const ordered = d.answers.quantity_ordered;
  const received = d.answers.quantity_received;
  const counts = typeof ordered === 'number' && typeof received === 'number';
  if (d.reason === 'fewer_items' && counts && received >= ordered) {
    warn('claim_check_fewer_items_counts', 'details', { ordered, received });
  }

  // Photos required, none ticked.
  if (reason?.photosRequired && !d.evidence.some(isPhotoOrVideo)) warn('claim_check_photos_missing', 'evidence');

  // The amount against what is described.
  const amount = computeAmount(d.amount, order, { lines: d.lines, locale });
  if (amount.ok && reason) {
    if (d.reason === 'fewer_items' && counts && received < ordered && ordered > 0) {
      const share = missingShare(order, d.lines, ordered - received, ordered, locale);
      if (share.ok && Math.abs(amount.amount.minor - share.amount.minor) > share.amount.minor * SHARE_TOLERANCE) {
        warn('claim_check_amount_far_from_missing_share', 'amount', {
          amount: formatMoney(amount.amount, locale),
          share: formatMoney(share.amount, locale),
        });
      }
    }
    const callsForFull =
      d.reason === 'counterfeit' ||
      d.reason === 'empty_package' ||
      (d.reason === 'not_as_described' && d.subKind === 'material') ||
      !reason.received;
    if (callsForFull && !amount.full) {
      warn('claim_check_suggest_full', 'amount', {
        amount: formatMoney(amount.amount, locale),
        paid: formatMoney(amount.paid, locale),
      });
    }
  }

  // Advice where it applies.
  if (d.received === true) advise('claim_advice_received_is_not_confirm', 'received');
  if (d.reason === 'counterfeit') advise('claim_advice_counterfeit_aliexpress', 'reason');
  if (d.reason === 'protection_ending_in_transit') advise('claim_advice_ask_extension', 'reason');
  if (d.reason === 'damaged_in_transit' || d.reason === 'empty_package' || d.reason === 'fewer_items') {
    advise('claim_advice_film_unboxing', 'evidence');
  }
  if (d.reason === 'not_as_described' && (d.subKind === 'colour' || d.subKind === 'size' || d.subKind === 'design')) {
    advise('claim_advice_partial_if_usable', 'amount');
  }
  advise('claim_advice_negotiate_refund_only', 'outcome');
  if (d.received === false && facts.protectionEndsOn) {
    advise('claim_advice_open_before_deadline', 'review', { date: facts.protectionEndsOn });
  }
  advise('claim_advice_never_confirm_early', 'review');
  advise('claim_advice_no_cancel_for_promise', 'review');
  advise('claim_advice_discount_to_withdraw', 'review');
  return out;
}
