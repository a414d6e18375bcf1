import { useState } from 'preact/hooks';
import { LOCALES } from '../i18n';
import type { Settings } from '../storage/settings';
import { BackupButtons } from '../ui/Backup';
import { useLocale } from '../ui/locale';
import { ask } from '../ui/messaging';
import { RulesEditor } from './RulesEditor';

/** Each language's name in itself, so a shopper finds theirs whatever the UI language. */
const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', he: 'עברית', nl: 'Nederlands', ru: 'Русский', es: 'Español', pt_BR: 'Português (Brasil)', fr: 'Français', de: 'Deutsch',
};

export function OptionsApp() {
  const { t, settings } = useLocale();
  const [error, setError] = useState<string | null>(null);

  const save = async (change: Partial<Settings>): Promise<boolean> => {
    const reply = await ask({ type: 'ui/set-settings', settings: { ...settings, ...change } });
    setError(reply.ok ? null : t(reply.error, reply.params));
    return reply.ok;
  };

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <section aria-labelledby="lang-h">
        <h2 id="lang-h">{t('options_language')}</h2>
        <label>
          {t('options_language_label')}{' '}
          <select value={settings.locale} onChange={(e) => void save({ locale: (e.currentTarget as HTMLSelectElement).value as Settings['locale'] })}>
            <option value="auto">{t('options_language_auto')}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l.replace('_', '-')}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section aria-labelledby="guard-h">
        <h2 id="guard-h">{t('options_guard')}</h2>
        <label class="check">
          <input type="checkbox" checked={settings.guardEnabled} onChange={(e) => void save({ guardEnabled: (e.currentTarget as HTMLInputElement).checked })} />{' '}
          {t('options_guard_label')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.notificationsEnabled}
            onChange={(e) => void save({ notificationsEnabled: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('options_notifications_label')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.syncDeadlines !== false}
            aria-describedby="sync-hint"
            onChange={(e) => void save({ syncDeadlines: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('options_sync_label')}
        </label>
        <p id="sync-hint" class="hint">
          {t('options_sync_hint')}
        </p>
      </section>
      <section aria-labelledby="rules-h">
        <h2 id="rules-h">{t('options_rules')}</h2>
        <RulesEditor save={save} />
      </section>
      <section aria-labelledby="backup-h">
        <h2 id="backup-h">{t('options_backup')}</h2>
        <p>{t('options_backup_help')}</p>
        <BackupButtons />
      </section>
      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">{t('options_privacy')}</h2>
        <p>{t('options_privacy_text')}</p>
      </section>
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
