/**
 * Safe access to untrusted JSON and text from AliExpress. Pure; no browser API.
 * Page strings are data: HTML inside them is stripped to text, never kept as markup.
 */

export type Json = unknown;
export type Obj = Record<string, unknown>;

export const MAX_TEXT = 2000;
/** Generic walks stop here: page JSON is untrusted and may be nested without end. */
export const MAX_DEPTH = 24;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property only (never an inherited one such as `__proto__` or `constructor`). */
export function get(o: unknown, key: string): unknown {
  if (!isObj(o)) return undefined;
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
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
  const v = get(o, key);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A cleaned text field, or undefined when absent/empty. */
export function getText(o: unknown, key: string, max = MAX_TEXT): string | undefined {
  const v = get(o, key);
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

/** Remove markup: script/style bodies, tags, comments; keep the text. */
export function stripHtml(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  let out = s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(?:br|p|div|li)\b[^>]*>/gi, ' ')
    .replace(/<\/?[a-z][^>]*(?:>|$)/gi, '');
  out = decodeEntities(out);
  // Entities may have spelled a tag; it stays text, but never a tag-shaped one (nor a cut one).
  return out.replace(/<\/?[a-z][^>]*(?:>|$)/gi, '');
}

/**
 * What cleanText would change: markup or entities, control and format characters, white
 * space other than single inner spaces. Most page strings have none, and one scan saves the
 * four replacements (the reader cleans every text it keeps).
 */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[^\S ]|[<&\u0000-\u001f\u007f\u200b-\u200d\ufeff]|^ | $| {2}/;

/** Strip HTML, drop control characters, collapse white space, trim, cap the length. */
export function cleanText(s: string, max = MAX_TEXT): string {
  if (!NEEDS_CLEANING.test(s)) return s.length > max ? s.slice(0, max).trimEnd() : s;
  const input = s.length > max * 20 ? s.slice(0, max * 20) : s;
  const t = stripHtml(input)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2028\u2029\ufeff]/g, '')
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();
  return t.length > max ? t.slice(0, max).trimEnd() : t;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;
/** In ASCII text: a backtick, or white space other than single inner spaces. */
const ASCII_UNTIDY = /[`\t-\r]|^ | $| {2}/;

/** Normalise for phrase comparison: lower case, no diacritics, unified apostrophes and spaces. */
export function normalizeForMatch(s: string): string {
  if (ASCII.test(s)) {
    const lower = s.toLowerCase();
    // Usually already tidy (cleaned text): then lower case is all there is to do.
    return ASCII_UNTIDY.test(lower) ? lower.replace(/[`]/g, "'").replace(/\s+/g, ' ').trim() : lower;
  }
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

/**
 * Every match of a global regex, in order. Like `s.matchAll(re)`, without the copy of the
 * regex matchAll makes on every call. For patterns that never match empty text.
 */
export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m);
  return out;
}

/** "//www.aliexpress.com/store/1" → "https://www.aliexpress.com/store/1"; other schemes refused. */
export function absoluteUrl(v: string | undefined): string | null {
  if (!v) return null;
  const s = v.trim();
  const u = s.startsWith('//') ? `https:${s}` : s;
  if (!/^https?:\/\/[^\s"'<>]+$/i.test(u) || u.length > MAX_TEXT) return null;
  return u;
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

/** Every string value under `root` (depth- and count-limited), with the key that held it. */
export function collectStrings(
  root: unknown,
  opts: { skipKeys?: ReadonlySet<string>; maxDepth?: number; maxCount?: number } = {},
): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  const maxCount = opts.maxCount ?? 5000;
  const stack: { v: unknown; key: string; depth: number }[] = [{ v: root, key: '', depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && out.length < maxCount && visited < maxCount * 10) {
    const { v, key, depth } = stack.pop() as { v: unknown; key: string; depth: number };
    visited++;
    if (typeof v === 'string') {
      out.push({ key, value: v });
    } else if (depth < maxDepth && Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0 && i >= v.length - 2000; i--) stack.push({ v: v[i], key, depth: depth + 1 });
    } else if (depth < maxDepth && isObj(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        if (opts.skipKeys?.has(k)) continue;
        stack.push({ v: v[k], key: k, depth: depth + 1 });
      }
    }
  }
  return out;
}
