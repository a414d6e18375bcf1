import { describe, expect, test, vi } from 'vitest';
import { badgeRow, type OverlayOrder } from '../../../src/content/view';
import type { ComputedDeadline } from '../../../src/domain/deadlines/engine';
import { createTranslator } from '../../../src/i18n';

const t = createTranslator({
  overlay_days_left: '{days} days left',
  overlay_due_today: 'Due today',
  overlay_overdue: 'Overdue',
  overlay_no_deadline: 'No deadline',
  overlay_open_order_for_date: 'Open the order for its date',
  overlay_draft_claim: 'Draft a claim',
  deadline_source_estimate: 'estimate',
  deadline_kind_no_delivery_refund: 'Refund if not delivered',
  deadline_kind_dispute_window: 'Dispute window',
  deadline_action_open_not_received_dispute: 'Open a dispute',
  deadline_action_no_action: 'Nothing to do',
  deadline_delivered_prompt: 'Tracking says delivered on {date}: do you have it?',
  deadline_protection_ended: 'Protection ended on {date}',
});

function deadline(over: Partial<ComputedDeadline> = {}): ComputedDeadline {
  return {
    kind: 'no-delivery-refund',
    due: '2026-11-24',
    source: 'page',
    text: null,
    action: 'open_not_received_dispute',
    applies: true,
    daysLeft: 3,
    urgency: 'soon',
    reasonKey: 'deadline_reason_page',
    params: {},
    remind: true,
    ...over,
  } as ComputedDeadline;
}

function entry(
  top: ComputedDeadline | null,
  status: OverlayOrder['order']['status'] = 'awaiting_delivery',
  deadlines = top ? [top] : [],
  outlook: Partial<OverlayOrder['outlook']> = {},
): OverlayOrder {
  return {
    order: { orderId: '8123456789012345', status, total: null, dispute: null, deliveredAt: null } as OverlayOrder['order'],
    deadlines,
    top,
    outlook: { stage: 'moving', deliveredOn: null, endedOn: null, unknown: top ? [] : ['no-delivery-refund'], parcels: { count: 1, delivered: 0 }, ...outlook },
  };
}

describe('a badge row', () => {
  test('delivered, not confirmed: the date to act by and "delivered on …: do you have it?"', () => {
    const ac = deadline({ kind: 'auto-confirm', due: '2026-09-16', source: 'estimate', action: 'check_delivery', daysLeft: 6, urgency: 'soon' });
    const row = badgeRow(t, 'en', 'ltr', entry(ac, 'awaiting_delivery', [ac], { stage: 'delivered', deliveredOn: '2026-09-09' }), () => {});
    expect(row.textContent).toContain('6 days left');
    expect(row.querySelector('.prompt')?.textContent).toBe('Tracking says delivered on Sep 9, 2026: do you have it?');
  });
  test('a passed deadline gives way to the date still unknown', () => {
    const dw = deadline({ kind: 'dispute-window', due: '2026-08-16', action: 'open_dispute_before', daysLeft: -20, urgency: 'overdue' });
    const row = badgeRow(t, 'en', 'ltr', entry(dw, 'completed', [dw], { stage: 'completed', unknown: ['return-window'] }), () => {});
    expect(row.textContent).toContain('Open the order for its date');
    expect(row.textContent).not.toContain('Overdue');
  });
  test('a completed order whose windows have all passed says when protection ended', () => {
    const rw = deadline({ kind: 'return-window', due: '2026-09-12', action: 'return_or_refund_before', daysLeft: -3, urgency: 'overdue' });
    const row = badgeRow(t, 'en', 'ltr', entry(rw, 'completed', [rw], { stage: 'completed', endedOn: '2026-10-30' }), () => {});
    expect(row.className).toContain('u-none');
    expect(row.textContent).toContain('Protection ended on Oct 30, 2026');
  });
  test('shows the most urgent deadline in the page language and direction, with its urgency', () => {
    const row = badgeRow(t, 'he', 'rtl', entry(deadline()), () => {});
    expect(row.className).toBe('bs-root badge-row u-soon');
    expect(row.dir).toBe('rtl');
    expect(row.lang).toBe('he');
    const badge = row.querySelector('.badge') as HTMLElement;
    expect(badge.tabIndex).toBe(0);
    expect(badge.getAttribute('aria-describedby')).toBe('all');
    expect(badge.querySelector('strong')?.textContent).toBe('3 days left');
    expect(badge.textContent).toContain('Refund if not delivered');
    expect(badge.querySelector('.estimate')).toBeNull();
    expect(row.textContent).not.toContain('false');
    expect(row.querySelector('.brand-mark')?.getAttribute('aria-hidden')).toBe('true');
    expect(row.querySelector('button.claim')?.textContent).toBe('Draft a claim');
  });

  test('marks an estimated date as an estimate', () => {
    const row = badgeRow(t, 'en', 'ltr', entry(deadline({ source: 'estimate', daysLeft: 0, urgency: 'today' })), () => {});
    expect(row.className).toContain('u-today');
    expect(row.querySelector('strong')?.textContent).toBe('Due today');
    expect(row.querySelector('.estimate')?.textContent).toBe(' (estimate)');
  });

  test('fills its tooltip with every deadline the first time it is focused, once', () => {
    const all = [deadline(), deadline({ kind: 'dispute-window', action: 'no_action', daysLeft: 12, urgency: 'later' })];
    const row = badgeRow(t, 'en', 'ltr', entry(all[0] ?? null, 'awaiting_delivery', all), () => {});
    const tooltip = row.querySelector('.tooltip') as HTMLElement;
    expect(tooltip.childElementCount).toBe(0);
    const badge = row.querySelector('.badge') as HTMLElement;
    badge.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    badge.dispatchEvent(new MouseEvent('mouseenter'));
    expect(tooltip.querySelectorAll('li')).toHaveLength(2);
    expect(tooltip.textContent).toContain('Dispute window');
  });

  test('without a deadline says why, muted: a finished order has none, an open one needs its page', () => {
    const closed = badgeRow(t, 'en', 'ltr', entry(null, 'closed'), () => {});
    expect(closed.className).toContain('u-none');
    expect(closed.querySelector('.badge.muted')?.textContent).toBe('No deadline');
    expect(closed.querySelector('.tooltip')).toBeNull();
    const unknown = badgeRow(t, 'en', 'ltr', null, () => {});
    expect(unknown.querySelector('.badge.muted')?.textContent).toBe('Open the order for its date');
  });

  test('rows are independent copies: each claim button calls its own handler', () => {
    const first = vi.fn();
    const second = vi.fn();
    const a = badgeRow(t, 'en', 'ltr', entry(deadline()), first);
    const b = badgeRow(t, 'en', 'ltr', null, second);
    expect(a.querySelector('.badge')).not.toBe(b.querySelector('.badge'));
    expect(a.querySelector('.badge.muted')).toBeNull();
    (b.querySelector('button.claim') as HTMLButtonElement).click();
    expect(second).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
    (a.querySelector('button.claim') as HTMLButtonElement).click();
    expect(first).toHaveBeenCalledOnce();
  });

  test('page text in a deadline stays text', () => {
    const t2 = createTranslator({ deadline_kind_no_delivery_refund: '<img src=x onerror=alert(1)>' });
    const row = badgeRow(t2, 'en', 'ltr', entry(deadline()), () => {});
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
