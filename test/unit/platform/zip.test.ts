// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeZip, readZip } from '../../../scripts/zip.mjs';

const manifest = Buffer.from(JSON.stringify({ manifest_version: 3, name: 'Buyer Shield', version: '0.1.0' }));
const files = [
  { name: 'manifest.json', data: manifest },
  { name: 'src/content/main.iife.js', data: Buffer.from('console.log(1);'.repeat(200)) },
  { name: '_locales/he/messages.json', data: Buffer.from('{"extName":{"message":"מגן הקונה"}}') },
  { name: 'icons/empty.png', data: Buffer.alloc(0) },
];

describe('zip writer for npm run package', () => {
  it('puts the manifest at the root and reads every file back byte for byte', () => {
    const zip = readZip(makeZip(files));
    expect(zip.map((e) => e.name)).toEqual(['manifest.json', 'src/content/main.iife.js', '_locales/he/messages.json', 'icons/empty.png']);
    expect(zip[0]!.data().equals(manifest)).toBe(true);
    expect(zip[1]!.size).toBe(3000);
    expect(zip[2]!.data().toString('utf8')).toBe('{"extName":{"message":"מגן הקונה"}}');
    expect(zip[3]!.data().length).toBe(0);
  });

  it('gives the same bytes for the same files (fixed timestamps)', () => {
    expect(makeZip(files).equals(makeZip(files))).toBe(true);
  });

  it('refuses names that would escape the archive root', () => {
    expect(() => makeZip([{ name: '../evil.js', data: Buffer.from('x') }])).toThrow(/bad zip entry name/);
    expect(() => makeZip([{ name: '/abs.js', data: Buffer.from('x') }])).toThrow(/bad zip entry name/);
  });

  it.runIf(existsSync('/usr/bin/unzip'))('is a zip that Info-ZIP unzip lists and tests clean', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bs-zip-')), 'x.zip');
    writeFileSync(file, makeZip(files));
    const t = spawnSync('unzip', ['-tq', file], { encoding: 'utf8' });
    expect(t.status).toBe(0);
    const l = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8' });
    expect(l.stdout.trim().split('\n')).toEqual(['manifest.json', 'src/content/main.iife.js', '_locales/he/messages.json', 'icons/empty.png']);
  });
});

const ROOT = join(import.meta.dirname, '..', '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const built = join(ROOT, 'artifacts');
describe.runIf(existsSync(join(built, `buyer-shield-firefox-${version}.zip`)))('artifacts from npm run package', () => {
  it.each(['chrome', 'firefox'])('%s zip has manifest.json at its root, with the package version', (browser) => {
    const zip = readZip(readFileSync(join(built, `buyer-shield-${browser}-${version}.zip`)));
    const m = zip.find((e) => e.name === 'manifest.json');
    expect(m).toBeDefined();
    const parsed = JSON.parse(m!.data().toString('utf8')) as { manifest_version: number; version: string };
    expect(parsed.manifest_version).toBe(3);
    expect(parsed.version).toBe(version);
  });
});
