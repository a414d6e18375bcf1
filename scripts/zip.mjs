// ZIP files for npm run package, written and read with fflate (a maintained zip library):
// deflate at level 9, UTF-8 names, a fixed timestamp so the same files give the same bytes.
import { unzipSync, zipSync } from 'fflate';

// 1980-01-01 00:00 local, the earliest a ZIP can say: the zip depends only on its files.
const MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** @param {{ name: string, data: Buffer }[]} files  names with forward slashes, no leading slash */
export function makeZip(files) {
  const entries = {};
  for (const { name, data } of files) {
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) throw new Error(`bad zip entry name: ${name}`);
    entries[name] = [new Uint8Array(data), { level: 9, mtime: MTIME }];
  }
  return Buffer.from(zipSync(entries));
}

/** The entries of a zip, in its order: [{ name, size, data() }]. fflate checks every CRC. */
export function readZip(buf) {
  const files = unzipSync(new Uint8Array(buf));
  return Object.entries(files).map(([name, data]) => ({ name, size: data.length, data: () => Buffer.from(data) }));
}
