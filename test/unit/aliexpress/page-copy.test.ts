/**
 * The anonymised copy of a page (docs/page-copy.md): a page full of known names, numbers and
 * texts is copied, the file holds none of them, and the readers read the masked copy to the
 * same structure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { API, readApiPayload, readDom, unwrapBody } from '../../../src/aliexpress';
import { makePageCopy, Masker, PAGE_COPY_FORMAT, type PageSnapshot } from '../../../src/aliexpress/page-copy';
import type { OrderObservation } from '../../../src/domain/order';
import { htmlDocument } from './dom-pages';

const ctx = { site: 'aliexpress.com', now: new Date('2026-09-07T10:00:00Z') };
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html?spm=a2g0o.home.8214398062177351';
const capture = readFileSync('test/fixtures/aliexpress/order-list.2026-09.json', 'utf8');
const listHtml = readFileSync('test/fixtures/aliexpress/pages/order-list.en.html', 'utf8');
const detailHtml = readFileSync('test/fixtures/aliexpress/pages/order-detail.scrapers-2025.html', 'utf8');

/** What the shopper and the sellers wrote, and who the shopper is: none of it may reach the file. */
const PERSONAL = ['Maria Oliveira Santos', '+55 11 98765-4321', 'Rua das Flores 123, apto 45', 'São Paulo, SP, 01234-567, Brazil', 'maria.santos@example.com'];

/** The list page with the shopper's name in the header, an inline script and a comment holding data, and our overlay on a card. */
const page = listHtml
  .replace('<div class="order-header-title">Orders</div>', `<div class="order-header-title">Orders</div><div class="account">${PERSONAL.join(' · ')}</div>`)
  .replace('</body>', `<!-- user ${PERSONAL[4]} --><script>window.__user = { name: "${PERSONAL[0]}", id: 8812345678 };</script>` + '<div data-buyer-shield="badge">Draft a claim for Maria</div></body>')
  .replace('<input', `<input value="${PERSONAL[0]}"`);

const fields = (o: OrderObservation) =>
  Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k)
    .sort();

/** Words of at least 4 letters from the capture's shop names and item titles, and the personal texts. */
function knownWords(): string[] {
  const comps = Object.values((JSON.parse(capture) as { data: { data: Record<string, { tag: string; fields: Record<string, unknown> }> } }).data.data);
  const texts = [...PERSONAL];
  for (const c of comps) {
    if (c.tag !== 'pc_om_list_order') continue;
    texts.push(String(c.fields['storeName']));
    for (const l of c.fields['orderLines'] as { itemTitle: string }[]) texts.push(l.itemTitle);
  }
  return [...new Set(texts.flatMap((t) => t.match(/\p{L}{4,}/gu) ?? []))];
}

/** Digit runs of 3 or more that are not a year: ids, amounts, phone numbers, postcodes. */
const longRuns = (s: string) => new Set((s.match(/\d{3,}/g) ?? []).filter((r) => !/^(?:199\d|20[0-3]\d)$/.test(r)));

describe('an anonymised copy of a page', () => {
  const snapshot: PageSnapshot = { url: LIST_URL, html: page, captures: [{ api: API.orderList, body: capture }] };
  const copy = makePageCopy(snapshot, (h) => htmlDocument(h, 'https://www.aliexpress.com/p/order/index.html'), {
    problem: { code: 'unexpected-shape', detail: 'no order cards near "Maria Oliveira Santos"' },
    extensionVersion: '1.2.3',
    now: new Date('2026-12-07T10:00:00Z'),
  });
  const file = JSON.stringify(copy);

  test('is a documented format', () => {
    expect(copy.format).toBe(PAGE_COPY_FORMAT);
    expect(copy.version).toBe(1);
    expect(copy.page).toEqual({ host: 'www.aliexpress.com', path: '/p/order/index.html' });
    expect(copy.problem?.code).toBe('unexpected-shape');
    expect(copy.captures.map((c) => c.api)).toEqual([API.orderList]);
  });

  test('holds no name, address, title or text of the shopper or the sellers', () => {
    const words = knownWords();
    expect(words.length).toBeGreaterThan(50);
    // As words (class names and keys such as "order-item-store-name" are the page's structure).
    const inFile = new Set(file.match(/\p{L}+/gu));
    expect(words.filter((w) => inFile.has(w))).toEqual([]);
    expect(file).not.toContain('maria.santos');
    expect(file).not.toContain('window.__user');
    expect(file).not.toContain('Draft a claim');
  });

  test('holds no digit run of the page or its responses (ids, amounts, phone, postcode), only years', () => {
    const original = new Set([...longRuns(page), ...longRuns(capture), ...longRuns(LIST_URL)]);
    expect(original.size).toBeGreaterThan(30);
    expect([...longRuns(file)].filter((r) => original.has(r))).toEqual([]);
  });

  test('the DOM reader reads the masked page to the same structure: as many orders, each with the same fields and status', () => {
    const before = readDom(htmlDocument(page, LIST_URL), ctx).observations;
    const after = readDom(htmlDocument(copy.html, LIST_URL), ctx).observations;
    expect(after).toHaveLength(before.length);
    expect(new Set(after.map((o) => o.orderId)).size).toBe(before.length);
    expect(after.map(fields)).toEqual(before.map(fields));
    expect(after.map((o) => [o.status, o.canConfirm, o.items?.length])).toEqual(before.map((o) => [o.status, o.canConfirm, o.items?.length]));
    expect(after.every((o, i) => o.orderId !== before[i]!.orderId)).toBe(true);
  });

  test('the API reader reads the masked response to the same structure', () => {
    const before = readApiPayload(API.orderList, unwrapBody(capture), ctx).observations;
    const after = readApiPayload(API.orderList, copy.captures[0]!.body, ctx).observations;
    expect(after.map(fields)).toEqual(before.map(fields));
    expect(after.map((o) => o.status)).toEqual(before.map((o) => o.status));
    // The same order has the same masked id in the page and in the response.
    const domIds = readDom(htmlDocument(copy.html, LIST_URL), ctx).observations.map((o) => o.orderId).sort();
    expect(after.map((o) => o.orderId).sort()).toEqual(domIds);
  });

  test('an order detail page loses its shipping address and keeps its items, total and date', () => {
    const url = 'https://www.aliexpress.com/p/order/detail.html?orderId=8214398062177351';
    const detail = makePageCopy({ url, html: detailHtml, captures: [] }, (h) => htmlDocument(h, url), { problem: null, extensionVersion: '1', now: new Date() });
    for (const p of PERSONAL.slice(0, 4)) for (const w of p.match(/\p{L}{4,}|\d{3,}/gu) ?? []) expect(detail.html).not.toContain(w);
    const before = readDom(htmlDocument(detailHtml, url), ctx).observations[0]!;
    const after = readDom(htmlDocument(detail.html, url), ctx).observations[0]!;
    expect(fields(after)).toEqual(fields(before));
    expect(after.items?.length).toBe(2);
  });
});

describe('the masking rules', () => {
  test('AliExpress words stay, others become x; numbers keep their kind', () => {
    const m = new Masker(['8214398062177351 R$31,93']);
    expect(m.text('Awaiting delivery')).toBe('Awaiting delivery');
    expect(m.text('Maria Santos')).toBe('Xxxxx Xxxxxx');
    expect(m.text('Date: Sep 1, 2026')).toBe('Xxxx: Sep 2, 2026');
    const id = m.text('8214398062177351');
    expect(id).toMatch(/^\d{16}$/);
    expect(id).not.toBe('8214398062177351');
    expect(m.text('Ref 8214398062177351')).toBe(`Xxx ${id}`);
    expect(m.text('R$31,93')).toMatch(/^R\$\d{1,2},\d{1,2}$/);
    // Every currency mark money.ts reads stays, so a masked price is still a price.
    expect(m.text('45,50 د.إ')).toMatch(/^\d{1,2},\d{1,2} د\.إ$/);
  });

  test('links keep their AliExpress host, path and parameter names; other hosts go', () => {
    const m = new Masker([]);
    expect(m.url('https://www.aliexpress.com/p/order/detail.html?orderId=8214398062177351')).toMatch(/^https:\/\/www\.aliexpress\.com\/p\/order\/detail\.html\?orderId=\d{16}$/);
    expect(m.url('https://tracker.example.org/u/maria')).toBe('https://x.invalid/x/xxxxx');
    expect(m.url('javascript:alert(1)')).toBe('javascript:x');
  });

  test('captured JSON keeps its keys and codes; strings and numbers are masked', () => {
    const m = new Masker([]);
    expect(m.json({ orderStatus: 'AWAITING_DELIVERY', storeName: 'LIMA Store', orderId: 8214398062177351, ok: true, n: null })).toEqual({
      orderStatus: 'AWAITING_DELIVERY',
      storeName: 'Xxxx Xxxxx',
      orderId: expect.any(Number),
      ok: true,
      n: null,
    });
  });
});
