import { describe, expect, it } from 'vitest';
import { checkClaim, type CheckOptions } from '../../../src/domain/claim/checks';
import { emptyDraft, setAmount, setAnswer, setReason, setReceived, setSubKind, toggleEvidence, type ClaimDraft } from '../../../src/domain/claim/draft';
import type { Order } from '../../../src/domain/order';
import { PRE_SHIPMENT_EVENT, TRANSIT_EVENT, makeOrder } from './fixtures';

/** The warnings among a claim's notices. */
const claimWarnings = (d: Parameters<typeof checkClaim>[0], order: Parameters<typeof checkClaim>[1], opts: CheckOptions = {}) => checkClaim(d, order, opts).filter((n) => n.kind === 'warning');

const delivered = makeOrder({ currency: 'USD', total: 5000, price: 1250, quantity: 4 });
const inTransit = makeOrder({ status: 'awaiting_delivery', deliveredAt: null, events: [PRE_SHIPMENT_EVENT, TRANSIT_EVENT], protectionEndsOn: '2026-09-20' });

function warningKeys(d: ClaimDraft, o: Order): string[] {
  return claimWarnings(d, o).map((n) => n.key);
}

/** A received-goods draft with a photo ticked, so only the warning under test shows. */
function received(reason: Parameters<typeof setReason>[1]): ClaimDraft {
  return toggleEvidence(setReason(emptyDraft(delivered), reason), 'photo_damage', true);
}

describe('consistency warnings', () => {
  it('"damaged" for an item that simply does not work (structured answer)', () => {
    const d = setAnswer(received('damaged_in_transit'), 'damage_visible', false);
    expect(claimWarnings(d, delivered)).toEqual([{ kind: 'warning', key: 'claim_check_damaged_not_working', params: {}, step: 'reason' }]);
    expect(warningKeys(setAnswer(d, 'damage_visible', true), delivered)).toEqual([]);
  });

  it('"damaged" whose description says it does not work', () => {
    const d = setAnswer(setAnswer(received('damaged_in_transit'), 'damage_visible', true), 'damage', "It doesn't turn on at all");
    expect(warningKeys(d, delivered)).toEqual(['claim_check_damaged_not_working']);
    expect(warningKeys(setAnswer(d, 'damage', 'the screen is cracked'), delivered)).toEqual([]);
  });

  it('"not received" while tracking says delivered', () => {
    const d = setReceived(emptyDraft(delivered), false);
    expect(claimWarnings(d, delivered)).toEqual([
      { kind: 'warning', key: 'claim_check_not_received_but_delivered', params: { date: '2026-08-28' }, step: 'received' },
    ]);
    expect(warningKeys(setReceived(emptyDraft(inTransit), false), inTransit)).toEqual([]);
  });

  it('a reason that requires photos with none ticked', () => {
    const d = toggleEvidence(setReason(emptyDraft(delivered), 'does_not_work'), 'screenshot_chat', true);
    expect(claimWarnings(d, delivered)).toEqual([{ kind: 'warning', key: 'claim_check_photos_missing', params: {}, step: 'evidence' }]);
    expect(warningKeys(toggleEvidence(d, 'video_fault', true), delivered)).toEqual([]);
    // not received: no photos needed
    expect(warningKeys(setReason(emptyDraft(inTransit), 'protection_ending_in_transit'), inTransit)).toEqual([]);
  });

  it('fewer items with an amount far from the missing share', () => {
    let d = received('fewer_items');
    d = setAnswer(setAnswer(d, 'quantity_ordered', 4), 'quantity_received', 3); // share 12.50 of 50.00
    const far = setAmount(d, { mode: 'partial', method: 'sum', sumMinor: 3000 });
    expect(claimWarnings(far, delivered)).toEqual([
      { kind: 'warning', key: 'claim_check_amount_far_from_missing_share', params: { amount: '$30.00', share: '$12.50' }, step: 'amount' },
    ]);
    expect(warningKeys(setAmount(d, { mode: 'partial', method: 'sum', sumMinor: 1400 }), delivered)).toEqual([]);
    expect(warningKeys(setAmount(d, { mode: 'partial', method: 'missing_quantity', missing: 1 }), delivered)).toEqual([]);
    // a full refund for one missing piece of four is far from the share too
    expect(warningKeys(setAmount(d, { mode: 'full' }), delivered)).toEqual(['claim_check_amount_far_from_missing_share']);
  });

  it('fewer items whose counts are not fewer', () => {
    const d = setAnswer(setAnswer(received('fewer_items'), 'quantity_ordered', 4), 'quantity_received', 4);
    expect(claimWarnings(d, delivered)).toEqual([
      { kind: 'warning', key: 'claim_check_fewer_items_counts', params: { ordered: 4, received: 4 }, step: 'details' },
    ]);
  });

  it('counterfeit, different material, empty package or not received with a partial amount → suggest full', () => {
    const partial = { mode: 'partial', method: 'percentage', percent: 20 } as const;
    const counterfeit = setAmount(received('counterfeit'), partial);
    expect(claimWarnings(counterfeit, delivered)).toEqual([
      { kind: 'warning', key: 'claim_check_suggest_full', params: { amount: '$10.00', paid: '$50.00' }, step: 'amount' },
    ]);
    const material = setAmount(setSubKind(received('not_as_described'), 'material'), partial);
    expect(warningKeys(material, delivered)).toEqual(['claim_check_suggest_full']);
    expect(warningKeys(setAmount(received('empty_package'), partial), delivered)).toEqual(['claim_check_suggest_full']);
    const notReceived = setAmount(setReason(emptyDraft(inTransit), 'protection_ending_in_transit'), partial);
    expect(warningKeys(notReceived, inTransit)).toEqual(['claim_check_suggest_full']);
    // a wrong colour with a partial amount is fine; counterfeit in full is fine
    expect(warningKeys(setAmount(setSubKind(received('not_as_described'), 'colour'), partial), delivered)).toEqual([]);
    expect(warningKeys(setAmount(counterfeit, { mode: 'full' }), delivered)).toEqual([]);
  });

  it('"no tracking info" while tracking had an in-transit event → use protection ending in transit', () => {
    const d = setReason(emptyDraft(inTransit), 'no_tracking_info');
    expect(claimWarnings(d, inTransit)).toEqual([
      { kind: 'warning', key: 'claim_check_use_in_transit_reason', params: { count: 1 }, step: 'reason' },
    ]);
    const silent = makeOrder({ status: 'awaiting_delivery', deliveredAt: null, events: [PRE_SHIPMENT_EVENT] });
    expect(warningKeys(setReason(emptyDraft(silent), 'no_tracking_info'), silent)).toEqual([]);
  });

  it('accepts facts from a better classifier', () => {
    const d = setReason(emptyDraft(inTransit), 'no_tracking_info');
    const facts = { delivered: false, deliveredOn: null, carrierEvents: 0, lastTrackingOn: null, lastTrackingPlace: null, trackingNumber: null, protectionEndsOn: null };
    expect(claimWarnings(d, inTransit, { facts })).toEqual([]);
  });
});

describe('advice', () => {
  const advice = (d: ClaimDraft, o: Order) => checkClaim(d, o).filter((n) => n.kind === 'advice').map((n) => `${n.step}:${n.key}`);

  it('always: never confirm early, negotiate only the refund, no cancelling for a promise, a discount to withdraw', () => {
    expect(advice(received('quality'), delivered)).toEqual([
      'received:claim_advice_received_is_not_confirm',
      'outcome:claim_advice_negotiate_refund_only',
      'review:claim_advice_never_confirm_early',
      'review:claim_advice_no_cancel_for_promise',
      'review:claim_advice_discount_to_withdraw',
    ]);
  });

  it('where it applies: counterfeit, unboxing, partial if usable, extension, opening before the date', () => {
    expect(advice(received('counterfeit'), delivered)).toContain('reason:claim_advice_counterfeit_aliexpress');
    expect(advice(received('damaged_in_transit'), delivered)).toContain('evidence:claim_advice_film_unboxing');
    expect(advice(setSubKind(received('not_as_described'), 'size'), delivered)).toContain('amount:claim_advice_partial_if_usable');
    const d = setReason(emptyDraft(inTransit), 'protection_ending_in_transit');
    expect(advice(d, inTransit)).toContain('reason:claim_advice_ask_extension');
    expect(checkClaim(d, inTransit).find((n) => n.key === 'claim_advice_open_before_deadline')?.params).toEqual({ date: '2026-09-20' });
  });
});
