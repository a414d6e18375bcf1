/**
 * One order: its timeline as a small chart, items, amounts, tracking numbers (copy), every
 * deadline with snooze / done, "Add to calendar", "Draft a claim" and "I've opened the dispute".
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Locale as DateLocale } from 'date-fns';
import { ago, loadDateLocale } from '../relative';
import { orderDetailUrl } from '../../aliexpress/pages';
import { kindKey } from '../../domain/deadlines/engine';
import { formatMoney } from '../../domain/money';
import { localDateOf } from '../../domain/dates';
import { formatCalendarDate, localiseParams } from '../../i18n/format';
import { useLocale } from '../locale';
import { ask } from '../messaging';
import type { OrderDetail } from './model';
import { timelineOf } from './timeline';
import { CopyButton, DeadlineSummary, downloadText } from './widgets';

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function OrderView({ row, onClaim }: { row: OrderDetail; onClaim: (orderId: string) => void }) {
  const { t, lang, locale } = useLocale();
  const o = row.order;
  const [dateLocale, setDateLocale] = useState<DateLocale | null>(null);
  useEffect(() => {
    void loadDateLocale(locale).then(setDateLocale, () => setDateLocale(null));
  }, [locale]);
  const [status, setStatus] = useState<Status>(null);
  const [handled, setHandled] = useState<Record<string, 'snooze' | 'done'>>({});
  const today = localDateOf(Date.now());
  const points = useMemo(() => timelineOf(o, row.deadlines, today), [o, row.deadlines, today]);
  const applying = row.deadlines.filter((d) => d.applies);
  const others = row.deadlines.filter((d) => !d.applies);
  const events = o.tracking.flatMap((p) => p.events).filter((e) => e.at !== null);

  const reminder = async (action: 'snooze' | 'done', kind: string, due: string) => {
    const r = await ask({ type: 'ui/reminder-action', action, orderId: o.orderId, kind, due });
    if (r.ok) setHandled((h) => ({ ...h, [`${kind}|${due}`]: action }));
    else setStatus({ kind: 'error', text: t('popup_action_failed') });
  };
  const calendar = async () => {
    const r = await ask({ type: 'ui/calendar', orderId: o.orderId });
    if (!r.ok) return setStatus({ kind: 'error', text: t('popup_action_failed') });
    if (r.value.count === 0) return setStatus({ kind: 'ok', text: t('popup_calendar_none') });
    downloadText(`buyer-shield-${o.orderId}.ics`, r.value.ics, 'text/calendar');
    setStatus({ kind: 'ok', text: t('popup_calendar_saved', { count: r.value.count }) });
  };
  const markDispute = async (opened: boolean) => {
    const r = await ask({ type: 'ui/mark-dispute', orderId: o.orderId, opened });
    setStatus(r.ok ? { kind: 'ok', text: t(opened ? 'popup_dispute_marked' : 'popup_dispute_unmarked') } : { kind: 'error', text: t('popup_action_failed') });
  };

  return (
    <article class="order-view" aria-labelledby="order-title">
      <header class="order-view-head">
        <h2 id="order-title">
          {o.store.name ?? t('popup_unknown_store')} <bdi dir="ltr" class="order-id">#{o.orderId}</bdi>
        </h2>
        <p class="status">
          {t(`status_${o.status}`)}
          {o.total && (
            <>
              {' · '}
              <bdi class="total">{formatMoney(o.total, lang)}</bdi>
            </>
          )}
        </p>
        {dateLocale && <p class="read-ago">{t('popup_read_ago', { when: ago(o.updatedAt, Date.now(), dateLocale) })}</p>}
        <div class="row-actions">
          <CopyButton text={o.orderId} label={t('popup_copy_order_id', { id: o.orderId })} />
          <a href={orderDetailUrl(o.orderId, o.site.replace(/^www\./, ''))} target="_blank" rel="noopener noreferrer">
            {t('popup_open_on_aliexpress')}
          </a>
        </div>
      </header>

      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">{t('popup_timeline_title')}</h3>
        <div class="timeline" aria-hidden="true">
          <div class="timeline-axis" />
          {points.map((p, i) => (
            <span
              key={i}
              class={`tl-point tl-${p.kind}${p.past ? ' past' : ''}${p.estimate ? ' estimate' : ''}`}
              style={{ insetInlineStart: `${(p.at * 100).toFixed(2)}%` }}
              title={`${p.labelKey ? t(p.labelKey) : (p.text ?? '')} · ${formatCalendarDate(p.date, lang)}`}
            />
          ))}
        </div>
        <ol class="timeline-list">
          {points
            .filter((p) => p.kind !== 'tracking')
            .map((p, i) => (
              <li key={i} class={`tl-item tl-${p.kind}${p.past ? ' past' : ''}`}>
                <span class={`tl-dot tl-${p.kind}`} aria-hidden="true" />
                <time dateTime={p.date}>{formatCalendarDate(p.date, lang)}</time> {p.labelKey ? t(p.labelKey) : ''}
                {p.estimate && <span class="estimate">{t('deadline_source_estimate')}</span>}
              </li>
            ))}
        </ol>
        {events.length > 0 && (
          <details class="tracking-events">
            <summary>{t('popup_tracking_events', { count: events.length })}</summary>
            <ol>
              {events.map((e, i) => (
                <li key={i}>
                  <time dateTime={e.at ?? ''}>{formatCalendarDate(localDateOf(e.at!), lang)}</time> {e.text}
                </li>
              ))}
            </ol>
          </details>
        )}
      </section>

      <section aria-labelledby="items-title">
        <h3 id="items-title">{t('popup_items_title')}</h3>
        <ul class="items">
          {o.items.map((it, i) => (
            <li key={i}>
              <span class="item-title">{it.title}</span>
              {it.variant && <span class="variant"> · {it.variant}</span>}
              <span class="item-amount">
                {' '}
                {t('popup_item_quantity', { count: it.quantity })}
                {it.price && (
                  <>
                    {' · '}
                    <bdi>{formatMoney(it.price, lang)}</bdi>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
        {o.total && (
          <p>
            {t('popup_total')} <bdi class="total">{formatMoney(o.total, lang)}</bdi>
          </p>
        )}
      </section>

      {o.tracking.some((p) => p.number) && (
        <section aria-labelledby="tracking-title">
          <h3 id="tracking-title">{t('popup_tracking_title')}</h3>
          <ul class="tracking-numbers">
            {o.tracking
              .filter((p) => p.number)
              .map((p, i) => (
                <li key={i}>
                  <bdi dir="ltr" class="tracking-number">{p.number}</bdi>
                  {p.carrier && <span class="carrier"> · {p.carrier}</span>}{' '}
                  <CopyButton text={p.number!} label={t('popup_copy_tracking', { number: p.number! })} />
                </li>
              ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="deadlines-title">
        <h3 id="deadlines-title">{t('popup_deadlines_title')}</h3>
        {row.outlook.parcels.count > 1 && <p class="parcels">{t('deadline_parcels', { count: row.outlook.parcels.count, delivered: row.outlook.parcels.delivered })}</p>}
        {row.outlook.deliveredOn && (
          <p class="warning delivered-prompt">
            {t(row.outlook.stage === 'at_pickup_point' ? 'deadline_pickup_prompt' : 'deadline_delivered_prompt', { date: formatCalendarDate(row.outlook.deliveredOn, lang) })}
          </p>
        )}
        {row.outlook.unknown.map((k) => (
          <p key={k} class="warning">{t(`deadline_unknown_${k.replace(/-/g, '_')}`)}</p>
        ))}
        {row.outlook.endedOn && <p class="empty">{t('deadline_protection_ended', { date: formatCalendarDate(row.outlook.endedOn, lang) })}</p>}
        {applying.length === 0 && row.outlook.unknown.length === 0 && !row.outlook.endedOn && <p class="empty">{t('popup_no_deadline')}</p>}
        <ul class="deadlines">
          {applying.map((d) => {
            const done = handled[`${d.kind}|${d.due}`];
            const name = t(kindKey(d.kind));
            return (
              <li key={`${d.kind}|${d.due}`}>
                <DeadlineSummary d={d} withAction />
                <p class="deadline-reason">{t(d.reasonKey, localiseParams(t, d.params, lang))}</p>
                {done ? (
                  <p role="status" class="ok">
                    {t(done === 'snooze' ? 'popup_snoozed' : 'popup_marked_done')}
                  </p>
                ) : (
                  d.remind && (
                    <div class="row-actions">
                      <button type="button" aria-label={t('popup_snooze_named', { kind: name })} onClick={() => void reminder('snooze', d.kind, d.due)}>
                        {t('popup_snooze')}
                      </button>
                      <button type="button" aria-label={t('popup_done_named', { kind: name })} onClick={() => void reminder('done', d.kind, d.due)}>
                        {t('popup_done')}
                      </button>
                    </div>
                  )
                )}
              </li>
            );
          })}
        </ul>
        {others.length > 0 && (
          <details class="other-deadlines">
            <summary>{t('popup_other_deadlines', { count: others.length })}</summary>
            <ul>
              {others.map((d) => (
                <li key={`${d.kind}|${d.due}`}>
                  <strong>{t(kindKey(d.kind))}</strong> <time dateTime={d.due}>{formatCalendarDate(d.due, lang)}</time> —{' '}
                  {t(d.reasonKey, localiseParams(t, d.params, lang))}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section class="order-actions" aria-label={t('popup_order_actions')}>
        <button type="button" class="primary" onClick={() => onClaim(o.orderId)}>
          {t('popup_draft_claim')}
        </button>
        <button type="button" onClick={() => void calendar()}>
          {t('popup_add_to_calendar')}
        </button>
        {o.dispute?.markedByShopper ? (
          <button type="button" onClick={() => void markDispute(false)}>
            {t('popup_dispute_not_opened')}
          </button>
        ) : (
          !o.dispute && (
            <button type="button" onClick={() => void markDispute(true)}>
              {t('popup_dispute_opened')}
            </button>
          )
        )}
        {o.dispute && (
          <p class="dispute-state">
            {t('popup_dispute_state', { stage: t(`popup_dispute_stage_${o.dispute.stage}`) })}
            {o.dispute.openedOn && (
              <>
                {' '}
                {t('popup_dispute_opened_on', { date: formatCalendarDate(o.dispute.openedOn, lang) })}
              </>
            )}
          </p>
        )}
        {status && (
          <p role={status.kind === 'error' ? 'alert' : 'status'} class={status.kind}>
            {status.text}
          </p>
        )}
      </section>
    </article>
  );
}
