import { describe, expect, test, vi } from 'vitest';
import { captureApiOf, installCapture, type CaptureWindow } from '../../../src/aliexpress/capture/install';
import { apiOfUrl, jsonpCallbackOfUrl, parseCaptureMessage, unwrapBody } from '../../../src/aliexpress';

const LIST_URL =
  'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/?jsv=2.5.1&appKey=24815441&t=1&sign=abc&api=mtop.aliexpress.trade.buyer.order.list&v=1.0&type=originaljson&dataType=json';
const TRACK_JSONP =
  'https://acs.aliexpress.com/h5/mtop.ae.ld.querydetail/1.0/?jsv=2.5.1&api=mtop.ae.ld.querydetail&type=originaljsonp&dataType=jsonp&callback=mtopjsonp3';
const BODY = '{"api":"mtop.aliexpress.trade.buyer.order.list","ret":["SUCCESS::ok"],"data":{"x":1}}';

const flush = () => new Promise((r) => setTimeout(r, 0));

function fakeWindow(extra: Partial<CaptureWindow> = {}) {
  const posted: { msg: unknown; origin: string }[] = [];
  const win: CaptureWindow = {
    location: { origin: 'https://www.aliexpress.com' },
    postMessage: (msg, origin) => posted.push({ msg, origin }),
    ...extra,
  };
  return { win, posted };
}

describe('API recognition', () => {
  test('gateway URLs of APIs we read, and nothing else', () => {
    expect(apiOfUrl(LIST_URL)).toBe('mtop.aliexpress.trade.buyer.order.list');
    expect(apiOfUrl(TRACK_JSONP)).toBe('mtop.ae.ld.querydetail');
    expect(apiOfUrl('https://acs.aliexpress.com/h5/mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer/1.0/?a=1')).toBe(
      'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
    );
    expect(apiOfUrl('https://acs.aliexpress.com/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/')).toBeNull();
    expect(apiOfUrl('https://evil.example/h5/mtop.aliexpress.trade.buyer.order.list/1.0/')).toBeNull();
    expect(apiOfUrl('not a url')).toBeNull();
    expect(captureApiOf(LIST_URL)).toBe('mtop.aliexpress.trade.buyer.order.list');
    expect(captureApiOf('https://evil.example/h5/mtop.aliexpress.trade.buyer.order.list/1.0/')).toBeNull();
    expect(jsonpCallbackOfUrl(TRACK_JSONP)).toBe('mtopjsonp3');
  });

  test('unwrapBody: JSON and JSONP without eval; junk and oversize refused', () => {
    expect(unwrapBody(BODY)).toEqual(JSON.parse(BODY));
    expect(unwrapBody(` mtopjsonp3(${BODY})`)).toEqual(JSON.parse(BODY));
    expect(unwrapBody(`mtopjsonp12(${BODY});`)).toEqual(JSON.parse(BODY));
    expect(unwrapBody(`/**/ mtopjsonp1(${BODY})`)).toEqual(JSON.parse(BODY));
    expect(unwrapBody('alert(1)')).toBeNull();
    expect(unwrapBody('mtopjsonp1({"a":1}); alert(1)')).toBeNull();
    expect(unwrapBody('"just a string"')).toBeNull();
    expect(unwrapBody(BODY, 10)).toBeNull();
    expect(unwrapBody('')).toBeNull();
  });

  test('parseCaptureMessage accepts only our own shape', () => {
    const good = { source: 'buyer-shield/capture', v: 1, api: 'mtop.ae.ld.querydetail', url: TRACK_JSONP, body: BODY };
    expect(parseCaptureMessage(good)).toEqual({ api: 'mtop.ae.ld.querydetail', url: TRACK_JSONP, body: BODY });
    expect(parseCaptureMessage({ ...good, source: 'buyer-shield/capture ' })).toBeNull();
    expect(parseCaptureMessage({ ...good, v: 2 })).toBeNull();
    expect(parseCaptureMessage({ ...good, api: 'mtop.other.api' })).toBeNull();
    expect(parseCaptureMessage({ ...good, body: { a: 1 } })).toBeNull();
    expect(parseCaptureMessage({ ...good, body: 'x'.repeat(5 * 1024 * 1024 + 1) })).toBeNull();
    expect(parseCaptureMessage(JSON.parse('{"__proto__":{"source":"buyer-shield/capture"}}'))).toBeNull();
    expect(parseCaptureMessage(null)).toBeNull();
    expect(parseCaptureMessage('string')).toBeNull();
  });
});

describe('installCapture: fetch', () => {
  test('posts a clone of the gateway response; the page reads its own body unchanged', async () => {
    const pageFetch = vi.fn(async (_input: unknown) => new Response(BODY, { status: 200 }));
    const { win, posted } = fakeWindow({ fetch: pageFetch as unknown as typeof fetch });
    expect(installCapture(win)).toBe(true);
    expect(installCapture(win)).toBe(false); // once only
    const res = await (win.fetch as typeof fetch)(LIST_URL, { credentials: 'include' });
    expect(await res.text()).toBe(BODY);
    await flush();
    expect(pageFetch).toHaveBeenCalledTimes(1);
    expect(pageFetch.mock.calls[0]?.[0]).toBe(LIST_URL);
    expect(posted).toEqual([
      { msg: { source: 'buyer-shield/capture', v: 1, api: 'mtop.aliexpress.trade.buyer.order.list', url: LIST_URL, body: BODY }, origin: 'https://www.aliexpress.com' },
    ]);
  });

  test('other URLs are passed through untouched and not posted; a Request object works', async () => {
    const pageFetch = vi.fn(async () => new Response('{"ok":1}'));
    const { win, posted } = fakeWindow({ fetch: pageFetch as unknown as typeof fetch });
    installCapture(win);
    await (win.fetch as typeof fetch)('https://www.aliexpress.com/api/other');
    await (win.fetch as typeof fetch)(new Request(LIST_URL));
    await flush();
    expect(posted.map((p) => (p.msg as { api: string }).api)).toEqual(['mtop.aliexpress.trade.buyer.order.list']);
  });

  test('a rejected fetch rejects for the page exactly as before, and nothing is posted', async () => {
    const err = new TypeError('Failed to fetch');
    const { win, posted } = fakeWindow({ fetch: (async () => { throw err; }) as unknown as typeof fetch });
    installCapture(win);
    await expect((win.fetch as typeof fetch)(LIST_URL)).rejects.toBe(err);
    await flush();
    expect(posted).toEqual([]);
  });

  test('a postMessage that throws never reaches the page', async () => {
    const win: CaptureWindow = {
      location: { origin: 'https://www.aliexpress.com' },
      postMessage: () => {
        throw new Error('boom');
      },
      fetch: (async () => new Response(BODY)) as unknown as typeof fetch,
    };
    installCapture(win);
    const res = await (win.fetch as typeof fetch)(LIST_URL);
    expect(await res.json()).toEqual(JSON.parse(BODY));
  });
});

describe('installCapture: XHR', () => {
  class FakeXHR {
    responseType = '';
    responseText = '';
    response: unknown = null;
    responseURL = '';
    private listeners: (() => void)[] = [];
    opened: unknown[] = [];
    open(...args: unknown[]) {
      this.opened = args;
    }
    send(_body?: unknown) {
      this.responseText = BODY;
      this.response = this.responseType === 'json' ? JSON.parse(BODY) : BODY;
      this.responseURL = String(this.opened[1]);
      queueMicrotask(() => this.listeners.forEach((l) => l()));
    }
    addEventListener(type: string, l: () => void) {
      if (type === 'load') this.listeners.push(l);
    }
  }

  test('text and json response types are posted; the page sees the same response', async () => {
    const { win, posted } = fakeWindow({ XMLHttpRequest: FakeXHR as unknown as typeof XMLHttpRequest });
    installCapture(win);
    const a = new FakeXHR();
    a.open('GET', LIST_URL, true);
    a.send();
    const b = new FakeXHR();
    b.responseType = 'json';
    b.open('GET', TRACK_JSONP.replace('originaljsonp', 'originaljson'), true);
    b.send();
    const c = new FakeXHR();
    c.open('GET', 'https://www.aliexpress.com/other', true);
    c.send();
    await flush();
    expect(a.opened).toEqual(['GET', LIST_URL, true]);
    expect(a.responseText).toBe(BODY);
    expect(posted.map((p) => [(p.msg as { api: string }).api, (p.msg as { body: string }).body])).toEqual([
      ['mtop.aliexpress.trade.buyer.order.list', BODY],
      ['mtop.ae.ld.querydetail', JSON.stringify(JSON.parse(BODY))],
    ]);
  });
});

describe('installCapture: JSONP', () => {
  function jsonpScript(src: string) {
    const s = document.createElement('script');
    s.type = 'text/plain'; // keep happy-dom from fetching it
    s.src = src;
    return s;
  }

  test('a callback assigned before the script is inserted is wrapped; the page callback gets the same argument', async () => {
    const { win, posted } = fakeWindow({ document, HTMLScriptElement });
    installCapture(win);
    const w = win as unknown as Record<string, unknown>;
    const received: unknown[] = [];
    w.mtopjsonp3 = (arg: unknown) => {
      received.push(arg);
      return 'page-result';
    };
    document.head.appendChild(jsonpScript(TRACK_JSONP));
    await flush();
    const data = JSON.parse(BODY);
    // What the gateway script would do: call the callback.
    expect((w.mtopjsonp3 as (a: unknown) => unknown)(data)).toBe('page-result');
    expect(received).toEqual([data]);
    expect(posted.map((p) => p.msg)).toEqual([{ source: 'buyer-shield/capture', v: 1, api: 'mtop.ae.ld.querydetail', url: TRACK_JSONP, body: JSON.stringify(data) }]);
  });

  test('a callback assigned after insertion is wrapped too; deleting it works', async () => {
    const { win, posted } = fakeWindow({ document, HTMLScriptElement });
    installCapture(win);
    const w = win as unknown as Record<string, unknown>;
    const url = TRACK_JSONP.replace('mtopjsonp3', 'mtopjsonp4');
    document.body.appendChild(jsonpScript(url));
    await flush();
    const received: unknown[] = [];
    w.mtopjsonp4 = (arg: unknown) => received.push(arg);
    (w.mtopjsonp4 as (a: unknown) => unknown)({ ok: 1 });
    expect(received).toEqual([{ ok: 1 }]);
    expect(posted).toHaveLength(1);
    expect(delete w.mtopjsonp4).toBe(true);
    expect(w.mtopjsonp4).toBeUndefined();
  });

  test('a src given with setAttribute is seen too', async () => {
    const { win, posted } = fakeWindow({ document, HTMLScriptElement });
    installCapture(win);
    const w = win as unknown as Record<string, unknown>;
    const url = TRACK_JSONP.replace('mtopjsonp3', 'mtopjsonp5');
    const s = document.createElement('script');
    s.type = 'text/plain';
    s.setAttribute('src', url);
    expect(s.getAttribute('src')).toBe(url);
    document.head.appendChild(s);
    const received: unknown[] = [];
    w.mtopjsonp5 = (arg: unknown) => received.push(arg);
    (w.mtopjsonp5 as (a: unknown) => unknown)({ ok: 2 });
    expect(received).toEqual([{ ok: 2 }]);
    expect(posted).toHaveLength(1);
  });

  test('scripts of other APIs and callbacks of other names are left alone', async () => {
    const { win, posted } = fakeWindow({ document, HTMLScriptElement });
    installCapture(win);
    const w = win as unknown as Record<string, unknown>;
    const other = 'https://acs.aliexpress.com/h5/mtop.other.api/1.0/?callback=mtopjsonp9';
    const fn = () => 1;
    w.mtopjsonp9 = fn;
    document.head.appendChild(jsonpScript(other));
    await flush();
    expect(w.mtopjsonp9).toBe(fn);
    expect(posted).toEqual([]);
  });
});

describe('installCapture: bodies held until the page has loaded', () => {
  /** A window whose document is still loading; `load()` fires its load event. */
  function loadingWindow(extra: Partial<CaptureWindow> = {}) {
    const onLoad: (() => void)[] = [];
    const { win, posted } = fakeWindow({
      document: { readyState: 'loading' } as Document,
      addEventListener: (type, listener) => {
        if (type === 'load') onLoad.push(listener);
      },
      ...extra,
    });
    return { win, posted, load: () => onLoad.splice(0).forEach((l) => l()) };
  }
  const pageFetch = (async () => new Response(BODY, { status: 200 })) as unknown as typeof fetch;
  // setTimeout is faked in these tests; setImmediate lets promises and stream reads settle.
  const settle = () => new Promise((r) => setImmediate(r));
  /** Runs a test with setTimeout faked (the release timers), restoring it however the test ends. */
  const withFakeTimeouts = (run: () => Promise<void>) => async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await run();
    } finally {
      vi.useRealTimers();
    }
  };

  test('fetch: the page gets its body at once; the copy is posted only after the load event has run', withFakeTimeouts(async () => {
    const { win, posted, load } = loadingWindow({ fetch: pageFetch });
    installCapture(win);
    const res = await (win.fetch as typeof fetch)(LIST_URL);
    expect(await res.text()).toBe(BODY);
    await settle();
    expect(posted).toEqual([]);
    load();
    // Not within the load event's handlers: its end is the page's load time.
    expect(posted).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(posted.map((p) => (p.msg as { body: string }).body)).toEqual([BODY]);
    // After the load, a body goes out as it comes.
    await (win.fetch as typeof fetch)(LIST_URL);
    await vi.advanceTimersByTimeAsync(0);
    expect(posted).toHaveLength(2);
  }));

  test('a page whose load event does not come: held bodies go out after 3 s', withFakeTimeouts(async () => {
    const { win, posted } = loadingWindow({ fetch: pageFetch });
    installCapture(win);
    await (win.fetch as typeof fetch)(LIST_URL);
    await vi.advanceTimersByTimeAsync(2999);
    expect(posted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(posted).toHaveLength(1);
  }));

  test('XHR and JSONP bodies are taken at once (the page may reuse or change them) and posted after the load', withFakeTimeouts(async () => {
    // An own property over the prototype's getter, deleted after.
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      const { win, posted, load } = loadingWindow({ document, HTMLScriptElement });
      let xhrLoad: (() => void) | undefined;
      class OneXHR {
        responseType = '';
        responseText = '';
        responseURL = LIST_URL;
        open(_method: string, _url: string) {}
        send() {}
        addEventListener(_type: string, l: () => void) {
          xhrLoad = l;
        }
      }
      win.XMLHttpRequest = OneXHR as unknown as typeof XMLHttpRequest;
      installCapture(win);
      const x = new (win.XMLHttpRequest as unknown as typeof OneXHR)();
      x.open('GET', LIST_URL);
      x.send();
      x.responseText = BODY;
      xhrLoad?.();
      // The page reuses the request object: what was received is what is posted.
      x.responseText = 'changed';
      const data = { a: [1, 2] };
      const w = win as unknown as Record<string, unknown>;
      w.mtopjsonp7 = () => undefined;
      const s = document.createElement('script');
      s.type = 'text/plain';
      s.src = TRACK_JSONP.replace('mtopjsonp3', 'mtopjsonp7');
      document.head.appendChild(s);
      await settle();
      (w.mtopjsonp7 as (a: unknown) => void)(data);
      data.a.push(3);
      expect(posted).toEqual([]);
      load();
      await vi.advanceTimersByTimeAsync(0);
      expect(posted.map((p) => (p.msg as { body: string }).body)).toEqual([BODY, '{"a":[1,2]}']);
    } finally {
      delete (document as unknown as Record<string, unknown>)['readyState'];
    }
  }));

  test('at most 50 bodies are held; a document already loaded holds nothing', withFakeTimeouts(async () => {
    const { win, posted, load } = loadingWindow({ fetch: pageFetch });
    installCapture(win);
    for (let i = 0; i < 60; i++) await (win.fetch as typeof fetch)(LIST_URL);
    await settle();
    load();
    await vi.advanceTimersByTimeAsync(0);
    expect(posted).toHaveLength(50);

    const loaded = fakeWindow({ fetch: pageFetch, document: { readyState: 'complete' } as Document, addEventListener: () => undefined });
    installCapture(loaded.win);
    await (loaded.win.fetch as typeof fetch)(LIST_URL);
    await settle();
    expect(loaded.posted).toHaveLength(1);
  }));
});
