import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { lazySchema } from '../../../src/lib/lazy-schema';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    const build = vi.fn(() => z.object({ n: z.int() }));
    const S = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(S.safeParse({ n: 1 }).success).toBe(true);
    expect(S.safeParse({ n: 'x' }).success).toBe(false);
    expect(Object.keys(S.shape)).toEqual(['n']);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('parses exactly like the schema it stands for, also inside other schemas', () => {
    const make = () => z.object({ id: z.string().check(z.regex(/^\d+$/)), tags: z.optional(z.array(z.string())) });
    const eager = z.array(make());
    const lazy = z.array(lazySchema(make));
    const union = z.discriminatedUnion('type', [lazySchema(() => z.object({ type: z.literal('a'), a: z.int() })), z.object({ type: z.literal('b') })]);
    const inputs: unknown[] = [[], [{ id: '12' }], [{ id: '12', tags: ['x'] }], [{ id: 'x' }], [{ id: '1', tags: [1] }], [{}], null, 'x', [{ id: '1', extra: true }]];
    for (const input of inputs) {
      const a = eager.safeParse(input);
      const b = lazy.safeParse(input);
      expect(b.success).toBe(a.success);
      expect(b.data).toEqual(a.data);
      expect(b.error?.issues).toEqual(a.error?.issues);
    }
    expect(union.safeParse({ type: 'a', a: 1 }).success).toBe(true);
    expect(union.safeParse({ type: 'a', a: 'x' }).success).toBe(false);
    expect(union.safeParse({ type: 'b' }).success).toBe(true);
  });

  it('answers `in` and checks like the schema (z.nullable, .check, the standard schema interface)', () => {
    const S = lazySchema(() => z.string());
    expect('~standard' in S).toBe(true);
    expect(z.nullable(S).safeParse(null).success).toBe(true);
    expect(S.check(z.maxLength(2)).safeParse('abc').success).toBe(false);
    expect(S['~standard'].validate('ok')).toEqual({ value: 'ok' });
  });
});
