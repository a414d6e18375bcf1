/**
 * Reminder planning. Pure: the worker hands in every order's computed deadlines, the log of
 * what was already raised, the rules and `now`; it gets back what to raise now and when to
 * wake next. It owns the notifications, the alarm and storage; nothing here touches them.
 *
 * Semantics (docs/deadlines.md):
 * - A reminder is (orderId, kind, lead): it is scheduled at `rules.reminderHour` local time
 *   on the day `due − lead` where the shopper is, and raised at most once. Its identity holds
 *   no date: a date that moves never raises a lead already shown again; a date that moves
 *   earlier brings the next lead not yet shown.
 * - Only the most urgent lead that has passed is raised: an order first seen inside a window,
 *   or a browser closed over several leads, yields ONE reminder, not a burst.
 * - A reminder is never delivered before the order was first seen, nor inside quiet hours
 *   (it waits for their end).
 * - Several due at once, or one older than `rules.missedAfterHours`, come back as one summary.
 * - Snooze (per deadline) holds reminders until the same local time tomorrow, then raises
 *   one; done (per deadline) silences it, whatever its date becomes.
 * - The log prunes entries for deadlines more than 30 days past, so it stays bounded.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../../lib/lazy-schema';
import { DEADLINE_KINDS } from '../order';
import type { CalendarDate, DeadlineKind } from '../order';
import { addDays, localDateOf, localTimeOn } from '../dates';
import { dayOf, daysFromCivil, localDayOf, localTimeOnDay } from './days';
import { actionKey, kindKey, type ComputedDeadline } from './engine';
import type { QuietHours, Rules } from './rules';

/** Keep log entries until their deadline is this many days past. */
export const LOG_RETENTION_DAYS = 30;
const HOUR = 3_600_000;

/** One deadline of one order; reminders, snoozes and done marks hang off it. */
export interface DeadlineRef {
  orderId: string;
  kind: DeadlineKind;
  due: CalendarDate;
}

/** "orderId|kind", the log's key for a deadline: a reminder's identity holds no date. */
export function deadlineKey(ref: Pick<DeadlineRef, 'orderId' | 'kind'>): string {
  return `${ref.orderId}|${ref.kind}`;
}

const KEY_RE = new RegExp(`^\\d{6,24}\\|(${DEADLINE_KINDS.join('|')})$`);
const KeySchema = lazySchema(() => z.string().check(z.regex(KEY_RE)));
const Due = lazySchema(() => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)));

export const ReminderLogSchema = lazySchema(() => z.object({
  version: z.literal(2),
  /** Deadline key → its latest due date and the leads (days before due) already raised for it. */
  raised: z.record(KeySchema, z.object({ due: Due, leads: z.array(z.int().check(z.gte(0), z.lte(366))).check(z.maxLength(16)) })),
  /** Deadline key → snoozed until this epoch ms, for the due date it had then. Removed once the reminder after it is raised. */
  snoozes: z.record(KeySchema, z.object({ until: z.number().check(z.gte(0)), due: Due })),
  /** Deadline key → the shopper marked it done (at that due date); no more reminders for it. */
  done: z.record(KeySchema, z.object({ due: Due })),
}));
export type ReminderLog = z.infer<typeof ReminderLogSchema>;

export function emptyLog(): ReminderLog {
  return { version: 2, raised: {}, snoozes: {}, done: {} };
}

const V1_KEY = /^(\d{6,24}\|[a-z-]+)\|(\d{4}-\d{2}-\d{2})$/;

/**
 * Version 1 keyed entries by "orderId|kind|due"; version 2 by "orderId|kind". Entries of one
 * deadline under several dates fold into one: the leads raised for any of them, the latest date.
 */
function migrateV1(input: Record<string, unknown>): unknown {
  const fold = <V>(rec: unknown, f: (due: string, v: unknown, prev: V | undefined) => V): Record<string, V> => {
    const out: Record<string, V> = {};
    if (!rec || typeof rec !== 'object') return out;
    for (const [k, v] of Object.entries(rec)) {
      const m = V1_KEY.exec(k);
      if (m) out[m[1]!] = f(m[2]!, v, out[m[1]!]);
    }
    return out;
  };
  const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);
  return {
    version: 2,
    raised: fold<{ due: string; leads: number[] }>(input['raised'], (due, v, prev) => ({
      due: later(due, prev?.due),
      leads: [...new Set([...(prev?.leads ?? []), ...(Array.isArray(v) ? v : [])])].slice(0, 16),
    })),
    snoozes: fold<{ until: number; due: string }>(input['snoozes'], (due, v, prev) => ({
      until: Math.max(prev?.until ?? 0, Number((v as { until?: unknown })?.until) || 0),
      due: later(due, prev?.due),
    })),
    done: fold<{ due: string }>(input['done'], (due, _v, prev) => ({ due: later(due, prev?.due) })),
  };
}

/** Validate a log read from storage (migrating version 1); anything invalid starts over empty. */
export function parseLog(input: unknown): ReminderLog {
  const value = input && typeof input === 'object' && (input as { version?: unknown }).version === 1 ? migrateV1(input as Record<string, unknown>) : input;
  const r = ReminderLogSchema.safeParse(value);
  return r.success ? r.data : emptyLog();
}

/** Every order's deadlines, as the worker computed them, and when the order was first seen. */
export interface OrderDeadlines {
  orderId: string;
  /** Epoch ms (or an ISO instant: `Order.firstSeenAt`). */
  firstSeenAt: number | string;
  deadlines: readonly ComputedDeadline[];
}

export interface DueReminder extends DeadlineRef {
  /** Days before due this reminder stands for (the most urgent lead that has passed). */
  lead: number;
  /** Days from now's local date to due (0 = today). */
  daysLeft: number;
  /** Epoch ms it became deliverable (scheduled time, pushed past first sight and quiet hours). */
  at: number;
  deadline: ComputedDeadline;
  /** The order was first seen after the reminder's scheduled time (inside the window). */
  firstSeen: boolean;
  /** Comes back after a snooze. */
  afterSnooze: boolean;
  /** Overdue by more than `rules.missedAfterHours` (the browser was closed). */
  missed: boolean;
}

export interface DueReminders {
  /** none: nothing to raise; single: one notification; summary: one notification for all. */
  mode: 'none' | 'single' | 'summary';
  /** Most urgent first. Pass all of them to `recordRaised`, whatever the mode. */
  reminders: DueReminder[];
}

// ---------------------------------------------------------------------------------------
// Time helpers (local wall clock, cached per call)

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

interface Quiet {
  start: number;
  end: number;
  endH: number;
  endM: number;
}

function quietOf(q: QuietHours | null): Quiet | null {
  if (!q) return null;
  const start = minutesOf(q.start);
  const end = minutesOf(q.end);
  if (start === end) return null;
  return { start, end, endH: Math.floor(end / 60), endM: end % 60 };
}

function inQuiet(q: Quiet, minutes: number): boolean {
  return q.start < q.end ? minutes >= q.start && minutes < q.end : minutes >= q.start || minutes < q.end;
}

/** The end of the quiet period containing local time `minutes` on local day `day`. */
function quietEndFrom(q: Quiet, day: number, minutes: number): number {
  const endDay = q.start > q.end && minutes >= q.start ? day + 1 : day;
  return localTimeOnDay(endDay, q.endH, q.endM);
}

/** `ms` itself, or the end of the quiet hours it falls in. */
export function deliverableAt(ms: number, quiet: QuietHours | null): number {
  return adjust(ms, quietOf(quiet));
}

function adjust(ms: number, q: Quiet | null): number {
  if (!q) return ms;
  const d = new Date(ms);
  const minutes = d.getHours() * 60 + d.getMinutes();
  if (!inQuiet(q, minutes)) return ms;
  return quietEndFrom(q, daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate()), minutes);
}

class Clock {
  private readonly atHour = new Map<number, number>();
  readonly q: Quiet | null;
  readonly hourQuiet: boolean;
  constructor(private readonly rules: Rules) {
    this.q = quietOf(rules.quietHours);
    this.hourQuiet = this.q !== null && inQuiet(this.q, rules.reminderHour * 60);
  }
  /** Local reminder hour on a day, as epoch ms, pushed out of quiet hours. */
  scheduled(day: number): number {
    let ms = this.atHour.get(day);
    if (ms === undefined) {
      ms = localTimeOnDay(day, this.rules.reminderHour);
      if (this.hourQuiet && this.q) ms = quietEndFrom(this.q, day, this.rules.reminderHour * 60);
      this.atHour.set(day, ms);
    }
    return ms;
  }
}

function firstSeenMs(v: number | string): number {
  if (typeof v === 'number') return v;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? 0 : ms;
}

function leadsOf(rules: Rules): number[] {
  return [...new Set(rules.leadDays)].sort((a, b) => b - a);
}

// ---------------------------------------------------------------------------------------
// Planning

export interface ReminderPlan {
  due: DueReminders;
  /** When to wake next once `due` has been raised and recorded (epoch ms), or null. */
  nextWakeAt: number | null;
  /** When to wake next if nothing is raised now (due ones still pending), or null. */
  nextWakeIfNotRaised: number | null;
}

/** One pass over every deadline: what is due now, and when the next reminder falls. */
export function planReminders(
  entries: readonly OrderDeadlines[],
  log: ReminderLog,
  rules: Rules,
  now: number,
): ReminderPlan {
  const clock = new Clock(rules);
  const leads = leadsOf(rules);
  const todayDay = localDayOf(now);
  const missedMs = rules.missedAfterHours * HOUR;
  const due: DueReminder[] = [];
  let next = Infinity;

  for (const entry of entries) {
    const seen = firstSeenMs(entry.firstSeenAt);
    for (const d of entry.deadlines) {
      if (!d.remind) continue;
      const dueDay = dayOf(d.due);
      if (dueDay < todayDay) continue;
      const key = `${entry.orderId}|${d.kind}`;
      if (log.done[key]) continue;
      const ls = d.leads ?? leads;

      // The most urgent passed lead, and the first lead still ahead.
      let current = -1;
      let currentAt = 0;
      let currentScheduled = 0;
      let upcoming = Infinity;
      for (const lead of ls) {
        const scheduled = clock.scheduled(dueDay - lead);
        const at = scheduled >= seen ? scheduled : adjust(seen, clock.q);
        if (at <= now) {
          current = lead;
          currentAt = at;
          currentScheduled = scheduled;
        } else {
          upcoming = at;
          break;
        }
      }

      const snoozedUntil = log.snoozes[key]?.until;
      if (snoozedUntil !== undefined) {
        const until = adjust(snoozedUntil, clock.q);
        if (until > now) {
          // Held until the snooze ends; a lead falling in between is folded into that one.
          if (until < next) next = until;
          continue;
        }
        if (current >= 0) {
          due.push(makeDue(entry.orderId, d, dueDay - todayDay, current, until, seen, currentScheduled, true, now - until > missedMs));
          if (upcoming < next) next = upcoming;
          continue;
        }
      }

      if (current >= 0 && !(log.raised[key]?.leads.includes(current) ?? false)) {
        due.push(
          makeDue(entry.orderId, d, dueDay - todayDay, current, currentAt, seen, currentScheduled, false, now - currentAt > missedMs),
        );
      }
      if (upcoming < next) next = upcoming;
    }
  }

  due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.lead - b.lead || (a.orderId < b.orderId ? -1 : 1)));
  const mode = modeOf(due);

  const q = clock.q;
  let quietNow = false;
  if (q) {
    const n = new Date(now);
    quietNow = inQuiet(q, n.getHours() * 60 + n.getMinutes());
  }
  if (quietNow && due.length > 0) {
    // Nothing is raised inside quiet hours: what is due waits for their end.
    const end = adjust(now, q);
    return {
      due: { mode: 'none', reminders: [] },
      nextWakeAt: Math.min(end, next),
      nextWakeIfNotRaised: Math.min(end, next),
    };
  }
  const nextWakeAt = next === Infinity ? null : next;
  return {
    due: { mode, reminders: due },
    nextWakeAt,
    nextWakeIfNotRaised: due.length > 0 ? now : nextWakeAt,
  };
}

/** How reminders due together are shown: one notification for one, a summary for several or a missed one. */
export function modeOf(due: readonly DueReminder[]): DueReminders['mode'] {
  return due.length === 0 ? 'none' : due.length > 1 || due[0]!.missed ? 'summary' : 'single';
}

function makeDue(
  orderId: string,
  d: ComputedDeadline,
  daysLeft: number,
  lead: number,
  at: number,
  seen: number,
  scheduled: number,
  afterSnooze: boolean,
  missed: boolean,
): DueReminder {
  return {
    orderId,
    kind: d.kind,
    due: d.due,
    daysLeft,
    lead,
    at,
    deadline: d,
    firstSeen: seen > scheduled,
    afterSnooze,
    missed,
  };
}

/**
 * Epoch ms to arm the one alarm for, or null when no reminder lies ahead. Reminders due now
 * and not yet recorded count as pending: the answer is then `now` (or the end of quiet hours).
 */
export function nextWakeAt(
  entries: readonly OrderDeadlines[],
  log: ReminderLog,
  rules: Rules,
  now: number,
): number | null {
  return planReminders(entries, log, rules, now).nextWakeIfNotRaised;
}

// ---------------------------------------------------------------------------------------
// Log updates (immutable)

/** Drop entries for deadlines more than LOG_RETENTION_DAYS past (relative to `now`'s local date). */
export function pruneLog(log: ReminderLog, now: number): ReminderLog {
  const cutoff = addDays(localDateOf(now), -LOG_RETENTION_DAYS);
  const filter = <V extends { due: string }>(rec: Record<string, V>): Record<string, V> => {
    const out: Record<string, V> = {};
    for (const k of Object.keys(rec)) if (rec[k]!.due >= cutoff) out[k] = rec[k]!;
    return out;
  };
  return { version: 2, raised: filter(log.raised), snoozes: filter(log.snoozes), done: filter(log.done) };
}

/**
 * The log after raising `reminders`: their leads recorded, their snoozes consumed, old
 * entries pruned (relative to `now`, default the latest reminder's time).
 */
export function recordRaised(log: ReminderLog, reminders: readonly DueReminder[], now?: number): ReminderLog {
  const raised = { ...log.raised };
  const snoozes = { ...log.snoozes };
  let latest = 0;
  for (const r of reminders) {
    const key = deadlineKey(r);
    const prev = raised[key]?.leads ?? [];
    raised[key] = { due: r.due, leads: prev.includes(r.lead) ? prev : [...prev, r.lead].slice(-16) };
    delete snoozes[key];
    if (r.at > latest) latest = r.at;
  }
  const next: ReminderLog = { version: 2, raised, snoozes, done: log.done };
  const at = now ?? latest;
  return at > 0 ? pruneLog(next, at) : next;
}

/** Hold a deadline's reminders until the same local time tomorrow, then remind once. */
export function snooze(log: ReminderLog, ref: DeadlineRef, now: number): ReminderLog {
  const d = new Date(now);
  const until = localTimeOn(addDays(localDateOf(d), 1), d.getHours(), d.getMinutes());
  return pruneLog({ ...log, snoozes: { ...log.snoozes, [deadlineKey(ref)]: { until, due: ref.due } } }, now);
}

/** No more reminders for this deadline, whatever its date becomes. */
export function markDone(log: ReminderLog, ref: DeadlineRef): ReminderLog {
  const key = deadlineKey(ref);
  const snoozes = { ...log.snoozes };
  delete snoozes[key];
  return { ...log, snoozes, done: { ...log.done, [key]: { due: ref.due } } };
}

// ---------------------------------------------------------------------------------------
// Notification text (keys + params; the worker translates)

export interface ReminderMessage {
  titleKey: string;
  titleParams: Record<string, string | number>;
  bodyKey: string;
  bodyParams: Record<string, string | number>;
  /** Deadlines the notification stands for (for its buttons: snooze, done). */
  refs: DeadlineRef[];
}

/**
 * Catalogue keys for the notification of `due`. Params `kind` and `action` are catalogue
 * keys to translate first; `date` is a CalendarDate to format for the locale.
 */
export function reminderMessage(due: DueReminders): ReminderMessage | null {
  const first = due.reminders[0];
  if (due.mode === 'none' || !first) return null;
  const refs = due.reminders.map(({ orderId, kind, due: d }) => ({ orderId, kind, due: d }));
  if (due.mode === 'summary') {
    const missed = due.reminders.some((r) => r.missed);
    return {
      titleKey: 'deadline_notify_summary_title',
      titleParams: { count: due.reminders.length },
      bodyKey: missed ? 'deadline_notify_summary_body_missed' : 'deadline_notify_summary_body',
      bodyParams: { count: due.reminders.length, date: first.due, order: first.orderId },
      refs,
    };
  }
  const d = first.deadline;
  return {
    titleKey:
      first.daysLeft === 0
        ? 'deadline_notify_title_today'
        : first.daysLeft === 1
          ? 'deadline_notify_title_tomorrow'
          : 'deadline_notify_title',
    titleParams: { kind: kindKey(first.kind), days: first.daysLeft, date: first.due },
    bodyKey: actionKey(d.action),
    bodyParams: { ...d.params, order: first.orderId },
    refs,
  };
}
