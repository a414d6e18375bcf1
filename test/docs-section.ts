/**
 * A section of a doc that a test writes (the deadline table, the example claims): the doc as it
 * should read with `body` between the markers. Tests compare it with the doc, and write it when
 * UPDATE_DOCS is set, so the doc and the code cannot drift apart unnoticed.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function docWithSection(path: string, begin: string, end: string, body: string): { doc: string; fresh: string } {
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  const fresh = start >= 0 && stop > start ? `${doc.slice(0, start + begin.length)}\n${body}${doc.slice(stop)}` : `${doc}\n${begin}\n${body}${end}\n`;
  if (process.env['UPDATE_DOCS']) writeFileSync(path, fresh);
  return { doc, fresh };
}
