/** Settings, in storage.sync so they follow the shopper between browsers. Validated and repaired on read. */
import * as z from 'zod/mini';
import { lazySchema } from '../lib/lazy-schema';
import { DEFAULT_RULES, RulesSchema, type Rules } from '../domain/deadlines/rules';
import { LOCALES } from '../i18n';

export const SETTINGS_VERSION = 1;

export const SettingsSchema = lazySchema(() => z.object({
  version: z.literal(SETTINGS_VERSION),
  /** 'auto' follows the browser's language. */
  locale: z.enum(['auto', ...LOCALES]),
  /** The confirm guard on every order (each order can still be switched off on its own). */
  guardEnabled: z.boolean(),
  notificationsEnabled: z.boolean(),
  /** Share open deadlines and the reminders shown with the shopper's other browsers (docs/sync.md); absent means on. */
  syncDeadlines: z.optional(z.boolean()),
  /** Overrides of the deadline rule book (src/domain/deadlines/rules.ts), validated there. */
  rules: z.optional(z.record(z.string(), z.unknown())),
}));
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  locale: 'auto',
  guardEnabled: true,
  notificationsEnabled: true,
};

/** Keep every field that validates, default the rest; report what was repaired. */
export function repairSettings(raw: unknown): { settings: Settings; repaired: string[] } {
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, repaired: [] };
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const repaired: string[] = [];
  if (raw && typeof raw === 'object') {
    for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
      const value = (raw as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const field = SettingsSchema.shape[key].safeParse(value);
      if (field.success) out[key] = field.data;
      else repaired.push(key);
    }
  } else if (raw !== undefined) {
    repaired.push('settings');
  }
  out['version'] = SETTINGS_VERSION;
  return { settings: out as Settings, repaired };
}

/** The rule book as the shopper set it: defaults merged with `settings.rules`, validated. */
export function rulesOfSettings(settings: Pick<Settings, 'rules'>): Rules {
  // Nothing overridden (the usual case): the defaults, which are valid (settings.test.ts), without a parse.
  if (settings.rules === undefined || Object.keys(settings.rules).length === 0) return DEFAULT_RULES;
  const merged = RulesSchema.safeParse({ ...DEFAULT_RULES, ...(settings.rules ?? {}) });
  return merged.success ? merged.data : DEFAULT_RULES;
}
