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

describe('a date that ends a sentence', () => {
  it('keeps one full stop: the date’s own, never "г.."', async () => {
    const { createTranslator } = await import('../../../src/i18n');
    const t = createTranslator({ k: 'Последний день — {date}.', m: 'До {date}: проверьте.' }, {}, 'ru');
    expect(t('k', { date: '4 сентября 2026 г.' })).toBe('Последний день — 4 сентября 2026 г.');
    expect(t('k', { date: '2026-09-04' })).toBe('Последний день — 2026-09-04.');
    expect(t('m', { date: '4 сентября 2026 г.' })).toBe('До 4 сентября 2026 г.: проверьте.');
  });
});
