/** The popup's notices and "Copy diagnostics": which problem is shown, what is counted, nothing personal. */
import { describe, expect, it } from 'vitest';
import { buildDiagnostics, latestProblem, quarantinedRecords, READ_WINDOW_MS } from '../../../src/ui/diagnostics';

const at = (minutes: number) => new Date(Date.UTC(2026, 8, 7, 12, minutes)).toISOString();
const p = (code: string, minutes: number, url = 'https://www.aliexpress.com/p/order/index.html') => ({ at: at(minutes), url, code, detail: `order 8212313961591322 ${code}` });

describe('latestProblem', () => {
  it('shows the latest problem the shopper can act on', () => {
    expect(latestProblem([p('captcha', 1), p('login', 5)], [at(0)])).toEqual({ code: 'login', at: at(5) });
    // A reader error is ours to fix, not the shopper's to act on; a layout not recognised is (a copy of the page).
    expect(latestProblem([p('login', 1), p('reader-error', 6)], [])).toEqual({ code: 'login', at: at(1) });
    expect(latestProblem([p('login', 1), p('unexpected-shape', 5), p('reader-error', 6)], [])).toEqual({ code: 'unexpected-shape', at: at(5) });
    expect(latestProblem([p('unsupported-operator', 3, 'https://aliexpress.ru/order-list')], [at(0)])).toEqual({ code: 'unsupported-operator', at: at(3) });
  });
  it('hides a problem once an order was read after it', () => {
    expect(latestProblem([p('login', 1)], [at(0), at(2)])).toBeNull();
    expect(latestProblem([p('captcha', 1), p('login', 3)], [at(2)])).toEqual({ code: 'login', at: at(3) });
  });
  it('counts "no orders found" only when no order was read around it', () => {
    // The DOM is read before the page's data arrives: an order read 30 s later means it was read.
    expect(latestProblem([p('no-orders-found', 10)], [new Date(Date.parse(at(10)) + 30_000).toISOString()])).toBeNull();
    expect(latestProblem([p('no-orders-found', 10)], [new Date(Date.parse(at(10)) - READ_WINDOW_MS / 2).toISOString()])).toBeNull();
    expect(latestProblem([p('no-orders-found', 10)], [at(0)])).toEqual({ code: 'no-orders-found', at: at(10) });
    expect(latestProblem([p('no-orders-found', 10)], [])).toEqual({ code: 'no-orders-found', at: at(10) });
  });
  it('shows orders read without their status or total although orders were read with them, until a read well after', () => {
    expect(latestProblem([p('fields-missing', 10)], [at(10)])).toEqual({ code: 'fields-missing', at: at(10) });
    expect(latestProblem([p('fields-missing', 10)], [new Date(Date.parse(at(10)) + READ_WINDOW_MS + 1000).toISOString()])).toBeNull();
  });
  it('always shows a store written by a newer version', () => {
    expect(latestProblem([{ ...p('storage-newer-version', 1), url: '' }], [at(9)])).toEqual({ code: 'storage-newer-version', at: at(1) });
  });
  it('ignores damaged problem lists', () => {
    expect(latestProblem('garbage', [])).toBeNull();
    expect(latestProblem([null, 5, { code: 'login' }, { ...p('login', 1), at: 'yesterday' }], [])).toBeNull();
  });
});

describe('quarantinedRecords', () => {
  it('counts saved records set aside, not page data refused on arrival', () => {
    const e = (key: string) => ({ key, reason: 'r', at: at(0), raw: '"x"' });
    expect(quarantinedRecords([e('order:1234567'), e('quarantine'), e('observation'), 'junk'])).toBe(2);
    expect(quarantinedRecords('not a list')).toBe(0);
  });
});

describe('buildDiagnostics', () => {
  it('holds versions, counts, page kinds and codes with times, and nothing personal', () => {
    const raw = {
      meta: { schemaVersion: 1 },
      quarantine: [{ key: 'order:1234567', reason: 'x', at: at(0), raw: '{"store":{"name":"Secret Shop"}}' }],
      problems: [
        p('login', 1, 'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322'),
        p('unsupported-operator', 2, 'https://aliexpress.ru/order-list?user=me'),
        p('captcha', 3, 'https://he.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322'),
      ],
      'order:8212313961591322': { store: { name: 'Secret Shop' } },
    };
    const d = buildDiagnostics(raw, 10, { version: '0.1.0', userAgent: 'Mozilla/5.0 Test', now: new Date(at(30)) });
    expect(d).toEqual({
      app: 'buyer-shield',
      version: '0.1.0',
      userAgent: 'Mozilla/5.0 Test',
      generatedAt: at(30),
      schemaVersion: 1,
      storedOrders: 10,
      quarantined: 1,
      problems: [
        { at: at(1), code: 'login', page: 'order-detail', site: 'aliexpress.com' },
        { at: at(2), code: 'unsupported-operator', page: 'other', site: 'aliexpress.ru' },
        { at: at(3), code: 'captcha', page: 'tracking', site: 'aliexpress.com' },
      ],
    });
    const text = JSON.stringify(d);
    expect(text).not.toContain('8212313961591322');
    expect(text).not.toContain('Secret Shop');
    expect(text).not.toContain('user=me');
  });
  it('keeps the last 20 problems and survives garbage', () => {
    const many = Array.from({ length: 30 }, (_, i) => p('login', i));
    const d = buildDiagnostics({ meta: 'x', quarantine: 'y', problems: many }, 0, { version: '', userAgent: '', now: new Date(at(59)) });
    expect(d.problems).toHaveLength(20);
    expect(d.problems[0]?.at).toBe(at(10));
    expect(d.schemaVersion).toBeNull();
    expect(d.quarantined).toBe(0);
  });
});
