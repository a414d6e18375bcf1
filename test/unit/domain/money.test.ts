import { describe, expect, test } from 'vitest';
import { currencyExponent, formatMoney, moneyFromParts, toMajor } from '../../../src/domain/money';

// Intl separates a symbol from its amount with a no-break space in some languages.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  test('formats for the reader\'s language with the currency\'s own minor digits', () => {
    expect(formatMoney({ minor: 2509, currency: 'USD' }, 'en')).toBe('$25.09');
    expect(plain(formatMoney({ minor: 2509, currency: 'EUR' }, 'nl'))).toBe('€ 25,09');
    expect(formatMoney({ minor: 1500, currency: 'JPY' }, 'en')).toBe('¥1,500');
    expect(plain(formatMoney({ minor: 12345, currency: 'KWD' }, 'en'))).toBe('KWD 12.345');
    expect(plain(formatMoney({ minor: 99900, currency: 'RUB' }, 'ru'))).toBe('999,00 ₽');
  });

  test('each language and currency keeps its own format when they alternate (one formatter per pair)', () => {
    const first = [
      formatMoney({ minor: 100, currency: 'USD' }, 'en'),
      formatMoney({ minor: 100, currency: 'EUR' }, 'en'),
      formatMoney({ minor: 100, currency: 'USD' }, 'de'),
      formatMoney({ minor: 100, currency: 'JPY' }, 'en'),
    ];
    for (let i = 0; i < 3; i++) {
      expect([
        formatMoney({ minor: 100, currency: 'USD' }, 'en'),
        formatMoney({ minor: 100, currency: 'EUR' }, 'en'),
        formatMoney({ minor: 100, currency: 'USD' }, 'de'),
        formatMoney({ minor: 100, currency: 'JPY' }, 'en'),
      ]).toEqual(first);
    }
    expect(first[0]).toBe('$1.00');
    expect(first[1]).toBe('€1.00');
    expect(plain(first[2]!)).toBe('1,00 $');
    expect(first[3]).toBe('¥100');
  });

  test('a code Intl refuses or a language it cannot read still shows the amount and the code', () => {
    expect(formatMoney({ minor: 2509, currency: 'US' }, 'en')).toBe('25.09 US');
    expect(formatMoney({ minor: 2509, currency: 'USD' }, 'not a language!')).toBe('25.09 USD');
    // Asked again, the refusal is remembered, not thrown.
    expect(formatMoney({ minor: 1, currency: 'US' }, 'en')).toBe('0.01 US');
  });
});

describe('amounts', () => {
  test('minor units from parts, by the currency\'s exponent', () => {
    expect(moneyFromParts('1,234', '5', 'USD')).toEqual({ minor: 123450, currency: 'USD' });
    expect(moneyFromParts('1500', '99', 'JPY')).toEqual({ minor: 1500, currency: 'JPY' });
    expect(moneyFromParts('', '50', 'USD')).toBeNull();
    expect(moneyFromParts('9'.repeat(20), '00', 'USD')).toBeNull();
    expect(currencyExponent('KWD')).toBe(3);
    expect(toMajor({ minor: 12345, currency: 'KWD' })).toBe(12.345);
  });
});
