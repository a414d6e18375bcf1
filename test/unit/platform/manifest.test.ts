// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor } from '../../../scripts/manifest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface ContentScript {
  matches: string[];
  js: string[];
  run_at?: string;
  world?: string;
}
interface Gecko {
  id: string;
  strict_min_version: string;
  data_collection_permissions: { required: string[] };
}

const firefox = manifestFor('firefox');
const chrome = manifestFor('chrome');
const scripts = (m: Record<string, unknown>) => m['content_scripts'] as ContentScript[];
const major = (v: string) => Number(v.split('.')[0]);

describe('Firefox manifest (build-free, as vite.config.ts makes it)', () => {
  it('runs the background code as an event page with background.scripts, not a service worker', () => {
    expect(firefox['background']).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
  });

  it('has the gecko id, Firefox 140 or later, and declares that no data is collected', () => {
    const settings = firefox['browser_specific_settings'] as { gecko: Gecko; gecko_android: { strict_min_version: string } };
    expect(settings.gecko.id).toBe(GECKO_ID);
    expect(settings.gecko.id).toBe('buyer-shield@buyer-shield.app');
    expect(major(settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // Firefox for Android has data_collection_permissions from 142 (web-ext lint warns otherwise).
    expect(settings.gecko_android.strict_min_version).toBe('142.0');
  });

  it('registers the MAIN-world capture script at document_start, on a subset of the content script pages', () => {
    const [main, ...rest] = scripts(firefox).filter((s) => s.world === 'MAIN');
    expect(rest).toEqual([]);
    expect(main?.js).toEqual(['src/main-world/capture.iife.ts']);
    expect(main?.run_at).toBe('document_start');
    const isolated = scripts(firefox).find((s) => s.world === undefined);
    expect(isolated?.js).toEqual(['src/content/main.iife.ts']);
    for (const m of main?.matches ?? []) expect(isolated?.matches).toContain(m);
    // aliexpress.ru: only the isolated script runs, to say the operator is not supported.
    expect(isolated?.matches.filter((m) => !main?.matches.includes(m))).toEqual(['https://*.aliexpress.ru/*order*']);
  });

  it('takes its version from package.json', () => {
    expect(firefox['version']).toBe(pkg.version);
    expect(chrome['version']).toBe(pkg.version);
  });
});

describe('Chrome manifest', () => {
  it('uses a service worker and carries no Firefox settings', () => {
    expect(chrome['background']).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(chrome['browser_specific_settings']).toBeUndefined();
  });

  it('registers the same content scripts as Firefox, MAIN world included', () => {
    expect(scripts(chrome)).toEqual(scripts(firefox));
  });
});

describe('both manifests ask for no more than docs/permissions.md justifies', () => {
  it.each([['chrome', chrome], ['firefox', firefox]] as const)('%s', (name, m) => {
    // unlimitedStorage: Chrome only, where storage.local is otherwise capped at 10 MB.
    expect(m['permissions']).toEqual(['storage', 'alarms', 'notifications', ...(name === 'chrome' ? ['unlimitedStorage'] : [])]);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'web_accessible_resources', 'content_security_policy', 'externally_connectable']) {
      expect(m[key], key).toBeUndefined();
    }
    for (const s of scripts(m)) {
      for (const pattern of s.matches) expect(pattern, pattern).toMatch(/^https:\/\/([a-z*]+\.)?aliexpress\.(com|us|ru)\//);
    }
  });
});
// The built manifest is checked after the build: test/build/artifacts.test.ts.
