/** English sentences beside their meaning in the shopper's language (our translations of our templates). */
import type { ClaimSentence } from '../../domain/claim/compose';
import { useLocale } from '../locale';
import { sentenceMeaning } from './helpers';

export function Bilingual({ sentences, money, label }: { sentences: readonly ClaimSentence[]; money?: Record<string, string>; label: string }) {
  const { t, lang, locale } = useLocale();
  const showMeaning = locale !== 'en';
  return (
    <ol class={`bilingual${showMeaning ? '' : ' en-only'}`} aria-label={label}>
      {sentences.map((s, i) => (
        <li key={`${s.id}-${i}`}>
          <p class="en" lang="en" dir="ltr">
            {s.english}
          </p>
          {showMeaning && <p class="meaning">{sentenceMeaning(t, s, lang, money)}</p>}
        </li>
      ))}
    </ol>
  );
}
