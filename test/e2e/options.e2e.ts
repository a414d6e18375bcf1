/** The options page: every number of the rule book adjustable; an invalid value is refused and not saved. */
import { describe, expect, it } from 'vitest';
import { launch } from './harness';

describe('options: reminders and deadlines', () => {
  it('saves adjusted rules to storage.sync, refuses invalid ones, and resets', async () => {
    const h = await launch();
    try {
      const options = await h.openOptions();
      const rules = async () => ((await h.storage('sync'))['settings'] as { rules?: Record<string, unknown> } | undefined)?.rules;
      await options.getByLabel('Remind me this many days before a deadline (comma-separated)').fill('5, 2, 0');
      await options.getByLabel('Remind me this many days before a deadline (comma-separated)').press('Tab');
      await expect.poll(rules).toEqual({ leadDays: [5, 2, 0] });
      await options.getByLabel("Days the seller has to answer a dispute").fill('6');
      await options.getByLabel("Days the seller has to answer a dispute").press('Tab');
      await expect.poll(rules).toEqual({ leadDays: [5, 2, 0], sellerResponseDays: 6 });
      await options.getByLabel('Hour of the day for reminders (0–23)').fill('25');
      await options.getByLabel('Hour of the day for reminders (0–23)').press('Tab');
      await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/can't be used for "Hour of the day for reminders/);
      expect(await rules()).toEqual({ leadDays: [5, 2, 0], sellerResponseDays: 6 });
      await options.getByLabel('No notifications during quiet hours').check();
      await expect.poll(rules).toMatchObject({ quietHours: { start: '22:00', end: '08:00' } });
      await h.screenshot(options, 'options-rules');
      await options.getByRole('button', { name: 'Back to the standard values' }).click();
      await expect.poll(rules).toEqual({});
    } finally {
      await h.close();
    }
  });
});
