// A prologue the bench puts in front of the background it loads (never in dist/): it runs before the
// extension's own code, wraps the few API calls the bench counts and times, and posts what it saw on a
// BroadcastChannel that a bench page of the same extension listens to. Used where the bench cannot evaluate
// in the background itself: Firefox's event page (no BiDi target) and a Chromium worker from its very start.
// The function is serialised with toString(): it must use nothing from outside its own body.
/* eslint-disable @typescript-eslint/no-explicit-any -- it wraps whatever API objects the browser hands it; a
   file-wide rule, not eslint-disable-line, so it still holds once a formatter splits the long lines */

export const PROBE_CHANNEL = 'epe-bench-probe';

/** What the prologue posts. `at`: Date.now() in the background (the browser's wall clock). */
export type ProbeEvent =
  | { kind: 'started'; at: number; timeOrigin: number }
  | { kind: 'response'; at: number; url: string; tabId: number; statusCode: number; timeStamp: number }
  | { kind: 'call'; at: number; what: string; keys: string[]; tabId?: number; text?: string }
  | { kind: 'stored'; at: number; url: string; withPage: boolean }
  /** Firefox only: one API call (or fetch) from its start to its promise settling, on the same clock. */
  | { kind: 'span'; at: number; what: string; start: number; tabId?: number; keys: string[] }
  /** Firefox only: a main-frame webNavigation event as the event page received it. */
  | { kind: 'navigation'; at: number; event: string; tabId: number; url: string; timeStamp: number }
  /** Firefox only: the event page's thread was busy (a 10 ms timer ran `ms` late), ending at `at`. */
  | { kind: 'stall'; at: number; ms: number }
  /** One call of the extension's onHeadersReceived listener: its own time and the same wrapper around an empty listener. */
  | { kind: 'handler'; at: number; calledAt: number; url: string; statusCode: number; ownUs: number; emptyUs: number }
  /** The worker's own script has run to its end (its listeners are registered): the epilogue. */
  | { kind: 'evaluated'; at: number }
  /** The extension's listener called `count` times in a row on synthetic healthy events (JIT-warm), and an empty one. */
  | { kind: 'replayed'; at: number; count: number; ownNs: number; emptyNs: number };

/** Asked by the bench page on the channel: replay `count` synthetic healthy events through the listener. */
export interface ReplayRequest {
  kind: 'replay';
  count: number;
}

function backgroundProbe(channelName: string, watchStalls: boolean): void {
  const api = ((globalThis as Record<string, unknown>).browser ??
    (globalThis as Record<string, unknown>).chrome) as any;
  const channel = new BroadcastChannel(channelName);
  const post = (event: Record<string, unknown>) => channel.postMessage({ at: Date.now(), ...event });
  post({ kind: 'started', timeOrigin: performance.timeOrigin });
  const keysOf = (arg: unknown): string[] =>
    typeof arg === 'string'
      ? [arg]
      : Array.isArray(arg)
        ? arg.map(String)
        : arg && typeof arg === 'object'
          ? Object.keys(arg)
          : [];
  const wrap = (
    owner: any,
    name: string,
    what: string,
    describe: (arg: any) => Record<string, unknown> = (arg) => ({ keys: keysOf(arg) }),
  ) => {
    const original = owner?.[name];
    if (typeof original !== 'function') return;
    owner[name] = function (this: unknown, ...args: unknown[]) {
      post({ kind: 'call', what, ...describe(args[0]) });
      return original.apply(owner, args);
    };
  };
  for (const area of ['session', 'local'] as const)
    for (const name of ['set', 'remove', 'clear']) wrap(api.storage?.[area], name, `${area}.${name}`);
  wrap(api.scripting, 'executeScript', 'scripting.executeScript', (arg) => ({ keys: [], tabId: arg?.target?.tabId }));
  wrap(api.action, 'setBadgeText', 'action.setBadgeText', (arg) => ({ keys: [], tabId: arg?.tabId, text: arg?.text }));

  // Where the time between a failing response and its record goes (Firefox's event page, and Chromium's
  // worker from its start): each call below is timed from its start to its promise settling — or to its
  // callback, the form webextension-polyfill uses on Chrome's `chrome.*`.
  const span = (owner: any, name: string, what: string, tabOf: (arg: any) => number | undefined) => {
    const original = owner?.[name];
    if (typeof original !== 'function') return;
    owner[name] = function (this: unknown, ...args: unknown[]) {
      const start = Date.now();
      const done = () => post({ kind: 'span', what, start, tabId: tabOf(args[0]), keys: keysOf(args[0]) });
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function')
        args[last] = function (this: unknown, ...results: unknown[]) {
          done();
          return callback.apply(this, results);
        };
      // A prototype's method (Response's text) runs on its own object, an API's on its namespace.
      const result = original.apply(owner === Response.prototype ? this : owner, args);
      if (typeof callback !== 'function' && result && typeof result.then === 'function') result.then(done, done);
      return result;
    };
  };
  const tabKey = (arg: any) => {
    const key = keysOf(arg).find((k) => k.startsWith('tab:'));
    return key ? Number(key.slice(4)) : undefined;
  };
  for (const name of ['get', 'set', 'remove']) span(api.storage.session, name, `session.${name}`, tabKey);
  for (const name of ['get', 'set']) span(api.storage.local, name, `local.${name}`, () => undefined);
  for (const name of ['setBadgeBackgroundColor', 'setBadgeText', 'setTitle', 'setBadgeTextColor', 'setIcon'])
    span(api.action, name, `action.${name}`, (arg) => arg?.tabId);
  span(api.scripting, 'executeScript', 'scripting.executeScript', (arg) => arg?.target?.tabId);
  span(api.tabs, 'get', 'tabs.get', (arg) => (typeof arg === 'number' ? arg : undefined));
  span(api.alarms, 'getAll', 'alarms.getAll', () => undefined);
  span(globalThis, 'fetch', 'fetch', () => undefined);
  span(Response.prototype, 'text', 'fetch body read', () => undefined);

  // Firefox's event page (`browser` is its own namespace there): the webNavigation events the page reading
  // waits for, noted with the browser's own timeStamp.
  if ((globalThis as Record<string, unknown>).browser) {
    // Opt-in (BENCH_STALLS=1): a 10 ms timer keeps the event page's thread awake, which itself changes
    // how soon Firefox delivers events to it.
    let expected = Date.now() + 10;
    if (watchStalls)
      setInterval(() => {
        const late = Date.now() - expected;
        if (late > 20) post({ kind: 'stall', ms: late });
        expected = Date.now() + 10;
      }, 10);
    for (const event of ['onCommitted', 'onDOMContentLoaded', 'onCompleted'])
      api.webNavigation[event].addListener(
        (d: { tabId: number; frameId: number; url: string; timeStamp: number }) =>
          d.frameId === 0 && post({ kind: 'navigation', event, tabId: d.tabId, url: d.url, timeStamp: d.timeStamp }),
      );
  }

  const pages = { urls: ['<all_urls>'], types: ['main_frame'] };
  api.webRequest.onHeadersReceived.addListener(
    (d: { url: string; tabId: number; statusCode: number; timeStamp: number }) =>
      post({ kind: 'response', url: d.url, tabId: d.tabId, statusCode: d.statusCode, timeStamp: d.timeStamp }),
    pages,
  );
  api.storage.onChanged.addListener(
    (changes: Record<string, { newValue?: { incident?: { url: string; page?: unknown } } }>, area: string) => {
      if (area !== 'session') return;
      for (const change of Object.values(changes)) {
        const incident = change.newValue?.incident;
        if (incident) post({ kind: 'stored', url: incident.url, withPage: Boolean(incident.page) });
      }
    },
  );

  // The extension's onHeadersReceived listener, timed: its synchronous call plus the microtasks it queues
  // (index.ts runs the handler in a `then` of the start-up promise; a `then` queued after the call runs
  // after it). The same wrapper around an empty listener, on the same event, is the floor.
  const event = api.webRequest.onHeadersReceived;
  const addListener = event.addListener.bind(event);
  const timed = (listener: (d: unknown) => unknown) => (d: unknown) => {
    const started = performance.now();
    const result = listener(d);
    void Promise.resolve().then(() => {
      const own = performance.now() - started;
      const emptyStarted = performance.now();
      void Promise.resolve().then(() => {
        const details = d as { url: string; statusCode: number };
        post({
          kind: 'handler',
          calledAt: performance.timeOrigin + started,
          url: details.url,
          statusCode: details.statusCode,
          ownUs: own * 1000,
          emptyUs: (performance.now() - emptyStarted) * 1000,
        });
      });
    });
    return result;
  };
  let extensionListener: ((d: unknown) => unknown) | undefined;
  event.addListener = (listener: (d: unknown) => unknown, ...rest: unknown[]) => {
    // The first listener added after this prologue is the extension's (index.ts adds it first).
    const wrapped = extensionListener ? listener : timed(listener);
    extensionListener ??= listener;
    return addListener(wrapped, ...rest);
  };

  // The Node figure's method (bench/node-handler.ts) in the browser's own engine: the listener as the
  // extension registered it, called on synthetic healthy main-frame events after a warm-up, timed until
  // the microtasks it queued have run. Tab ids no real tab has, statuses 2xx/3xx.
  const statuses = [200, 200, 200, 200, 200, 200, 304, 301, 302, 204]; // a 4xx is recorded (clientError)
  const headerNames = [
    'content-type',
    'server',
    'date',
    'cache-control',
    'etag',
    'vary',
    'x-frame-options',
    'strict-transport-security',
  ];
  const events = Array.from({ length: 1024 }, (_, i) => ({
    requestId: String(900_000 + i),
    url: `https://site${i % 37}.example.com/path/${i}`,
    method: 'GET',
    frameId: 0,
    parentFrameId: -1,
    tabId: 900_000 + (i % 50),
    type: 'main_frame',
    timeStamp: Date.now(),
    statusCode: statuses[i % statuses.length],
    statusLine: `HTTP/1.1 ${statuses[i % statuses.length]} OK`,
    responseHeaders: headerNames.slice(0, 4 + (i % 5)).map((name) => ({ name, value: `${name}-value` })),
  }));
  // In batches of 1024: each batch's `then`s run before the `await` that follows it (queued after them),
  // so no more than one batch of pending reactions is alive at a time (as with real events).
  const run = async (fn: (d: unknown) => unknown, count: number) => {
    const started = performance.now();
    for (let done = 0; done < count; done += 1024) {
      for (let i = 0; i < 1024; i += 1) fn(events[i]);
      await Promise.resolve();
    }
    return ((performance.now() - started) * 1e6) / (Math.ceil(count / 1024) * 1024);
  };
  channel.onmessage = async (message: MessageEvent) => {
    const request = message.data as { kind?: string; count?: number };
    if (request.kind !== 'replay' || !extensionListener || !request.count) return;
    let sink = 0;
    const empty = (d: unknown) => void (sink += (d as { statusCode: number }).statusCode);
    await run(extensionListener, 20_000); // warm-up (JIT)
    await run(empty, 20_000);
    const ownNs = await run(extensionListener, request.count);
    const emptyNs = await run(empty, request.count);
    post({ kind: 'replayed', count: request.count, ownNs, emptyNs: sink < 0 ? -1 : emptyNs });
  };
}

/** A line after the worker's own script: says when its top level has run (Chromium's worker, the cold start). */
export function backgroundEpilogueSource(): string {
  return `new BroadcastChannel(${JSON.stringify(PROBE_CHANNEL)}).postMessage({ kind: 'evaluated', at: performance.timeOrigin + performance.now() });\n`;
}

/** The prologue as a script, for the bench's copy of a built extension. */
export function backgroundProbeSource(): string {
  const watchStalls = process.env.BENCH_STALLS === '1';
  return `(${backgroundProbe.toString()})(${JSON.stringify(PROBE_CHANNEL)}, ${watchStalls});\n`;
}
