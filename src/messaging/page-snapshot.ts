/**
 * Popup → content script: "the page as you saw it", for the anonymised copy the shopper asks
 * for from the popup's health notice (docs/page-copy.md). The content script answers with the
 * page's markup and the last responses it captured; the popup masks them and writes the file.
 * Plain checks, no zod: the content script carries this too.
 */

import type { PageSnapshot } from '../aliexpress/page-copy';

export const PAGE_SNAPSHOT_REQUEST = 'ui/page-snapshot';

/** At most this much of a page's markup and of its captured responses goes into a copy. */
export const SNAPSHOT_LIMITS = { htmlChars: 5_000_000, captures: 5, captureChars: 3_000_000 } as const;

export type { PageSnapshot } from '../aliexpress/page-copy';

export function isSnapshotRequest(msg: unknown): boolean {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === PAGE_SNAPSHOT_REQUEST;
}

/** The content script's answer, if it has the shape of one (within the limits), else null. */
export function parseSnapshot(reply: unknown): PageSnapshot | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const r = reply as Record<string, unknown>;
  const captures = r['captures'];
  if (typeof r['url'] !== 'string' || typeof r['html'] !== 'string' || r['html'].length > SNAPSHOT_LIMITS.htmlChars || !Array.isArray(captures)) return null;
  const ok = captures.length <= SNAPSHOT_LIMITS.captures && captures.every((c: unknown) => typeof c === 'object' && c !== null && typeof (c as Record<string, unknown>)['api'] === 'string' && typeof (c as Record<string, unknown>)['body'] === 'string');
  return ok ? { url: r['url'], html: r['html'], captures: captures as PageSnapshot['captures'] } : null;
}
