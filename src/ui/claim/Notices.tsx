/** Warnings (consistency checks) and advice (money-saving) shown at the step they concern. */
import type { ClaimNotice } from '../../domain/claim/checks';
import type { StepId } from '../../domain/claim/draft';
import { localiseParams } from '../../i18n/format';
import { useLocale } from '../locale';

export function Notices({ notices, step }: { notices: readonly ClaimNotice[]; step: StepId }) {
  const { t, lang } = useLocale();
  const here = notices.filter((n) => n.step === step);
  const warnings = here.filter((n) => n.kind === 'warning');
  const advice = here.filter((n) => n.kind === 'advice');
  return (
    <>
      <div class="warnings" aria-live="polite">
        {warnings.map((n) => (
          <p key={n.key} class="warning">
            <strong>{t('claimui_warning')}</strong> {t(n.key, localiseParams(t, n.params, lang))}
          </p>
        ))}
      </div>
      {advice.length > 0 && (
        <aside class="advice" aria-label={t('claimui_advice_label')}>
          <ul>
            {advice.map((n) => (
              <li key={n.key}>{t(n.key, localiseParams(t, n.params, lang))}</li>
            ))}
          </ul>
        </aside>
      )}
    </>
  );
}
