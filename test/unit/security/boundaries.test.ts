/**
 * The trust boundaries, unit by unit: the worker's sender checks (a cs/… message only from
 * our content script on an AliExpress tab, a ui/… message only from our own pages), the
 * message listener refusing and never throwing, the capture message accepted only in its
 * exact shape, and `__proto__` / `constructor` keys harmless all the way to storage.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { MemoryArea } from '../storage/memory-area';

const { local, sync } = vi.hoisted(() => ({ local: { area: null as unknown }, sync: { area: null as unknown } }));

vi.mock('webextension-polyfill', async () => {
  const { MemoryArea: Area } = await import('../storage/memory-area');
  local.area = new Area();
  sync.area = new Area();
  return {
    default: {
      runtime: { id: 'bsextid', getURL: (p: string) => `chrome-extension://bsextid/${p}` },
      storage: { local: local.area, sync: sync.area },
    },
  };
});

const { isOurContentScript, isOurPage, messageFamily, messageListener } = await import('../../../src/background/worker');
const { parseCaptureMessage, CAPTURE_SOURCE } = await import('../../../src/aliexpress/capture-protocol');
const { MAX_BODY_CHARS } = await import('../../../src/aliexpress/capture/api-prefixes');

const store = () => local.area as MemoryArea;
const sender = (s: Partial<Runtime.MessageSender>): Runtime.MessageSender => s as Runtime.MessageSender;
const TAB = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false } as Runtime.MessageSender['tab'];

const CONTENT = sender({ id: 'bsextid', tab: TAB, url: 'https://www.aliexpress.com/p/order/index.html' });
const POPUP = sender({ id: 'bsextid', url: 'chrome-extension://bsextid/src/popup/index.html' });

describe('isOurContentScript', () => {
  it.each([
    ['order list on www', 'https://www.aliexpress.com/p/order/index.html', true],
    ['order detail on a language subdomain', 'https://he.aliexpress.com/p/order/detail.html?orderId=8212313961591322', true],
    ['tracking on .us', 'https://www.aliexpress.us/p/tracking/index.html?tradeOrderId=8212313961591322', true],
    ['aliexpress.ru order page (to say it is unsupported)', 'https://aliexpress.ru/order-list?page=1', true],
    ['a lookalike host', 'https://www.aliexpress.com.evil.example/p/order/index.html', false],
    ['another site', 'https://evil.example/p/order/index.html', false],
    ['an AliExpress page that is not a buyer page', 'https://www.aliexpress.com/item/100500.html', false],
    ['a plain-http URL of another site', 'http://example.com/', false],
  ])('%s → %s', (_what, url, expected) => {
    expect(isOurContentScript(sender({ id: 'bsextid', tab: TAB, url }))).toBe(expected);
  });

  it('refuses another extension, a sender without a tab, and a sender without a URL', () => {
    expect(isOurContentScript(sender({ id: 'otherext', tab: TAB, url: 'https://www.aliexpress.com/p/order/index.html' }))).toBe(false);
    expect(isOurContentScript(sender({ id: 'bsextid', url: 'https://www.aliexpress.com/p/order/index.html' }))).toBe(false);
    expect(isOurContentScript(sender({ id: 'bsextid', tab: TAB }))).toBe(false);
    expect(isOurContentScript(POPUP)).toBe(false);
  });
});

describe('isOurPage', () => {
  it('accepts our popup, options and claim pages', () => {
    expect(isOurPage(POPUP)).toBe(true);
    expect(isOurPage(sender({ id: 'bsextid', url: 'chrome-extension://bsextid/src/options/index.html' }))).toBe(true);
    expect(isOurPage(sender({ id: 'bsextid', tab: TAB, url: 'chrome-extension://bsextid/src/popup/index.html?view=claim&order=8212313961591322' }))).toBe(true);
  });
  it('refuses a content script, another extension and a lookalike extension origin', () => {
    expect(isOurPage(CONTENT)).toBe(false);
    expect(isOurPage(sender({ id: 'otherext', url: 'chrome-extension://otherext/page.html' }))).toBe(false);
    expect(isOurPage(sender({ id: 'otherext', url: 'chrome-extension://bsextid/src/popup/index.html' }))).toBe(false);
    expect(isOurPage(sender({ id: 'bsextid', url: 'chrome-extension://bsextid.evil/src/popup/index.html' }))).toBe(false);
    expect(isOurPage(sender({ id: 'bsextid' }))).toBe(false);
  });
});

describe('messageListener', () => {
  const calls: string[] = [];
  const hooks = {
    afterChange: async () => void calls.push('afterChange'),
    overlayState: async () => ({ state: true }) as never,
    calendar: async () => ({ ics: '', count: 0 }),
    openClaim: async (id: string) => void calls.push(`openClaim:${id}`),
  };
  const listen = messageListener(hooks);
  beforeEach(() => {
    store().clear();
    calls.length = 0;
  });

  it('rejects a cs/… message sent from an extension page, and changes nothing', async () => {
    const reply = await listen({ type: 'cs/page-problem', url: 'https://www.aliexpress.com/p/order/index.html', code: 'login', detail: '' }, POPUP);
    expect(reply).toEqual({ ok: false, error: 'sender_rejected' });
    expect(await listen({ type: 'cs/open-claim', orderId: '8212313961591322' }, POPUP)).toEqual({ ok: false, error: 'sender_rejected' });
    expect(calls).toEqual([]);
    expect(store().snapshot()).toEqual({});
  });

  it('rejects a ui/… message sent from a content script, and changes nothing', async () => {
    await store().set({ quarantine: [{ key: 'order:1234567', reason: 'x', at: '2026-09-07T12:00:00.000Z', raw: '"garbage"' }] });
    for (const m of [{ type: 'ui/clear-quarantine' }, { type: 'ui/export-backup' }, { type: 'ui/import-backup', text: '{}' }, { type: 'ui/set-settings', settings: {} }]) {
      expect(await listen(m, CONTENT)).toEqual({ ok: false, error: 'sender_rejected' });
    }
    expect((store().snapshot()['quarantine'] as unknown[]).length).toBe(1);
    expect((sync.area as MemoryArea).snapshot()).toEqual({});
  });

  it('accepts each kind from its own sender', async () => {
    expect(await listen({ type: 'cs/page-problem', url: 'https://www.aliexpress.com/p/order/index.html', code: 'login', detail: '' }, CONTENT)).toEqual({ ok: true, value: null });
    expect((store().snapshot()['problems'] as { code: string; url: string }[]).map((p) => [p.code, p.url])).toEqual([['login', 'https://www.aliexpress.com/p/order/index.html']]);
    expect(await listen({ type: 'ui/clear-quarantine' }, POPUP)).toEqual({ ok: true, value: null });
    expect(store().snapshot()['quarantine']).toEqual([]);
  });

  it('answers invalid_message to anything else, never throwing', async () => {
    for (const m of [null, undefined, 42, 'ui/get-state', [], { type: 'ui/unknown' }, { type: 'cs/observations' }, { type: 'ui/import-backup', text: 5 }, { type: 'UI/get-state' }, { type: 'get-state' }, { type: 42 }, { type: ['ui/get-state'] }]) {
      expect(await listen(m, POPUP)).toEqual({ ok: false, error: 'invalid_message' });
    }
  });

  it('reads a message only once a starting worker has re-armed its alarm (hooks.ready)', async () => {
    let rearm!: () => void;
    const ready = new Promise<void>((r) => (rearm = r));
    const gated = messageListener({ ...hooks, ready });
    let answered = false;
    const reply = gated({ type: 'ui/clear-quarantine' }, POPUP).then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    rearm();
    expect(await reply).toEqual({ ok: true, value: null });
  });

  it('checks a message against its own family only, named by its type', () => {
    expect(messageFamily({ type: 'cs/observations' })).toBe('cs');
    expect(messageFamily({ type: 'ui/get-state' })).toBe('ui');
    for (const m of [null, undefined, 42, 'cs/observations', [], {}, { type: 7 }, { type: 'xs/observations' }, { type: 'Cs/observations' }]) expect(messageFamily(m)).toBeNull();
  });

  it('keeps __proto__ and constructor keys harmless from message to storage', async () => {
    const message = JSON.parse(
      `{"type":"cs/observations","url":"https://www.aliexpress.com/p/order/index.html","via":"api","problems":[],"__proto__":{"polluted":"yes"},
        "observations":[{"orderId":"8212313961591322","site":"www.aliexpress.com","status":"completed","statusText":"Completed",
        "__proto__":{"polluted":"yes","status":"closed"},"constructor":{"prototype":{"polluted":"yes"}},
        "store":{"name":"Shop","url":null,"__proto__":{"polluted":"yes"}},
        "items":[{"title":"Cable","quantity":1,"price":null,"variant":null,"__proto__":{"quantity":9}}]}]}`,
    ) as unknown;
    const reply = await listen(message, CONTENT);
    expect(reply).toEqual({ ok: true, value: { accepted: 1, rejected: 0 } });
    const stored = store().snapshot()['order:8212313961591322'] as Record<string, unknown>;
    expect(stored['status']).toBe('completed');
    expect(stored['store']).toEqual({ name: 'Shop', url: null });
    expect(stored['items']).toEqual([{ title: 'Cable', quantity: 1, price: null, variant: null }]);
    expect(Object.prototype.hasOwnProperty.call(stored, 'constructor')).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
  });
});

describe('parseCaptureMessage', () => {
  const valid = { source: CAPTURE_SOURCE, v: 1, api: 'mtop.aliexpress.trade.buyer.order.list', url: 'https://acs.aliexpress.com/h5/x', body: '{"data":{}}' };

  it('accepts exactly our shape', () => {
    expect(parseCaptureMessage(valid)).toEqual({ api: 'mtop.aliexpress.trade.buyer.order.list', url: valid.url, body: valid.body });
  });

  it.each([
    ['a wrong source', { ...valid, source: 'somebody-else' }],
    ['no source', { v: 1, api: valid.api, url: valid.url, body: valid.body }],
    ['another protocol version', { ...valid, v: 2 }],
    ['a number body', { ...valid, body: 42 }],
    ['an object body', { ...valid, body: { data: {} } }],
    ['a null body', { ...valid, body: null }],
    ['an oversized body', { ...valid, body: 'x'.repeat(MAX_BODY_CHARS + 1) }],
    ['an oversized url', { ...valid, url: 'u'.repeat(20_001) }],
    ['an API we do not read', { ...valid, api: 'mtop.aliexpress.cart.list' }],
    ['an API name with odd characters', { ...valid, api: 'mtop.aliexpress.trade.buyer.order.list<script>' }],
    ['a non-string api', { ...valid, api: ['mtop.aliexpress.trade.buyer.order.list'] }],
    ['an array', [valid]],
    ['a string', JSON.stringify(valid)],
    ['null', null],
  ])('ignores %s', (_what, data) => {
    expect(parseCaptureMessage(data)).toBeNull();
  });

  it('ignores inherited fields and a __proto__ key smuggling them', () => {
    expect(parseCaptureMessage(Object.create(valid))).toBeNull();
    const smuggled = JSON.parse(`{"__proto__":${JSON.stringify(valid)}}`) as unknown;
    expect(parseCaptureMessage(smuggled)).toBeNull();
  });

  it('accepts a body at the size limit', () => {
    expect(parseCaptureMessage({ ...valid, body: 'x'.repeat(MAX_BODY_CHARS) })?.body.length).toBe(MAX_BODY_CHARS);
  });
});
