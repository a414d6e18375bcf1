/**
 * Each language speaks to the shopper one way throughout (docs/i18n.md, "Address"): German
 * and Russian formally (Sie, вы), Dutch, Spanish and Portuguese with the everyday singular
 * (je, tú, você), French with vous, and Hebrew in the plural, with buttons and settings in
 * the infinitive or a noun, never a masculine-singular command. The claim's glosses and
 * replies speak as the shopper to the seller and AliExpress, so they are left out. And each
 * language quotes with one style of quotation marks.
 */
import { describe, expect, it } from 'vitest';
import { readCatalogues } from '../../../scripts/catalogue-plugin';

/** A whole word in any script (\b knows only ASCII letters). */
const words = (list: string[]) => new RegExp(`(?<!\\p{L})(?:${list.join('|')})(?!\\p{L})`, 'iu');

/** Forms of the address a language does not use for the shopper. */
const OTHER_ADDRESS: Record<string, RegExp> = {
  de: words(['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines']),
  ru: words(['ты', 'тебя', 'тебе', 'тобой', 'твой', 'твоя', 'твоё', 'твои', 'твоего', 'твоей', 'твоих']),
  nl: words(['u', 'uw', 'jullie']),
  es: words(['usted', 'ustedes', 'vosotros', 'vuestro', 'vuestra', 'vuestros', 'vuestras']),
  pt_BR: words(['tu', 'teu', 'tua', 'teus', 'tuas', 'vocês', 'o senhor', 'a senhora']),
  fr: words(['tu', 'toi', 'ton', 'ta', 'tes']),
  // The singular "you" and masculine-singular commands (אשר בכל זאת, בטל, פתח…; not את, the object marker, nor אשר, "which"): buttons say לאשר, פתיחת…
  he: words(['אתה', 'שלך', 'לך', 'עליך', 'אותך', 'ממך', 'פתחת', 'אשר בכל', 'בטל', 'קבל', 'פתח', 'נסח', 'קרא', 'הצג', 'עצור', 'הזכר', 'שמור', 'בחר', 'סמן', 'העתק', 'לחץ', 'נסה', 'בדוק', 'צרף', 'אל תשאל']),
};

/** Messages that speak as the shopper to the seller or AliExpress (the English claim's glosses). */
const TO_THE_SELLER = /^claim_sentence_/;

/** Quotation marks a language does not use (docs/i18n.md): one style per language. */
const OTHER_QUOTES: Record<string, RegExp> = {
  es: /["„“”]/,
  fr: /["„“”]/,
  ru: /["“”]/,
  de: /["«»”]/,
  nl: /["«»„]/,
};

describe('one address per language', () => {
  const all = readCatalogues();
  for (const [locale, other] of Object.entries(OTHER_ADDRESS)) {
    it(`${locale}: the shopper is addressed one way in every message`, () => {
      const messages = all.get(locale);
      expect(messages, locale).toBeDefined();
      const off = Object.entries(messages ?? {})
        .filter(([key, value]) => !TO_THE_SELLER.test(key) && other.test(value.replace(/\{\w+\}/g, '')))
        .map(([key, value]) => `${key}: ${value}`);
      expect(off).toEqual([]);
    });
  }
  for (const [locale, other] of Object.entries(OTHER_QUOTES)) {
    it(`${locale}: one style of quotation marks`, () => {
      const off = Object.entries(all.get(locale) ?? {}).filter(([, value]) => other.test(value)).map(([key, value]) => `${key}: ${value}`);
      expect(off).toEqual([]);
    });
  }
});
