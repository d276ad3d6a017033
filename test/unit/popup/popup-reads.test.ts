// @vitest-environment happy-dom
// The popup's reads, started as its first module's body runs (src/popup/popup-reads.ts): the page's own reads
// are taken once, the record named by the address is read without waiting for the tab, and a change to the
// record made after the reads started, before anyone followed it, is not lost.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const TAB = 7;
const record = (status: number) =>
  ({ lastError: { id: `e${status}`, failure: { type: 'http', status } } }) as unknown as TabRecord;

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  vi.resetModules();
  history.replaceState(null, '', `/popup.html?tab=${TAB}`);
  document.body.replaceChildren();
});

const load = () => import('../../../src/popup/popup-reads');

describe('the popup reads', () => {
  it('start when the popup page loads the module, and are handed over once', async () => {
    document.body.append(Object.assign(document.createElement('div'), { id: 'app' }));
    const getSession = vi.spyOn(fakeBrowser.storage.session, 'get');
    const { takePopupReads } = await load();
    expect(getSession).toHaveBeenCalledTimes(1);
    const first = takePopupReads();
    const second = takePopupReads();
    expect(second).not.toBe(first);
    expect(getSession).toHaveBeenCalledTimes(2);
    first.stop();
    second.stop();
  });

  it('start nothing in a page without the popup root (the welcome page loads the same chunk)', async () => {
    const getSession = vi.spyOn(fakeBrowser.storage.session, 'get');
    await load();
    expect(getSession).not.toHaveBeenCalled();
  });

  it('read the record the address names without waiting for the tab', async () => {
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: record(502) });
    let answerTab: (tab: { id: number; url: string }) => void = () => undefined;
    vi.spyOn(fakeBrowser.tabs, 'get').mockReturnValue(new Promise((resolve) => (answerTab = resolve)) as never);
    const { takePopupReads } = await load();
    const reads = takePopupReads();
    expect(await reads.record).toEqual(record(502));
    answerTab({ id: TAB, url: 'https://a.test/' });
    expect(await reads.tab).toEqual({ id: TAB, url: 'https://a.test/' });
    reads.stop();
  });

  it("replay a change to the tab's record made before it was followed, then pass on later ones", async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: TAB, url: 'https://a.test/' } as never);
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: record(502) });
    const { takePopupReads } = await load();
    const reads = takePopupReads();
    await reads.record;
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: record(503), 'tab:8': record(500) });
    const seen: (TabRecord | undefined)[] = [];
    const unfollow = reads.followRecord((r) => seen.push(r));
    await vi.waitFor(() => expect(seen).toEqual([record(503)]));
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: record(504) });
    await vi.waitFor(() => expect(seen).toEqual([record(503), record(504)]));
    unfollow();
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: record(500) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveLength(2);
    reads.stop();
  });
});
