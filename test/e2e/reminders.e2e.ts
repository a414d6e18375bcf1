/**
 * Reminders end to end: a page stating "Refund if no delivery before" a date two days away
 * raises one notification within seconds and sets the badge; a killed worker raises no second
 * one and leaves the alarm armed; a relaunched browser re-arms it; under libfaketime, moving
 * the clock past the next lead time raises exactly the next reminder.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { launch, waitUntil, type Harness } from './harness';
import { ACS, DETAIL_API, ORDER_DETAIL, awaitingDeliveryDetail, detailPage, englishDateFromToday, gateway, html } from './pages';

const AWAITING = '8214398062177351';
const REMINDER_ALARM = 'buyer-shield:reminder';

async function serveDetail(h: Harness, refundBy: string): Promise<void> {
  await h.routeAliExpress({ [ORDER_DETAIL]: html(detailPage()), [ACS]: gateway({ [DETAIL_API]: awaitingDeliveryDetail(AWAITING, refundBy) }) });
}

async function visitDetail(h: Harness): Promise<void> {
  const p = await h.context.newPage();
  await p.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${AWAITING}`);
  await waitUntil(async () => (await h.orders())[AWAITING], (o) => !!o, 15_000, 'the order to be stored');
  await p.close();
}

const raisedLeads = async (h: Harness): Promise<number[]> => {
  const log = (await h.storage())['reminderLog'] as { raised: Record<string, { leads: number[] }> } | undefined;
  return Object.values(log?.raised ?? {}).flatMap((e) => e.leads).sort((a, b) => b - a);
};

describe('reminders in the real worker', () => {
  let h: Harness;
  afterAll(async () => {
    await h?.close();
  });

  it('raises one notification within seconds of reading a date two days away, and sets the badge', async () => {
    h = await launch();
    await serveDetail(h, englishDateFromToday(2).text);
    const started = Date.now();
    await visitDetail(h);
    const shown = await waitUntil(() => h.notifications(), (n) => Object.keys(n).length > 0, 10_000, 'a notification');
    const seconds = (Date.now() - started) / 1000;
    expect(Object.keys(shown)).toEqual([`bs|${AWAITING}|no-delivery-refund|${englishDateFromToday(2).iso}`]);
    expect(seconds).toBeLessThan(10);
    expect(await h.badgeText()).toBe('1');
    expect(await raisedLeads(h)).toEqual([3]);
    const alarms = await h.alarms();
    expect(alarms.map((a) => a.name)).toEqual([REMINDER_ALARM]);
  });

  it('raises no second notification after the worker is killed, and keeps an alarm armed', async () => {
    await h.clearNotifications();
    expect(await h.restartWorker()).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 2000));
    expect(await h.notifications()).toEqual({});
    expect(await raisedLeads(h)).toEqual([3]);
    expect((await h.alarms()).map((a) => a.name)).toEqual([REMINDER_ALARM]);
    expect(await h.badgeText()).toBe('1');
  });

  it('re-arms the alarm when the browser is relaunched with the same profile', async () => {
    const dir = h.userDataDir;
    await h.close();
    h = await launch({ userDataDir: dir });
    const alarms = await waitUntil(() => h.alarms(), (a) => a.length > 0, 10_000, 'the alarm');
    expect(alarms.map((a) => a.name)).toEqual([REMINDER_ALARM]);
    expect(await h.notifications()).toEqual({});
    expect(await raisedLeads(h)).toEqual([3]);
  });
});

describe('reminders under a fake clock (libfaketime)', () => {
  it('raises exactly the next reminder when the clock passes its lead time', async () => {
    // Tomorrow at 08:58 UTC, clock running ten times fast: the one-day-before reminder (09:00) is 2 fake minutes away.
    const now = new Date();
    const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
    const day = tomorrow.toISOString().slice(0, 10);
    const h = await launch({ fakeTime: `@${day} 08:58:00 x10`, timezone: 'UTC' });
    try {
      const fakeNow = await (await h.probe()).evaluate(() => Date.now());
      expect(new Date(fakeNow).toISOString().slice(0, 10)).toBe(day);
      const due = englishDateFromToday(1, new Date(fakeNow));
      await serveDetail(h, due.text);
      await visitDetail(h);
      // First seen inside the window: one reminder at once (the 3-days-before lead that has passed).
      await waitUntil(() => raisedLeads(h), (l) => l.length === 1, 15_000, 'the first reminder');
      expect(await raisedLeads(h)).toEqual([3]);
      const alarm = (await h.alarms())[0];
      expect(alarm?.name).toBe(REMINDER_ALARM);
      expect(new Date(alarm?.scheduledTime ?? 0).toISOString()).toBe(`${day}T09:00:00.000Z`);
      // The fake clock passes 09:00: exactly the next reminder (1 day before), nothing more.
      await waitUntil(() => raisedLeads(h), (l) => l.length >= 2, 60_000, 'the next reminder');
      await new Promise((r) => setTimeout(r, 3000));
      expect(await raisedLeads(h)).toEqual([3, 1]);
      const shown = await h.notifications();
      expect(Object.keys(shown)).toEqual([`bs|${AWAITING}|no-delivery-refund|${due.iso}`]);
    } finally {
      await h.close();
    }
  });
});
