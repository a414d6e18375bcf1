import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup } from '../../../src/domain/backup';
import { orderFromObservation } from '../../../src/domain/merge';

const order = orderFromObservation({ orderId: '8212313961591322', site: 'www.aliexpress.com', status: 'completed', total: { minor: 13274, currency: 'BRL' } }, '2026-09-07T12:00:00.000Z');

describe('backup file', () => {
  it('round-trips orders, settings and drafts', () => {
    const backup = makeBackup([order], { locale: 'he' }, new Date('2026-09-08T00:00:00Z'), { '8212313961591322': { version: 1 } });
    expect(backup).toMatchObject({ format: 'buyer-shield-backup', version: 1, exportedAt: '2026-09-08T00:00:00.000Z' });
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed).toEqual({ ok: true, orders: [order], settings: { locale: 'he' }, drafts: { '8212313961591322': { version: 1 } } });
  });

  it('refuses malformed, foreign, newer and damaged files with a reason', () => {
    expect(parseBackup('{"format":')).toMatchObject({ ok: false, error: 'backup_error_not_json' });
    expect(parseBackup('[]')).toMatchObject({ ok: false, error: 'backup_error_not_ours' });
    expect(parseBackup(JSON.stringify({ format: 'buyer-shield-backup', version: 2, exportedAt: '2026-09-08T00:00:00.000Z', orders: [] }))).toMatchObject({ ok: false, error: 'backup_error_newer_version' });
    const dup = makeBackup([order], {}, new Date());
    dup.orders.push(order);
    expect(parseBackup(JSON.stringify(dup))).toMatchObject({ ok: false, error: 'backup_error_invalid', detail: expect.stringMatching(/appears twice/) });
    const bad = { ...makeBackup([order], {}, new Date()), orders: [{ ...order, total: { minor: 1.5, currency: 'BRL' } }] };
    expect(parseBackup(JSON.stringify(bad))).toMatchObject({ ok: false, error: 'backup_error_invalid', detail: expect.stringMatching(/^orders\.0\.total/) });
  });
});
