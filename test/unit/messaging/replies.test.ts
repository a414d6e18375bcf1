/**
 * Replies are typed and validated like requests (src/messaging/messages.ts `Replies`): the
 * content script's plain checks (src/messaging/replies.ts) and the extension pages' schemas
 * (src/ui/messaging.ts `ask`) keep a reply only in the shape its message promises; and what
 * the worker really answers passes them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { MemoryArea } from '../storage/memory-area';
import { sampleOrder } from '../ui/sample-order';

const { local, sent } = vi.hoisted(() => ({ local: { area: null as unknown }, sent: { reply: null as unknown } }));

vi.mock('webextension-polyfill', async () => {
  const { MemoryArea: Area } = await import('../storage/memory-area');
  local.area = new Area();
  return {
    default: {
      runtime: {
        id: 'bsextid',
        getURL: (p: string) => `chrome-extension://bsextid/${p}`,
        sendMessage: async () => {
          if (sent.reply instanceof Error) throw sent.reply;
          return sent.reply;
        },
      },
      storage: { local: local.area, sync: new Area() },
    },
  };
});

const { checkReply, isOverlayState } = await import('../../../src/messaging/replies');
const { overlayOrder } = await import('../../../src/messaging/overlay-state');
const { ask } = await import('../../../src/ui/messaging');
const { messageListener, store } = await import('../../../src/background/worker');
const { DEFAULT_SETTINGS } = await import('../../../src/storage/settings');

const ORDER = sampleOrder();

const STATE = {
  knownCount: 1,
  orders: [overlayOrder({ order: ORDER, deadlines: [], top: null, stage: 'moving', deliveredOn: null, endedOn: null, unknown: [], parcels: { count: 0, delivered: 0 } })],
  settings: DEFAULT_SETTINGS,
  prefs: {},
  locale: 'nl',
  dir: 'ltr',
  lang: 'nl',
  messages: { overlay_days_left: 'Nog {days} dagen' },
};

describe('the content script checks each reply by its message type', () => {
  it('keeps a reply of the promised shape, and any refusal', () => {
    expect(checkReply('cs/overlay-state', { ok: true, value: STATE })).toEqual({ ok: true, value: STATE });
    expect(checkReply('cs/observations', { ok: true, value: { accepted: 3, rejected: 0 } })?.ok).toBe(true);
    expect(checkReply('cs/open-claim', { ok: true, value: null })).toEqual({ ok: true, value: null });
    expect(checkReply('cs/overlay-state', { ok: false, error: 'sender_rejected' })).toEqual({ ok: false, error: 'sender_rejected' });
  });

  it('drops anything else', () => {
    const broken = [
      undefined,
      null,
      'ok',
      { ok: true },
      { ok: false },
      { ok: true, value: { ...STATE, dir: 'up' } },
      { ok: true, value: { ...STATE, messages: { a: 1 } } },
      { ok: true, value: { ...STATE, orders: [{ order: {} }] } },
      { ok: true, value: { ...STATE, knownCount: -1 } },
    ];
    for (const r of broken) expect(checkReply('cs/overlay-state', r), JSON.stringify(r)).toBeNull();
    expect(checkReply('cs/observations', { ok: true, value: { accepted: '3', rejected: 0 } })).toBeNull();
    expect(checkReply('cs/set-order-guard', { ok: true, value: {} })).toBeNull();
    expect(isOverlayState({ ...STATE, orders: [{ ...STATE.orders[0], deadlines: [{ kind: 'x' }] }] })).toBe(false);
  });
});

describe('an extension page validates each reply against its schema', () => {
  beforeEach(() => {
    (local.area as MemoryArea).clear();
    sent.reply = null;
  });

  it('gives the typed value, passes a refusal through, and refuses a reply of the wrong shape', async () => {
    sent.reply = { ok: true, value: { ics: 'BEGIN:VCALENDAR', count: 2 } };
    expect(await ask({ type: 'ui/calendar', orderId: null })).toEqual({ ok: true, value: { ics: 'BEGIN:VCALENDAR', count: 2 } });
    sent.reply = { ok: false, error: 'backup_error_not_json', params: { detail: 'x' } };
    expect(await ask({ type: 'ui/import-backup', text: 'x' })).toEqual({ ok: false, error: 'backup_error_not_json', params: { detail: 'x' } });
    for (const wrong of [{ ok: true, value: { ics: 5, count: 2 } }, { ok: true }, { ok: 'yes' }, 42, undefined]) {
      sent.reply = wrong;
      expect((await ask({ type: 'ui/calendar', orderId: null })).ok, JSON.stringify(wrong)).toBe(false);
    }
    sent.reply = { ok: true, value: { ...ORDER, status: 'lost' } };
    expect(await ask({ type: 'ui/mark-dispute', orderId: ORDER.orderId, opened: true })).toEqual({ ok: false, error: 'invalid_reply' });
    sent.reply = new Error('Could not establish connection');
    expect((await ask({ type: 'ui/refresh' })).ok).toBe(false);
  });

  it('accepts what the worker really answers', async () => {
    const POPUP = { id: 'bsextid', url: 'chrome-extension://bsextid/src/popup/index.html' } as Runtime.MessageSender;
    const listen = messageListener({
      afterChange: async () => undefined,
      overlayState: async () => STATE as never,
      calendar: async () => ({ ics: '', count: 0 }),
      openClaim: async () => undefined,
    });
    await store.putOrders([ORDER]);
    for (const message of [{ type: 'ui/export-backup' }, { type: 'ui/get-state' }, { type: 'ui/mark-dispute', orderId: ORDER.orderId, opened: true }, { type: 'ui/clear-quarantine' }] as const) {
      sent.reply = await listen(message, POPUP);
      const reply = await ask(message);
      expect(reply.ok, `${message.type}: ${JSON.stringify(sent.reply).slice(0, 200)}`).toBe(true);
    }
  });
});
