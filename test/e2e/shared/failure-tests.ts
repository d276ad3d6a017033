// The failure tests both browser suites run (chromium.e2e.ts, firefox.e2e.ts), written once over what
// both harnesses offer. Each suite calls these inside its own describe, with a BrowserSuite for its
// browser; where the browsers really differ, that is a field of `quirks`, explained where it is set.
import { expect, it } from 'vitest';
import type { TabRecord } from '../../../src/model/incident';
import { SCENARIOS, type BrowserName, type Scenario } from '../scenarios';
import { MARKUP_PAYLOAD, MARKUP_REQUEST_ID, type FailingServer } from '../../harness/failing-server';
import { message } from '../../harness/messages';
import {
  expectNoRawKeys,
  expectPopup,
  readPopup,
  savePopupScreenshot,
  type PopupPage,
  type PopupSnapshot,
} from '../../harness/popup-checks';
import { recordWhere } from '../../harness/popup-steps';
import { waitFor } from '../../harness/wait-for';

/** What the extension shows and stores, read from an extension page (both harnesses offer these). */
export interface ExtensionState {
  badgeText(tabId: number): Promise<string>;
  /** What the tab's toolbar button opens (action.getPopup: a full extension URL). */
  toolbarPopup(tabId: number): Promise<string>;
  record(tabId: number): Promise<TabRecord | undefined>;
  /** Starts recording storage changes; the function returns them so far, in order, as `area:key`. */
  watchStorage(): Promise<() => Promise<string[]>>;
}

export interface BrowserSuite<Tab extends { tabId: number }> {
  name: BrowserName;
  /** The launched harness (called inside tests, after the suite's beforeAll). */
  extension(): ExtensionState;
  server(): FailingServer;
  /** A string unique within the run, to make URLs unique. */
  tag(): string;
  /** A new tab showing `url`, once it has finished loading (or failing to); closed after the test. */
  openTab(url: string): Promise<Tab>;
  /** Closes a tab before the test ends. */
  closeTab(tab: Tab): Promise<void>;
  /** Reloads the tab and waits until the load has finished. */
  reloadTab(tab: Tab): Promise<void>;
  /** The popup for the tab, rendered (`main` no longer busy). */
  openPopup(tabId: number): Promise<PopupPage>;
  /** Dialogs (alert…) any page opened while `during` ran; each dismissed. */
  dialogsDuring<T>(during: () => Promise<T>): Promise<{ value: T; dialogs: string[] }>;
  quirks: {
    /** What the browser says about the tab of an empty-bodied 502, besides the extension's record. */
    expectEmpty502Tab?(tab: Tab): void;
    /**
     * The popup shows a healthy load's status only after its first render (it comes from the background's
     * memory): wait for it. When false, the first render must already show it.
     */
    healthyStatusAfterFirstRender: boolean;
  };
}

/** `path` on the failing server, made unique with the suite's tag. */
const taggedUrl = <Tab extends { tabId: number }>(suite: BrowserSuite<Tab>, path: string, param = 't'): string =>
  `${suite.server().url(path)}?${param}=${suite.tag()}`;

/**
 * Both browsers reset a tab's badge when it navigates (Chrome when the navigation commits, which can be
 * after webRequest saw the response) and the extension sets it again: only a badge that is still there a
 * moment later is the extension's doing. So poll.
 */
export const expectBadge = <Tab extends { tabId: number }>(suite: BrowserSuite<Tab>, tabId: number, text: string) =>
  expect.poll(() => suite.extension().badgeText(tabId), { timeout: 5000, interval: 25 }).toBe(text);

/**
 * Ordering barrier for "nothing happened" assertions: a failure in a scratch tab has been fully handled
 * (stored and badged). The background handles events in the order the browser dispatches them and each
 * handler makes the same kind of API calls in the same order, so any work an earlier event started has
 * been written by then — without a sleep. Gives the scratch tab's id.
 */
export async function barrier<Tab extends { tabId: number }>(suite: BrowserSuite<Tab>): Promise<number> {
  const scratch = await suite.openTab(taggedUrl(suite, '/nginx-502', 'barrier'));
  await expectBadge(suite, scratch.tabId, '502');
  await suite.closeTab(scratch);
  // Closing resolves before the extension has handled tabs.onRemoved: wait for the record's removal, or that
  // write lands in the next test's "nothing written" window (seen once on a loaded CI machine).
  await waitFor(
    'the closed scratch tab to lose its record',
    async () => (await suite.extension().record(scratch.tabId)) === undefined,
  );
  return scratch.tabId;
}

/** The popup of a tab whose last load was healthy, once it shows that load's status. */
async function readHealthyPopup<Tab extends { tabId: number }>(
  suite: BrowserSuite<Tab>,
  tabId: number,
): Promise<PopupSnapshot> {
  const popup = await suite.openPopup(tabId);
  const status = message('healthyStatus', ['200']);
  const shown = suite.quirks.healthyStatusAfterFirstRender
    ? await waitFor('the popup to show the live status', async () => {
        const s = await readPopup(popup);
        return s.text.includes(status) ? s : undefined;
      })
    : await readPopup(popup);
  expect(shown.title).toBe(message('healthyTitle'));
  expect(shown.text).toContain(status);
  return shown;
}

/** One test per scenario of scenarios.ts: badge, stored record, popup (and a screenshot where asked). */
export function defineScenarioTests<Tab extends { tabId: number }>(suite: BrowserSuite<Tab>): void {
  const run = (scenario: Scenario) => async () => {
    const state = suite.extension();
    const url = await scenario.url(suite.server(), suite.tag());
    const { tabId } = await suite.openTab(url);

    await expectBadge(suite, tabId, scenario.badge);
    const record = await state.record(tabId);
    expect(record?.incident?.url).toBe(url);
    expect(record?.incident?.failure).toMatchObject(scenario.failure);
    const errorName = scenario.error?.[suite.name];
    if (errorName) expect(record?.incident?.failure).toMatchObject({ error: errorName });

    const popup = await suite.openPopup(tabId);
    expectPopup(await readPopup(popup), scenario.popup());
    // Still there well after the navigation committed (see expectBadge).
    expect(await state.badgeText(tabId)).toBe(scenario.badge);
    if (scenario.screenshot) await savePopupScreenshot(popup, `${suite.name}-${scenario.screenshot}.png`);
  };
  for (const scenario of SCENARIOS) {
    // A scenario this browser genuinely cannot do is reported as skipped, with its reason in the name.
    const reason = scenario.skip?.[suite.name];
    it.skipIf(reason !== undefined)(reason ? `${scenario.name} (${reason})` : scenario.name, run(scenario));
  }
}

/** The behaviour tests beyond the scenario list that hold the same in every browser. */
export function defineSpecificTests<Tab extends { tabId: number }>(suite: BrowserSuite<Tab>): void {
  const state = () => suite.extension();

  it('records a 502 with an empty body as HTTP 502, not as a network error', async () => {
    const tab = await suite.openTab(taggedUrl(suite, '/nginx-502-empty'));
    suite.quirks.expectEmpty502Tab?.(tab);

    await expectBadge(suite, tab.tabId, '502');
    expect((await state().record(tab.tabId))?.incident?.failure).toMatchObject({ type: 'http', status: 502 });
  });

  it("points a failing tab's toolbar button at a popup that names the tab; other tabs keep the plain popup", async () => {
    const failing = await suite.openTab(taggedUrl(suite, '/nginx-502'));
    await expectBadge(suite, failing.tabId, '502');
    // Set with the record's own badge (tooltip, icon), right after the 502 above.
    await expect
      .poll(() => state().toolbarPopup(failing.tabId), { timeout: 5000, interval: 25 })
      .toMatch(new RegExp(`/popup\\.html\\?tab=${failing.tabId}&in=toolbar$`));
    const healthy = await suite.openTab(taggedUrl(suite, '/ok'));
    await barrier(suite);
    expect(await state().toolbarPopup(healthy.tabId)).toMatch(/\/popup\.html$/);
  });

  it('clears the badge when the page recovers, and the popup shows the last error', async () => {
    const url = suite.server().url(`/recovers?key=${suite.tag()}&after=1`);
    const tab = await suite.openTab(url);
    await expectBadge(suite, tab.tabId, '502');

    await suite.reloadTab(tab);
    await expectBadge(suite, tab.tabId, '');
    const record = await recordWhere(state(), tab.tabId, (r) => !r.incident, 'the incident to end');
    expect(record.lastError).toMatchObject({ url, failure: { type: 'http', status: 502 }, recoveredStatus: 200 });

    const shown = await readHealthyPopup(suite, tab.tabId);
    // The heading is upper-cased by CSS, and innerText gives what is shown.
    expect(shown.text.toLowerCase()).toContain(message('lastErrorHeading').toLowerCase());
    expect(shown.text).toContain(message('lastErrorLine', ['502']).split(' at ')[0]);
    expectNoRawKeys(shown);
    // The browser's own reset on navigation could explain the first '' above; by now the extension has
    // handled the reload too, so the badge must still be empty.
    expect(await state().badgeText(tab.tabId)).toBe('');
  });

  it('ignores a 5xx inside an iframe', async () => {
    const server = suite.server();
    const before = server.requests('/nginx-502').length;
    const { tabId } = await suite.openTab(taggedUrl(suite, '/frame'));
    // The tab has finished loading once its frame has too, 502 and all.
    expect(server.requests('/nginx-502').length).toBe(before + 1);

    await barrier(suite);
    expect(await state().badgeText(tabId)).toBe('');
    expect(await state().record(tabId)).toBeUndefined();
  });

  it('a page that loads normally costs no storage write', async () => {
    const changes = await state().watchStorage();
    const url = taggedUrl(suite, '/ok');
    const { tabId } = await suite.openTab(url);
    // The page really loaded (the checks below would pass vacuously otherwise).
    expect(
      suite
        .server()
        .requests('/ok')
        .some((r) => r.url.endsWith(new URL(url).search)),
    ).toBe(true);

    const scratchTabId = await barrier(suite);
    expect(await state().record(tabId)).toBeUndefined();
    // Nothing at all was written (session or local) before the scratch tab's own first write.
    const written = await changes();
    expect(written).toContain(`session:tab:${scratchTabId}`);
    expect(written.slice(0, written.indexOf(`session:tab:${scratchTabId}`))).toEqual([]);
    expect(await state().badgeText(tabId)).toBe('');

    await readHealthyPopup(suite, tabId);
  });

  // Regression: the failure's write must be queued before any await, or onCompleted's IP arrives first.
  it('shows the address the browser connected to', async () => {
    const { tabId } = await suite.openTab(taggedUrl(suite, '/nginx-502'));
    await expectBadge(suite, tabId, '502');
    await expect.poll(async () => (await state().record(tabId))?.incident?.ip).toBe('127.0.0.1');
    const shown = await readPopup(await suite.openPopup(tabId));
    expect(shown.text).toContain(message('connectedIpLabel'));
    expect(shown.text).toContain('127.0.0.1');
  });

  it('keeps a separate badge for each failing tab', async () => {
    const [a, b] = await Promise.all([
      suite.openTab(taggedUrl(suite, '/nginx-502')),
      suite.openTab(taggedUrl(suite, '/cf-522')),
    ]);
    expect(a.tabId).not.toBe(b.tabId);
    await expectBadge(suite, a.tabId, '502');
    await expectBadge(suite, b.tabId, '522');
    expect((await state().record(a.tabId))?.incident?.failure).toMatchObject({ status: 502 });
    expect((await state().record(b.tabId))?.incident?.failure).toMatchObject({ status: 522 });
  });

  it('treats a Cloudflare challenge as a bot check: no badge, the popup explains', async () => {
    const url = taggedUrl(suite, '/challenge');
    const { tabId } = await suite.openTab(url);

    await barrier(suite);
    const record = await state().record(tabId);
    expect(record?.incident).toBeUndefined();
    expect(record?.challenge).toMatchObject({ url, provider: 'cloudflare', status: 403 });
    expect(await state().badgeText(tabId)).toBe('');

    const shown = await readPopup(await suite.openPopup(tabId));
    expect(shown.title).toBe(message('challengeTitle'));
    expect(shown.text).toContain(message('challengeBody', ['Cloudflare']));
  });

  it('shows markup in response headers as text, never as elements', async () => {
    const { tabId } = await suite.openTab(taggedUrl(suite, '/markup-headers'));
    await expectBadge(suite, tabId, '502');
    expect((await state().record(tabId))?.incident?.headers['x-request-id']).toBe(MARKUP_REQUEST_ID);

    const { value: popup, dialogs } = await suite.dialogsDuring(() => suite.openPopup(tabId));
    const shown = await readPopup(popup);
    expect(shown.text).toContain(MARKUP_PAYLOAD);
    expect(shown.injected).toBe(0);
    expect(dialogs).toEqual([]);
  });
}

/**
 * The first half of the "background went away" test: a stored incident, then `suspend()` (Chromium stops
 * the service worker, Firefox suspends the event page). The incident, its badge and its popup survive,
 * and the next navigation's webRequest event wakes the background, whose listeners must be there.
 * `beforeSuspend` checks what the running background holds. Gives both tabs for the suite's own checks.
 */
export async function expectIncidentSurvivesRestart<Tab extends { tabId: number }>(
  suite: BrowserSuite<Tab>,
  { suspend, beforeSuspend }: { suspend(): Promise<void>; beforeSuspend?(first: Tab): Promise<void> },
): Promise<{ first: Tab; second: Tab }> {
  const state = suite.extension();
  const first = await suite.openTab(taggedUrl(suite, '/nginx-502'));
  await expectBadge(suite, first.tabId, '502');
  await beforeSuspend?.(first);

  await suspend();

  expect((await state.record(first.tabId))?.incident?.failure).toMatchObject({ type: 'http', status: 502 });
  expect(await state.badgeText(first.tabId)).toBe('502');
  const shown = await readPopup(await suite.openPopup(first.tabId));
  expect(shown.title).toBe(message('http502_title'));

  const second = await suite.openTab(taggedUrl(suite, '/cf-522'));
  await expectBadge(suite, second.tabId, '522');
  expect((await state.record(second.tabId))?.incident?.failure).toMatchObject({ type: 'http', status: 522 });
  return { first, second };
}
