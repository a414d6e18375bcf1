import { describe, expect, it } from 'vitest';
import {
  ClaimDraftSchema,
  emptyDraft,
  nextStep,
  parseDraft,
  receivedFromOrder,
  setAmount,
  setAnswer,
  setLine,
  chosenLines,
  setOutcome,
  setReason,
  setReceived,
  setSubKind,
  steps,
  toggleEvidence,
} from '../../../src/domain/claim/draft';
import { NOT_RECEIVED_REASONS, RECEIVED_REASONS, REASONS, evidenceFor, questionsFor, reasonsFor } from '../../../src/domain/claim/reasons';
import { ORDER_ID, PRE_SHIPMENT_EVENT, TRANSIT_EVENT, makeOrder } from './fixtures';

const delivered = makeOrder();
const awaiting = makeOrder({ status: 'awaiting_delivery', deliveredAt: null, events: [PRE_SHIPMENT_EVENT, TRANSIT_EVENT] });

describe('reasons', () => {
  it('lists the form reasons per answer to "received?"', () => {
    expect(reasonsFor(true).map((r) => r.id)).toEqual([
      'not_as_described', 'does_not_work', 'quality', 'counterfeit', 'fewer_items', 'empty_package', 'damaged_in_transit', 'different_shipping_method',
    ]);
    expect(reasonsFor(false).map((r) => r.id)).toEqual(['protection_ending_in_transit', 'returned_to_seller', 'no_tracking_info', 'customs_duty_too_high', 'wrong_address']);
  });

  it('requires photos exactly when received; returns only for goods received', () => {
    for (const id of RECEIVED_REASONS) expect([REASONS[id].photosRequired, REASONS[id].outcomes]).toEqual([true, ['refund_only', 'return_and_refund']]);
    for (const id of NOT_RECEIVED_REASONS) expect([REASONS[id].photosRequired, REASONS[id].outcomes]).toEqual([false, ['refund_only']]);
    expect(REASONS.counterfeit.goesToAliExpress).toBe(true);
    expect(REASONS.not_as_described.labelKey).toBe('claim_reason_not_as_described_label');
    expect(REASONS.not_as_described.helpKey).toBe('claim_reason_not_as_described_help');
  });

  it('asks typed questions per reason and sub-kind', () => {
    expect(questionsFor('not_as_described', 'size').map((q) => `${q.id}:${q.type}`)).toEqual(['ordered_size:text', 'received_size:text']);
    expect(questionsFor('fewer_items').map((q) => `${q.id}:${q.type}`)).toEqual(['quantity_ordered:count', 'quantity_received:count']);
    expect(questionsFor('does_not_work').map((q) => `${q.id}:${q.type}:${q.required}`)).toEqual(['fault:text:true', 'fault_since:date:false']);
    expect(questionsFor('damaged_in_transit').map((q) => `${q.id}:${q.type}`)).toEqual(['damage:text', 'damage_visible:yes_no', 'package_damaged:yes_no']);
    expect(questionsFor('not_as_described', null)).toEqual([]);
  });

  it('lists the evidence that wins each reason, essentials first', () => {
    expect(evidenceFor('not_as_described', 'size').map((e) => e.id)).toEqual([
      'photo_size_tape', 'photo_size_label', 'screenshot_listing', 'photo_item_mismatch', 'screenshot_chat',
    ]);
    expect(evidenceFor('does_not_work').filter((e) => e.essential).map((e) => e.id)).toEqual(['video_fault']);
    expect(evidenceFor('damaged_in_transit').map((e) => e.id)).toEqual(['photo_damage', 'photo_package', 'photo_package_label', 'video_unboxing', 'screenshot_chat']);
    expect(evidenceFor('fewer_items').filter((e) => e.essential).map((e) => e.id)).toEqual(['photo_all_received', 'photo_package_label']);
    expect(evidenceFor('no_tracking_info').filter((e) => e.essential).map((e) => e.id)).toEqual(['screenshot_tracking']);
    expect(evidenceFor('counterfeit').filter((e) => e.essential).map((e) => e.id)).toEqual(['photo_logos', 'screenshot_listing']);
    for (const id of [...RECEIVED_REASONS, ...NOT_RECEIVED_REASONS]) expect(evidenceFor(id).map((e) => e.id)).toContain('screenshot_chat');
  });
});

describe('emptyDraft', () => {
  it('pre-answers "received" from the order: delivered ⇒ yes, awaiting delivery ⇒ no, else unknown', () => {
    expect(emptyDraft(delivered)).toMatchObject({ received: true, receivedFrom: 'order' });
    expect(emptyDraft(awaiting)).toMatchObject({ received: false, receivedFrom: 'order' });
    expect(emptyDraft(makeOrder({ status: 'completed', deliveredAt: null }))).toMatchObject({ received: null, receivedFrom: null });
    expect(receivedFromOrder(makeOrder({ status: 'awaiting_delivery' }))).toBe(true); // delivered event wins
  });

  it('pre-fills what the order knows', () => {
    expect(emptyDraft(awaiting)).toEqual({
      version: 2,
      orderId: ORDER_ID,
      received: false,
      receivedFrom: 'order',
      reason: null,
      subKind: null,
      lines: [{ index: 0, quantity: 4 }],
      answers: { tracking_number: 'LP00123456789012', last_tracking_update: '2026-08-10', quantity_ordered: 4 },
      outcome: null,
      amount: { mode: 'full', method: 'sum', missing: null, ordered: null, percent: null, sumMinor: null },
      evidence: [],
      note: '',
      step: 'received',
    });
  });

  it('is JSON-serialisable and validates after a round trip; other versions are refused', () => {
    const d = setNote2(emptyDraft(delivered));
    const back = JSON.parse(JSON.stringify(d)) as unknown;
    expect(parseDraft(back)).toEqual(d);
    expect(ClaimDraftSchema.safeParse(back).success).toBe(true);
    expect(parseDraft({ ...d, version: 3 })).toBeNull();
    expect(parseDraft({ ...d, reason: 'bogus' })).toBeNull();
    expect(parseDraft({ ...d, answers: { nonsense: 'x' } })).toBeNull();
  });
});

function setNote2(d: ReturnType<typeof emptyDraft>) {
  return { ...setAnswer(setReason(d, 'fewer_items'), 'quantity_received', 2), note: 'Two are missing' };
}

describe('updates', () => {
  it('changing "received" drops a reason of the other kind', () => {
    const d = setReason(emptyDraft(delivered), 'quality');
    expect(setReceived(d, false)).toMatchObject({ received: false, receivedFrom: 'shopper', reason: null, outcome: null });
    expect(setReceived(d, true).reason).toBe('quality');
  });

  it('a not-received reason sets the only outcome; evidence not on the new list is unticked', () => {
    let d = setReason(emptyDraft(awaiting), 'returned_to_seller');
    expect(d.outcome).toBe('refund_only');
    expect(setOutcome(d, 'return_and_refund').outcome).toBe('refund_only');
    d = toggleEvidence(toggleEvidence(setReason(emptyDraft(delivered), 'damaged_in_transit'), 'video_unboxing', true), 'photo_damage', true);
    expect(setReason(d, 'empty_package').evidence).toEqual(['video_unboxing']);
  });

  it('sub-kinds only for "not as described"', () => {
    expect(setSubKind(setReason(emptyDraft(delivered), 'quality'), 'size').subKind).toBeNull();
    expect(setSubKind(setReason(emptyDraft(delivered), 'not_as_described'), 'size').subKind).toBe('size');
  });
});

describe('steps', () => {
  it('walks received → reason → details → outcome → amount → evidence → review', () => {
    const state = (d: ReturnType<typeof emptyDraft>) => steps(d, delivered).map((s) => `${s.id}:${s.done ? 'done' : 'todo'}:${s.enabled ? 'on' : 'off'}`);
    let d = emptyDraft(makeOrder({ deliveredAt: null }));
    expect(state(d)).toEqual(['received:todo:on', 'reason:todo:off', 'details:todo:off', 'outcome:todo:off', 'amount:done:off', 'evidence:todo:off', 'review:todo:off']);
    expect(nextStep(d, delivered)).toBe('received');
    d = setReceived(d, true);
    expect(nextStep(d, delivered)).toBe('reason');
    d = setReason(d, 'not_as_described');
    expect(nextStep(d, delivered)).toBe('details');
    d = setSubKind(d, 'colour');
    d = setAnswer(d, 'ordered_colour', 'red');
    expect(nextStep(d, delivered)).toBe('details');
    d = setAnswer(d, 'received_colour', 'pink');
    expect(nextStep(d, delivered)).toBe('outcome');
    d = setOutcome(d, 'refund_only');
    d = setAmount(d, { mode: 'partial', method: 'percentage', percent: 150 });
    expect(nextStep(d, delivered)).toBe('amount');
    d = setAmount(d, { percent: 30 });
    expect(nextStep(d, delivered)).toBe('evidence');
    d = toggleEvidence(d, 'screenshot_chat', true);
    expect(nextStep(d, delivered)).toBe('evidence'); // a photo or video is required
    d = toggleEvidence(d, 'photo_colour_daylight', true);
    expect(nextStep(d, delivered)).toBe('review');
    expect(steps(d, delivered).every((s) => s.done && s.enabled)).toBe(true);
    expect(steps(d)[4]).toEqual({ id: 'amount', labelKey: 'claim_step_amount_label', done: true, enabled: true });
  });

  it('with several items, the details step needs the item chosen', () => {
    const two = makeOrder({
      items: [
        { title: 'A', quantity: 1, price: { minor: 1000, currency: 'USD' }, variant: null },
        { title: 'B', quantity: 2, price: { minor: 1000, currency: 'USD' }, variant: null },
      ],
      total: 3000,
    });
    let d = setReason(emptyDraft(two), 'quality');
    d = setAnswer(d, 'quality_problem', 'cheap plastic');
    expect(d.lines).toEqual([]);
    expect(nextStep(d, two)).toBe('details');
    expect(nextStep(setLine(d, 1, 1), two)).toBe('outcome');
    // Lines keep the order's order; 0 takes one out.
    expect(setLine(setLine(d, 1, null), 0, 1).lines).toEqual([{ index: 0, quantity: 1 }, { index: 1, quantity: null }]);
    expect(setLine(setLine(d, 1, 2), 1, 0).lines).toEqual([]);
    expect(chosenLines(setLine(d, 1, 5), two)).toMatchObject([{ index: 1, quantity: 2 }]);
  });

  it('migrates a version-1 draft: its one item becomes the whole line', () => {
    const v1 = { ...JSON.parse(JSON.stringify(emptyDraft(awaiting))), version: 1, item: 0 } as Record<string, unknown>;
    delete v1['lines'];
    expect(parseDraft(v1)).toMatchObject({ version: 2, lines: [{ index: 0, quantity: null }] });
    expect(parseDraft({ ...v1, item: null })).toMatchObject({ version: 2, lines: [] });
  });

  it('evidence: required (a photo or video) when the goods arrived, advised but optional when they never came', () => {
    let received = setReason(emptyDraft(delivered), 'quality');
    received = setOutcome(setAnswer(received, 'quality_problem', 'peeling paint'), 'refund_only');
    expect(steps(received, delivered).find((x) => x.id === 'evidence')!.done).toBe(false);
    let never = setOutcome(setReason(emptyDraft(awaiting), 'no_tracking_info'), 'refund_only');
    never = { ...never, received: false };
    expect(never.evidence).toEqual([]);
    expect(steps(never, awaiting).find((x) => x.id === 'evidence')!.done).toBe(true);
    expect(nextStep(never, awaiting)).toBe('review');
  });

  it('counts answers of the right type only', () => {
    let d = setReason(emptyDraft(delivered), 'fewer_items');
    d = setAnswer(d, 'quantity_received', 1.5);
    expect(nextStep(d, delivered)).toBe('details');
    d = setAnswer(d, 'quantity_received', 2);
    expect(nextStep(d, delivered)).toBe('outcome');
  });
});
