/**
 * The generated claim for one case of every reason, written into docs/claims.md ("The claims
 * as they read") so a reviewer reads what shoppers send. UPDATE_DOCS=1 writes it again.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_MAX_LENGTH, composeClaim } from '../../../src/domain/claim/compose';
import { emptyDraft, setAmount, setOutcome, setReason, setSubKind, type ClaimDraft } from '../../../src/domain/claim/draft';
import { REASONS, REASON_IDS, evidenceFor, questionsFor, type ReasonId } from '../../../src/domain/claim/reasons';
import type { Order } from '../../../src/domain/order';
import { ANSWERS, TRANSIT_EVENT, makeOrder } from './fixtures';
import { misspelt } from './spellcheck';
import { docWithSection } from '../../docs-section';


function orderFor(reason: ReasonId): Order {
  if (REASONS[reason].received) return makeOrder({ total: 5000, price: 1250, quantity: 4 });
  const o = makeOrder({ total: 5000, price: 1250, quantity: 4, status: 'awaiting_delivery', deliveredAt: null, events: [TRANSIT_EVENT], protectionEndsOn: '2026-09-20' });
  return { ...o, tracking: o.tracking.map((p) => ({ ...p, events: p.events.map((e) => ({ ...e, place: 'Guangzhou sorting center' })) })) };
}

/** The case shown for a reason: colour for "not as described", a partial refund where one fits. */
function claimFor(reason: ReasonId): { title: string; text: string } {
  const order = orderFor(reason);
  let d = setReason(emptyDraft(order), reason);
  d = { ...d, received: REASONS[reason].received };
  if (reason === 'not_as_described') d = setSubKind(d, 'colour');
  const answers: ClaimDraft['answers'] = { ...d.answers };
  for (const q of questionsFor(reason, d.subKind)) if (ANSWERS[q.id] !== undefined) answers[q.id] = ANSWERS[q.id];
  d = { ...d, answers, evidence: evidenceFor(reason, d.subKind).filter((e) => e.essential).map((e) => e.id) };
  d = setOutcome(d, 'refund_only');
  const partial = reason === 'quality' || reason === 'fewer_items' || (reason === 'not_as_described' && d.subKind === 'colour');
  d = partial
    ? reason === 'fewer_items'
      ? setAmount(d, { mode: 'partial', method: 'missing_quantity', missing: 1 })
      : setAmount(d, { mode: 'partial', method: 'percentage', percent: 40 })
    : setAmount(d, { mode: 'full' });
  const c = composeClaim(d, order, { today: '2026-09-15' });
  expect(c.problems, reason).toEqual([]);
  return { title: `${reason.replace(/_/g, ' ')}${d.subKind ? ` (${d.subKind})` : ''}, ${partial ? 'partial refund' : 'full refund'}`, text: c.text };
}

const DOC = resolve('docs/claims.md');
const BEGIN = '<!-- claims:begin (test/unit/claim/examples.test.ts writes this section) -->';
const END = '<!-- claims:end -->';

describe('the claims as they read', () => {
  const claims = REASON_IDS.map(claimFor);

  it('every one fits, is spelled right, has no placeholder, no "…." and no doubled full stop', () => {
    for (const c of claims) {
      expect(c.text.length, c.title).toBeLessThanOrEqual(CLAIM_MAX_LENGTH);
      expect(misspelt(c.text), c.title).toEqual([]);
      expect(c.text).not.toMatch(/[{}]|undefined|null|NaN|…\.|\.\./);
    }
  });

  it('is the section in docs/claims.md', () => {
    const section = claims.map((c) => `**${c.title}** (${c.text.length} characters)\n\n> ${c.text}\n`).join('\n');
    const { doc, fresh } = docWithSection(DOC, BEGIN, END, section);
    expect(doc).toBe(fresh);
  });
});
