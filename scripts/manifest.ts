/**
 * The one manifest (manifest.json), adapted per browser; used by vite.config.ts and tested
 * without a build (test/unit/platform/manifest.test.ts).
 *
 * Firefox: background scripts (an event page: Firefox runs MV3 background code that way, not
 * as a service worker), gecko id, strict_min_version 140 (MAIN-world content scripts need
 * 128; data_collection_permissions needs 140 on desktop), and 142 for Firefox for Android
 * (data_collection_permissions arrived there in 142).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Target = 'chrome' | 'firefox';
export type Manifest = Record<string, unknown>;

const ROOT = join(import.meta.dirname, '..');

export const GECKO_ID = 'buyer-shield@buyer-shield.app';

export function manifestFor(t: Target, root = ROOT): Manifest {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const m: Manifest = { ...base, version: pkg.version };
  if (t === 'chrome') {
    // Chrome caps storage.local at 10 MB without it; a shopper's order history outgrows that
    // (docs/permissions.md). Firefox's storage.local has no such cap, so it is not asked there.
    m['permissions'] = [...(base['permissions'] as string[]), 'unlimitedStorage'];
  }
  if (t === 'firefox') {
    const bg = base['background'] as { service_worker: string; type?: string };
    m['background'] = { scripts: [bg.service_worker], type: 'module' };
    m['browser_specific_settings'] = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return m;
}
