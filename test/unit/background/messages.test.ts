// The message handler answers this extension's own pages only, and only well-formed messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const runCheck = vi.fn(async () => undefined);
// The steps file, loaded on demand (steps-loader.ts): a step message loads it, a cancel never does.
const steps = {
  runCheck,
  runAutomaticChecks: vi.fn(),
  cancelCheck: vi.fn(),
  cancelChecksOfTab: vi.fn(),
  answerCheck: vi.fn(),
  onPopupOpened: vi.fn(async () => true),
};
let stepsLoaded = false;
const loadSteps = vi.fn(async () => ((stepsLoaded = true), steps));
vi.mock('../../../src/background/steps-loader', () => ({
  loadSteps,
  loadedSteps: () => (stepsLoaded ? steps : undefined),
}));
const { messageHandlers } = await import('../../../src/background/messages');
const { handleMessage, handlePort } = messageHandlers(Promise.resolve());

const ID = 'own-extension-id';
const BASE = `chrome-extension://${ID}/`;
const run = { type: 'run-check', tabId: 5, checkId: 'clean-request' };

beforeEach(() => {
  fakeBrowser.reset();
  runCheck.mockClear();
  loadSteps.mockClear();
  steps.cancelCheck.mockClear();
  steps.onPopupOpened.mockClear();
  stepsLoaded = false;
  Object.assign(fakeBrowser.runtime, { id: ID, getURL: (path: string) => `${BASE}${path}` });
});

describe('handleMessage', () => {
  it('runs a step asked for by the popup', async () => {
    expect(await handleMessage(run, { id: ID, url: `${BASE}popup.html` })).toBe(true);
    await vi.waitFor(() => expect(runCheck).toHaveBeenCalledWith(5, 'clean-request', undefined, undefined));
  });

  it('leaves a well-formed message from a content script or another extension unanswered, and does nothing', async () => {
    expect(
      handleMessage(run, { id: ID, url: 'https://site.example/', tab: { id: 5 } as never, frameId: 0 }),
    ).toBeUndefined();
    expect(handleMessage(run, { id: 'other', url: 'chrome-extension://other/popup.html' })).toBeUndefined();
    expect(handleMessage(run, undefined)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 10));
    expect(runCheck).not.toHaveBeenCalled();
  });

  it('leaves a malformed message from our own page unanswered', async () => {
    expect(handleMessage({ ...run, checkId: 'nope' }, { id: ID, url: `${BASE}popup.html` })).toBeUndefined();
    expect(handleMessage({ ...run, tabId: '5' }, { id: ID, url: `${BASE}popup.html` })).toBeUndefined();
    await new Promise((r) => setTimeout(r, 10));
    expect(runCheck).not.toHaveBeenCalled();
  });
});

describe('start-up first', () => {
  const from = { id: ID, url: `${BASE}popup.html` };
  const deferred = () => {
    let resolve: () => void = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('a message arriving before start-up has finished waits for it', async () => {
    const startUp = deferred();
    const early = messageHandlers(startUp.promise);
    const answers = [early.handleMessage(run, from), early.handleMessage({ type: 'watch-stop', tabId: 5 }, from)];
    await new Promise((r) => setTimeout(r, 20));
    expect(runCheck).not.toHaveBeenCalled();
    let stopped = false;
    void answers[1]!.then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    startUp.resolve();
    expect(await Promise.all(answers)).toEqual([true, true]);
    await vi.waitFor(() => expect(runCheck).toHaveBeenCalledWith(5, 'clean-request', undefined, undefined));
  });

  it('every message kind waits: none is answered before start-up', async () => {
    const startUp = deferred();
    const early = messageHandlers(startUp.promise);
    const kinds = [
      { type: 'get-live-status', tabId: 5 },
      { type: 'popup-opened', tabId: 5 },
      { type: 'cancel-check', tabId: 5, checkId: 'reload' },
      { type: 'answer-check', tabId: 5, checkId: 'private-window', answer: 'loaded' },
      { type: 'watch-start', tabId: 5, reload: false },
      { type: 'watch-stop', tabId: 5 },
    ];
    const settled: string[] = [];
    for (const kind of kinds) {
      const answer = early.handleMessage(kind, from);
      expect(answer, kind.type).toBeDefined();
      void answer!.then(
        () => settled.push(kind.type),
        () => settled.push(kind.type),
      );
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toEqual([]);
    startUp.resolve();
    await vi.waitFor(() => expect(settled.sort()).toEqual(kinds.map((k) => k.type).sort()));
  });
});

describe('the steps, loaded on demand', () => {
  const from = { id: ID, url: `${BASE}popup.html` };

  it('a cancel in an instance that never loaded the steps loads nothing and stops nothing', async () => {
    expect(await handleMessage({ type: 'cancel-check', tabId: 5, checkId: 'reload' }, from)).toBe(true);
    expect(loadSteps).not.toHaveBeenCalled();
    expect(steps.cancelCheck).not.toHaveBeenCalled();
  });

  it('a cancel after a step was started reaches the loaded steps', async () => {
    await handleMessage(run, from);
    await vi.waitFor(() => expect(runCheck).toHaveBeenCalled());
    expect(await handleMessage({ type: 'cancel-check', tabId: 5, checkId: 'clean-request' }, from)).toBe(true);
    expect(steps.cancelCheck).toHaveBeenCalledWith(5, 'clean-request');
  });

  it('opening the popup loads the steps only when the automatic checks are on', async () => {
    expect(await handleMessage({ type: 'popup-opened', tabId: 5 }, from)).toBe(false);
    expect(loadSteps).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ settings: { version: 1, autoRunChecks: true } });
    expect(await handleMessage({ type: 'popup-opened', tabId: 5 }, from)).toBe(true);
    expect(steps.onPopupOpened).toHaveBeenCalledWith(5);
  });
});

describe("handlePort (the popup's one-way messages)", () => {
  const portFrom = (sender: object, name = 'popup') => {
    const listeners: ((m: unknown) => void)[] = [];
    return {
      name,
      sender,
      onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
      deliver: (m: unknown) => listeners.forEach((l) => l(m)),
    };
  };

  it('handles a message from the popup like a runtime message', async () => {
    const port = portFrom({ id: ID, url: `${BASE}popup.html` });
    handlePort(port as never);
    port.deliver(run);
    await vi.waitFor(() => expect(runCheck).toHaveBeenCalledWith(5, 'clean-request', undefined, undefined));
  });

  it('ignores the same message on a port a content script opened', async () => {
    const port = portFrom({ id: ID, url: 'https://site.example/', tab: { id: 5 } });
    handlePort(port as never);
    port.deliver(run);
    await new Promise((r) => setTimeout(r, 10));
    expect(runCheck).not.toHaveBeenCalled();
  });
});
