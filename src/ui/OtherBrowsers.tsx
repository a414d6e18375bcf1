/**
 * "From your other browsers": open deadlines another browser of the shopper's shared through
 * the browser's sync (docs/sync.md) for orders this browser has not read yet, most urgent
 * first, each a link to its AliExpress order page. Shown before any page was read here.
 */
import { useEffect, useState } from 'preact/hooks';
import { orderDetailUrl } from '../aliexpress/pages';
import { dayNumber, localDateOf } from '../domain/dates';
import { kindKey } from '../domain/deadlines/engine';
import { unpackDigest, type DigestEntry } from '../domain/sync-digest';
import { formatCalendarDate } from '../i18n/format';
import { browser } from '../platform/browser';
import { useLocale } from './locale';

const SHOWN = 10;

/** The shared entries for orders this browser does not store, still open today. */
async function otherBrowsersEntries(today: string): Promise<DigestEntry[]> {
  try {
    const entries = unpackDigest((await browser.storage.sync.get(null)) as Record<string, unknown>).filter((e) => e.due >= today);
    if (entries.length === 0) return [];
    const known = await browser.storage.local.get([...new Set(entries.map((e) => `order:${e.orderId}`))]);
    return entries.filter((e) => known[`order:${e.orderId}`] === undefined);
  } catch {
    return [];
  }
}

export function OtherBrowsers() {
  const { t, lang } = useLocale();
  const [entries, setEntries] = useState<DigestEntry[]>([]);
  const today = localDateOf(Date.now());
  useEffect(() => {
    void otherBrowsersEntries(today).then(setEntries);
  }, [today]);
  if (entries.length === 0) return null;
  return (
    <section class="other-browsers" aria-labelledby="other-browsers-h">
      <h2 id="other-browsers-h">{t('popup_other_browsers_title')}</h2>
      <p class="hint">{t('popup_other_browsers_hint')}</p>
      <ul>
        {entries.slice(0, SHOWN).map((e) => {
          const days = dayNumber(e.due) - dayNumber(today);
          return (
            <li key={`${e.orderId}|${e.kind}`}>
              <a href={orderDetailUrl(e.orderId)} target="_blank" rel="noopener noreferrer">
                <bdi>#{e.orderId}</bdi>
              </a>{' '}
              <strong>{t(kindKey(e.kind))}</strong>: {days === 0 ? t('popup_other_browsers_today') : t('popup_other_browsers_days', { days })} ({formatCalendarDate(e.due, lang)})
            </li>
          );
        })}
      </ul>
    </section>
  );
}
