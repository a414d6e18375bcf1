import { describe, expect, it } from 'vitest';
import { ACTION_KEYS, URGENCIES, actionKey, kindKey } from '../../../src/domain/deadlines/engine';
import { placeholdersOf } from '../../../src/i18n';
import { DEADLINE_KINDS } from '../../../src/domain/order';

import enJson from '../../../src/i18n/catalogue/en/deadline.json';
import heJson from '../../../src/i18n/catalogue/he/deadline.json';
import engineSource from '../../../src/domain/deadlines/engine.ts?raw';
import remindersSource from '../../../src/domain/deadlines/reminders.ts?raw';

// Plural variants (`key__one`) are per language; test/unit/i18n checks them.
const base = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).filter(([k]) => !k.includes('__')));
const en: Record<string, string> = base(enJson);
const he: Record<string, string> = base(heJson);
const sources = `${engineSource}\n${remindersSource}`;

describe('deadline catalogue', () => {
  it('English and Hebrew have the same keys and placeholders; keys carry the area prefix', () => {
    expect(Object.keys(he).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      expect(k).toMatch(/^deadline_[a-z0-9_]+$/);
      expect(placeholdersOf(he[k]!), k).toEqual(placeholdersOf(v));
      expect(he[k]!.trim().length, k).toBeGreaterThan(0);
    }
    expect(Object.values(he).some((v) => /[\u0590-\u05FF]/.test(v))).toBe(true);
  });
  it('names every kind, action and urgency', () => {
    for (const k of DEADLINE_KINDS) expect(en[kindKey(k)], k).toBeTruthy();
    for (const a of ACTION_KEYS) expect(en[actionKey(a)], a).toBeTruthy();
    for (const u of URGENCIES) expect(en[((u: string) => `deadline_urgency_${u}`)(u)], u).toBeTruthy();
    expect(en.deadline_kind_no_delivery_refund).toBe('Refund if not delivered');
    expect(en.deadline_kind_return_window).toBe('Return window');
    expect(en.deadline_kind_pickup).toBe('Pick up');
  });
  it('has every key the engine and the planner return', () => {
    const used = [...new Set(sources.match(/'deadline_[a-z_]+'/g)!.map((s) => s.slice(1, -1)))];
    expect(used.length).toBeGreaterThan(30);
    for (const k of used) expect(en[k], k).toBeTruthy();
  });
  it('action texts use only the params the engine supplies', () => {
    for (const a of ACTION_KEYS) {
      const allowed =
        a === 'open_not_received_dispute' || a === 'ask_extension_or_dispute'
          ? ['by', 'date', 'days', 'from', 'order']
          : a === 'check_delivery' || a === 'collect_before_auto_confirm'
            ? ['date', 'days', 'delivered', 'order']
            : ['date', 'days', 'order'];
      for (const p of placeholdersOf(en[actionKey(a)]!)) expect(allowed, `${a}: {${p}}`).toContain(p);
    }
  });
  it('carries the brief’s advice: dispute 3–5 days before, not on the last day; ask to extend when moving', () => {
    expect(en.deadline_action_open_not_received_dispute).toContain('not on the last day');
    expect(en.deadline_action_ask_extension_or_dispute).toContain('extend');
    expect(en.deadline_action_wait_for_seller).toContain('your request is granted');
  });
});
