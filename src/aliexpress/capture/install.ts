/**
 * The MAIN-world capture: hands every gateway response of an API we read to the isolated
 * content script as `postMessage({ source, v: 1, api, url, body }, location.origin)`, where
 * `body` is the raw response text (for JSONP, the JSON of the callback's argument).
 *
 * Rules: the page must receive exactly what it would have (responses are cloned, the page's
 * body is never consumed, XHR only gets an extra listener, JSONP callbacks are called with
 * the same arguments and `this`); no request of our own; nothing ever throws into the page.
 * Tiny on purpose: it imports only the API prefix list.
 *
 * JSONP: lib-mtop names each callback `mtopjsonpN` and inserts a <script src="…&callback=
 * mtopjsonpN">. Names are not known in advance, so the `src` setter and `setAttribute` of
 * script elements (HTMLScriptElement.prototype only: no other element is touched) note a
 * gateway URL when the page sets it, before the script can load and run, and install an
 * accessor on `window[mtopjsonpN]` that wraps whatever function is there now or is assigned
 * later. A gateway script written into the page's HTML is not seen (AliExpress creates them
 * from script); the DOM reader still reads what such a page shows.
 *
 * Until the page's load event, the bodies are held, not posted (nor, for fetch, read from
 * the clone): the isolated script reads them only after the load event anyway, and a
 * message of a few hundred KB costs a copy into the other world and a decode there. Posted
 * after the load event has run (or LATEST_MS after the start, for a page whose load event is
 * slow to come), so that none of it counts in the page's load.
 */
import { API_PREFIXES, CAPTURE_SOURCE, MAX_BODY_CHARS } from './api-prefixes';

export interface CaptureWindow {
  fetch?: typeof fetch;
  XMLHttpRequest?: typeof XMLHttpRequest;
  HTMLScriptElement?: typeof HTMLScriptElement;
  document?: Document;
  location: { origin: string };
  postMessage(message: unknown, targetOrigin: string): void;
  /** With it (and a document still loading), bodies wait for the load event. */
  addEventListener?(type: 'load', listener: () => void, options: { once: true }): void;
}

type Fn = (...args: unknown[]) => unknown;

const GATEWAY = /^(?:https:)?\/\/acs[a-z0-9-]*\.aliexpress\.(?:com|us)\//i;
const MARK = '__buyerShieldCapture';
const noop = (): void => undefined;
/** Held bodies are posted at the latest this long after the start. */
const LATEST_MS = 3000;
/** At most this many bodies are held before the load event; more are dropped (the page's DOM remains). */
const MAX_HELD = 50;

/** The lower-cased API name of a gateway URL, if it is one we read. */
export function captureApiOf(url: string): string | null {
  if (!GATEWAY.test(url)) return null;
  const m = /\/h5\/([a-z0-9.]+)\/\d/i.exec(url) ?? /[?&]api=([a-z0-9.]+)/i.exec(url);
  const api = m ? (m[1] as string).toLowerCase() : '';
  return API_PREFIXES.some((p) => api.startsWith(p)) ? api : null;
}

export function installCapture(win: CaptureWindow): boolean {
  const w = win as CaptureWindow & Record<string, unknown>;
  try {
    if (w[MARK]) return false;
    Object.defineProperty(w, MARK, { value: true });
  } catch {
    return false;
  }

  const send = (api: string, url: string, body: unknown): void => {
    try {
      if (typeof body === 'string' && body.length > 0 && body.length <= MAX_BODY_CHARS) {
        win.postMessage({ source: CAPTURE_SOURCE, v: 1, api, url: String(url).slice(0, 20000), body }, win.location.origin);
      }
    } catch {
      // never into the page
    }
  };

  // Work held until the page has loaded (null once it has).
  let held: (() => void)[] | null = null;
  const release = (): void => {
    const jobs = held;
    held = null;
    for (const job of jobs ?? []) job();
  };
  try {
    if (win.addEventListener && win.document && win.document.readyState !== 'complete') {
      held = [];
      // After the load event's handlers, not among them: its end is the page's load time.
      win.addEventListener('load', () => setTimeout(release, 0), { once: true });
      setTimeout(release, LATEST_MS);
    }
  } catch {
    held = null;
  }
  const later = (job: () => void): void => {
    if (!held) job();
    else if (held.length < MAX_HELD) held.push(job);
  };
  const post = (api: string, url: string, body: unknown): void => later(() => send(api, url, body));

  // ---- fetch: clone the response before the page can read it; the page gets the original.
  try {
    const origFetch = win.fetch;
    if (typeof origFetch === 'function') {
      const wrapped = function (this: unknown, ...args: unknown[]): unknown {
        const p = Reflect.apply(origFetch, this, args) as Promise<Response>;
        try {
          const input = args[0] as { url?: unknown } | string;
          const url = String((typeof input === 'object' && input !== null && typeof input.url === 'string' ? input.url : input) ?? '');
          const api = captureApiOf(url);
          if (api && p && typeof p.then === 'function') {
            p.then((r) => {
              try {
                if (Number(r.headers.get('content-length') ?? 0) > MAX_BODY_CHARS) return;
                // Cloned now, before the page reads its body; read when the page has loaded.
                const copy = r.clone();
                later(() => void copy.text().then((t) => send(api, r.url || url, t), noop));
              } catch {
                // body already used or not cloneable: skip
              }
            }, noop);
          }
        } catch {
          // skip
        }
        return p;
      };
      win.fetch = wrapped as typeof fetch;
    }
  } catch {
    // fetch not writable: skip
  }

  // ---- XHR: remember the URL at open(), listen for load after send(); nothing else changes.
  try {
    const X = win.XMLHttpRequest;
    const proto = X?.prototype;
    if (proto && typeof proto.open === 'function' && typeof proto.send === 'function') {
      const open = proto.open as unknown as Fn;
      const send = proto.send as unknown as Fn;
      const urls = new WeakMap<object, string>();
      proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
        try {
          urls.set(this, String(args[1]));
        } catch {
          // skip
        }
        return Reflect.apply(open, this, args);
      } as typeof proto.open;
      proto.send = function (this: XMLHttpRequest, ...args: unknown[]) {
        try {
          const url = urls.get(this);
          const api = url ? captureApiOf(url) : null;
          if (api) {
            this.addEventListener('load', () => {
              try {
                const type = this.responseType;
                const body = type === '' || type === 'text' ? this.responseText : type === 'json' ? JSON.stringify(this.response) : null;
                post(api, this.responseURL || (url as string), body);
              } catch {
                // skip
              }
            });
          }
        } catch {
          // skip
        }
        return Reflect.apply(send, this, args);
      } as typeof proto.send;
    }
  } catch {
    // skip
  }

  // ---- JSONP: trap window.mtopjsonpN for every gateway script the page inserts.
  const trap = (name: string, api: string, url: string): void => {
    try {
      const d = Object.getOwnPropertyDescriptor(w, name);
      if (d && (!d.configurable || d.get || d.set)) return;
      const wrap = (fn: unknown): unknown =>
        typeof fn !== 'function'
          ? fn
          : function (this: unknown, ...args: unknown[]) {
              try {
                post(api, url, JSON.stringify(args[0]));
              } catch {
                // skip
              }
              return Reflect.apply(fn as Fn, this, args);
            };
      let current = wrap(d?.value);
      Object.defineProperty(w, name, {
        configurable: true,
        enumerable: true,
        get: () => current,
        set: (v: unknown) => {
          current = wrap(v);
        },
      });
    } catch {
      // skip
    }
  };
  // A gateway script names its callback in its src: trap it when the page sets that src
  // (the property or the attribute), before the script can run. No observer of the whole
  // document: on a real page's load that cost about 5 ms of main-thread CPU (docs/performance.md).
  const onScriptSrc = (src: unknown): void => {
    try {
      const url = String(src);
      const api = captureApiOf(url);
      const name = /[?&]callback=(mtopjsonp\d{1,6})(?:&|$)/.exec(url)?.[1];
      if (api && name) trap(name, api, url);
    } catch {
      // skip
    }
  };
  try {
    const proto = win.HTMLScriptElement?.prototype;
    const src = proto && Object.getOwnPropertyDescriptor(proto, 'src');
    if (proto && src?.set && src.get && src.configurable) {
      const set = src.set;
      Object.defineProperty(proto, 'src', {
        ...src,
        set(this: HTMLScriptElement, v: unknown) {
          onScriptSrc(v);
          Reflect.apply(set, this, [v]);
        },
      });
      const setAttribute = proto.setAttribute;
      Object.defineProperty(proto, 'setAttribute', {
        configurable: true,
        writable: true,
        value: function (this: HTMLScriptElement, name: unknown, value: unknown) {
          if (String(name).toLowerCase() === 'src') onScriptSrc(value);
          return Reflect.apply(setAttribute, this, [name, value]);
        },
      });
    }
  } catch {
    // skip
  }
  return true;
}
