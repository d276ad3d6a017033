// The message handler answers this extension's own pages only, and only well-formed messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const runCheck = vi.fn(async () => undefined);
vi.mock('../../../src/background/check-runner', () => ({
  runCheck, runAutomaticChecks: vi.fn(), cancelCheck: vi.fn(), answerCheck: vi.fn(), sweepInterruptedChecks: async () => undefined,
}));
const { handleMessage, handlePort } = await import('../../../src/background/messages');

const ID = 'own-extension-id';
const BASE = `chrome-extension://${ID}/`;
const run = { type: 'run-check', tabId: 5, checkId: 'clean-request' };

beforeEach(() => {
  fakeBrowser.reset();
  runCheck.mockClear();
  Object.assign(fakeBrowser.runtime, { id: ID, getURL: (path: string) => `${BASE}${path}` });
});

describe('handleMessage', () => {
  it('runs a step asked for by the popup', async () => {
    expect(await handleMessage(run, { id: ID, url: `${BASE}popup.html` })).toBe(true);
    await vi.waitFor(() => expect(runCheck).toHaveBeenCalledWith(5, 'clean-request', undefined, undefined));
  });

  it('leaves a well-formed message from a content script or another extension unanswered, and does nothing', async () => {
    expect(handleMessage(run, { id: ID, url: 'https://site.example/', tab: { id: 5 } as never, frameId: 0 })).toBeUndefined();
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

describe('handlePort (the popup\'s one-way messages)', () => {
  const portFrom = (sender: object, name = 'popup') => {
    const listeners: ((m: unknown) => void)[] = [];
    return { name, sender, onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) }, deliver: (m: unknown) => listeners.forEach((l) => l(m)) };
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
