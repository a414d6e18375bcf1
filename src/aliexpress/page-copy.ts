/**
 * An anonymised copy of what the extension saw on a page it could not read, for the shopper to
 * attach to a bug report (docs/page-copy.md). The page's structure, class names and AliExpress's
 * own words stay; everything the shopper or a seller wrote, every number and every address is
 * replaced. Nothing here sends anything: the popup writes the file when the shopper asks.
 *
 * The rules, applied to every text node, attribute value and captured JSON value:
 * - a word stays only when it is AliExpress's own vocabulary: a status label, a month name, a
 *   "Confirm received" or total label, a currency code or sign (phrases.ts, money.ts), or a word
 *   of one of AliExpress's deadline notices (a text the deadline reader recognises); any other
 *   run of letters becomes as many "x" (an initial capital stays a capital);
 * - a run of digits becomes another run: one or two digits a number from 1 to 28 (a day stays a
 *   day), a year from 1990 to 2039 stays, a longer run a new run of the same length, the same
 *   original always the same replacement and never any run the original holds, so ids stay ids
 *   and the orders of a list stay apart;
 * - links keep their AliExpress host, path words and parameter names; values and numbers in
 *   them are masked as above, other hosts become `x.invalid`;
 * - scripts lose their code, comments go, the extension's own overlay goes; CSS stays.
 */
import { CONFIRM_RECEIVED_LABELS, DEADLINE_PHRASES, MONTH_NAMES, ORDER_TOTAL_LABELS, STATUS_PHRASES } from './phrases';
import { CURRENCY_MARKS, SOLD_IN } from './money';
import { BUTTON, BUTTON_STATUS, REVERSE_STATUS, STATUS_ENUMS, TRACKING } from './codes';
import { normalizeForMatch } from './text';

export const PAGE_COPY_FORMAT = 'buyer-shield-page-copy';

export interface PageSnapshot {
  url: string;
  html: string;
  captures: { api: string; body: string }[];
}

export interface PageCopy {
  format: typeof PAGE_COPY_FORMAT;
  version: 1;
  savedAt: string;
  extensionVersion: string;
  /** The page's host and path, without its query (which names the order). */
  page: { host: string; path: string };
  problem: { code: string; detail: string } | null;
  html: string;
  captures: { api: string; body: unknown }[];
}

let vocabulary: ReadonlySet<string> | null = null;
/** AliExpress's own words, normalised: the words of its labels, month names and currencies. */
function aliExpressWords(): ReadonlySet<string> {
  if (vocabulary) return vocabulary;
  const phrases = [...STATUS_PHRASES.flatMap(([, p]) => p), ...MONTH_NAMES.flatMap(([, n]) => n), ...CONFIRM_RECEIVED_LABELS, ...ORDER_TOTAL_LABELS, ...SOLD_IN, ...CURRENCY_MARKS];
  vocabulary = new Set(phrases.flatMap((p) => normalizeForMatch(p).split(/[^\p{L}]+/u)).filter((w) => w.length > 0));
  return vocabulary;
}

/** Words joined by "_" (component tags, codes): names the page gives its parts, not anyone's text. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/;

/** A text the deadline reader takes for one of AliExpress's deadline notices (phrases.ts DEADLINE_PHRASES). */
function isDeadlineNotice(s: string): boolean {
  if (s.length < 12 || s.length > 4000) return false;
  const t = normalizeForMatch(s);
  return DEADLINE_PHRASES.some((p) => p.all.every((re) => re.test(t)));
}

/** A gateway API's name (mtop.aliexpress.trade.buyer.order.list). */
const GATEWAY_API = /^mtop(?:\.[a-z0-9]+)+$/i;

let codes: ReadonlySet<string> | null = null;
/** AliExpress's one-word codes (FINISH, PAY, TRACKING): codes.ts. */
function aliExpressCodes(): ReadonlySet<string> {
  codes ??= new Set([...Object.values(BUTTON), ...Object.keys(BUTTON_STATUS), ...Object.keys(STATUS_ENUMS), ...Object.keys(REVERSE_STATUS), ...Object.values(TRACKING).flat()].map(String));
  return codes;
}

const ALIEXPRESS_HOST = /(?:^|\.)(?:aliexpress\.(?:com|us|ru)|alicdn\.com|aliexpress-media\.com)$/i;
const YEAR = /^(?:199\d|20[0-3]\d)$/;
const TOKEN = /\p{L}+|\p{Nd}+/gu;
const KEPT_ATTRIBUTES = new Set(['class', 'id', 'data-pl', 'role', 'type', 'dir', 'lang', 'rel', 'tabindex', 'aria-hidden', 'disabled', 'charset', 'name', 'target', 'button_action']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'srcset']);

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** One copy's replacements: the same original is replaced the same way everywhere in it. */
export class Masker {
  private readonly runs = new Map<string, string>();
  private readonly next = new Map<number, bigint>();

  /** Every digit run of the originals: no replacement is one of them. */
  private readonly taken: ReadonlySet<string>;

  /** `originals`: every text the copy is made from. */
  constructor(originals: readonly string[]) {
    this.taken = new Set(originals.flatMap((t) => t.match(/\d+/g) ?? []));
  }

  /** A run of digits: its replacement (see the rules above). */
  digits(run: string): string {
    if (!/^\d+$/.test(run)) return '0'.repeat(run.length);
    if (YEAR.test(run)) return run;
    if (run.length <= 2) return String((Number(run) % 28) + 1);
    let out = this.runs.get(run);
    if (out !== undefined) return out;
    // The next unused run of this length: 100…, 101…, skipping every run the originals hold.
    const taken = this.taken;
    const first = 10n ** BigInt(run.length - 1);
    let k = this.next.get(run.length) ?? 0n;
    do {
      out = (first + k++).toString();
    } while (taken.has(out) && out.length === run.length);
    if (out.length !== run.length) out = '0'.repeat(run.length); // all 9×10ⁿ⁻¹ used: ids no longer apart
    this.next.set(run.length, k);
    this.runs.set(run, out);
    return out;
  }

  private word(w: string): string {
    if (aliExpressWords().has(normalizeForMatch(w))) return w;
    const first = w[0] ?? '';
    return (first !== first.toLowerCase() ? 'X' : 'x') + 'x'.repeat(Math.max(0, [...w].length - 1));
  }

  /** A name the page gave a thing (a class, a key, a component): its words kept, an id written in it masked. */
  idDigits(s: string): string {
    return s.replace(/\d{3,}/g, (d) => this.digits(d));
  }

  /**
   * A text with every word not AliExpress's own and every number replaced; the rest as it was.
   * AliExpress's notices of a deadline ("confirmed automatically in 20 days") keep their words,
   * so the copy still shows what the deadline reader was given.
   */
  text(s: string): string {
    const notice = isDeadlineNotice(s);
    return s.replace(TOKEN, (t) => (/^\p{Nd}/u.test(t) ? this.digits(t) : notice ? t : this.word(t)));
  }

  /** A link: an AliExpress host, its path words and parameter names kept; values and numbers masked. */
  url(u: string): string {
    let url: URL;
    try {
      url = new URL(u, 'https://www.aliexpress.com/');
    } catch {
      return this.text(u);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol}x`;
    const host = ALIEXPRESS_HOST.test(url.hostname) ? url.hostname : 'x.invalid';
    // Path words are AliExpress's (/p/order/detail.html); a segment with a number in it is an id or an image.
    const path = url.pathname
      .split('/')
      .map((seg) => (host === 'x.invalid' || /\d/.test(seg) ? this.text(decoded(seg)) : seg))
      .join('/');
    const query = [...url.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(this.text(v))}`).join('&');
    return `${url.protocol}//${host}${path}${query ? `?${query}` : ''}`;
  }

  /** A captured JSON value: keys kept; codes (AWAITING_DELIVERY) kept; strings, links and numbers masked. */
  json(v: unknown, depth = 0): unknown {
    if (depth > 64) return null;
    if (typeof v === 'string') {
      if (/^(?:https?:)?\/\//.test(v)) return this.url(v);
      // Component tags and codes ("pc_om_list_order_8214…", "CONFIRM_GOODS", "FINISH") keep their words.
      if (IDENTIFIER.test(v) || GATEWAY_API.test(v) || aliExpressCodes().has(v)) return this.idDigits(v);
      // The gateway's answer code ("SUCCESS::调用成功"): the code kept, its message masked.
      const ret = /^([A-Z][A-Z0-9_]*)::([\s\S]*)$/.exec(v);
      return ret ? `${ret[1]}::${this.text(ret[2] ?? '')}` : this.text(v);
    }
    if (typeof v === 'number') {
      const n = Number(this.text(String(v)));
      return Number.isFinite(n) ? n : 0;
    }
    if (Array.isArray(v)) return v.slice(0, 10_000).map((x) => this.json(x, depth + 1));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.idDigits(k), this.json(x, depth + 1)]));
    return v;
  }
}

/** Masks a parsed copy of the page in place: text, attributes, links, scripts, comments, our overlay. */
export function maskDocument(doc: Document, m: Masker): string {
  for (const el of [...doc.querySelectorAll('[data-buyer-shield]')]) el.remove();
  const walker = doc.createTreeWalker(doc.documentElement, 0x1 | 0x4 | 0x80); // elements, text, comments
  const comments: Node[] = [];
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === 8) comments.push(n);
    else if (n.nodeType === 3) {
      const parent = n.parentElement?.localName;
      if (parent === 'script') n.textContent = '';
      else if (parent !== 'style') n.textContent = m.text(n.textContent ?? '');
    } else if (n.nodeType === 1) {
      const el = n as Element;
      for (const a of [...el.attributes]) {
        // Class names and ids stay (the structure a fix needs), but not an order number written into one.
        const value = KEPT_ATTRIBUTES.has(a.name)
          ? m.idDigits(a.value)
          : URL_ATTRIBUTES.has(a.name)
          ? a.value.split(/,\s+/).map((part) => part.replace(/^\S+/, (u) => m.url(u))).join(', ')
          : a.name === 'style'
            ? a.value.replace(/url\(\s*(["']?)(.*?)\1\s*\)/g, (_all, q: string, u: string) => `url(${q}${m.url(u)}${q})`)
            : m.text(a.value);
        el.setAttribute(a.name, value);
      }
    }
  }
  for (const c of comments) c.parentNode?.removeChild(c);
  return new XMLSerializer().serializeToString(doc);
}

/** The file the shopper saves: the page and its captured responses, masked with one Masker. */
export function makePageCopy(
  snapshot: PageSnapshot,
  parse: (html: string) => Document,
  about: { problem: { code: string; detail: string } | null; extensionVersion: string; now: Date },
): PageCopy {
  const m = new Masker([snapshot.html, snapshot.url, ...snapshot.captures.map((c) => c.body), about.problem?.detail ?? '']);
  let host = '';
  let path = '';
  try {
    const u = new URL(snapshot.url);
    host = ALIEXPRESS_HOST.test(u.hostname) ? u.hostname : 'x.invalid';
    path = m.url(`https://${host}${u.pathname}`).replace(/^https:\/\/[^/]+/, '');
  } catch {
    // not a URL: the copy says so by leaving both empty
  }
  const captures = snapshot.captures.map((c) => {
    let body: unknown;
    try {
      body = m.json(JSON.parse(c.body));
    } catch {
      body = m.text(c.body);
    }
    return { api: c.api.replace(/[^a-z0-9._-]/gi, ''), body };
  });
  return {
    format: PAGE_COPY_FORMAT,
    version: 1,
    savedAt: about.now.toISOString(),
    extensionVersion: about.extensionVersion,
    page: { host, path },
    problem: about.problem && { code: about.problem.code, detail: m.text(about.problem.detail) },
    html: maskDocument(parse(snapshot.html), m),
    captures,
  };
}
