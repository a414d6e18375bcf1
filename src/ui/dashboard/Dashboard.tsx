/**
 * The order list: most urgent first, with search and filters. It may start with only the
 * first rows (the worker's index head) and the counts of all; it asks for every row
 * (`onNeedAll`) once the shopper searches, filters or scrolls past them. Only the first
 * PAGE_SIZE rows are rendered and more are added on scroll or with "Show more", so 5,000
 * stored orders open as fast as 50. The first frame holds only FIRST_FRAME_ROWS of them, more
 * than a popup shows; the rest of the page follows in the next task.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatMoney } from '../../domain/money';
import { useLocale } from '../locale';
import { FILTERS, filterCounts, filterRows, type DashboardRow, type Filter } from './model';
import { DeadlineSummary } from './widgets';
import { actionKey } from '../../domain/deadlines/engine';
import { formatCalendarDate, localiseParams } from '../../i18n/format';
import type { Translate } from '../../i18n';

export const PAGE_SIZE = 50;
/** Rows in the list's first frame: twice what a 600 px popup shows under its search and filters (about 4). */
export const FIRST_FRAME_ROWS = 8;

export function orderHref(orderId: string, view: 'order' | 'claim' = 'order'): string {
  return `?view=${view}&order=${encodeURIComponent(orderId)}`;
}

export function Dashboard({
  rows,
  counts: given,
  complete = true,
  onNeedAll,
  onOpen,
}: {
  rows: readonly DashboardRow[];
  /** Filter counts of every order, when `rows` holds only the first ones (`complete` false). */
  counts?: Record<Filter, number>;
  complete?: boolean;
  /** Called when the shopper searches, filters or scrolls past the first rows while `complete` is false. */
  onNeedAll?: () => void;
  onOpen: (orderId: string) => void;
}) {
  const { t } = useLocale();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(PAGE_SIZE);
  // False until the first frame is painted (effects run after it).
  const [painted, setPainted] = useState(false);
  const counts = useMemo(() => given ?? filterCounts(rows), [given, rows]);
  const visible = useMemo(() => filterRows(rows, query, filter), [rows, query, filter]);
  // Until every row is read, the list's size is the index's count (a search waits for the rows).
  const listed = complete || query ? visible.length : counts[filter];
  const sentinel = useRef<HTMLLIElement>(null);

  useEffect(() => setPainted(true), []);
  useEffect(() => setShown(PAGE_SIZE), [query, filter]);
  useEffect(() => {
    if (!complete && (query || filter !== 'all' || shown > rows.length)) onNeedAll?.();
  }, [complete, query, filter, shown, rows.length, onNeedAll]);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + PAGE_SIZE);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [visible, shown, painted]);

  if (counts.all === 0) return <p class="empty">{t('popup_no_orders')}</p>;

  return (
    <section class="dashboard" aria-label={t('popup_dashboard_label')}>
      <div class="search">
        <label for="order-search">{t('popup_search_label')}</label>
        <input
          id="order-search"
          type="search"
          value={query}
          placeholder={t('popup_search_placeholder')}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <fieldset class="filters">
        <legend>{t('popup_filter_legend')}</legend>
        {FILTERS.map((f) => (
          <label key={f} class={`chip${filter === f ? ' on' : ''}`}>
            <input type="radio" name="filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
            {t(`popup_filter_${f}`)} <bdi class="count">{counts[f]}</bdi>
          </label>
        ))}
      </fieldset>
      {listed === 0 ? (
        <p class="empty" role="status">
          {t('popup_no_match')}
        </p>
      ) : (
        <ul class="orders" aria-label={t('popup_orders_label', { count: listed })} aria-busy={complete ? undefined : 'true'}>
          {visible.slice(0, painted ? shown : Math.min(shown, FIRST_FRAME_ROWS)).map((r) => (
            <OrderRow key={r.orderId} row={r} onOpen={onOpen} />
          ))}
          {painted && shown < listed && visible.length > 0 && (
            <li ref={sentinel} class="more" role="presentation">
              <button type="button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
                {t('popup_show_more', { count: Math.min(PAGE_SIZE, listed - shown), total: listed - shown })}
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

function OrderRow({ row, onOpen }: { row: DashboardRow; onOpen: (orderId: string) => void }) {
  const { t, lang } = useLocale();
  // A passed deadline gives way to "protection ended on …" or to the date still unknown.
  const top = row.top && !row.endedOn && !(row.top.daysLeft < 0 && row.unknown.length > 0) ? row.top : null;
  return (
    <li class={`order${top ? ` urgency-${top.urgency}` : ''}`}>
      <a
        class="order-link"
        href={orderHref(row.orderId)}
        onClick={(e) => {
          e.preventDefault();
          onOpen(row.orderId);
        }}
      >
        <span class="order-head">
          <span class="store">{row.store ?? t('popup_unknown_store')}</span>
          <span class="status">{t(`status_${row.status}`)}</span>
        </span>
        <span class="item" dir="auto">
          {row.titles[0] ?? ''}
        </span>
        <span class="order-foot">
          <bdi class="order-id" dir="ltr">#{row.orderId}</bdi>
          {row.parcels.count > 1 && <span class="parcels">{t('deadline_parcels', { count: row.parcels.count, delivered: row.parcels.delivered })}</span>}
          {row.total && <bdi class="total">{formatMoney(row.total, lang)}</bdi>}
        </span>
      </a>
      {top ? (
        <div class="row-deadline">
          <DeadlineSummary d={top} />
          {row.deliveredOn && top.action !== 'check_delivery' && top.action !== 'collect_before_auto_confirm' && (
            <p class="delivered-prompt">
              {t(row.stage === 'at_pickup_point' ? 'deadline_pickup_prompt' : 'deadline_delivered_prompt', { date: formatCalendarDate(row.deliveredOn, lang) })}
            </p>
          )}
          <p class="deadline-action clamp">{t(actionKey(top.action), localiseParams(t, top.params, lang))}</p>
        </div>
      ) : (
        <p class="no-deadline">{noDeadlineText(t, lang, row)}</p>
      )}
    </li>
  );
}

/** A row without a deadline to act on: when protection ended, which date is unknown and how to learn it, or nothing to watch. */
function noDeadlineText(t: Translate, lang: string, row: DashboardRow): string {
  if (row.endedOn) return t('deadline_protection_ended', { date: formatCalendarDate(row.endedOn, lang) });
  const unknown = row.unknown[0];
  if (unknown) return t(`deadline_unknown_${unknown.replace(/-/g, '_')}`);
  return t('popup_no_deadline');
}
