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

/** A stack entry standing for `key` values in a row that are neither objects nor arrays. */
const RUN = {};

/** Every component under `root` (depth-limited), in document order. */
export function findComponents(root: unknown, maxCount = 2000): Component[] {
  const out: Component[] = [];
  // The stack as three arrays (value, key, depth): no entry made per value met, an array
  // item's key (its index) written out only when it is a component, and values that are
  // neither objects nor arrays (only counted when met) one entry for a run of them.
  const values: unknown[] = [root];
  const keys: (string | number)[] = [''];
  const depths: number[] = [0];
  let visited = 0;
  while (values.length > 0 && out.length < maxCount && visited < 50_000) {
    const v = values.pop();
    const key = keys.pop() as string | number;
    const depth = depths.pop() as number;
    if (v === RUN) {
      // Met one by one, they would be counted until the limit, then the search ends.
      visited += key as number;
      continue;
    }
    visited++;
    if (typeof v !== 'object' || v === null) continue;
    const isArray = Array.isArray(v);
    if (!isArray) {
      const tag = get(v, 'tag') ?? get(v, 'type');
      const fields = getObj(v, 'fields');
      if (typeof tag === 'string' && fields && tag.length <= 100) {
        out.push({ key: String(key), tag, fields });
        continue;
      }
    }
    if (depth >= Math.min(MAX_DEPTH, 8)) continue;
    // The first 2,000 children, pushed last first so that they come off in order.
    let run = 0;
    const own = isArray ? null : Object.keys(v);
    for (let i = Math.min(own ? own.length : (v as unknown[]).length, 2000) - 1; i >= 0; i--) {
      const k = own ? (own[i] as string) : i;
      const x: unknown = own ? (v as Obj)[k] : (v as unknown[])[i];
      if (typeof x !== 'object' || x === null) {
        run++;
        continue;
      }
      if (run > 0) run = pushRun(values, keys, depths, run);
      values.push(x);
      keys.push(k);
      depths.push(depth + 1);
    }
    if (run > 0) pushRun(values, keys, depths, run);
  }
  return out;
}

function pushRun(values: unknown[], keys: (string | number)[], depths: number[], run: number): 0 {
  values.push(RUN);
  keys.push(run);
  depths.push(0);
  return 0;
}
