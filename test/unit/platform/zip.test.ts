// @vitest-environment node
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

});
// The unzip check and the zips npm run package writes are checked after the build: test/build/artifacts.test.ts.
