/**
 * Shared pieces of the readers: result types, status resolution (codes first, then text),
 * deadline phrases, and the final schema gate every observation passes.
 */
import type { CalendarDate, Deadline, DeadlineKind, Item, OrderObservation, OrderStatus } from '../../domain/order';
import { isValidCalendarDate } from '../../domain/dates';
import { addDays, localDateOf } from '../../domain/dates';
import { BUTTON, BUTTON_STATUS, own, STATUS_ENUMS } from '../codes';
import { bareMonthDayYear, HAS_YEAR, parseCalendarDate } from '../dates';
import { DAY_COUNT, DEADLINE_PHRASES, FREE_RETURN_LABELS, MAY_COUNT_DAYS, STATUS_PHRASES } from '../phrases';
import { cleanText, forEachString, get, getArr, isObj, normalizeForMatch } from '../text';

export interface ReadProblem {
  code: string;
  detail: string;
}

export interface ReadResult {
  observations: OrderObservation[];
  problems: ReadProblem[];
  /** The list says more orders follow (order list only). */
  hasMore?: boolean;
}

export interface ReadContext {
  /** Operator site, e.g. "aliexpress.com" (see pages.ts `classifyUrl`). */
  site: string;
  now: Date;
  /** The order the page is about, from its URL (detail, tracking), when known. */
  orderId?: string | null;
  /** UI language hint ("en-US", "pt", …) for ambiguous numeric dates. */
  locale?: string;
  /**
   * The currency the shopper's account or site shows prices in (`currencyOfPage`): settles a
   * price that names no currency or only a bare "$", never one that names its own.
   */
  currency?: string | null;
}

export const PROBLEM = {
  noOrders: 'no-orders-found',
  unexpectedShape: 'unexpected-shape',
  invalidRecord: 'invalid-record',
  apiError: 'api-error',
  readerError: 'reader-error',
  unknownApi: 'unknown-api',
  repaired: 'repaired-record',
  /** Order cards read without a status or a total: the page shows them in a way we do not read. */
  fieldsMissing: 'fields-missing',
} as const;

export function problem(code: string, detail: string): ReadProblem {
  return { code, detail: cleanText(detail, 300) };
}

// ---------------------------------------------------------------- status

const STATUS_LOOKUP: ReadonlyArray<readonly [string, OrderStatus]> = (() => {
  const rows: [string, OrderStatus][] = [];
  for (const [status, phrases] of STATUS_PHRASES) {
    for (const p of phrases) rows.push([normalizeForMatch(p), status]);
  }
  // Longest phrases first, so "order cancelled" wins over a shorter one inside it.
  return rows.sort((a, b) => b[0].length - a[0].length);
})();

/** Exact labels (most are): the first row of STATUS_LOOKUP that equals the text. */
const STATUS_EXACT: ReadonlyMap<string, OrderStatus> = (() => {
  const m = new Map<string, OrderStatus>();
  for (const [phrase, status] of STATUS_LOOKUP) if (!m.has(phrase)) m.set(phrase, status);
  return m;
})();

const ENUM_LIKE = /^[A-Z_]+$/i;
const CJK_CHAR = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;

/** The status an enum AliExpress names its states by stands for (`WAIT_BUYER_ACCEPT_GOODS`, codes.ts), or null. */
export function statusOfEnum(text: string): OrderStatus | null {
  const raw = text.trim();
  return ENUM_LIKE.test(raw) ? (own(STATUS_ENUMS, raw.toUpperCase()) ?? null) : null;
}

/** Status from a display text (any language) or a raw enum in its place. */
export function statusFromText(text: string | null | undefined): OrderStatus | null {
  if (!text) return null;
  const asEnum = statusOfEnum(text);
  if (asEnum) return asEnum;
  const raw = text.trim();
  const t = normalizeForMatch(raw);
  if (t.length === 0 || t.length > 200) return null;
  const exact = STATUS_EXACT.get(t);
  if (exact) return exact;
  for (const [phrase, status] of STATUS_LOOKUP) {
    if (phrase.length >= 4 && t.includes(phrase)) return status;
  }
  // Short CJK phrases inside a longer label.
  for (const [phrase, status] of STATUS_LOOKUP) {
    if (CJK_CHAR.test(phrase) && t.includes(phrase)) return status;
  }
  return null;
}

/** A status label standing alone (the whole text is one label of the table), not a phrase inside a sentence. */
export function statusOfLabel(text: string): OrderStatus | null {
  return STATUS_EXACT.get(normalizeForMatch(text.trim())) ?? null;
}

const BUTTON_CODE = /^[A-Z0-9_]{2,60}$/;

/** Button `type` codes of a buttons array. */
export function buttonCodes(buttons: unknown): string[] {
  if (!Array.isArray(buttons)) return [];
  const out: string[] = [];
  for (let i = 0; i < buttons.length && i < 50; i++) {
    const b: unknown = buttons[i];
    const t = get(b, 'type') ?? get(b, 'code');
    if (typeof t === 'string' && BUTTON_CODE.test(t)) out.push(t);
  }
  return out;
}

/**
 * Status by precedence: button codes, then the status enum, then the label in any language,
 * else `unknown` (the label is kept as statusText either way).
 */
export function resolveStatus(codes: readonly string[], enumStatus: OrderStatus | null, text: string | null | undefined): OrderStatus {
  for (const c of codes) {
    const s = own(BUTTON_STATUS, c);
    if (s) return s;
  }
  return enumStatus ?? statusFromText(text) ?? 'unknown';
}

export function hasConfirm(codes: readonly string[]): boolean {
  return codes.includes(BUTTON.confirmReceived);
}

const FREE_RETURN_SET: ReadonlySet<string> = new Set(FREE_RETURN_LABELS.map(normalizeForMatch));

const FREE_RETURN_TYPE = /FREE_RETURN/i;
const TAG_LABEL_KEYS = ['richText', 'text', 'title'] as const;

/** An item's tags mark it "Free returns" (type LOCAL_FREE_RETURN or the label). */
export function isFreeReturn(itemTags: unknown): boolean {
  if (!Array.isArray(itemTags)) return false;
  // The first 50 tags.
  for (let i = 0; i < itemTags.length && i < 50; i++) {
    const tag: unknown = itemTags[i];
    const type = get(tag, 'type');
    if (typeof type === 'string' && FREE_RETURN_TYPE.test(type)) return true;
    for (const key of TAG_LABEL_KEYS) {
      const v = get(tag, key);
      if (typeof v === 'string' && FREE_RETURN_SET.has(normalizeForMatch(cleanText(v, 200)))) return true;
    }
  }
  return false;
}

/** "Color: black, Length: 2m" from `skuAttrs` [{ name, text }]. */
export function variantOf(skuAttrs: unknown): string | null {
  if (!Array.isArray(skuAttrs)) return null;
  let s = '';
  for (let i = 0; i < skuAttrs.length && i < 20; i++) {
    const n = get(skuAttrs[i], 'name');
    const t = get(skuAttrs[i], 'text');
    const name = typeof n === 'string' ? cleanText(n, 100) : '';
    const value = typeof t === 'string' ? cleanText(t, 200) : '';
    if (value) s += (s ? ', ' : '') + (name ? `${name}: ${value}` : value);
  }
  return s ? s.slice(0, 2000) : null;
}

// ---------------------------------------------------------------- deadlines

export interface DeadlineBases {
  placedOn?: CalendarDate | null;
  completedOn?: CalendarDate | null;
  deliveredOn?: CalendarDate | null;
}

/**
 * Where a text breaks into phrases: "·", "•", "|", line breaks; ".!?;" after a letter (or ")")
 * and before a capital; "。！？". Every alternative starts with its break character (the
 * letter before a sentence end is looked behind from after it), so the engine skips ahead to
 * candidate characters; white space around a break is trimmed off the parts.
 */
const SEGMENT_BREAK = /[·•|\n\r]|[.!?;。](?<=[a-z\p{Script=Cyrillic}\p{Script=Hebrew})].)(?=\s*[\p{Lu}\p{Script=Hebrew}])|[。！？]/u;

/** Split page text into phrases: "·", "•", "|", line breaks and sentence ends. */
export function segments(text: string): string[] {
  return text
    .split(SEGMENT_BREAK)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 2000);
}

const DIGIT = /\d/;
const DIGIT_OR_ENTITY = /[\d&]/;
const WORD = /\p{L}{2}/u;
const URL_START = /^(?:https?:)?\/\//;

/**
 * Texts that state no deadline, told before cleaning: every deadline is a phrase (a word) with
 * a date or a day count in digits, and cleaning adds a digit only by decoding an entity
 * ("&#50;"); a URL states none, nor a bare date ("Jul 15, 2026", an order's date).
 */
function statesNoDeadline(text: string): boolean {
  return !DIGIT_OR_ENTITY.test(text) || !WORD.test(text) || URL_START.test(text) || bareMonthDayYear(text) !== undefined;
}
/** A year or something that may be a day count: every deadline states one of them. */
const MAY_HOLD_DEADLINE = new RegExp(`${HAS_YEAR.source}|${MAY_COUNT_DAYS.source}`);

/** The first regex of every deadline phrase: a segment none matches is of no phrase. */
const ANY_PHRASE = new RegExp(DEADLINE_PHRASES.map((p) => `(?:${(p.all[0] as RegExp).source})`).join('|'));
/**
 * Deadlines a page text states. Date phrases give their date; day-count phrases give a date
 * counted from the base they name, skipped when that base is unknown.
 */
export function deadlinesFromText(text: string, bases: DeadlineBases, now: Date, locale?: string): Deadline[] {
  const out: Deadline[] = [];
  addDeadlinesFromText(out, text, bases, now, locale);
  return out;
}

/** deadlinesFromText, added to `out`. */
function addDeadlinesFromText(out: Deadline[], text: string, bases: DeadlineBases, now: Date, locale?: string): void {
  if (statesNoDeadline(text)) return;
  const clean = cleanText(text, 4000);
  if (!MAY_HOLD_DEADLINE.test(clean)) return;
  for (const seg of segments(clean)) addSegmentDeadlines(out, seg, bases, now, locale);
}

/**
 * The deadlines an object's texts state (the first 500 strings of 12 characters or more, keys
 * in `skipKeys` left out), one per kind: the scan of an order's strings, a pass of its own.
 */
export function deadlinesIn(root: unknown, bases: DeadlineBases, ctx: ReadContext, skipKeys?: ReadonlySet<string>): Deadline[] {
  const out: Deadline[] = [];
  forEachString(root, { maxCount: 500, minLength: 12, skipKeys }, (value) => {
    if (value.length <= 4000) addDeadlinesFromText(out, value, bases, ctx.now, ctx.locale);
  });
  return earliestPerKind(out);
}

/** The deadline one segment states, if any, added to `out`. */
function addSegmentDeadlines(out: Deadline[], seg: string, bases: DeadlineBases, now: Date, locale?: string): void {
  // Each phrase takes its date or its day count from its own segment, in digits either way:
  // a segment with neither can't give a deadline, whatever its words; nor one of no phrase.
  if (!DIGIT.test(seg)) return;
  const norm = normalizeForMatch(seg);
  if (!ANY_PHRASE.test(norm)) return;
  const dated = HAS_YEAR.test(seg);
  const count = DAY_COUNT.exec(norm);
  if (!dated && !count) return;
  const days = count ? Number(count[1]) : NaN;
  for (const phrase of DEADLINE_PHRASES) {
    if (!(phrase.base ? count : dated) || !allMatch(phrase.all, norm)) continue;
    let due: CalendarDate | null = null;
    if (!phrase.base) {
      due = parseCalendarDate(seg, locale);
    } else {
      if (!Number.isInteger(days) || days <= 0 || days > 400) continue;
      const base = phrase.base === 'now' ? localDateOf(now) : (bases[phrase.base] ?? null);
      if (base) due = addDays(base, days);
    }
    if (due) {
      out.push({ kind: phrase.kind, due, source: 'page', text: seg.slice(0, 2000) });
      return;
    }
  }
}

function allMatch(all: readonly RegExp[], text: string): boolean {
  for (const re of all) if (!re.test(text)) return false;
  return true;
}

/** One deadline per kind; the earlier date wins when two texts disagree. */
export function earliestPerKind(deadlines: readonly Deadline[]): Deadline[] {
  const best = new Map<DeadlineKind, Deadline>();
  for (const d of deadlines) {
    const cur = best.get(d.kind);
    if (!cur || d.due < cur.due) best.set(d.kind, d);
  }
  return [...best.values()];
}

// ---------------------------------------------------------------- shape gate

/*
 * The readers run in the content script on every order page, so they carry no zod: they
 * build observations field by field from typed parsers, and this gate only checks identity
 * and bounds. The worker validates every observation it receives with the full schema
 * (src/domain/observation.ts), repairing or rejecting what fails; the reader tests run that
 * same gate over everything the readers produce, fuzzed inputs included.
 */
const ID = /^\d{6,24}$/;
const SITE = /^[a-z0-9.-]{1,100}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The observation if it passes the gate, bounded and with invalid amounts dropped. */
export function finalize(raw: OrderObservation, problems: ReadProblem[]): OrderObservation | null {
  if (!ID.test(String(raw.orderId)) || !SITE.test(String(raw.site))) {
    problems.push(problem(PROBLEM.invalidRecord, `order ${String(raw.orderId).slice(0, 30)}: invalid id or site`));
    return null;
  }
  const obs: OrderObservation = { ...raw };
  if (obs.total !== undefined && obs.total !== null && !validMoney(obs.total)) obs.total = null;
  if (obs.items) {
    // The first 200 well-formed items, an invalid price dropped.
    obs.items = obs.items
      .filter(wellFormed)
      .slice(0, 200)
      .map((i) => (i.price && !validMoney(i.price) ? { ...i, price: null } : i));
  }
  if (obs.tracking) obs.tracking = sanitizePackages(obs.tracking);
  if (obs.deadlines) obs.deadlines = obs.deadlines.filter((d) => isValidCalendarDate(d.due)).slice(0, 50);
  return obs;
}

function wellFormed(i: Item): boolean {
  return typeof i.title === 'string' && Number.isInteger(i.quantity) && i.quantity >= 0 && i.quantity <= 1e6;
}

const CURRENCY = /^[A-Z]{3}$/;

function validMoney(m: { minor: number; currency: string }): boolean {
  return Number.isSafeInteger(m.minor) && m.minor >= 0 && m.minor <= 1e12 && CURRENCY.test(m.currency);
}

function validEvent(e: unknown): boolean {
  if (!isObj(e)) return false;
  const at = e['at'];
  const code = e['code'];
  const text = e['text'];
  return (
    (at === null || (typeof at === 'string' && ISO_INSTANT.test(at))) &&
    (code === null || (typeof code === 'string' && code.length <= 100)) &&
    typeof text === 'string' &&
    text.length <= 2000
  );
}

/** Sanitize tracking packages element-wise (events too), so one bad event doesn't drop a package. */
export function sanitizePackages(pkgs: unknown[]): NonNullable<OrderObservation['tracking']> {
  const out: NonNullable<OrderObservation['tracking']> = [];
  for (const p of pkgs.slice(0, 20)) {
    if (!isObj(p)) continue;
    const number = p['number'];
    const carrier = p['carrier'];
    if (!(number === null || (typeof number === 'string' && number.length <= 200))) continue;
    if (!(carrier === null || (typeof carrier === 'string' && carrier.length <= 2000))) continue;
    const events = getArr(p, 'events').filter(validEvent).slice(0, 500) as NonNullable<OrderObservation['tracking']>[number]['events'];
    out.push({ number, carrier, events });
  }
  return out;
}

/** Merge deadlines by kind keeping the earliest. */
export function mergeDeadlines(...lists: Deadline[][]): Deadline[] {
  return earliestPerKind(lists.flat());
}
