/**
 * Notices at the top of the popup: saved records kept aside (with a way to export them), the
 * last AliExpress page Buyer Shield could not read, in plain words, and "Copy diagnostics".
 */
import { useState } from 'preact/hooks';
import { askActiveTab, browser } from '../platform/browser';
import { PAGE_SNAPSHOT_REQUEST, parseSnapshot } from '../messaging/page-snapshot';
import { buildDiagnostics, latestProblem, problemsOf, UNREAD_PAGE_PROBLEMS, type ProblemNotice } from './diagnostics';
import { useT } from './locale';
import { ask } from './messaging';
import type { StoreHealth } from './orders';
import { CopyButton, downloadText } from './dashboard/widgets';

export function diagnosticsText(health: StoreHealth): string {
  const version = extensionVersion();
  const raw = { meta: health.meta, problems: health.problems, quarantine: health.quarantine };
  return JSON.stringify(buildDiagnostics(raw, health.orderCount, { version, userAgent: navigator.userAgent, now: new Date() }), null, 2);
}

/** "Copy diagnostics": what a bug report needs, nothing personal. */
export function DiagnosticsButton({ health }: { health: StoreHealth }) {
  const t = useT();
  return <CopyButton text={diagnosticsText(health)} label={t('notice_copy_diagnostics')} visible={t('notice_copy_diagnostics')} />;
}

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/**
 * "Save an anonymised copy of the page": asks the page open in this window for what the
 * extension saw, masks it (loaded only now) and writes the file. Nothing is sent anywhere.
 */
function PageCopyButton({ health, problem }: { health: StoreHealth; problem: ProblemNotice }) {
  const t = useT();
  const [status, setStatus] = useState<string | null>(null);
  const onSave = async () => {
    const snapshot = parseSnapshot(await askActiveTab(browser, { type: PAGE_SNAPSHOT_REQUEST }));
    if (!snapshot) return setStatus(t('notice_page_copy_no_page'));
    const detail = problemsOf(health.problems).find((p) => p.at === problem.at && p.code === problem.code)?.detail ?? '';
    const { pageCopyFile } = await import('./page-copy-file');
    const file = pageCopyFile(snapshot, { code: problem.code, detail }, extensionVersion());
    downloadText(`buyer-shield-page-copy-${file.savedAt.slice(0, 10)}.json`, JSON.stringify(file, null, 2), 'application/json');
    setStatus(t('notice_page_copy_saved'));
  };
  return (
    <>
      <p class="hint">{t('notice_page_copy_hint')}</p>
      <button type="button" onClick={() => void onSave()}>
        {t('notice_page_copy')}
      </button>
      {status && (
        <p role="status" class="hint">
          {status}
        </p>
      )}
    </>
  );
}

export function HealthNotices({ health }: { health: StoreHealth }) {
  const t = useT();
  const [exported, setExported] = useState<string | null>(null);
  // The latest read is all latestProblem needs of the orders' update times.
  const problem = latestProblem(health.problems, health.lastReadAt ? [health.lastReadAt] : []);
  if (health.quarantined === 0 && !problem) return null;

  const onExport = async () => {
    const reply = await ask({ type: 'ui/export-backup' });
    if (!reply.ok) return setExported(t('backup_export_failed'));
    downloadText(`buyer-shield-backup-${reply.value.exportedAt.slice(0, 10)}.json`, JSON.stringify(reply.value, null, 2), 'application/json');
    setExported(t('notice_quarantine_exported'));
  };

  return (
    <section class="notices" aria-label={t('notice_title')}>
      {problem && (
        <div class="notice" role="alert">
          <p>{t(`notice_problem_${problem.code.replace(/-/g, '_')}`)}</p>
          {UNREAD_PAGE_PROBLEMS.includes(problem.code) && <PageCopyButton health={health} problem={problem} />}
        </div>
      )}
      {health.quarantined > 0 && (
        <div class="notice" role="alert">
          <p>{t('notice_quarantine', { count: health.quarantined })}</p>
          <button type="button" onClick={() => void onExport()}>
            {t('notice_quarantine_export')}
          </button>
          {exported && (
            <p role="status" class="hint">
              {exported}
            </p>
          )}
          {exported && (
            <button type="button" onClick={() => void ask({ type: 'ui/clear-quarantine' })}>
              {t('notice_quarantine_forget')}
            </button>
          )}
        </div>
      )}
      <p class="hint">{t('notice_diagnostics_hint')}</p>
      <DiagnosticsButton health={health} />
    </section>
  );
}
