/**
 * A zod schema built the first time it is used, not when its module is evaluated.
 *
 * Building schemas costs more than it looks: zod runs its constructors for every node, and the
 * first ones compile zod's own code. Built eagerly, the worker's schemas took about 16 ms of
 * its 57 ms from start to the reminder alarm re-armed (marks at the top of every module), before
 * a single record was read, and a page built the schemas of every message before its first
 * render. Built lazily, that time moves to each schema's first parse. (The content script
 * has no zod.)
 *
 * The stand-in is a Proxy that builds the schema on its first property read and forwards every
 * read to it, so call sites stay as they are: `X.safeParse(v)`, `X.shape`, `z.array(X)`,
 * `z.infer<typeof X>`.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let schema: T | undefined;
  const real = (): T => (schema ??= build());
  return new Proxy({} as T, {
    get: (_stand, key) => Reflect.get(real(), key),
    has: (_stand, key) => Reflect.has(real(), key),
    set: (_stand, key, value) => Reflect.set(real(), key, value),
  });
}
