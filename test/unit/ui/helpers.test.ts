import { describe, expect, it } from 'vitest';
import { disputeStartUrl } from '../../../src/aliexpress/dispute-url';
import { composeClaim } from '../../../src/domain/claim/compose';
import { emptyDraft, setAmount, setOutcome, setReason, setReceived, toggleEvidence } from '../../../src/domain/claim/draft';
import { createTranslator } from '../../../src/i18n';
import { isoFromEnglishDate, minorToInput, parseMajorAmount, sentenceMeaning } from '../../../src/ui/claim/helpers';
import { restoreDraft, toStored } from '../../../src/ui/claim/useDraft';
import { claimFacts } from '../../../src/domain/claim/facts';
import { makeOrder } from '../claim/fixtures';
import he from '../../../src/i18n/catalogue/he/claim.json';
import heClaimUi from '../../../src/i18n/catalogue/he/claimui.json';

describe('dispute start URL', () => {
  const id = '8214398062177351';
  it('defaults to www.aliexpress.com', () => {
    expect(disputeStartUrl(id)).toBe('https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8214398062177351');
    expect(disputeStartUrl(id, 'aliexpress.com')).toBe('https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8214398062177351');
  });
  it('keeps .us, mobile and language subdomains', () => {
    expect(disputeStartUrl(id, 'www.aliexpress.us')).toBe('https://www.aliexpress.us/p/reverse-pages/start.html?orderId=8214398062177351');
    expect(disputeStartUrl(id, 'pt.aliexpress.com')).toBe('https://pt.aliexpress.com/p/reverse-pages/start.html?orderId=8214398062177351');
    expect(disputeStartUrl(id, 'm.aliexpress.com')).toBe('https://m.aliexpress.com/p/reverse-pages/start.html?orderId=8214398062177351');
  });
  it('never links to another operator or an unknown host', () => {
    expect(disputeStartUrl(id, 'aliexpress.ru')).toBe('https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8214398062177351');
    expect(disputeStartUrl(id, 'evil.com')).toBe('https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8214398062177351');
    expect(disputeStartUrl(id, 'aliexpress.com.evil.com')).toBe('https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8214398062177351');
    expect(disputeStartUrl(id, 'trade.aliexpress.com')).toBe('https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8214398062177351');
  });
});

describe('typed amounts', () => {
  it('reads major units with either decimal mark into minor units', () => {
    expect(parseMajorAmount('40', 'BRL')).toBe(4000);
    expect(parseMajorAmount('40,5', 'BRL')).toBe(4050);
    expect(parseMajorAmount('40.50', 'BRL')).toBe(4050);
    expect(parseMajorAmount('1.234,56', 'BRL')).toBe(123456);
    expect(parseMajorAmount('1,234.56', 'USD')).toBe(123456);
    expect(parseMajorAmount('1,000', 'JPY')).toBe(1000);
    expect(parseMajorAmount(' 11 110 ', 'KRW')).toBe(11110);
    expect(parseMajorAmount('', 'BRL')).toBeNull();
  });
  it('refuses what is not an amount', () => {
    expect(parseMajorAmount('abc', 'BRL')).toBe('invalid');
    expect(parseMajorAmount('-5', 'BRL')).toBe('invalid');
    expect(parseMajorAmount('10.5', 'JPY')).toBe('invalid');
    expect(parseMajorAmount('1.2345', 'USD')).toBe('invalid');
  });
  it('writes minor units back', () => {
    expect(minorToInput(4050, 'BRL')).toBe('40.50');
    expect(minorToInput(5, 'USD')).toBe('0.05');
    expect(minorToInput(1000, 'JPY')).toBe('1000');
  });
});

describe('sentence meanings', () => {
  it('turns the English dates back into calendar dates', () => {
    expect(isoFromEnglishDate('Sep 1, 2026')).toBe('2026-09-01');
    expect(isoFromEnglishDate('Dec 25, 2026')).toBe('2026-12-25');
    expect(isoFromEnglishDate('Septober 1, 2026')).toBeNull();
  });

  it('shows each sentence in Hebrew with the date, amount and evidence for the shopper', () => {
    const order = makeOrder({ currency: 'BRL', total: 3193, price: 1390, quantity: 2, status: 'awaiting_delivery', deliveredAt: null });
    let d = emptyDraft(order);
    d = setReceived(d, false);
    d = setReason(d, 'no_tracking_info');
    d = setOutcome(d, 'refund_only');
    d = setAmount(d, { mode: 'full' });
    d = toggleEvidence(d, 'screenshot_tracking', true);
    const c = composeClaim(d, order);
    const t = createTranslator(he as Record<string, string>);
    const intro = c.sentences.find((s) => s.id === 'intro_dated')!;
    expect(intro.english).toBe('I am writing about order 8201234567890123, placed on Aug 3, 2026.');
    const introHe = sentenceMeaning(t, intro, 'he');
    expect(introHe).toContain('8201234567890123');
    expect(introHe).toContain(new Intl.DateTimeFormat('he', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 7, 3, 12))));
    const evidence = c.sentences.find((s) => s.id === 'evidence')!;
    expect(sentenceMeaning(t, evidence, 'he')).toContain((he as Record<string, string>)['claim_evidence_screenshot_tracking_label']);
    const refund = c.sentences.find((s) => s.id === 'refund_full')!;
    expect(refund.english).toBe('I ask for a full refund of R$31.93.');
    expect(sentenceMeaning(t, refund, 'he', { amount: 'AMOUNT-HE' })).toContain('AMOUNT-HE');
    expect(Object.keys(heClaimUi).every((k) => k.startsWith('claimui_'))).toBe(true);
  });
});

describe('draft restore', () => {
  const order = makeOrder();
  const facts = claimFacts(order);
  it('restores a stored draft with the shopper\'s edit beside it', () => {
    const d = setReason(emptyDraft(order), 'does_not_work');
    const stored = toStored({ draft: d, edited: { base: 'A.', text: 'A. B.' } });
    const back = restoreDraft(order, JSON.parse(JSON.stringify(stored)), facts);
    expect(back.draft).toEqual(d);
    expect(back.edited).toEqual({ base: 'A.', text: 'A. B.' });
  });
  it('starts a fresh, pre-answered draft for something else', () => {
    const other = { ...emptyDraft(order), orderId: '8209999999999999' };
    expect(restoreDraft(order, other, facts)).toEqual({ draft: emptyDraft(order), edited: null });
    expect(restoreDraft(order, { version: 99 }, facts).draft.received).toBe(true);
  });
});
