/**
 * Every number of the deadline rule book, adjustable (src/domain/deadlines/rules.ts). A value
 * the rule book's schema refuses is not saved, and the field says so.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_RULES, RulesSchema, type Rules } from '../domain/deadlines/rules';
import type { Settings } from '../storage/settings';
import { useLocale } from '../ui/locale';

type NumberRule = {
  [K in keyof Rules]: Rules[K] extends number ? K : never;
}[keyof Rules];
type ListRule = 'leadDays' | 'pickupRemindDays';

const NUMBER_RULES: NumberRule[] = [
  'returnWindowDays',
  'disputeWindowDays',
  'autoConfirmAfterDeliveryDays',
  'refundWorkingDays',
  'sellerResponseDays',
  'escalationDays',
  'returnShippingDays',
  'urgentDays',
  'soonDays',
  'reminderHour',
  'disputeEarliestDaysBefore',
  'disputeLatestDaysBefore',
  'stalledAfterDays',
  'missedAfterHours',
];
const LIST_RULES: ListRule[] = ['leadDays', 'pickupRemindDays'];

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function RulesEditor({ save }: { save: (change: Partial<Settings>) => Promise<boolean> }) {
  const { t, settings } = useLocale();
  const stored: Rules = { ...DEFAULT_RULES, ...(RulesSchema.safeParse({ ...DEFAULT_RULES, ...(settings.rules ?? {}) }).data ?? {}) };
  // What the form shows: the stored rules, updated at once on a valid change (the stored
  // settings come back a moment later through storage.sync and replace it).
  const [current, setCurrent] = useState<Rules>(stored);
  const storedKey = JSON.stringify(stored);
  useEffect(() => setCurrent(JSON.parse(storedKey) as Rules), [storedKey]);
  const [invalid, setInvalid] = useState<string | null>(null);

  const apply = async (key: keyof Rules, value: unknown) => {
    const next = { ...current, [key]: value };
    if (!RulesSchema.safeParse(next).success) return setInvalid(key);
    setInvalid(null);
    setCurrent(next as Rules);
    const overrides: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(next)) if (JSON.stringify(v) !== JSON.stringify(DEFAULT_RULES[k as keyof Rules])) overrides[k] = v;
    await save({ rules: overrides });
  };
  const list = (text: string) => text.split(/[\s,;]+/).filter(Boolean).map(Number);

  return (
    <div class="rules">
      <p>{t('options_rules_help')}</p>
      {LIST_RULES.map((k) => (
        <label key={k} class="rule">
          <span>{t(`options_rule_${snake(k)}`)}</span>
          <input
            type="text"
            inputMode="numeric"
            dir="ltr"
            value={current[k].join(', ')}
            aria-invalid={invalid === k}
            onChange={(e) => void apply(k, list((e.currentTarget as HTMLInputElement).value))}
          />
        </label>
      ))}
      {NUMBER_RULES.map((k) => (
        <label key={k} class="rule">
          <span>{t(`options_rule_${snake(k)}`)}</span>
          <input
            type="number"
            min={0}
            value={current[k]}
            aria-invalid={invalid === k}
            onChange={(e) => void apply(k, Number((e.currentTarget as HTMLInputElement).value))}
          />
        </label>
      ))}
      <fieldset class="rule">
        <legend>{t('options_rule_quiet_hours')}</legend>
        <label>
          <input
            type="checkbox"
            checked={current.quietHours !== null}
            onChange={(e) => void apply('quietHours', (e.currentTarget as HTMLInputElement).checked ? { start: '22:00', end: '08:00' } : null)}
          />{' '}
          {t('options_rule_quiet_hours_on')}
        </label>
        {current.quietHours && (
          <>
            <label>
              {t('options_rule_quiet_from')}{' '}
              <input type="time" value={current.quietHours.start} onChange={(e) => void apply('quietHours', { ...current.quietHours!, start: (e.currentTarget as HTMLInputElement).value })} />
            </label>{' '}
            <label>
              {t('options_rule_quiet_to')}{' '}
              <input type="time" value={current.quietHours.end} onChange={(e) => void apply('quietHours', { ...current.quietHours!, end: (e.currentTarget as HTMLInputElement).value })} />
            </label>
          </>
        )}
      </fieldset>
      {invalid && (
        <p role="alert" class="error">
          {t('options_rule_invalid', { rule: t(`options_rule_${snake(invalid)}`) })}
        </p>
      )}
      <button type="button" onClick={() => void save({ rules: {} })}>
        {t('options_rules_reset')}
      </button>
    </div>
  );
}
