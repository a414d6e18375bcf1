import { describe, expect, it } from 'vitest';
import { composeReply, REPLY_KINDS, type ReplyRequest } from '../../../src/domain/claim/replies';
import { EVIDENCE_ENGLISH, SENTENCES } from '../../../src/domain/claim/templates';
import { misspelt } from './spellcheck';

describe('English spell check', () => {
  it('the checker does reject misspellings (sanity)', () => {
    expect(misspelt('The parcle was delivred')).toEqual(['parcle', 'delivred']);
  });

  it.each(Object.entries(SENTENCES))('sentence %s', (_id, english) => {
    expect(misspelt(english)).toEqual([]);
  });

  it.each(Object.entries(EVIDENCE_ENGLISH))('evidence %s', (_id, english) => {
    expect(misspelt(english)).toEqual([]);
  });

  it('every reply as composed', () => {
    const requests: ReplyRequest[] = [
      { kind: 'decline_offer', offered: { minor: 500, currency: 'USD' }, requested: { minor: 2509, currency: 'USD' } },
      { kind: 'accept_offer', offered: { minor: 2000, currency: 'EUR' } },
      { kind: 'add_evidence', evidence: ['video_unboxing', 'photo_package_label'] },
      { kind: 'escalate' },
      { kind: 'ask_tracking', orderId: '8201234567890123' },
      { kind: 'extend_protection', orderId: '8201234567890123', protectionEndsOn: '2026-09-20' },
      { kind: 'refund_not_received', orderId: '8201234567890123', refundedOn: '2026-09-20' },
    ];
    expect(requests.map((r) => r.kind)).toEqual([...REPLY_KINDS]);
    for (const r of requests) expect(misspelt(composeReply(r).text)).toEqual([]);
  });
});
