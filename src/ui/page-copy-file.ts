/**
 * The anonymised copy of a page, made in the popup when the shopper asks (docs/page-copy.md):
 * loaded only then, since it carries the reader's word tables.
 */
import { makePageCopy, type PageCopy } from '../aliexpress/page-copy';
import type { PageSnapshot } from '../messaging/page-snapshot';

/** The copy of `snapshot`, its markup parsed inert (DOMParser runs no script and loads nothing). */
export function pageCopyFile(snapshot: PageSnapshot, problem: { code: string; detail: string } | null, extensionVersion: string, now = new Date()): PageCopy {
  return makePageCopy(snapshot, (html) => new DOMParser().parseFromString(html, 'text/html'), { problem, extensionVersion, now });
}
