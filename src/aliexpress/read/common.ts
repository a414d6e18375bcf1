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
import { cleanText, get, getArr, isObj, normalizeForMatch } from '../text';

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

/**
 * Labels read so far, and their status: every order of a page carries one of a few labels.
 * Up to 256 labels of up to 100 characters, then it starts over.
 */
const statusOfLabel = new Map<string, OrderStatus | null>();

/** Status from a display text (any language) or a raw enum in its place. */
export function statusFromText(text: string | null | undefined): OrderStatus | null {
  if (!text) return null;
  if (text.length > 100) return readStatusText(text);
  const known = statusOfLabel.get(text);
  if (known !== undefined) return known;
  const status = readStatusText(text);
  if (statusOfLabel.size >= 256) statusOfLabel.clear();
  statusOfLabel.set(text, status);
  return status;
}

function readStatusText(text: string): OrderStatus | null {
  const raw = text.trim();
  const asEnum = ENUM_LIKE.test(raw) ? own(STATUS_ENUMS, raw.toUpperCase()) : undefined;
  if (asEnum) return asEnum;
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
 * Status by precedence: button codes, then raw enums, then the label in any language, else
 * `unknown` (the label is kept as statusText either way).
 */
export function resolveStatus(codes: readonly string[], enums: readonly unknown[], text: string | null | undefined): OrderStatus {
  for (const c of codes) {
    const s = own(BUTTON_STATUS, c);
    if (s) return s;
  }
  for (const e of enums) {
    if (typeof e === 'string') {
      const s = own(STATUS_ENUMS, e.trim().toUpperCase());
      if (s) return s;
    }
  }
  return statusFromText(text) ?? 'unknown';
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
const LETTERS = /\p{L}{2}/u;
/** HAS_YEAR or MAY_COUNT_DAYS, in one scan. */
const MAY_HOLD_DEADLINE = new RegExp(`${HAS_YEAR.source}|${MAY_COUNT_DAYS.source}`);

/**
 * MAY_HOLD_DEADLINE as the raw text may spell it, before cleaning: when the cleaned text
 * matches MAY_HOLD_DEADLINE, the raw text matches this (reader-shortcuts.test.ts checks it).
 * Cleaning only removes characters (markup, which starts with "<"; control and format
 * characters, all outside printable ASCII), collapses white space and decodes entities
 * ("&"). So two characters adjacent in the cleaned text are adjacent in the raw text, or the
 * first character between them is "<" or one of those (GONE); and a digit, a space or hyphen
 * and a day word's start (MAY_COUNT_DAYS) come from a digit, white space and hyphens, then
 * that start with GONE allowed for any of its characters (an ASCII letter of it is followed
 * by the next one or by GONE, and a non-ASCII character is in GONE).
 */
const GONE = '<\\u0000-\\u001f\\u007f-\\u{10ffff}';
export const RAW_MAY_HOLD_SOURCE = `&|\\d{4}|\\d[\\s-]*(?:[${GONE}]|[dD](?![b-hj-mo-yB-HJ-MO-Y])|[jJ](?![a-np-zA-NP-Z])|[tT](?:[aA][gG${GONE}]|[${GONE}])|[gG](?:[iI][oO${GONE}]|[uU][nN${GONE}]|[${GONE}]))`;
/**
 * The first test of every text but URLs, in one match: two letters in a row and a digit (no
 * deadline without a word and a number), and RAW_MAY_HOLD_SOURCE.
 */
const FIRST_TEST = new RegExp(`^(?=[^]*?\\p{L}{2})(?=[^]*?(?:${RAW_MAY_HOLD_SOURCE}))(?=[^]*?\\d)`, 'u');
/** RAW_MAY_HOLD_SOURCE anywhere from lastIndex on. */
const RAW_MAY_HOLD_FROM = new RegExp(RAW_MAY_HOLD_SOURCE, 'gu');

/**
 * RAW_MAY_HOLD_SOURCE at a place outside the tags of markup: tags (as TAG removes them, left to
 * right: "<" and a letter or "/" and a letter, to the first ">" or the end) skipped, the text
 * between them searched. A match inside a tag (a colour, a size) is what cleaning removes; a
 * match that starts outside may run on into one. reader-shortcuts.test.ts checks this against
 * the one regex it stands for.
 */
export function rawMayHoldOutsideTags(text: string): boolean {
  // The first match at or after the current place, once searched (-1: none; -2: not yet).
  let found = -2;
  let from = 0;
  for (;;) {
    let tag = text.indexOf('<', from);
    while (tag >= 0 && !opensTag(text, tag)) tag = text.indexOf('<', tag + 1);
    const end = tag < 0 ? text.length : tag;
    if (from < end) {
      if (found !== -1 && found < from) {
        RAW_MAY_HOLD_FROM.lastIndex = from;
        const m = RAW_MAY_HOLD_FROM.exec(text);
        found = m ? m.index : -1;
      }
      if (found === -1) return false;
      if (found < end) return true;
    }
    if (tag < 0) return false;
    const close = text.indexOf('>', tag);
    if (close < 0) return false;
    from = close + 1;
  }
}

/** "<" then a letter, or "</" and a letter: a tag starts here. */
const TAG_START = /^<\/?[A-Za-z]/;
function opensTag(text: string, at: number): boolean {
  return TAG_START.test(text.slice(at, at + 3));
}

/** No two letters in a row (ids, amounts, split prices): such a text states no deadline. */
const LETTER_PAIR = /\p{L}{2}/u;
function lacksLetterPair(text: string): boolean {
  return !LETTER_PAIR.test(text);
}

/** A URL ("//…", "http://…", "https://…"): it states no deadline. */
const URL_START = /^(?:https?:)?\/\//;
function isUrl(text: string): boolean {
  return URL_START.test(text);
}

/**
 * Whether a text passes the quick tests before it is cleaned: false means it states no
 * deadline. Exported for reader-shortcuts.test.ts, which checks it against the full path.
 */
export function mayHoldDeadline(text: string): boolean {
  if (isUrl(text) || lacksLetterPair(text)) return false;
  // A page repeats its labels in every order ("Free returns", a tag's description): the
  // last texts the tests below turned away are turned away again by equality.
  const n = text.length;
  for (let i = 0; i < RECENT; i++) if (turnedAwayLength[i] === n && turnedAway[i] === text) return false;
  // In markup, only what lies outside its tags (digits in colours and sizes are not text),
  // then the rest of FIRST_TEST.
  const holds = text.includes('<') ? rawMayHoldOutsideTags(text) && LETTERS.test(text) && DIGIT.test(text) : FIRST_TEST.test(text);
  if (!holds && n <= 500) {
    turnedAway[turnedAwayNext] = text;
    turnedAwayLength[turnedAwayNext] = n;
    turnedAwayNext = (turnedAwayNext + 1) % RECENT;
  }
  return holds;
}

const RECENT = 16;
const turnedAway: string[] = new Array<string>(RECENT).fill('');
const turnedAwayLength = new Int32Array(RECENT);
let turnedAwayNext = 0;

/** The first regex of every deadline phrase: a segment none matches is of no phrase. */
const ANY_PHRASE = new RegExp(DEADLINE_PHRASES.map((p) => `(?:${(p.all[0] as RegExp).source})`).join('|'));
/** Every character SEGMENT_BREAK splits at: a text without any is one segment. */
const BREAK_CHAR = /[·•|\n\r.!?;。！？]/;

/**
 * Deadlines a page text states. Date phrases give their date; day-count phrases give a date
 * counted from the base they name, skipped when that base is unknown.
 */
export function deadlinesFromText(text: string, bases: DeadlineBases, now: Date, locale?: string): Deadline[] {
  const out: Deadline[] = [];
  addDeadlinesFromText(out, text, bases, now, locale);
  return out;
}

/** deadlinesFromText, added to `out` (no list made for the many texts that state none). */
export function addDeadlinesFromText(out: Deadline[], text: string, bases: DeadlineBases, now: Date, locale?: string): void {
  // Every deadline states a date or a day count, in digits; URLs state none.
  if (mayHoldDeadline(text)) addDeadlinesFromHeldText(out, text, bases, now, locale);
}

/** addDeadlinesFromText for a text mayHoldDeadline has taken already. */
export function addDeadlinesFromHeldText(out: Deadline[], text: string, bases: DeadlineBases, now: Date, locale?: string): void {
  // A bare date ("Jul 15, 2026": a month name, digits, a comma) names no deadline: no phrase
  // matches a month name (reader-shortcuts.test.ts tries every one). Order dates are such.
  if (bareMonthDayYear(text) !== undefined) return;
  const clean = cleanText(text, 4000);
  // Nor without a year (every date has one) or something that may be a day count.
  if (!MAY_HOLD_DEADLINE.test(clean)) return;
  // Without a break, the text is its one segment (cleaned text is trimmed).
  if (!BREAK_CHAR.test(clean)) {
    if (clean.length <= 2000) addSegmentDeadlines(out, clean, bases, now, locale);
    return;
  }
  for (const seg of segments(clean)) addSegmentDeadlines(out, seg, bases, now, locale);
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

/** The last site SITE took: every order of a page has the same one, tested once. */
let siteTaken: string | undefined;

/**
 * The observation if it passes the gate, bounded and with invalid amounts dropped. `own`:
 * the caller hands `raw` over (nothing else holds it), so it is changed in place rather than
 * copied; either way the result holds the same.
 */
export function finalize(raw: OrderObservation, problems: ReadProblem[], own = false): OrderObservation | null {
  const site: unknown = raw.site;
  const siteOk = (typeof site === 'string' && site === siteTaken) || SITE.test(String(site));
  if (siteOk && typeof site === 'string') siteTaken = site;
  if (!ID.test(String(raw.orderId)) || !siteOk) {
    problems.push(problem(PROBLEM.invalidRecord, `order ${String(raw.orderId).slice(0, 30)}: invalid id or site`));
    return null;
  }
  const obs: OrderObservation = own ? raw : { ...raw };
  if (obs.total !== undefined && obs.total !== null && !validMoney(obs.total)) obs.total = null;
  if (obs.items && !(own && itemsPass(obs.items))) {
    // The first 200 well-formed items, an invalid price dropped.
    const items: Item[] = [];
    for (const i of obs.items) {
      if (items.length === 200) break;
      if (!wellFormed(i)) continue;
      items.push(i.price && !validMoney(i.price) ? { ...i, price: null } : i);
    }
    obs.items = items;
  }
  if (obs.tracking) obs.tracking = sanitizePackages(obs.tracking);
  if (obs.deadlines) obs.deadlines = obs.deadlines.filter((d) => isValidCalendarDate(d.due)).slice(0, 50);
  return obs;
}

function wellFormed(i: Item): boolean {
  return typeof i.title === 'string' && Number.isInteger(i.quantity) && i.quantity >= 0 && i.quantity <= 1e6;
}

/** At most 200 items, each well formed with a valid price or none: the list finalize would make. */
function itemsPass(items: readonly Item[]): boolean {
  if (items.length > 200) return false;
  for (const i of items) if (!wellFormed(i) || (i.price && !validMoney(i.price))) return false;
  return true;
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
