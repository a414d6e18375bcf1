import dictionary from 'dictionary-en';
import nspell from 'nspell';

const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
/** AliExpress itself and the brand and size words the tests type in; nothing else. */
const ALLOW = new Set(['AliExpress', 'Sony', 'XL']);

/** Words of `text` the English dictionary does not know (placeholders and tokens with digits skipped). */
export function misspelt(text: string): string[] {
  const tokens = text.replace(/\{\w+\}/g, ' ').split(/[\s,.;:?!()"…]+/u);
  const words = tokens.filter((t) => !/\d/.test(t)).flatMap((t) => t.match(/[A-Za-z]+(?:'[A-Za-z]+)?/g) ?? []);
  return words.filter((w) => !ALLOW.has(w) && !spell.correct(w));
}
