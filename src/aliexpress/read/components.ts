/**
 * Ultron components ({ tag, type, fields, id }) as the order list and detail APIs return
 * them. Picked by `tag`, never by key name or position: keys differ between captures
 * (`pc_om_list_order_<id>` in one, `order_<id>` in another).
 */
import { MAX_DEPTH, get, getObj, isObj, type Obj } from '../text';

export interface Component {
  key: string;
  tag: string;
  fields: Obj;
}

/** The response's `data` (mtop envelope `{ api, data, ret, v }`), or the payload itself. */
export function mtopData(payload: unknown): unknown {
  const data = get(payload, 'data');
  if (isObj(data) && Array.isArray(get(payload, 'ret'))) return data;
  return payload;
}

/** The mtop `ret` codes, e.g. ["SUCCESS::调用成功"] or ["FAIL_SYS_SESSION_EXPIRED::…"]. */
export function mtopFailure(payload: unknown): string | null {
  const ret = get(payload, 'ret');
  if (!Array.isArray(ret) || ret.length === 0) return null;
  const first = ret[0];
  if (typeof first !== 'string') return null;
  return first.startsWith('SUCCESS') ? null : first.slice(0, 200);
}

/**
 * Every component under `root`, in document order: an object with a string `tag` (or `type`)
 * and an object `fields`, not looked into further. At most `maxCount` components, 50,000 values
 * met, depth 8, and the first 2,000 children of each object or array.
 */
export function findComponents(root: unknown, maxCount = 2000): Component[] {
  const out: Component[] = [];
  let met = 0;
  const visit = (v: unknown, key: string, depth: number): void => {
    if (out.length >= maxCount || met >= 50_000) return;
    met++;
    if (typeof v !== 'object' || v === null) return;
    if (!Array.isArray(v)) {
      const tag = get(v, 'tag') ?? get(v, 'type');
      const fields = getObj(v, 'fields');
      if (typeof tag === 'string' && tag.length <= 100 && fields) {
        out.push({ key, tag, fields });
        return;
      }
    }
    if (depth >= Math.min(MAX_DEPTH, 8)) return;
    const children: [string, unknown][] = Array.isArray(v) ? v.slice(0, 2000).map((x, i) => [String(i), x]) : Object.entries(v);
    for (const [k, x] of children.slice(0, 2000)) visit(x, k, depth + 1);
  };
  visit(root, '', 0);
  return out;
}
