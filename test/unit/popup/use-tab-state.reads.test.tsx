// @vitest-environment happy-dom
// The popup reads everything it shows before it says it is ready (`main` no longer aria-busy), and starts
// no browser API call of its own after that. A read still in flight when the popup closes is an answer
// Firefox reports as a script error ("Promise resolved after context unloaded"): the e2e suites check
// that no such error is logged, so a late read made them fail or pass with the timing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Incident } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { PopupApp } = await import('../../../src/popup/PopupApp');

const TAB = 7;
const incident: Incident = {
  id: 'i',
  url: 'https://a.test/',
  failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502' },
  at: 1,
  lastSeenAt: 1,
  occurrences: 1,
  headers: {},
  fingerprint: { edge: null, server: null, traceIds: [] },
  incognito: false,
  checks: {},
};

/** Every API call the popup makes, whether it started after the popup showed, and how many were open then. */
interface Trace {
  calls: { name: string; afterShown: boolean }[];
  openWhenShown: number | null;
}

const late = <T,>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 80));

function traceApiCalls(): Trace {
  const trace: Trace = { calls: [], openWhenShown: null };
  let open = 0;
  const wrap =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      trace.calls.push({ name, afterShown: trace.openWhenShown !== null });
      open += 1;
      const answer = call(...args);
      // Counted down before the caller's own continuation runs.
      answer.then(
        () => (open -= 1),
        () => (open -= 1),
      );
      return answer;
    };
  const s = fakeBrowser.storage;
  Object.assign(s.local, { get: wrap('storage.local.get', s.local.get.bind(s.local)) });
  Object.assign(s.session, { get: wrap('storage.session.get', s.session.get.bind(s.session)) });
  Object.assign(fakeBrowser.tabs, { get: wrap('tabs.get', async (id: number) => ({ id, url: 'https://a.test/' })) });
  Object.assign(fakeBrowser.runtime, {
    sendMessage: wrap('runtime.sendMessage', async () => ({ status: 200 })),
    // What the first frame does not wait for answers late: the popup must still be busy until it has.
    getPlatformInfo: wrap('runtime.getPlatformInfo', () => late({ os: 'linux', arch: 'x86-64' })),
    getBrowserInfo: wrap('runtime.getBrowserInfo', () => late({ name: 'Firefox', version: '140' })),
    // A port's messages have no answer to wait for: nothing can be in flight.
    connect: () => ({ postMessage: () => undefined, onDisconnect: { addListener: () => undefined } }),
  });
  Object.assign(fakeBrowser, {
    permissions: {
      contains: wrap('permissions.contains', () => late(true)),
      onAdded: fakeBrowser.runtime.onMessage,
      onRemoved: fakeBrowser.runtime.onMessage,
    },
  });
  // Noted at the DOM change itself (a mutation record is delivered before any later promise callback).
  new MutationObserver(() => {
    if (trace.openWhenShown === null && document.querySelector('main:not([aria-busy])')) trace.openWhenShown = open;
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
  return trace;
}

/** Lets lazily loaded sections arrive and their effects run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, args?: string[]) => [key, ...(args ?? [])].join('|'),
    getUILanguage: () => 'en',
  });
  history.replaceState(null, '', `/popup.html?tab=${TAB}`);
});
afterEach(() => cleanup());

describe('the popup and its reads', () => {
  it.each([
    ['a tab with an error', { tabId: TAB, incident }, ['.history-line', '.watch', '.report']],
    [
      'a healthy tab that failed before',
      { tabId: TAB, lastError: { ...incident, endedAt: 2, recoveredStatus: 200 } },
      ['.history-line'],
    ],
    ['a tab with nothing stored', undefined, ['.history-line']],
  ])('on %s, every read has finished when it shows, and none starts after', async (_what, record, sections) => {
    if (record) await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: record });
    await fakeBrowser.storage.local.set({
      history: [{ site: 'https://a.test', at: Date.now(), failure: { type: 'http', status: 502 } }],
    });
    const trace = traceApiCalls();
    render(<PopupApp />);
    await vi.waitFor(() => expect(trace.openWhenShown).not.toBeNull());
    // The sections that read storage or the browser did render (lazily loaded ones included).
    await vi.waitFor(
      () => sections.forEach((section) => expect(document.querySelector(section), section).not.toBeNull()),
      { timeout: 3000 },
    );
    await settle();
    expect(trace.calls.length).toBeGreaterThan(0);
    expect(trace.openWhenShown).toBe(0);
    expect(trace.calls.filter((c) => c.afterShown).map((c) => c.name)).toEqual([]);
  });
});
