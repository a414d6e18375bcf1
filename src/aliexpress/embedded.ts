/**
 * Order data a page carries in its own HTML: an inline script holding the same JSON as the
 * gateway answers (`window.__INIT_DATA__ = {…}`, or a `type="application/json"` script). It is
 * read as the response it stands for, never run: the script's text is parsed as JSON, and the
 * API it stands for is told by its shape (order components, detail components, tracking lines).
 */
import { API, MAX_BODY_CHARS } from './apis';
import { readApiPayload, type ReadContext, type ReadResult } from './read';
import { findComponents, mtopData } from './read/components';
import { get, getObj } from './text';

/** A whole script that assigns one object literal: `window.x = {…};`, `var x = {…}`. */
const ASSIGNMENT = /^\s*(?:(?:var|let|const)\s+)?[\w$]+(?:\.[\w$]+)*\s*=\s*(\{[\s\S]*\})\s*;?\s*$/;

/**
 * What every response we read holds (components' `fields`, tracking lines): a script without
 * it is not parsed at all, so the page's other configuration objects cost only this search.
 */
const ORDER_DATA_MARK = /"fields"|"trackingDetailLineList"/;

/** The JSON a script holds, or null (a script that is anything but data is left alone). */
function jsonOf(script: HTMLScriptElement): unknown {
  const text = script.textContent ?? '';
  if (text.length < 20 || text.length > MAX_BODY_CHARS || !ORDER_DATA_MARK.test(text)) return null;
  const type = script.type.toLowerCase();
  const json = type === 'application/json' ? text : type === '' || type.includes('javascript') ? ASSIGNMENT.exec(text)?.[1] : undefined;
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** The API whose answer `payload` is shaped like, or null. */
function apiOfShape(payload: unknown): string | null {
  const data = mtopData(payload);
  if (Array.isArray(get(getObj(data, 'module') ?? data, 'trackingDetailLineList'))) return API.tracking;
  const tags = findComponents(data, 200).map((c) => c.tag);
  if (tags.some((t) => /(?:^|_)list_order$/.test(t))) return API.orderList;
  if (tags.some((t) => t.startsWith('detail_'))) return API.orderDetail;
  return null;
}

/** What the page's inline scripts hold, read as the responses they stand for (the first 50 scripts). */
export function readEmbeddedData(doc: Document, ctx: ReadContext): ReadResult[] {
  const out: ReadResult[] = [];
  for (const script of [...doc.querySelectorAll('script:not([src])')].slice(0, 50)) {
    const payload = jsonOf(script as HTMLScriptElement);
    const api = payload === null ? null : apiOfShape(payload);
    if (api) out.push(readApiPayload(api, payload, ctx));
  }
  return out;
}
