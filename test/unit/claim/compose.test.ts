import { describe, expect, it } from 'vitest';
import { CLAIM_MAX_LENGTH, composeClaim, flagNonEnglish } from '../../../src/domain/claim/compose';
import { emptyDraft, setAmount, setNote, setOutcome, setReason, setSubKind, type ClaimDraft } from '../../../src/domain/claim/draft';
import { REASONS, REASON_IDS, SUB_KINDS, evidenceFor, questionsFor, type QuestionId, type ReasonId, type SubKind } from '../../../src/domain/claim/reasons';
import { formatMoney } from '../../../src/domain/money';
import type { Order } from '../../../src/domain/order';
import { ANSWERS, ORDER_ID, TRANSIT_EVENT, makeOrder } from './fixtures';
import { misspelt } from './spellcheck';


/** The order as each currency would show it: total and unit price (4 pieces). */
const CURRENCIES: Record<string, { total: number; price: number; partialText: string }> = {
  BRL: { total: 13274, price: 3318, partialText: 'R$' },
  USD: { total: 2509, price: 627, partialText: '$' },
  EUR: { total: 4888, price: 1222, partialText: '€' },
  JPY: { total: 10451, price: 2612, partialText: '¥' },
  KRW: { total: 11110, price: 2777, partialText: '₩' },
};

function orderIn(currency: string, received: boolean): Order {
  const c = CURRENCIES[currency]!;
  return received
    ? makeOrder({ currency, total: c.total, price: c.price, quantity: 4 })
    : makeOrder({ currency, total: c.total, price: c.price, quantity: 4, status: 'awaiting_delivery', deliveredAt: null, events: [TRANSIT_EVENT], protectionEndsOn: '2026-09-20' });
}

function draftFor(order: Order, reason: ReasonId, subKind: SubKind | null, outcome: 'refund_only' | 'return_and_refund', mode: 'full' | 'partial'): ClaimDraft {
  let d = setReason(emptyDraft(order), reason);
  d = { ...d, received: REASONS[reason].received };
  if (subKind) d = setSubKind(d, subKind);
  const answers: ClaimDraft['answers'] = {};
  for (const q of questionsFor(reason, subKind)) answers[q.id] = ANSWERS[q.id];
  d = { ...d, answers, evidence: evidenceFor(reason, subKind).map((e) => e.id) };
  d = setOutcome(d, outcome);
  d =
    mode === 'full'
      ? setAmount(d, { mode: 'full' })
      : reason === 'fewer_items'
        ? setAmount(d, { mode: 'partial', method: 'missing_quantity', missing: 1 })
        : setAmount(d, { mode: 'partial', method: 'percentage', percent: 40 });
  return d;
}

const PLACEHOLDER = /[{}]|undefined|null|NaN/;

interface Case {
  name: string;
  reason: ReasonId;
  subKind: SubKind | null;
  outcome: 'refund_only' | 'return_and_refund';
  mode: 'full' | 'partial';
  currency: string;
}

const cases: Case[] = [];
for (const reason of REASON_IDS) {
  const r = REASONS[reason];
  const subKinds: (SubKind | null)[] = r.subKinds.length > 0 ? [...SUB_KINDS] : [null];
  for (const subKind of subKinds)
    for (const outcome of r.outcomes)
      for (const mode of ['full', 'partial'] as const)
        for (const currency of Object.keys(CURRENCIES))
          cases.push({ name: `${reason}${subKind ? `/${subKind}` : ''} ${outcome} ${mode} ${currency}`, reason, subKind, outcome, mode, currency });
}

describe('composeClaim for every reason × received × outcome × amount mode × currency', () => {
  it('covers the whole matrix', () => {
    // 8 received reasons (not_as_described × 5 sub-kinds) × 2 outcomes + 5 not received × 1, × 2 modes × 5 currencies
    expect(cases.length).toBe(((7 + 5) * 2 + 5) * 2 * 5);
  });

  it.each(cases)('$name', ({ reason, subKind, outcome, mode, currency }) => {
    const order = orderIn(currency, REASONS[reason].received);
    const d = draftFor(order, reason, subKind, outcome, mode);
    const c = composeClaim(d, order);
    const paid = order.total!;
    const amount =
      mode === 'full'
        ? paid
        : reason === 'fewer_items'
          ? { minor: Math.round(paid.minor / 4), currency } // one of the 4 pieces: a quarter of what was paid
          : { minor: Math.round((paid.minor * 40) / 100), currency };
    expect(c.problems).toEqual([]);
    expect(c.text).toContain(ORDER_ID);
    expect(c.text).toContain(formatMoney(amount, 'en'));
    expect(formatMoney(amount, 'en')).toContain(CURRENCIES[currency]!.partialText);
    expect(c.text).not.toMatch(PLACEHOLDER);
    expect(misspelt(c.text)).toEqual([]);
    expect(c.length).toBe(c.text.length);
    expect(c.length).toBeLessThanOrEqual(CLAIM_MAX_LENGTH);
    expect(c.text).toBe(c.sentences.map((s) => s.english).join(' '));
    for (const s of c.sentences) {
      expect(s.key).toBe(`claim_sentence_${s.id}`);
      expect(s.english).toMatch(/[.,?]$/);
      for (const v of Object.values(s.params)) expect(String(v)).not.toMatch(PLACEHOLDER);
    }
    // the reason's own sentence with the shopper's facts is there, not the generic fallback
    expect(c.sentences.some((s) => s.id.endsWith('_generic'))).toBe(false);
    expect(c.sentences.map((s) => s.id)).toContain(
      mode === 'full'
        ? outcome === 'refund_only'
          ? 'refund_full'
          : 'return_full'
        : outcome === 'refund_only'
          ? REASONS[reason].received && reason !== 'fewer_items'
            ? 'refund_partial_keep'
            : 'refund_partial'
          : 'return_partial',
    );
  });
});

describe('claims about one item of several', () => {
  // Earbuds ×2 at $12.50 and a phone case at $6.00, $2.00 shipping: $33.00 paid.
  const two = (received: boolean): Order => {
    const base = orderIn('USD', received);
    return {
      ...base,
      total: { minor: 3300, currency: 'USD' },
      items: [
        { title: 'Wireless earbuds with charging case', quantity: 2, price: { minor: 1250, currency: 'USD' }, variant: 'Black' },
        { title: 'Silicone phone case', quantity: 1, price: { minor: 600, currency: 'USD' }, variant: null },
      ],
    };
  };
  const CHOICES = {
    'the case': { lines: [{ index: 1, quantity: null }], paid: 639, names: ['“Silicone phone case”'] },
    'one of the two earbuds': { lines: [{ index: 0, quantity: 1 }], paid: 1331, names: ['1 of the 2 pieces of “Wireless earbuds with charging case”'] },
    'both items': { lines: [{ index: 0, quantity: null }, { index: 1, quantity: null }], paid: 3300, names: ['“Wireless earbuds with charging case”', '“Silicone phone case”'] },
  } as const;
  const rows: [string, ReasonId, 'refund_only' | 'return_and_refund', 'full' | 'partial', keyof typeof CHOICES][] = [];
  for (const reason of REASON_IDS)
    for (const outcome of REASONS[reason].outcomes)
      for (const mode of ['full', 'partial'] as const)
        for (const choice of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) rows.push([`${reason} ${outcome} ${mode} ${choice}`, reason, outcome, mode, choice]);

  it.each(rows)('%s', (_name, reason, outcome, mode, choice) => {
    const order = two(REASONS[reason].received);
    const c = CHOICES[choice];
    const subKind = REASONS[reason].subKinds.length > 0 ? 'colour' : null;
    const d = { ...draftFor(order, reason, subKind, outcome, mode), lines: c.lines.map((l) => ({ ...l })) };
    const claim = composeClaim(d, order);
    const asked = claim.sentences.find((s) => /^(refund|return)_(full|partial)(_keep)?$/.test(s.id));
    expect(claim.problems).toEqual([]);
    // The amount asked never exceeds what was paid for the chosen items.
    const amount = Number(String(asked?.params['amount']).replace(/[^0-9]/g, ''));
    expect(amount).toBeGreaterThan(0);
    expect(amount).toBeLessThanOrEqual(c.paid);
    if (mode === 'full') expect(asked?.params['amount']).toBe(formatMoney({ minor: c.paid, currency: 'USD' }, 'en'));
    // It names them, reads as English, and fits.
    for (const name of c.names) expect(claim.text).toContain(name);
    expect(claim.text).not.toMatch(PLACEHOLDER);
    expect(claim.text).not.toMatch(/…\.|\.\./);
    expect(misspelt(claim.text)).toEqual([]);
    expect(claim.length).toBeLessThanOrEqual(CLAIM_MAX_LENGTH);
  });
});

describe('the facts that win', () => {
  it('not received: shipped on, the last movement and how long ago, the last scan', () => {
    const base = orderIn('USD', false);
    const order = { ...base, tracking: [{ number: 'LP00123456789012', carrier: null, events: [{ ...TRANSIT_EVENT, place: 'Guangzhou sorting center' }] }] };
    const d = { ...draftFor(order, 'protection_ending_in_transit', null, 'refund_only', 'full'), answers: {} };
    const c = composeClaim(d, order, { today: '2026-09-15' });
    expect(c.text).toContain('The seller shipped it on Aug 5, 2026.');
    expect(c.text).toContain('The last tracking update was on Aug 10, 2026, 36 days ago.');
    expect(c.text).toContain('The last scan was at Guangzhou sorting center.');
    expect(c.text).toContain('Please refund me through this dispute.');
    expect(c.text).not.toMatch(/confirm receipt|return the item/);
    // Without today, no "days ago".
    expect(composeClaim(d, order).text).toContain('The last tracking update was on Aug 10, 2026.');
  });

  it('counterfeit: how the shopper knows, in the text; a partial refund for goods kept says so', () => {
    const order = orderIn('USD', true);
    const fake = composeClaim(draftFor(order, 'counterfeit', null, 'refund_only', 'full'), order);
    expect(fake.text).toContain('I can tell it is not genuine: the serial number fails the check on the Sony website and there is no hologram.');
    const partial = composeClaim(draftFor(order, 'quality', null, 'refund_only', 'partial'), order);
    expect(partial.text).toMatch(/I ask for a partial refund of \$\d+\.\d\d and will keep the item\./);
  });
});

describe('composeClaim details', () => {
  const order = makeOrder({ currency: 'USD', total: 5000, price: 1250, quantity: 4 });
  const base = draftFor(order, 'not_as_described', 'colour', 'refund_only', 'full');

  it('composes the expected text for a wrong colour', () => {
    const c = composeClaim(base, order);
    expect(c.text).toBe(
      'Hello, I am writing about order 8201234567890123, placed on Aug 3, 2026. ' +
        'My claim is about all 4 pieces of “Wireless earbuds with charging case” I ordered. ' +
        'The parcel was delivered on Aug 28, 2026. ' +
        'The color is not as described: I ordered navy blue but received light gray. ' +
        'I have attached a daylight photo of the color, a screenshot of the listing, photos of the item as received and screenshots of my chat with the seller. ' +
        'I ask for a full refund of $50.00. ' +
        'Please resolve this through the dispute. ' +
        'Thank you.',
    );
    const colour = c.sentences.find((s) => s.id === 'nad_colour')!;
    expect(colour.params).toEqual({ ordered: 'navy blue', received: 'light gray' });
    expect(c.sentences.find((s) => s.id === 'evidence')!.lists).toEqual({
      evidence: [
        'claim_evidence_photo_colour_daylight_label',
        'claim_evidence_screenshot_listing_label',
        'claim_evidence_photo_item_mismatch_label',
        'claim_evidence_screenshot_chat_label',
      ],
    });
  });

  it('drops optional sentences whole, in order, to fit 1,000 characters, and says when the note went', () => {
    const note = 'I contacted the seller twice and got no answer about the wrong color. '.repeat(12);
    const c = composeClaim(setNote(base, note), order);
    expect(c.length).toBeLessThanOrEqual(1000);
    expect(c.problems).toEqual(['claim_problem_note_dropped']);
    // with the long note gone, the optional sentences dropped before it come back
    expect(c.sentences.map((s) => s.id)).toEqual(['greeting', 'intro_dated', 'item_all_quantity', 'delivered', 'nad_colour', 'evidence', 'refund_full', 'closing_received', 'thanks']);
    const short = composeClaim(setNote(base, 'The seller did not answer my messages'), order);
    expect(short.sentences.find((s) => s.id === 'note')!.english).toBe('The seller did not answer my messages.');
    // with a medium note, the least useful optional sentences go first
    const medium = composeClaim(setNote(base, 'I contacted the seller twice and got no answer about the wrong color, although I sent photos of it. '.repeat(2).trim()), order, { maxLength: 620 });
    const ids = medium.sentences.map((s) => s.id);
    expect(ids).toContain('note');
    expect(ids).not.toContain('item_all_quantity');
    expect(ids).not.toContain('delivered');
    expect(medium.length).toBeLessThanOrEqual(620);
  });

  it('shortens very long answers at a word and never cuts a sentence', () => {
    const long = 'extremely '.repeat(100) + 'dark';
    const d = { ...base, answers: { ...base.answers, ordered_colour: long, received_colour: long } };
    const c = composeClaim(d, order);
    expect(c.length).toBeLessThanOrEqual(1000);
    expect(c.sentences.find((s) => s.id === 'nad_colour')!.english).toMatch(/^The color is not as described: I ordered (extremely )+extremely… but received (extremely )+extremely…$/);
    expect(c.text).not.toContain('….');
    expect(c.problems).toEqual([]);
  });

  it('fits 1,000 characters for every reason even with the longest answers and note', () => {
    for (const reason of REASON_IDS) {
      const o = orderIn('BRL', REASONS[reason].received);
      for (const subKind of REASONS[reason].subKinds.length > 0 ? SUB_KINDS : [null]) {
        let d = draftFor(o, reason, subKind, 'refund_only', 'full');
        const answers: ClaimDraft['answers'] = { ...d.answers };
        for (const [k, v] of Object.entries(answers)) if (typeof v === 'string' && !/^\d{4}-/.test(v)) answers[k as QuestionId] = 'very long answer '.repeat(30);
        d = setNote({ ...d, answers }, 'A long note from the shopper. '.repeat(60));
        const c = composeClaim(d, o);
        expect(c.length).toBeLessThanOrEqual(1000);
        expect(c.problems).toEqual(['claim_problem_note_dropped']);
        expect(c.text).not.toMatch(PLACEHOLDER);
      }
    }
  });

  it('removes braces the shopper typed, so no placeholder can appear', () => {
    const d = { ...base, answers: { ...base.answers, ordered_colour: '{navy} blue', received_colour: 'gray}' } };
    expect(composeClaim(d, order).text).not.toMatch(PLACEHOLDER);
  });

  it('falls back to a generic sentence and reports missing answers', () => {
    const d = { ...base, answers: {} };
    const c = composeClaim(d, order);
    expect(c.sentences.map((s) => s.id)).toContain('nad_colour_generic');
    expect(c.problems).toEqual(['claim_problem_missing_answers']);
  });

  it('reports what is missing in an empty draft, still with no placeholder', () => {
    const c = composeClaim(emptyDraft(order), order);
    expect(c.problems).toEqual(['claim_problem_no_reason']);
    expect(c.text).toBe('Hello, I am writing about order 8201234567890123, placed on Aug 3, 2026. My claim is about all 4 pieces of “Wireless earbuds with charging case” I ordered. The parcel was delivered on Aug 28, 2026. Please resolve this through the dispute. Thank you.');
  });

  it('reports an amount error by its key and asks without an amount', () => {
    const d = setAmount(base, { mode: 'partial', method: 'sum', sumMinor: 9999 });
    const c = composeClaim(d, order);
    expect(c.problems).toEqual(['claim_amount_error_above_paid']);
    expect(c.sentences.map((s) => s.id)).toContain('refund_partial_no_amount');
    expect(c.text).not.toContain('$99.99');
  });

  it('flags non-English text typed by the shopper', () => {
    const d = setNote(base, 'Het werkt niet');
    expect(composeClaim(d, order).problems).toContain('claim_problem_non_english');
  });

  it('leaves out an item title in another script', () => {
    const ru = makeOrder({ title: 'Беспроводные наушники' });
    const c = composeClaim(draftFor(ru, 'does_not_work', null, 'refund_only', 'full'), ru);
    expect(c.sentences.map((s) => s.id)).not.toContain('item_all_quantity');
    expect(c.problems).toEqual([]);
  });

  it('uses the protection date and the tracking for "in transit"', () => {
    const o = orderIn('EUR', false);
    const c = composeClaim(draftFor(o, 'protection_ending_in_transit', null, 'refund_only', 'full'), o);
    expect(c.text).toContain('the buyer protection ends on Sep 20, 2026.');
    expect(c.text).toContain('The last tracking update was on Aug 10, 2026.');
    expect(c.text).toContain('The tracking number is LP00123456789012.');
    expect(c.text).toContain('I ask for a full refund of €48.88.');
  });
});

describe('flagNonEnglish', () => {
  it('finds other scripts as ranges', () => {
    const text = 'The item is broken. Товар сломан. המוצר שבור. 商品坏了 and 상품이 and مكسور and σπασμένο.';
    const ranges = flagNonEnglish(text).map((r) => ({ script: r.script, text: text.slice(r.start, r.end) }));
    expect(ranges).toEqual([
      { script: 'cyrillic', text: 'Товар сломан' },
      { script: 'hebrew', text: 'המוצר שבור' },
      { script: 'cjk', text: '商品坏了' },
      { script: 'cjk', text: '상품이' },
      { script: 'arabic', text: 'مكسور' },
      { script: 'greek', text: 'σπασμένο' },
    ]);
  });

  it('finds common non-English function words in Latin script', () => {
    const text = 'Het werkt niet. Não está funcionando. Pero muy roto. Das ist nicht gut.';
    const words = flagNonEnglish(text).map((r) => text.slice(r.start, r.end));
    expect(words).toEqual(['Het werkt niet', 'Não está', 'Pero muy roto', 'Das ist nicht']);
  });

  it('leaves plain English alone', () => {
    expect(flagNonEnglish('The item does not work and the package was damaged; I ask for a refund of R$132.74.')).toEqual([]);
    expect(flagNonEnglish('The café sold a naïve design.')).toEqual([]);
  });
});
