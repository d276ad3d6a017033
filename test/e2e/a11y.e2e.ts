// Issue #7 in real Chromium: axe-core (WCAG 2 A/AA) on the popup's main states and the options page in
// light and dark, the popup by keyboard alone, live regions, long German strings, and an RTL layout.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChecksChromium, type ChecksBrowser } from '../harness/checks-chromium';
import { extensionPageUrl } from '../harness/chromium';
import { DNS_FAILURE_URL, startFailingServer, type FailingServer } from '../harness/failing-server';
import { message } from '../harness/messages';
import { localEndpoints, startProbeServers, type ProbeServers } from '../harness/probe-servers';
import { waitFor } from '../harness/wait-for';
import type { ChromeApi } from '../harness/chrome-api';

const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);
// Injected by evaluating its source over CDP: the extension's CSP (script-src 'self') blocks a <script> tag.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** The steps "Check everything" runs. */
const AUTOMATIC = ['reload', 'clean-request', 'network', 'dns'];

let browser: ChecksBrowser;
let server: FailingServer;
let probes: ProbeServers;
let counter = 0;
const tag = (): string => `a${++counter}`;

beforeAll(async () => {
  [server, probes] = await Promise.all([startFailingServer(), startProbeServers()]);
  browser = await launchChecksChromium();
  await browser.writeSettings({ endpoints: localEndpoints(probes) });
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), probes?.close()]);
});

// ---- in-page probes (self-contained: they run in the page) ------------------------------------------

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}
declare const axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };

/** axe's violations in both colour schemes, as `scheme id: target …` lines (empty = none). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(
      (values) =>
        axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }).then((r) => r.violations),
      AXE_TAGS,
    );
    for (const v of violations) {
      for (const node of v.nodes)
        found.push(`${colorScheme} ${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? v.help}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** Elements wider than their box, or reaching past the viewport's sides, as short descriptions. */
const overflowingInPage = (): string[] => {
  const viewport = document.documentElement.clientWidth;
  const out: string[] = [];
  const nameOf = (e: Element) =>
    `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}`;
  if (document.documentElement.scrollWidth > viewport)
    out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${viewport}`);
  for (const e of document.body.querySelectorAll<HTMLElement>('*')) {
    if (e.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)')) continue;
    const style = getComputedStyle(e);
    if (style.display === 'inline' || style.display === 'none' || style.position === 'fixed') continue;
    if (e.scrollWidth > e.clientWidth + 1)
      out.push(`${nameOf(e)} scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}`);
    const box = e.getBoundingClientRect();
    if (box.width > 0 && (box.right > viewport + 0.5 || box.left < -0.5))
      out.push(`${nameOf(e)} spans ${Math.round(box.left)}…${Math.round(box.right)} of ${viewport}`);
  }
  return out;
};

// ---- tabs and popups ---------------------------------------------------------------------------------

async function failingTab(b: ChecksBrowser, url: string): Promise<number> {
  const { tabId } = await b.openTab(url);
  await waitFor(`the incident of ${url}`, async () => (await b.record(tabId))?.incident?.url === url);
  return tabId;
}

/** The popup on an incident tab, once its on-demand sections (watch, report) have loaded too. */
async function incidentPopup(b: ChecksBrowser, url: string): Promise<Page> {
  const popup = await b.openPopup(await failingTab(b, url));
  await popup.locator('section.watch').waitFor();
  await popup.locator('section.report').waitFor();
  return popup;
}

const axeReport: Record<string, number> = {};
async function expectNoViolations(name: string, page: Page): Promise<void> {
  const found = await axeViolations(page);
  axeReport[name] = found.length;
  expect(found, `axe on ${name}`).toEqual([]);
}

// Axe on a long page, twice, is slow on a loaded 2-core machine: more than the suite's default 30 s per test.
describe('Chromium: accessibility of the popup and the options page (issue #7)', { timeout: 60_000 }, () => {
  afterAll(() => console.log(`[a11y.e2e] axe violations per state (light + dark): ${JSON.stringify(axeReport)}`));

  it('the 502 incident, before any step ran: no axe violations, live regions for results and verdict', async () => {
    const popup = await incidentPopup(browser, server.url(`/nginx-502?t=${tag()}`));
    await expectNoViolations('incident-502', popup);
    expect(await popup.locator('section.verdict[aria-live="polite"]').count()).toBe(1);
    expect(await popup.locator('.steps ol[aria-live="polite"]').count()).toBe(2);
    // Colour is never the only signal: every hop carries a glyph and a spoken state.
    const hops = await popup.locator('.chain .hop').evaluateAll((lis) =>
      lis.map((li) => ({
        icon: li.querySelector('.hop-icon')?.textContent ?? '',
        state: li.querySelector('.visually-hidden')?.textContent ?? '',
      })),
    );
    expect(hops).toHaveLength(4);
    for (const hop of hops) expect(hop.icon.trim() && hop.state.trim()).toBeTruthy();
    await popup.close();
  });

  it('by keyboard alone: Tab reaches "Check everything" with a visible ring, Enter runs it, the clear-data confirmation opens and Escape closes it', async () => {
    const popup = await incidentPopup(browser, server.url(`/nginx-502?t=${tag()}`));
    const focused = () =>
      popup.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        return {
          text: e.innerText || e.getAttribute('aria-label') || '',
          ring: e.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          step: e.closest('li[data-step]')?.getAttribute('data-step') ?? null,
          inConfirm: Boolean(e.closest('.step-confirm')),
        };
      });
    const tabUntil = async (what: string, match: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean) => {
      for (let i = 0; i < 40; i++) {
        await popup.keyboard.press('Tab');
        const f = await focused();
        if (f) expect(f.ring, `focus ring on "${f.text}"`).toBe(true);
        if (f && match(f)) return f;
      }
      throw new Error(`Tab never reached ${what}`);
    };

    await tabUntil('"Check everything"', (f) => f.text === message('checkEverything'));
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(
      (ids) => ids.every((id) => document.querySelector(`li[data-step="${id}"].step--done`)),
      AUTOMATIC,
      { timeout: 20_000 },
    );
    // The verdict after the checks; its region was polite-live all along.
    await expectNoViolations('verdict-after-checks', popup);
    await popup.screenshot({ path: new URL('a11y-verdict.png', SCREENSHOTS).pathname, fullPage: true });

    // Back to the top, then on to the clear-site-data step; Space opens its confirmation with focus inside.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabUntil('the clear-site-data step', (f) => f.step === 'clear-site-data');
    await popup.keyboard.press('Space');
    const confirm = popup.getByRole('group', { name: message('clearConfirmLabel') });
    await confirm.waitFor();
    expect((await focused())?.inConfirm).toBe(true);
    await expectNoViolations('clear-data-confirmation', popup);
    await popup.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await focused()).toMatchObject({ step: 'clear-site-data', inConfirm: false });
    await popup.close();
  });

  it('a healthy tab with its last error', async () => {
    const url = server.url(`/recovers?key=${tag()}&after=1`);
    const { page, tabId } = await browser.openTab(url);
    await waitFor('the incident', async () => Boolean((await browser.record(tabId))?.incident));
    await page.reload();
    await waitFor('the last error', async () => {
      const r = await browser.record(tabId);
      return Boolean(r && !r.incident && r.lastError);
    });
    const healthy = await browser.openPopup(tabId);
    await healthy.locator('.last-error').waitFor();
    await expectNoViolations('healthy-last-error', healthy);
    await Promise.all([page.close(), healthy.close()]);
  });

  it('a bot check (challenge)', async () => {
    const url = server.url(`/challenge?t=${tag()}`);
    const { page, tabId } = await browser.openTab(url);
    await waitFor('the challenge', async () => Boolean((await browser.record(tabId))?.challenge));
    const challenge = await browser.openPopup(tabId);
    expect(await challenge.locator('h1').innerText()).toBe(message('challengeTitle'));
    await expectNoViolations('challenge', challenge);
    await Promise.all([page.close(), challenge.close()]);
  });

  it('a page the extension cannot watch (its own options page), and the options page itself', async () => {
    const { page: options, tabId } = await browser.openTab(extensionPageUrl(browser.extensionId, 'options.html'));
    const unsupported = await browser.openPopup(tabId);
    expect(await unsupported.locator('h1').innerText()).toBe(message('pageKind_browser_page_title'));
    await expectNoViolations('unsupported-page', unsupported);

    await options.locator('main:not([aria-busy])').waitFor();
    await expectNoViolations('options', options);
    await options.screenshot({ path: new URL('a11y-options.png', SCREENSHOTS).pathname, fullPage: true });
    await Promise.all([options.close(), unsupported.close()]);
  });

  it('switches the toolbar icon per tab: the red-dot variant on a failing tab, the plain mark once it recovers', async () => {
    // Records every setIcon the worker makes (the polyfill calls chrome.action.setIcon with a callback).
    await browser.worker.evaluate(() => {
      const calls: { tabId?: number; path: string; ok: boolean }[] = [];
      (globalThis as unknown as { iconCalls: typeof calls }).iconCalls = calls;
      const original = chrome.action.setIcon.bind(chrome.action);
      chrome.action.setIcon = (details, callback) => {
        const done = original(details);
        void done.then(
          () => calls.push({ tabId: details.tabId, path: details.path['16'] ?? '', ok: true }),
          () => calls.push({ tabId: details.tabId, path: details.path['16'] ?? '', ok: false }),
        );
        if (callback)
          void done.then(
            () => callback(),
            () => callback(),
          );
        return done;
      };
    });
    const iconCalls = (tabId: number) =>
      browser.worker.evaluate(
        (id) =>
          (globalThis as unknown as { iconCalls: { tabId?: number; path: string; ok: boolean }[] }).iconCalls.filter(
            (c) => c.tabId === id,
          ),
        tabId,
      );
    const url = server.url(`/recovers?key=${tag()}&after=1`);
    const { page, tabId } = await browser.openTab(url);
    await waitFor('the error icon', async () =>
      (await iconCalls(tabId)).some((c) => c.path === '/icons/icon-error-16.png'),
    );
    await page.reload();
    await waitFor(
      'the plain icon again',
      async () => (await iconCalls(tabId)).at(-1)?.path === '/icons/icon-normal-16.png',
      { timeoutMs: 15_000 },
    ).catch(async (error: Error) => {
      throw new Error(
        `${error.message}; calls: ${JSON.stringify(await iconCalls(tabId))}; record: ${JSON.stringify(await browser.record(tabId))}`,
      );
    });
    expect((await iconCalls(tabId)).every((c) => c.ok)).toBe(true);
    await page.close();
  });

  it('right to left: the popup lays out mirrored and nothing overflows', async () => {
    const popup = await incidentPopup(browser, server.url(`/cf-522?t=${tag()}`));
    await popup.evaluate(() => (document.documentElement.dir = 'rtl'));
    expect(await popup.evaluate(overflowingInPage)).toEqual([]);
    // Logical properties: the context's accent bar sits at the start edge, which is the right in RTL.
    const bar = await popup
      .locator('.context')
      .evaluate((e) => ({ right: getComputedStyle(e).borderRightWidth, left: getComputedStyle(e).borderLeftWidth }));
    expect(bar).toEqual({ right: '3px', left: '0px' });
    await popup.screenshot({ path: new URL('a11y-rtl-522.png', SCREENSHOTS).pathname, fullPage: true });
    await popup.close();
  });
});

describe('Chromium in German: long words fit the 390 px popup', { timeout: 60_000 }, () => {
  let german: ChecksBrowser;
  beforeAll(async () => {
    // Chromium on Linux takes its UI language from the environment; --lang for good measure.
    const before = process.env.LANGUAGE;
    process.env.LANGUAGE = 'de';
    try {
      german = await launchChecksChromium(['--lang=de']);
    } finally {
      if (before === undefined) delete process.env.LANGUAGE;
      else process.env.LANGUAGE = before;
    }
    await german.writeSettings({ endpoints: localEndpoints(probes) });
  });
  afterAll(() => german?.close());

  it('renders in German, with no element wider than its box (522 Cloudflare, DNS "Keine Antwort")', async () => {
    for (const [name, url] of [
      ['522', server.url(`/cf-522?t=${tag()}`)],
      ['dns', `${DNS_FAILURE_URL}?t=${tag()}`],
    ] as const) {
      const popup = await incidentPopup(german, url);
      expect(await popup.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^de/);
      expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
      await popup.screenshot({ path: new URL(`a11y-de-${name}.png`, SCREENSHOTS).pathname, fullPage: true });
      expect(await popup.evaluate(overflowingInPage), `overflow in the German ${name} popup`).toEqual([]);
      await expectNoViolations(`de-${name}`, popup);
      await popup.close();
    }
  });
});

declare const chrome: ChromeApi;
