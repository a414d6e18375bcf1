/**
 * The reader's interpreter: a table says which fields we take from an AliExpress object, the
 * keys each may be under (old and new names side by side, newest first, each with where it
 * was seen) and how its value is parsed; `readFields` reads any table. The tables themselves
 * are in `tables.ts`. Adding a field, or a new name for one, is one line there.
 *
 * A key is a property name or a dotted path ("logisticsCpInfo.cpName"); only own properties
 * are read. A field's value is the first key whose value parses; a field that none gives is
 * null. No state outside a call.
 */
import type { Money, OrderObservation } from '../../domain/order';
import { epochToInstant, parseCalendarDate } from '../dates';
import { moneyFromCents, parseFormatPriceInfo, parseMoneyText, validCurrency } from '../money';
import { absoluteUrl, get, idOf, isObj, rawOf, textOf, type Obj } from '../text';
import type { ReadContext } from './common';

/** What a parser knows besides the value: the page's context and the object being read. */
export interface ParseEnv {
  readonly ctx: ReadContext;
  readonly obj: Obj;
}

/** Turns a raw value into what the field holds, or null when the value is not one. */
export type Parser<T> = (value: unknown, env: ParseEnv) => T | null;

/** A key and where it was seen ("list capture 2026-09", "public exporters 2024"). */
export type Key = readonly [key: string, seen: string];

export interface Field<T> {
  readonly parse: Parser<T>;
  readonly keys: readonly Key[];
  /** Each key's path, split once. */
  readonly paths: readonly (readonly string[])[];
}

export function field<T>(parse: Parser<T>, ...keys: Key[]): Field<T> {
  return { parse, keys, paths: keys.map(([key]) => key.split('.')) };
}

export type Table = Readonly<Record<string, Field<unknown>>>;

/** What a table reads: each field's value, or null. */
export type Fields<T extends Table> = { [K in keyof T]: T[K] extends Field<infer V> ? V | null : never };

/** The own value at a key or dotted path ("a.b", or its parts), or undefined. */
export function at(obj: unknown, path: string | readonly string[]): unknown {
  let v: unknown = obj;
  for (const part of typeof path === 'string' ? path.split('.') : path) {
    v = get(v, part);
    if (v === undefined) return undefined;
  }
  return v;
}

/** Every field of `table`, read from `obj`. */
export function readFields<T extends Table>(obj: Obj, table: T, ctx: ReadContext): Fields<T> {
  const env: ParseEnv = { ctx, obj };
  const out: Record<string, unknown> = {};
  for (const name in table) out[name] = readField(table[name] as Field<unknown>, env);
  return out as Fields<T>;
}

/** Fields that go into the observation as read, under the property of their name. */
export type ObservedTable = { readonly [K in keyof OrderObservation]?: Field<NonNullable<OrderObservation[K]>> };

/** The fields of an observed table that `obj` gives (those it does not give are left out). */
export function readObserved(obj: Obj, table: ObservedTable, ctx: ReadContext): Partial<OrderObservation> {
  const env: ParseEnv = { ctx, obj };
  const out: Record<string, unknown> = {};
  for (const name in table) {
    const value = readField(table[name as keyof ObservedTable] as Field<unknown>, env);
    if (value !== null) out[name] = value;
  }
  return out as Partial<OrderObservation>;
}

function readField<T>(f: Field<T>, env: ParseEnv): T | null {
  for (const path of f.paths) {
    const raw = at(env.obj, path);
    if (raw === undefined || raw === null) continue;
    const value = f.parse(raw, env);
    if (value !== null) return value;
  }
  return null;
}

// ------------------------------------------------------------------ parsers

/** Cleaned text (markup stripped), up to 2,000 characters; empty is none. */
export const text: Parser<string> = (v) => textOf(v) ?? null;

/** Cleaned text of at most `max` characters. */
export const shortText =
  (max: number): Parser<string> =>
  (v) =>
    textOf(v, max) ?? null;

/** The value as it is: a string, or a finite number as one. */
export const raw: Parser<string> = (v) => rawOf(v) ?? null;

/** An order id: 6–24 digits, as a string or a number. */
export const orderId: Parser<string> = (v) => idOf(v);

/** Another id (disputes, products): 1–64 digits. */
export const longId: Parser<string> = (v) => idOf(v, 1, 64);

/** An http(s) URL, protocol-relative made https. */
export const url: Parser<string> = (v) => absoluteUrl(rawOf(v));

/** A calendar date in any of the page's written forms (dates.ts). */
export const date: Parser<string> = (v, env) => {
  const t = textOf(v);
  return t ? parseCalendarDate(t, env.ctx.locale) : null;
};

/** Epoch milliseconds (or seconds) as an ISO instant. */
export const instant: Parser<string> = (v) => epochToInstant(v);

/** A code: letters, digits, "_", "." and "-", up to 100 characters. */
export const code: Parser<string> = (v) => (typeof v === 'string' && /^[A-Za-z0-9_.-]{1,100}$/.test(v) ? v : null);

/** A whole count up to 9,999,999: a number or digits. */
export const count: Parser<number> = (v) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,7}$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n >= 0 && n <= 9_999_999 ? n : null;
};

/** A list of strings (the first 50). */
export const strings: Parser<string[]> = (v) => (Array.isArray(v) ? v.slice(0, 50).filter((x): x is string => typeof x === 'string') : null);

/**
 * Money in any form AliExpress writes it: the split form "R$132,74|132|74", a display text
 * ("US $25.09"), `{ cent, currency }`, or `{ formatPrice: { priceInfo }, formatMoney,
 * currency }`. The currency code is taken from the object being read at `currencyKey` when
 * given (the strongest sign, docs/aliexpress.md "Money"), else from the value's own.
 */
export function money(currencyKey?: string): Parser<Money> {
  return (v, env) => {
    const code = currencyKey ? validCurrency(at(env.obj, currencyKey)) : null;
    const page = env.ctx.currency;
    if (typeof v === 'string') return v.includes('|') ? parseFormatPriceInfo(v, code, page) : parseMoneyText(v, code, page);
    if (!isObj(v)) return null;
    const own = code ?? validCurrency(get(v, 'currency')) ?? validCurrency(get(v, 'currencyCode'));
    const cents = own ? moneyFromCents(get(v, 'cent'), own) : null;
    if (cents) return cents;
    const info = at(v, 'formatPrice.priceInfo');
    const shown = get(v, 'formatMoney');
    return (
      (typeof info === 'string' ? parseFormatPriceInfo(info, own, page) : null) ??
      (typeof shown === 'string' ? parseMoneyText(shown, own, page) : null)
    );
  };
}

/**
 * The objects of a list (its first `max`), each read with `table` and turned into a value by
 * `build` (null: left out).
 */
export function listOf<T extends Table, V>(table: T, build: (f: Fields<T>, item: Obj) => V | null, max = 200): Parser<V[]> {
  return (v, env) => {
    if (!Array.isArray(v)) return null;
    const out: V[] = [];
    for (const item of v.slice(0, max)) {
      if (!isObj(item)) continue;
      const built = build(readFields(item, table, env.ctx), item);
      if (built !== null) out.push(built);
    }
    return out;
  };
}
