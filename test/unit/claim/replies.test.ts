import { describe, expect, it } from 'vitest';
import { composeReply } from '../../../src/domain/claim/replies';

describe('composeReply', () => {
  it('declines a low counter-offer, restating what is asked', () => {
    const r = composeReply({ kind: 'decline_offer', offered: { minor: 500, currency: 'BRL' }, requested: { minor: 13274, currency: 'BRL' } });
    expect(r.text).toBe(
      'Hello. Thank you for the offer of R$5.00, but I cannot accept it. It does not make up for the problem described in my claim, so I still ask for R$132.74. The evidence attached to the dispute shows the problem clearly. Thank you.',
    );
    expect(r.sentences.map((s) => s.key)).toEqual([
      'claim_sentence_hello',
      'claim_sentence_reply_decline',
      'claim_sentence_reply_decline_reason',
      'claim_sentence_reply_decline_evidence',
      'claim_sentence_thanks',
    ]);
    expect(r.sentences[1]!.params).toEqual({ offered: 'R$5.00' });
  });

  it('accepts an offer through AliExpress', () => {
    expect(composeReply({ kind: 'accept_offer', offered: { minor: 11110, currency: 'KRW' } }).text).toBe(
      'Hello. I accept your offer of a refund of ₩11,110 through AliExpress. Please issue the refund through the dispute. Thank you.',
    );
  });

  it('adds evidence, with the evidence keys for the meaning', () => {
    const r = composeReply({ kind: 'add_evidence', evidence: ['video_unboxing', 'photo_package_label'] });
    expect(r.text).toBe('Hello. I have added more evidence to the dispute: an unboxing video and a photo of the package label. Please review it before a decision is made. Thank you.');
    expect(r.sentences[1]!.lists).toEqual({ evidence: ['claim_evidence_video_unboxing_label', 'claim_evidence_photo_package_label_label'] });
    expect(composeReply({ kind: 'add_evidence', evidence: [] }).sentences[1]!.id).toBe('reply_evidence_generic');
  });

  it('asks AliExpress to step in', () => {
    expect(composeReply({ kind: 'escalate' }).text).toBe(
      'Hello. The seller and I could not agree, so I ask AliExpress to step in and decide this dispute. All my evidence is attached to the dispute. Thank you.',
    );
  });

  it('asks the seller for tracking', () => {
    expect(composeReply({ kind: 'ask_tracking', orderId: '8201234567890123' }).text).toBe(
      'Hello. Could you please send me the tracking number of order 8201234567890123 and tell me when it was shipped? Thank you.',
    );
  });

  it('asks the seller to extend protection by two weeks', () => {
    const r = composeReply({ kind: 'extend_protection', orderId: '8201234567890123', protectionEndsOn: '2026-09-20' });
    expect(r.text).toBe(
      'Hello. The parcel for order 8201234567890123 is still in transit, and the buyer protection ends on Sep 20, 2026. Could you please extend the buyer protection by 14 days, so that the parcel has time to arrive? Thank you.',
    );
    expect(r.sentences[2]!.params).toEqual({ days: 14 });
    expect(composeReply({ kind: 'extend_protection', orderId: '8201234567890123', protectionEndsOn: null, days: 10 }).text).toContain(
      'will end soon. Could you please extend the buyer protection by 10 days,',
    );
  });

  it('tells AliExpress a granted refund has not arrived, with the day it was granted when known', () => {
    expect(composeReply({ kind: 'refund_not_received', orderId: '8201234567890123', refundedOn: '2026-09-20' }).text).toBe(
      'Hello. The refund for order 8201234567890123 was granted on Sep 20, 2026, but it has not reached my payment method yet. Could you please check its status and send me the refund reference number, so that I can trace it with my bank? Thank you.',
    );
    expect(composeReply({ kind: 'refund_not_received', orderId: '8201234567890123', refundedOn: null }).text).toContain('was granted, but it has not reached');
  });
});
