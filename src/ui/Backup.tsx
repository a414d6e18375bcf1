/** "Export backup" / "Import backup": the shopper's copy of everything Buyer Shield knows. */
import { useRef, useState } from 'preact/hooks';
import { ask } from './messaging';
import { useLocale } from './locale';
import { rankOrders, rulesOfSettings } from './dashboard/model';
import { ordersTable } from '../domain/orders-table';

type Status = { kind: 'ok' | 'error'; text: string } | null;

function download(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function BackupButtons() {
  const { t, lang, settings } = useLocale();
  const [status, setStatus] = useState<Status>(null);
  const input = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    const reply = await ask({ type: 'ui/export-backup' });
    if (!reply.ok) return setStatus({ kind: 'error', text: t('backup_export_failed') });
    const stamp = reply.value.exportedAt.slice(0, 10);
    download(`buyer-shield-backup-${stamp}.json`, JSON.stringify(reply.value, null, 2));
    setStatus({ kind: 'ok', text: t('backup_exported', { count: reply.value.orders.length }) });
  };

  /** Every order, one row per item, for a spreadsheet in the shopper's locale (the writer is loaded only now). */
  const onCsv = async () => {
    const reply = await ask({ type: 'ui/export-backup' });
    if (!reply.ok) return setStatus({ kind: 'error', text: t('backup_export_failed') });
    const { ordersCsv } = await import('./csv');
    const rows = ordersTable(rankOrders(reply.value.orders, rulesOfSettings(settings)));
    download(`buyer-shield-orders-${reply.value.exportedAt.slice(0, 10)}.csv`, ordersCsv(rows, t, lang), 'text/csv;charset=utf-8');
    setStatus({ kind: 'ok', text: t('backup_csv_exported', { count: reply.value.orders.length }) });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const reply = await ask({ type: 'ui/import-backup', text });
    if (input.current) input.current.value = '';
    if (reply.ok) setStatus({ kind: 'ok', text: t('backup_imported', { count: reply.value.imported, total: reply.value.total }) });
    else setStatus({ kind: 'error', text: `${t('backup_import_failed')} ${t(reply.error)} (${String(reply.params?.['detail'] ?? '')})` });
  };

  return (
    <div class="backup">
      <button type="button" onClick={() => void onExport()}>
        {t('backup_export')}
      </button>
      <button type="button" onClick={() => void onCsv()}>
        {t('backup_export_csv')}
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        {t('backup_import')}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('backup_import')}
        onChange={(e) => void onFile((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} class={`backup-status ${status.kind}`}>
          {status.text}
        </p>
      )}
    </div>
  );
}
