// Which language the UI speaks: the shopper's choice, else the first preferred language we speak.
import { describe, expect, it } from 'vitest';
import { catalogueFile, matchLocale, preferredLanguage, resolveLocale } from '../../../src/i18n';

describe('the UI language', () => {
  it('matches a browser language to a catalogue, English when none', () => {
    expect(matchLocale('pt-PT')).toBe('pt_BR');
    expect(matchLocale('pt_BR')).toBe('pt_BR');
    expect(matchLocale('iw')).toBe('he');
    expect(matchLocale('he-IL')).toBe('he');
    expect(matchLocale('nl-BE')).toBe('nl');
    expect(matchLocale('RU')).toBe('ru');
    expect(matchLocale('ja')).toBe('en');
    expect(matchLocale('')).toBe('en');
    expect(matchLocale(undefined)).toBe('en');
  });

  it('follows the shopper\'s choice, else the browser', () => {
    expect(resolveLocale('he', 'nl')).toBe('he');
    expect(resolveLocale('auto', 'nl-NL')).toBe('nl');
    expect(resolveLocale('klingon', 'es-MX')).toBe('es');
    expect(resolveLocale(undefined, undefined)).toBe('en');
  });

  it('takes the first preferred language we speak, an English one included, else the UI language', () => {
    const ui = () => 'ru';
    expect(preferredLanguage(['ja', 'de-AT', 'en'], ui)).toBe('de-AT');
    expect(preferredLanguage(['ja', 'en-GB', 'de'], ui)).toBe('en-GB');
    expect(preferredLanguage(['ja', 'zh'], ui)).toBe('ru');
    expect(preferredLanguage([], ui)).toBe('ru');
  });

  it('names a language\'s built catalogue', () => {
    expect(catalogueFile('pt_BR')).toBe('_locales/pt_BR/messages.json');
  });
});
