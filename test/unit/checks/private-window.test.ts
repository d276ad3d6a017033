import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Failure } from '../../../src/model/failure';
import { completion, installFakes } from '../support/fake-extension';
import { testContext, testIncident } from '../support/check-context';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { privateWindow, privateWindowFromAnswer, interpretPrivateLoad, ASK_PRIVATE_WINDOW, ASK_OPEN_IT_YOURSELF } =
  await import('../../../src/checks/private-window');

const http502: Failure = { type: 'http', status: 502, statusLine: '' };
const url = 'https://site.example/';

describe('private window: pure parts', () => {
  it("the person's answers", () => {
    expect(privateWindowFromAnswer('loaded')).toMatchObject({
      outcome: 'pass',
      summary: 'privateWindowLoaded',
      facts: { privateLoaded: true, observed: false },
    });
    expect(privateWindowFromAnswer('same-error')).toMatchObject({
      outcome: 'fail',
      summary: 'privateWindowSameError',
      facts: { privateLoaded: false },
    });
  });
  it('what the extension saw', () => {
    expect(interpretPrivateLoad(null, http502)).toBeNull();
    expect(interpretPrivateLoad({ kind: 'loaded', status: 200 }, http502)).toMatchObject({
      outcome: 'pass',
      facts: { privateLoaded: true, observed: true },
    });
    expect(interpretPrivateLoad({ kind: 'failed', failure: http502, incidentId: 'x' }, http502)).toMatchObject({
      outcome: 'fail',
      summaryArgs: ['502'],
      facts: { privateLoaded: false, sameFailure: true },
    });
    expect(interpretPrivateLoad({ kind: 'loaded', status: 404 }, http502)).toMatchObject({
      outcome: 'inconclusive',
      summaryArgs: ['404'],
    });
  });
});

describe('private-window step with a fake browser', () => {
  let fakes: ReturnType<typeof installFakes>;
  beforeEach(() => {
    fakes = installFakes();
  });

  it('allowed: opens an incognito window and watches its tab (even a load that finishes before create returns)', async () => {
    fakes.windowsCreate.mockImplementation(async () => {
      fakes.onCompleted.trigger(completion(42, 200, url));
      return { id: 99, tabs: [{ id: 42 }] };
    });
    const out = await privateWindow.run(testContext(testIncident(url, http502)));
    expect(fakes.windowsCreate).toHaveBeenCalledWith({ incognito: true, url });
    expect(out).toMatchObject({ outcome: 'pass', facts: { privateLoaded: true, observed: true } });
  });

  it('allowed: a failure recorded for the private tab', async () => {
    fakes.windowsCreate.mockImplementation(async () => {
      setTimeout(
        () =>
          void fakeBrowser.storage.session.set({
            'tab:42': {
              tabId: 42,
              incident: testIncident(url, http502, { id: 'p', lastSeenAt: Date.now(), incognito: true }),
            },
          }),
        10,
      );
      return { id: 99, tabs: [{ id: 42 }] };
    });
    expect(await privateWindow.run(testContext(testIncident(url, http502)))).toMatchObject({
      outcome: 'fail',
      facts: { privateLoaded: false },
    });
  });

  it('not allowed (Chrome opens it but hides the tab) → asks the person', async () => {
    fakes.extension.isAllowedIncognitoAccess.mockResolvedValue(false);
    fakes.windowsCreate.mockResolvedValue({ id: 5 });
    expect(await privateWindow.run(testContext(testIncident(url, http502)))).toEqual({ ask: ASK_PRIVATE_WINDOW });
    expect(fakes.onCompleted.hasListeners()).toBe(false);
  });

  it('Firefox refuses → explains how to allow it, and still asks', async () => {
    fakes.extension.isAllowedIncognitoAccess.mockResolvedValue(false);
    fakes.windowsCreate.mockRejectedValue(new Error('Extension does not have permission for incognito mode'));
    const context = testContext(testIncident(url, http502));
    expect(await privateWindow.run(context)).toEqual({ ask: ASK_OPEN_IT_YOURSELF });
    // No window: a cancel would have nothing to tell about it.
    expect(context.lasted).toEqual([{ kind: 'window', left: null }]);
  });

  it('the window is lasting work: a cancel says it stays open', async () => {
    fakes.extension.isAllowedIncognitoAccess.mockResolvedValue(false);
    fakes.windowsCreate.mockResolvedValue({ id: 5 });
    const context = testContext(testIncident(url, http502));
    await privateWindow.run(context);
    expect(context.lasted).toEqual([{ kind: 'window', left: [] }]);
  });

  it('nothing seen in time → asks instead of failing', async () => {
    const out = await privateWindow.run(testContext(testIncident(url, http502), {}, { timeoutMs: 1400 }));
    expect(out).toEqual({ ask: ASK_PRIVATE_WINDOW });
  });

  it('writes nothing to storage.local', async () => {
    fakes.windowsCreate.mockImplementation(async () => {
      fakes.onCompleted.trigger(completion(42, 200, url));
      return { id: 99, tabs: [{ id: 42 }] };
    });
    await privateWindow.run(testContext(testIncident(url, http502)));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
