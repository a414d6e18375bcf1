/**
 * The order list: most urgent first, with search and filters. Rows are computed once
 * (model.ts); only the first PAGE_SIZE are rendered and more are added on scroll or with
 * "Show more", so 5,000 stored orders open as fast as 50.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatMoney } from '../../domain/money';
import { useLocale } from '../locale';
import { FILTERS, filterCounts, filterRows, type DashboardRow, type Filter } from './model';
import { DeadlineSummary } from './widgets';
import { localiseParams } from '../../i18n/format';

export const PAGE_SIZE = 50;

export function orderHref(orderId: string, view: 'order' | 'claim' = 'order'): string {
  return `?view=${view}&order=${encodeURIComponent(orderId)}`;
}

export function Dashboard({ rows, onOpen }: { rows: readonly DashboardRow[]; onOpen: (orderId: string) => void }) {
  const { t } = useLocale();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(PAGE_SIZE);
  const counts = useMemo(() => filterCounts(rows), [rows]);
  const visible = useMemo(() => filterRows(rows, query, filter), [rows, query, filter]);
  const sentinel = useRef<HTMLLIElement>(null);

  useEffect(() => setShown(PAGE_SIZE), [query, filter]);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown((n) => n + PAGE_SIZE);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [visible, shown]);

  if (rows.length === 0) return <p class="empty">{t('popup_no_orders')}</p>;

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
      {visible.length === 0 ? (
        <p class="empty" role="status">
          {t('popup_no_match')}
        </p>
      ) : (
        <ul class="orders" aria-label={t('popup_orders_label', { count: visible.length })}>
          {visible.slice(0, shown).map((r) => (
            <OrderRow key={r.order.orderId} row={r} onOpen={onOpen} />
          ))}
          {shown < visible.length && (
            <li ref={sentinel} class="more" role="presentation">
              <button type="button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
                {t('popup_show_more', { count: Math.min(PAGE_SIZE, visible.length - shown), total: visible.length - shown })}
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
  const o = row.order;
  const top = row.top;
  return (
    <li class={`order${top ? ` urgency-${top.urgency}` : ''}`}>
      <a
        class="order-link"
        href={orderHref(o.orderId)}
        onClick={(e) => {
          e.preventDefault();
          onOpen(o.orderId);
        }}
      >
        <span class="order-head">
          <span class="store">{o.store.name ?? t('popup_unknown_store')}</span>
          <span class="status">{t(`status_${o.status}`)}</span>
        </span>
        <span class="item" dir="auto">
          {o.items[0]?.title ?? ''}
        </span>
        <span class="order-foot">
          <bdi class="order-id" dir="ltr">#{o.orderId}</bdi>
          {o.total && <bdi class="total">{formatMoney(o.total, lang)}</bdi>}
        </span>
      </a>
      {top ? (
        <div class="row-deadline">
          <DeadlineSummary d={top} />
          <p class="deadline-action clamp">{t(`deadline_action_${top.action}`, localiseParams(t, top.params, lang))}</p>
        </div>
      ) : (
        <p class="no-deadline">{t(row.noDeliveryDateUnknown ? 'deadline_unknown_no_delivery_refund' : 'popup_no_deadline')}</p>
      )}
    </li>
  );
}
