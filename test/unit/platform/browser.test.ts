import { afterEach, describe, expect, it, vi } from 'vitest';
import { supportsNotificationButtons } from '../../../src/platform/browser';

const UA = {
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0',
};

describe('supportsNotificationButtons (Firefox notifications have no buttons)', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['chrome', true],
    ['edge', true],
    ['firefox', false],
    ['firefoxAndroid', false],
  ] as const)('%s → %s', (browser, expected) => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(UA[browser]);
    expect(navigator.userAgent).toBe(UA[browser]);
    expect(supportsNotificationButtons()).toBe(expected);
  });
});
