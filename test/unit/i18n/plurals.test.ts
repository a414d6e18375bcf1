/**
 * Numbers and nouns agree in every language (docs/architecture.md, "Plurals"): every message
 * whose noun follows a count has the forms its language needs (Intl.PluralRules: Russian
 * one/few/many, Hebrew one/two, French and Portuguese one for 0 and 1, the rest one), and
 * renders for 0, 1, 2, 3, 5, 11, 21 and 101 with no placeholder left.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALES, PLURAL_SEPARATOR } from '../../../src/i18n';
import { readCatalogues } from '../../../scripts/catalogue-plugin';

const all = readCatalogues();
const NUMBERS = [0, 1, 2, 3, 5, 11, 21, 101];

/**
 * Every counted message, the param its noun agrees with, and the smallest number it is shown
 * with (a claim about "all N pieces" or "M of the N pieces" has N ≥ 2).
 */
const COUNTED: Record<string, { param: string; min?: number }> = {
  backup_exported: { param: 'count' },
  backup_imported: { param: 'count' },
  backup_csv_exported: { param: 'count' },
  claim_check_use_in_transit_reason: { param: 'count' },
  claim_sentence_reply_extend_request: { param: 'days' },
  claim_sentence_item_all_quantity: { param: 'quantity', min: 2 },
  claim_sentence_item_quantity: { param: 'ordered', min: 2 },
  claim_sentence_last_update_since: { param: 'days', min: 2 },
  claimui_outcome_return_help: { param: 'days' },
  claimui_item_quantity_label: { param: 'ordered', min: 2 },
  deadline_reason_est_return_window: { param: 'rule_days' },
  deadline_reason_est_pickup: { param: 'rule_days' },
  deadline_reason_est_seller_response: { param: 'rule_days' },
  deadline_reason_est_escalation: { param: 'rule_days' },
  deadline_reason_est_return_shipping: { param: 'rule_days' },
  deadline_reason_est_dispute_window: { param: 'rule_days' },
  deadline_reason_est_auto_confirm: { param: 'rule_days' },
  deadline_reason_est_auto_confirm_pickup: { param: 'rule_days' },
  deadline_reason_est_refund: { param: 'rule_days' },
  deadline_notify_title: { param: 'days' },
  deadline_notify_summary_body_missed: { param: 'count' },
  overlay_known_orders: { param: 'count' },
  deadline_parcels: { param: 'count', min: 2 },
  overlay_days_left: { param: 'days' },
  popup_other_browsers_days: { param: 'days', min: 1 },
  overlay_read_all_done: { param: 'count' },
  popup_days_left: { param: 'days' },
  popup_days_ago: { param: 'days' },
  popup_calendar_saved: { param: 'count' },
};

/**
 * Messages with a number and no noun that agrees with it ("Your orders (5)", "× 3", "Step 2
 * of 7", "5 of 1,000 characters", "Show 10 more (35 left)"): checked to stay that way.
 */
const NO_NOUN = [
  'popup_orders_label', 'deadline_notify_summary_title', 'popup_item_quantity', 'popup_tracking_events', 'popup_other_deadlines',
  'claimui_step_of', 'claimui_counter', 'claimui_counter_over', 'claimui_amount_ordered_label', 'popup_show_more',
  'overlay_read_all_progress', 'notice_quarantine', 'claim_check_fewer_items_counts', 'claim_amount_error_missing_above_ordered',
  // "{received} instead of {ordered}": two numbers, no noun.
  'claim_sentence_fewer_items',
  // {ordered} is what was ordered (a colour, a size, a material, a model), not a number.
  'claim_sentence_nad_colour', 'claim_sentence_nad_size', 'claim_sentence_nad_material', 'claim_sentence_nad_design',
];

const en = all.get('en')!;

describe('plurals', () => {
  it('every message with a count is either counted or known to have no noun that agrees with it', () => {
    const withCount = Object.keys(en).filter((k) => !k.includes(PLURAL_SEPARATOR) && /\{(count|days|rule_days|ordered|quantity)\}/.test(en[k]!));
    const unknown = withCount.filter((k) => !(k in COUNTED) && !NO_NOUN.includes(k));
    expect(unknown).toEqual([]);
  });

  for (const locale of LOCALES) {
    it(`${locale}: every counted message has the form each number needs, and renders`, () => {
      const messages = all.get(locale)!;
      const rules = new Intl.PluralRules(locale.replace('_', '-'));
      const t = createTranslator(messages, en, locale);
      const missing: string[] = [];
      for (const [key, { param, min = 0 }] of Object.entries(COUNTED)) {
        for (const n of NUMBERS.filter((x) => x >= min)) {
          const category = rules.select(n);
          if (category !== 'other' && messages[`${key}${PLURAL_SEPARATOR}${category}`] === undefined) missing.push(`${key}__${category} (${n})`);
          const text = t(key, { [param]: n, kind: 'K', date: 'D', item: '“I”', total: 9, amount: 'A', delivered: 1, quantity: Math.min(n, 2), ordered: n });
          expect(text, `${locale} ${key} ${n}`).not.toMatch(/[{}]/);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('reads as a native speaker would: a few spot checks', () => {
    const t = (l: string) => createTranslator(all.get(l)!, en, l);
    expect(t('nl')('overlay_days_left', { days: 1 })).toBe('Nog 1 dag');
    expect(t('de')('popup_days_left', { days: 1 })).toBe('Noch 1 Tag');
    expect(t('es')('overlay_days_left', { days: 1 })).toBe('Queda 1 día');
    expect(t('fr')('overlay_days_left', { days: 1 })).toBe('1 jour restant');
    expect(t('pt_BR')('overlay_days_left', { days: 1 })).toBe('Falta 1 dia');
    expect(t('he')('overlay_days_left', { days: 1 })).toBe('נותר יום אחד');
    expect(t('ru')('overlay_days_left', { days: 1 })).toBe('Остался 1 день');
    expect(t('ru')('overlay_days_left', { days: 3 })).toBe('Осталось 3 дня');
    expect(t('ru')('overlay_days_left', { days: 11 })).toBe('Осталось 11 дней');
    expect(t('ru')('overlay_days_left', { days: 21 })).toBe('Остался 21 день');
    expect(t('en')('deadline_reason_est_refund', { rule_days: 1 })).toBe('Estimate: a refund takes up to 1 working day to arrive.');
  });
});
