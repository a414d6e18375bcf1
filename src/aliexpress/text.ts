/**
 * Safe access to untrusted JSON and text from AliExpress. Pure; no browser API.
 * Page strings are data: HTML inside them is stripped to text, never kept as markup.
 */

export type Obj = Record<string, unknown>;

export const MAX_TEXT = 2000;
/** Generic walks stop here: page JSON is untrusted and may be nested without end. */
export const MAX_DEPTH = 24;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const hasOwn = Object.prototype.hasOwnProperty;

/** An own property only (never an inherited one such as `__proto__` or `constructor`). */
export function get(o: unknown, key: string): unknown {
  if (!isObj(o)) return undefined;
  return hasOwn.call(o, key) ? o[key] : undefined;
}

export function getObj(o: unknown, key: string): Obj | undefined {
  const v = get(o, key);
  return isObj(v) ? v : undefined;
}

export function getArr(o: unknown, key: string): unknown[] {
  const v = get(o, key);
  return Array.isArray(v) ? v : [];
}

/** A string or finite number field as a raw string (no cleaning). */
export function getRaw(o: unknown, key: string): string | undefined {
  return rawOf(get(o, key));
}

/** getRaw of a value already read: a string, or a finite number as one. */
export function rawOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A cleaned text field, or undefined when absent/empty. */
export function getText(o: unknown, key: string, max = MAX_TEXT): string | undefined {
  return textOf(get(o, key), max);
}

/** getText of a value already read. */
export function textOf(v: unknown, max = MAX_TEXT): string | undefined {
  if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) return undefined;
  const t = cleanText(String(v), max);
  return t === '' ? undefined : t;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x') || lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
      return String.fromCodePoint(code);
    }
    return ENTITIES[lower] ?? whole;
  });
}

/** A tag, or one cut off at the end. */
export const TAG = /<\/?[a-z][^>]*(?:>|$)/gi;

/** Remove markup: script/style bodies, tags, comments; keep the text. */
export function stripHtml(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  const out = s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(?:br|p|div|li)\b[^>]*>/gi, ' ')
    .replace(TAG, '');
  const decoded = out.includes('&') ? decodeEntities(out) : out;
  // Entities, or the removal itself ("<<b>i>"), may have spelled a tag; it stays text, but
  // never a tag-shaped one (nor a cut one).
  return decoded.includes('<') ? decoded.replace(TAG, '') : decoded;
}

/**
 * Text cleanText leaves as it is: words free of markup, entities, control and format
 * characters, joined by single spaces. Most page strings are, and one scan then saves the
 * replacements (the reader cleans every text it keeps).
 */
// eslint-disable-next-line no-control-regex
const CLEAN = /^[^\s<&\u0000-\u001f\u007f\u200b-\u200d]+(?: [^\s<&\u0000-\u001f\u007f\u200b-\u200d]+)*$/;

/** Strip HTML, drop control characters, collapse white space, trim, cap the length. */
export function cleanText(s: string, max = MAX_TEXT): string {
  if (CLEAN.test(s)) return s.length > max ? s.slice(0, max).trimEnd() : s;
  const input = s.length > max * 20 ? s.slice(0, max * 20) : s;
  const stripped = stripHtml(input);
  const t = CLEAN.test(stripped)
    ? stripped
    : stripped
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2028\u2029\ufeff]/g, '')
        .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
        .trim();
  return t.length > max ? t.slice(0, max).trimEnd() : t;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;
/** Printable ASCII words but for the backtick, joined by single spaces: only lower case to do. */
const ASCII_TIDY = /^[!-_a-~]+(?: [!-_a-~]+)*$/;

/** Normalise for phrase comparison: lower case, no diacritics, unified apostrophes and spaces. */
export function normalizeForMatch(s: string): string {
  if (ASCII_TIDY.test(s)) return s.toLowerCase();
  if (ASCII.test(s)) return s.toLowerCase().replace(/[`]/g, "'").replace(/\s+/g, ' ').trim();
  // Diacritics go from Latin letters only: Cyrillic й/ё and Japanese kana keep their marks.
  return s
    .normalize('NFD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[łŁ]/g, 'l')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/ё/g, 'е')
    .replace(/[\u2019\u2018\u02bc`´]/g, "'")
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();
}

/** "//www.aliexpress.com/store/1" → "https://www.aliexpress.com/store/1"; other schemes refused. */
const HTTP_URL = /^https?:\/\/[^\s"'<>]+$/i;
/** HTTP_URL on "https:" + the text, tested on the text (no joined string to scan). */
const SCHEMELESS_URL = /^\/\/[^\s"'<>]+$/;

export function absoluteUrl(v: string | undefined): string | null {
  if (!v) return null;
  const s = v.trim();
  const schemeless = s.startsWith('//');
  if (!(schemeless ? SCHEMELESS_URL : HTTP_URL).test(s) || s.length + (schemeless ? 6 : 0) > MAX_TEXT) return null;
  return schemeless ? `https:${s}` : s;
}

const DIGITS = /^\d+$/;

/** A decimal id (order, product) from a string or a safe integer. */
export function idOf(v: unknown, min = 6, max = 24): string | null {
  let s: string | null = null;
  if (typeof v === 'string') s = v.trim();
  else if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) s = String(v);
  if (s === null) return null;
  return s.length >= min && s.length <= max && DIGITS.test(s) ? s : null;
}

export interface StringWalkLimits {
  skipKeys?: ReadonlySet<string>;
  maxDepth?: number;
  /** At most this many strings, and ten times as many values visited. */
  maxCount?: number;
  /** Shorter strings are counted as any, but not handed to the visitor. */
  minLength?: number;
}

/**
 * Calls `visit` with every string value under `root` and the key that held it (for an array
 * item, the array's key), in document order; arrays by their last 2,000 items. Depth- and
 * count-limited (page JSON is untrusted: it may be deep, huge or, once parsed, cyclic): once
 * `maxCount` strings or ten times as many values are met, the walk ends.
 */
export function forEachString(root: unknown, opts: StringWalkLimits, visit: (value: string, key: string) => void): void {
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  const maxCount = opts.maxCount ?? 5000;
  const minLength = opts.minLength ?? 0;
  let strings = 0;
  let values = 0;
  /** Meets one value at `depth`; false once a limit is reached. */
  const walk = (v: unknown, key: string, depth: number): boolean => {
    if (strings >= maxCount || values >= maxCount * 10) return false;
    values++;
    if (typeof v === 'string') {
      strings++;
      if (v.length >= minLength) visit(v, key);
      return true;
    }
    if (typeof v !== 'object' || v === null || depth >= maxDepth) return true;
    if (Array.isArray(v)) {
      for (let i = Math.max(0, v.length - 2000); i < v.length; i++) if (!walk(v[i], key, depth + 1)) return false;
      return true;
    }
    for (const k in v) if (hasOwn.call(v, k) && !opts.skipKeys?.has(k) && !walk((v as Obj)[k], k, depth + 1)) return false;
    return true;
  };
  walk(root, '', 0);
}

/** Every string value under `root` (see forEachString), with the key that held it. */
export function collectStrings(root: unknown, opts: StringWalkLimits = {}): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  forEachString(root, opts, (value, key) => out.push({ key, value }));
  return out;
}
