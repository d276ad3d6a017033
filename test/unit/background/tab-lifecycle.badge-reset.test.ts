// The browser resets a tab's badge when a new document arrives, and in Firefox that reset can land after
// the refresh the extension made on webNavigation.onCommitted (the two travel separately from the content
// process). The record's badge must come back on a later navigation event of the same document.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { testIncident } from '../support/check-context';
import type { TabRecord } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const TAB = 3;
const dnsRecord: TabRecord = {
  tabId: TAB,
  incident: testIncident('http://does-not-exist.invalid/', {
    type: 'network',
    kind: 'dns',
    error: 'NS_ERROR_UNKNOWN_HOST',
  }),
};
// Only the fields the listener reads; the type is each event's own.
const frame = <Details>(frameId: number, tabId = TAB): Details =>
  ({ tabId, frameId, url: 'about:neterror?e=dnsNotFound', timeStamp: 1 }) as Details;
const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });
/** Lets every pending storage read and action call of the listeners settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let actionCalls: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  actionCalls = [];
  for (const name of ['setBadgeText', 'setBadgeBackgroundColor', 'setBadgeTextColor', 'setTitle', 'setIcon'] as const) {
    const real = (fakeBrowser.action as Record<string, unknown>)[name] as ((d: unknown) => Promise<void>) | undefined;
    (fakeBrowser.action as Record<string, unknown>)[name] = vi.fn(async (details: unknown) => {
      actionCalls.push(name);
      await real?.call(fakeBrowser.action, details);
    });
  }
  const { refreshBadgeOnNavigation } = await import('../../../src/background/tab-lifecycle');
  refreshBadgeOnNavigation((listener) => (d) => void listener(d));
});

describe('refreshBadgeOnNavigation', () => {
  it("puts a failure's badge back at DOMContentLoaded when the browser reset it after the commit's refresh", async () => {
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: dnsRecord });
    await fakeBrowser.webNavigation.onCommitted.trigger(frame(0));
    await settle();
    expect(await badge()).toBe('DNS');
    // Firefox's parent process handles the error page's location change only now: the reset wipes the badge.
    await fakeBrowser.action.setBadgeText({ tabId: TAB, text: '' });

    await fakeBrowser.webNavigation.onDOMContentLoaded.trigger(frame(0));
    await settle();
    expect(await badge()).toBe('DNS');
  });

  it('leaves a subframe event alone, and a tab without a record costs no action call', async () => {
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: dnsRecord });
    await fakeBrowser.webNavigation.onDOMContentLoaded.trigger(frame(4));
    await settle();
    expect(actionCalls).toEqual([]);

    await fakeBrowser.storage.session.remove(`tab:${TAB}`);
    for (const event of ['onCommitted', 'onDOMContentLoaded', 'onCompleted', 'onErrorOccurred'] as const) {
      await fakeBrowser.webNavigation[event].trigger(frame(0, 9));
    }
    await settle();
    expect(actionCalls).toEqual([]);
  });
});
