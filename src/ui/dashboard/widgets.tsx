/** Small pieces the dashboard, the order view and the claim assistant share. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { actionKey, kindKey, type ComputedDeadline } from '../../domain/deadlines/engine';
import type { SummaryDeadline } from '../../domain/summary';
import { formatCalendarDate, localiseParams } from '../../i18n/format';
import { useLocale } from '../locale';
import { daysLeftText } from './model';

/** Save text as a file the shopper downloads (backup, calendar). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A button that copies `text` and says "Copied" for a moment. `label` is its accessible name. */
export function CopyButton({ text, label, visible }: { text: string; label: string; visible?: string }) {
  const { t } = useLocale();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const onClick = async () => {
    setState((await copyText(text)) ? 'copied' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2500);
  };
  return (
    <span class="copy">
      <button type="button" aria-label={label} onClick={() => void onClick()}>
        {visible ?? t('popup_copy')}
      </button>
      <span role="status" class={`copy-status ${state}`}>
        {state === 'copied' ? t('popup_copied') : state === 'failed' ? t('popup_copy_failed') : ''}
      </span>
    </span>
  );
}

/** "3 days left · Sep 3, 2026 · Refund if not delivered · Estimate". */
export function DeadlineSummary({ d, withAction = false }: { d: SummaryDeadline | ComputedDeadline; withAction?: boolean }) {
  const { t, lang } = useLocale();
  const left = daysLeftText(d.daysLeft);
  return (
    <div class={`deadline urgency-${d.urgency}`}>
      <div class="deadline-head">
        <strong class="deadline-kind">{t(kindKey(d.kind))}</strong>
        <span class="deadline-left">{t(left.key, left.params)}</span>
      </div>
      <div class="deadline-meta">
        <time dateTime={d.due}>{formatCalendarDate(d.due, lang)}</time>
        {d.source === 'estimate' && <span class="estimate">{t('deadline_source_estimate')}</span>}
      </div>
      {withAction && <p class="deadline-action">{t(actionKey(d.action), localiseParams(t, d.params, lang))}</p>}
    </div>
  );
}
