import { describe, expect, it } from 'vitest';
import { ago, loadDateLocale } from '../../../src/ui/relative';

describe('relative times in the shopper’s language', () => {
  const now = Date.UTC(2026, 8, 10, 12);
  const threeDaysAgo = new Date(now - 3 * 86_400_000).toISOString();
  it.each([
    ['en', '3 days ago'],
    ['ru', '3 дня назад'],
    ['de', 'vor 3 Tagen'],
    ['nl', '3 dagen geleden'],
  ] as const)('%s', async (locale, expected) => {
    expect(ago(threeDaysAgo, now, await loadDateLocale(locale))).toBe(expected);
  });
  it('he is Hebrew', async () => {
    expect(ago(threeDaysAgo, now, await loadDateLocale('he'))).toMatch(/[\u0590-\u05FF]/);
  });
});

describe('just now', () => {
  it('says less than a minute rather than 0 seconds', async () => {
    const now = Date.UTC(2026, 8, 10, 12);
    expect(ago(now - 5_000, now, await loadDateLocale('en'))).toBe('less than a minute ago');
  });
});
