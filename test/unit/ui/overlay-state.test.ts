import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OVERLAY_MESSAGE_SECTIONS, overlayFacts, overlayMessages, overlayOrder } from '../../../src/messaging/overlay-state';
import type { ComputedDeadline } from '../../../src/domain/deadlines/engine';
import { sampleOrder } from './sample-order';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CONTENT = join(ROOT, 'src', 'content');
const CATALOGUE = join(ROOT, 'src', 'i18n', 'catalogue');

/** Message keys the content script names: t('key'), t(`prefix_${…}`) and keys chosen by a ternary. */
function keysUsedByContent(): string[] {
  const keys: string[] = [];
  for (const file of readdirSync(CONTENT).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(join(CONTENT, file), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*(?:[^,()]*\?\s*)?['`]([a-z][a-z0-9_]*)/g)) keys.push(m[1] as string);
    for (const m of src.matchAll(/:\s*'([a-z]+_[a-z0-9_]+)'\)/g)) keys.push(m[1] as string);
  }
  return keys;
}

describe('the overlay state the worker sends a content script', () => {
  test('every message key the content script uses is in a section the worker sends', () => {
    const keys = keysUsedByContent();
    expect(keys.length).toBeGreaterThan(30);
    const outside = keys.filter((k) => !OVERLAY_MESSAGE_SECTIONS.some((s) => k.startsWith(`${s}_`)));
    expect(outside).toEqual([]);
  });

  test('every overlay section exists in the English catalogue and names its keys after itself', () => {
    for (const section of OVERLAY_MESSAGE_SECTIONS) {
      const messages = JSON.parse(readFileSync(join(CATALOGUE, 'en', `${section}.json`), 'utf8')) as Record<string, unknown>;
      const keys = Object.keys(messages);
      expect(keys.filter((k) => k.startsWith(`${section}_`)).length).toBeGreaterThan(0);
    }
  });

  test('messages: the shopper language first, English where it lacks one, plural variants kept, other sections left out', () => {
    const fallback = { overlay_days_left: '{days} days left', overlay_overdue: 'Overdue', popup_title: 'Orders', claim_reason_x: 'x', guard_title: 'Wait' };
    const messages = { overlay_days_left: '{days} dagen', overlay_days_left__one: '{days} dag', popup_title: 'Bestellingen', common_app_name: 'Buyer Shield' };
    expect(overlayMessages(messages, fallback)).toEqual({
      overlay_days_left: '{days} dagen',
      overlay_days_left__one: '{days} dag',
      overlay_overdue: 'Overdue',
      guard_title: 'Wait',
      common_app_name: 'Buyer Shield',
    });
  });

  test('an order is sent as the facts the overlay shows, without its items and tracking', () => {
    const order = sampleOrder();
    expect(overlayFacts(order)).toEqual({ orderId: '8000000000000001', status: 'awaiting_delivery', total: { minor: 1299, currency: 'EUR' }, dispute: null, deliveredAt: null });
  });

  test('with the deadlines that apply, each without the page text it came from or its reason', () => {
    const base: ComputedDeadline = {
      kind: 'no-delivery-refund',
      due: '2026-11-24',
      source: 'page',
      text: 'Refund if package not received by Nov 24 — a long page sentence',
      action: 'open_not_received_dispute',
      applies: true,
      daysLeft: 3,
      urgency: 'soon',
      reasonKey: 'deadline_reason_page',
      params: { date: '2026-11-24' },
      remind: true,
    } as ComputedDeadline;
    const lapsed = { ...base, kind: 'dispute-window', applies: false } as ComputedDeadline;
    const sent = overlayOrder({ order: sampleOrder(), deadlines: [base, lapsed], top: base, stage: 'moving', deliveredOn: null, endedOn: null, unknown: [], parcels: { count: 0, delivered: 0 } });
    const expected = { kind: 'no-delivery-refund', due: '2026-11-24', source: 'page', action: 'open_not_received_dispute', applies: true, daysLeft: 3, urgency: 'soon', params: { date: '2026-11-24' } };
    expect(sent.deadlines).toEqual([expected]);
    expect(sent.top).toEqual(expected);
    expect(JSON.stringify(sent)).not.toContain('long page sentence');
    expect(overlayOrder({ order: sampleOrder(), deadlines: [], top: null, stage: 'moving', deliveredOn: null, endedOn: null, unknown: [], parcels: { count: 0, delivered: 0 } })).toMatchObject({ deadlines: [], top: null, outlook: { endedOn: null } });
  });
});
