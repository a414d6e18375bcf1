/**
 * The popup end to end: orders read off a served order list → the dashboard (search,
 * filters) → an order → the claim assistant, walked by role and label (no test ids) to a
 * copied English claim, in English and in Hebrew, with a screenshot of every step.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launch, type Harness } from './harness';
import { ACS, LIST_API, ORDER_LIST, ORDER_LIST_URL, fixtureJson, fixtureText, gateway, html, orderListPage } from './pages';

type T = (key: string, params?: Record<string, string | number>) => string;

function catalogue(lang: string): T {
  const dir = join(ROOT, 'src', 'i18n', 'catalogue', lang);
  const all: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) Object.assign(all, JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>);
  return (key, params = {}) => {
    const text = all[key];
    if (text === undefined) throw new Error(`no ${lang} text for ${key}`);
    return text.replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w));
  };
}

interface ListOrder {
  orderId: string;
  storeName: string;
  statusText: string;
  orderLines: { itemTitle: string }[];
}
const LIST: ListOrder[] = Object.values(fixtureJson<{ data: { data: Record<string, { tag: string; fields: ListOrder }> } }>('order-list.2026-09.json').data.data)
  .filter((c) => c.tag === 'pc_om_list_order')
  .map((c) => c.fields);

const COMPLETED = '8212313961591322'; // Vega Store, R$132,74, completed
const AWAITING = '8214398062177351'; // LIMA Store, R$31,93, awaiting delivery

async function servedOrders(lang?: string): Promise<Harness> {
  const h = await launch(lang ? { lang } : {});
  await h.routeAliExpress({ [ORDER_LIST]: html(orderListPage('xhr')), [ACS]: gateway({ [LIST_API]: fixtureText('order-list.2026-09.json') }) });
  const page = await h.context.newPage();
  await page.goto(ORDER_LIST_URL);
  const start = Date.now();
  while (Object.keys(await h.orders()).length < 10) {
    if (Date.now() - start > 15_000) throw new Error('the order list was not read');
    await new Promise((r) => setTimeout(r, 200));
  }
  await page.close();
  return h;
}

async function popupAt(h: Harness, query: string): Promise<Page> {
  const page = await h.openPopup(query);
  await page.setViewportSize({ width: 420, height: 900 });
  return page;
}

const next = (page: Page, t: T) => page.getByRole('button', { name: t('claimui_next'), exact: true });
const stepTitle = (page: Page) => page.locator('#step-title');

async function expectStep(page: Page, t: T, n: number, key: string, lang: string): Promise<void> {
  const digits = (x: number) => new Intl.NumberFormat(lang).format(x);
  await expect.poll(() => stepTitle(page).textContent()).toBe(t('claimui_step_of', { n: digits(n), total: digits(7), label: t(key) }));
}

/**
 * Clicks "Copy the claim" and returns what reached the clipboard. Chromium refuses to grant
 * clipboard permissions to an extension origin, so the page's writeText is observed on its
 * way to the real clipboard (which must accept it: the page says "Copied" only then).
 */
async function copiedText(page: Page, t: T): Promise<string> {
  await page.bringToFront();
  await page.evaluate(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    const original = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      w.__copied.push(text);
      return original(text);
    };
  });
  await page.getByRole('button', { name: t('claimui_copy'), exact: true }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: t('claimui_copied') }).count()).toBe(1);
  const seen = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

/** (a) not as described (wrong colour), partial refund, on a completed order; (c) a partial amount above what was paid is refused. */
async function walkNotAsDescribed(h: Harness, t: T, lang: string): Promise<string> {
  const page = await popupAt(h, `?view=claim&order=${COMPLETED}`);
  await expectStep(page, t, 1, 'claim_step_received_label', lang);
  expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'he' ? 'rtl' : 'ltr');
  await expect.poll(() => next(page, t).isDisabled()).toBe(true);
  await page.getByRole('radio', { name: t('claimui_received_yes'), exact: true }).check();
  await expect.poll(() => page.getByText(t('claim_advice_received_is_not_confirm')).count()).toBe(1);
  await h.screenshot(page, `claim-received-${lang}`);
  await next(page, t).click();

  await expectStep(page, t, 2, 'claim_step_reason_label', lang);
  const reason = page.getByRole('radio', { name: t('claim_reason_not_as_described_label'), exact: true });
  expect(await reason.getAttribute('aria-describedby')).toBe('help-not_as_described');
  await reason.check();
  await h.screenshot(page, `claim-reason-${lang}`);
  await next(page, t).click();

  await expectStep(page, t, 3, 'claim_step_details_label', lang);
  await page.getByRole('radio', { name: t('claim_sub_kind_colour_label'), exact: true }).check();
  await page.getByLabel(t('claim_question_ordered_colour_label')).fill('black');
  await page.getByLabel(t('claim_question_received_colour_label')).fill('белый');
  // Another language in an answer is flagged.
  await expect.poll(() => page.getByText(t('claim_non_english_hint')).count()).toBe(1);
  await page.getByLabel(t('claim_question_received_colour_label')).fill('white');
  await expect.poll(() => page.getByText(t('claim_non_english_hint')).count()).toBe(0);
  await h.screenshot(page, `claim-details-${lang}`);
  await next(page, t).click();

  await expectStep(page, t, 4, 'claim_step_outcome_label', lang);
  await page.getByRole('radio', { name: t('claim_outcome_refund_only_label'), exact: true }).check();
  await h.screenshot(page, `claim-outcome-${lang}`);
  await next(page, t).click();

  await expectStep(page, t, 5, 'claim_step_amount_label', lang);
  await page.getByRole('radio', { name: t('claim_amount_mode_partial_label'), exact: true }).check();
  await page.getByRole('radio', { name: t('claim_amount_method_sum_label'), exact: true }).check();
  await page.getByLabel(t('claimui_amount_sum_label', { currency: 'BRL' })).fill('200');
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.count()).toBe(1);
  const refused = (await alert.textContent()) ?? '';
  if (lang === 'en') expect(refused).toBe(t('claim_amount_error_above_paid', { amount: 'R$200.00', paid: 'R$132.74' }));
  else expect(refused).toMatch(/200[.,]00[\s\S]*132[.,]74/);
  expect(await next(page, t).isDisabled()).toBe(true);
  await h.screenshot(page, `claim-amount-refused-${lang}`);
  await page.getByRole('radio', { name: t('claim_amount_method_percentage_label'), exact: true }).check();
  await page.getByLabel(t('claimui_amount_percent_label')).fill('30');
  await expect.poll(() => alert.count()).toBe(0);
  if (lang === 'en') await expect.poll(() => page.getByText(t('claimui_amount_result', { amount: 'R$39.82' })).count()).toBe(1);
  await h.screenshot(page, `claim-amount-${lang}`);
  await next(page, t).click();

  await expectStep(page, t, 6, 'claim_step_evidence_label', lang);
  await expect.poll(() => page.getByText(t('claim_check_photos_missing')).count()).toBe(1);
  for (const id of ['screenshot_listing', 'photo_item_mismatch', 'photo_colour_daylight']) {
    await page.getByRole('checkbox', { name: t(`claim_evidence_${id}_label`), exact: true }).check();
  }
  await expect.poll(() => page.getByText(t('claim_check_photos_missing')).count()).toBe(0);
  await h.screenshot(page, `claim-evidence-${lang}`);
  await next(page, t).click();

  await expectStep(page, t, 7, 'claim_step_review_label', lang);
  const textarea = page.getByLabel(t('claimui_text_label'));
  expect(await textarea.getAttribute('lang')).toBe('en');
  expect(await textarea.getAttribute('dir')).toBe('ltr');
  const text = await textarea.inputValue();
  expect(text).toContain(`order ${COMPLETED}`);
  expect(text).toContain('I ordered black but received white');
  expect(text).toContain('I ask for a partial refund of R$39.82 and will keep the item.');
  expect(text.length).toBeLessThanOrEqual(1000);
  await expect.poll(() => page.locator('#claim-counter').textContent()).toContain(new Intl.NumberFormat(lang).format(text.length));
  // The dispute page for this order.
  const link = page.getByRole('link', { name: t('claimui_open_dispute_page') });
  expect(await link.getAttribute('href')).toBe(`https://www.aliexpress.com/p/reverse-pages/start.html?orderId=${COMPLETED}`);
  // Money-saving advice where it applies.
  for (const k of ['claim_advice_never_confirm_early', 'claim_advice_no_cancel_for_promise', 'claim_advice_discount_to_withdraw']) {
    expect(await page.getByText(t(k)).count()).toBe(1);
  }
  await h.screenshot(page, `claim-review-${lang}`);
  const copied = await copiedText(page, t);
  expect(copied).toBe(text);
  await page.close();
  return copied;
}

/** (b) not received, on an order awaiting delivery: "received" is pre-answered "no". */
async function walkNotReceived(h: Harness, t: T, lang: string): Promise<string> {
  const page = await popupAt(h, `?view=claim&order=${AWAITING}`);
  await expectStep(page, t, 1, 'claim_step_received_label', lang);
  expect(await page.getByRole('radio', { name: t('claimui_received_no'), exact: true }).isChecked()).toBe(true);
  await expect.poll(() => page.getByText(t('claimui_received_from_tracking_on_way')).count()).toBe(1);
  await h.screenshot(page, `claim-not-received-${lang}`);
  await next(page, t).click();
  await expectStep(page, t, 2, 'claim_step_reason_label', lang);
  await page.getByRole('radio', { name: t('claim_reason_no_tracking_info_label'), exact: true }).check();
  await next(page, t).click();
  await expectStep(page, t, 3, 'claim_step_details_label', lang);
  await next(page, t).click();
  await expectStep(page, t, 4, 'claim_step_outcome_label', lang);
  // Nothing can be returned that never arrived: refund only, already chosen.
  expect(await page.getByRole('radio', { name: t('claim_outcome_refund_only_label'), exact: true }).isChecked()).toBe(true);
  expect(await page.getByRole('radio', { name: t('claim_outcome_return_and_refund_label'), exact: true }).count()).toBe(0);
  await next(page, t).click();
  await expectStep(page, t, 5, 'claim_step_amount_label', lang);
  expect(await page.getByRole('radio', { name: t('claim_amount_mode_full_label'), exact: true }).isChecked()).toBe(true);
  await next(page, t).click();
  await expectStep(page, t, 6, 'claim_step_evidence_label', lang);
  await page.getByRole('checkbox', { name: t('claim_evidence_screenshot_tracking_label'), exact: true }).check();
  await next(page, t).click();
  await expectStep(page, t, 7, 'claim_step_review_label', lang);
  const text = await page.getByLabel(t('claimui_text_label')).inputValue();
  expect(text).toContain(`order ${AWAITING}`);
  expect(text).toContain('I ask for a full refund of R$31.93.');
  await h.screenshot(page, `claim-review-not-received-${lang}`);
  const copied = await copiedText(page, t);
  expect(copied).toBe(text);
  return copied;
}

describe('popup dashboard and claim assistant (English)', () => {
  let h: Harness;
  const t = catalogue('en');

  beforeAll(async () => {
    h = await servedOrders();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the 10 orders by urgency; search narrows; filters work', async () => {
    const page = await popupAt(h, '');
    const list = page.getByRole('list', { name: t('popup_orders_label', { count: 10 }) });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(10);
    await h.screenshot(page, 'dashboard-en');

    const search = page.getByRole('searchbox', { name: t('popup_search_label') });
    await search.fill(AWAITING);
    await expect.poll(() => page.getByRole('list', { name: t('popup_orders_label', { count: 1 }) }).getByRole('listitem').count()).toBe(1);
    expect(await page.getByText(`#${AWAITING}`).count()).toBe(1);
    await search.fill('tango');
    const tango = LIST.filter((o) => `${o.storeName} ${o.orderLines.map((l) => l.itemTitle).join(' ')}`.toLowerCase().includes('tango')).length;
    expect(tango).toBeGreaterThan(1);
    await expect.poll(() => page.getByRole('list', { name: t('popup_orders_label', { count: tango }) }).getByRole('listitem').count()).toBe(tango);
    await search.fill('');

    const inTransit = LIST.filter((o) => o.statusText === 'Awaiting delivery').map((o) => o.orderId).sort();
    expect(inTransit).toEqual([AWAITING, '8214779947343229'].sort());
    await page.getByRole('radio', { name: new RegExp(`^${t('popup_filter_in_transit')}`) }).check();
    const transitList = page.getByRole('list', { name: t('popup_orders_label', { count: 2 }) });
    await expect.poll(() => transitList.getByRole('listitem').count()).toBe(2);
    for (const id of inTransit) expect(await transitList.getByText(`#${id}`).count()).toBe(1);
    await page.getByRole('radio', { name: new RegExp(`^${t('popup_filter_completed')}`) }).check();
    await expect.poll(() => page.getByRole('list', { name: t('popup_orders_label', { count: 8 }) }).getByRole('listitem').count()).toBe(8);
    await page.getByRole('radio', { name: new RegExp(`^${t('popup_filter_in_dispute')}`) }).check();
    await expect.poll(() => page.getByText(t('popup_no_match')).count()).toBe(1);
    await page.close();
  });

  it('opens an order: timeline, items, deadlines, and "Draft a claim" leads to the assistant', async () => {
    const page = await popupAt(h, '?view=list');
    await page.getByRole('link', { name: new RegExp(`#${AWAITING}`) }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: new RegExp(AWAITING) }).count()).toBe(1);
    expect(new URL(page.url()).search).toBe(`?view=order&order=${AWAITING}`);
    expect(await page.getByRole('heading', { name: t('popup_timeline_title') }).count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: t('popup_timeline_today') }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: t('popup_copy_order_id', { id: AWAITING }) }).count()).toBe(1);
    expect(await page.getByRole('button', { name: t('popup_add_to_calendar') }).count()).toBe(1);
    await h.screenshot(page, 'order-en');
    await page.getByRole('button', { name: t('popup_draft_claim') }).click();
    await expectStep(page, t, 1, 'claim_step_received_label', 'en');
    expect(new URL(page.url()).search).toBe(`?view=claim&order=${AWAITING}`);
    await page.close();
  });

  it('(a) not as described, partial refund: a copied English claim with the order number and the amount in BRL; (c) above the paid total is refused', async () => {
    const copied = await walkNotAsDescribed(h, t, 'en');
    expect(copied).toMatch(/^Hello, I am writing about order 8212313961591322\b/);
    expect(copied).toContain('R$39.82');
    // The draft was saved through the worker and comes back when the assistant reopens.
    await expect.poll(async () => ((await h.storage())[`draft:${COMPLETED}`] as { reason?: string } | undefined)?.reason).toBe('not_as_described');
    const again = await popupAt(h, `?view=claim&order=${COMPLETED}`);
    await expectStep(again, t, 7, 'claim_step_review_label', 'en');
    expect(await again.getByLabel(t('claimui_text_label')).inputValue()).toBe(copied);
    // A note in another language is flagged.
    await again.getByLabel(t('claimui_note_label')).fill('O produto não funciona');
    await expect.poll(() => again.locator('#claim-note-hint').textContent()).toContain(t('claim_non_english_hint'));
    await again.getByLabel(t('claimui_note_label')).fill('');
    await again.close();
  });

  it('(b) not received on an order awaiting delivery: a copied claim for a full refund; "I\'ve opened the dispute" starts the dispute', async () => {
    const copied = await walkNotReceived(h, t, 'en');
    expect(copied).toContain(AWAITING);
    expect(copied).toContain('R$31.93');
    const page = h.context.pages().find((p) => p.url().includes(`order=${AWAITING}`) && p.url().includes('view=claim'))!;
    await page.getByRole('button', { name: t('popup_dispute_opened') }).click();
    await expect.poll(async () => ((await h.orders())[AWAITING]?.['dispute'] as { markedByShopper?: boolean } | null)?.markedByShopper).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: t('claimui_replies_title_dispute') }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: t('claimui_reply_decline_offer_label') }).isChecked()).toBe(true);
    await page.getByLabel(t('claimui_reply_offer_label', { currency: 'BRL' })).fill('10');
    await expect.poll(() => page.locator('.reply-text').textContent()).toContain('Thank you for the offer of R$10.00, but I cannot accept it.');
    await h.screenshot(page, 'claim-replies-en');
    await page.close();
  });

  it('a two-item order, a claim about one item, partial refund: the copied text asks no more than that item and names it', async () => {
    const TWO = '8211748238135282'; // NANO Store: R$37,79 + R$35,10 listed, R$87,82 paid (shipping shared out)
    const page = await popupAt(h, `?view=claim&order=${TWO}`);
    await page.getByRole('radio', { name: t('claimui_received_yes'), exact: true }).check();
    await next(page, t).click();
    await page.getByRole('radio', { name: t('claim_reason_quality_label'), exact: true }).check();
    await next(page, t).click();
    await expectStep(page, t, 3, 'claim_step_details_label', 'en');
    await expect.poll(() => page.getByText(t('claimui_items_hint')).count()).toBe(1);
    await page.getByRole('checkbox', { name: /35\.10/ }).check();
    await page.getByLabel(t('claim_question_quality_problem_label')).fill('the left earbud crackles');
    await h.screenshot(page, 'claim-items-en');
    await next(page, t).click();
    await page.getByRole('radio', { name: t('claim_outcome_refund_only_label'), exact: true }).check();
    await next(page, t).click();
    await expectStep(page, t, 5, 'claim_step_amount_label', 'en');
    // What was paid for that item: 87.82 × 35.10 / 72.89 = R$42.29, not the order's R$87.82.
    await expect.poll(() => page.getByText(t('claimui_amount_paid_items', { amount: 'R$42.29', total: 'R$87.82' })).count()).toBe(1);
    await page.getByRole('radio', { name: t('claim_amount_mode_partial_label'), exact: true }).check();
    await page.getByRole('radio', { name: t('claim_amount_method_sum_label'), exact: true }).check();
    await page.getByLabel(t('claimui_amount_sum_label', { currency: 'BRL' })).fill('50');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(t('claim_amount_error_above_paid', { amount: 'R$50.00', paid: 'R$42.29' }));
    await page.getByRole('radio', { name: t('claim_amount_method_percentage_label'), exact: true }).check();
    await page.getByLabel(t('claimui_amount_percent_label')).fill('50');
    await expect.poll(() => page.getByText(t('claimui_amount_result', { amount: 'R$21.15' })).count()).toBe(1);
    await h.screenshot(page, 'claim-items-amount-en');
    await next(page, t).click();
    await page.getByRole('checkbox', { name: t('claim_evidence_photo_defect_label'), exact: true }).check();
    await next(page, t).click();
    await expectStep(page, t, 7, 'claim_step_review_label', 'en');
    const copied = await copiedText(page, t);
    expect(copied).toContain('I ask for a partial refund of R$21.15 and will keep the item.');
    expect(copied).not.toContain('R$87.82');
    expect(copied).toMatch(/My claim is about the “KZ ECO ECO X Ultra[^”]*” \(Color: EDXProX Clear NOMIC\) I ordered\./);
    await page.close();
  });
});

describe('popup dashboard and claim assistant (Hebrew)', () => {
  let h: Harness;
  const t = catalogue('he');

  beforeAll(async () => {
    h = await servedOrders('he');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the dashboard right to left', async () => {
    const page = await popupAt(h, '');
    await expect.poll(() => page.getByRole('list', { name: t('popup_orders_label', { count: 10 }) }).getByRole('listitem').count()).toBe(10);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('he');
    await h.screenshot(page, 'dashboard-he');
    await page.getByRole('link', { name: new RegExp(`#${COMPLETED}`) }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: new RegExp(COMPLETED) }).count()).toBe(1);
    await h.screenshot(page, 'order-he');
    await page.close();
  });

  it('walks both claims in Hebrew to the same English text, each sentence beside its Hebrew meaning', async () => {
    const a = await walkNotAsDescribed(h, t, 'he');
    expect(a).toContain(COMPLETED);
    expect(a).toContain('R$39.82');
    const b = await walkNotReceived(h, t, 'he');
    expect(b).toContain('R$31.93');
    const page = h.context.pages().find((p) => p.url().includes(`order=${AWAITING}`))!;
    const sentences = page.getByRole('list', { name: t('claimui_sentences_title') }).getByRole('listitem');
    expect(await sentences.count()).toBeGreaterThan(3);
    const first = sentences.filter({ hasText: AWAITING }).first();
    expect(await first.locator('[lang=en][dir=ltr]').textContent()).toContain(`order ${AWAITING}`);
    expect(await first.locator('.meaning').textContent()).toMatch(/[\u0590-\u05FF]/);
    await page.close();
  });
});
