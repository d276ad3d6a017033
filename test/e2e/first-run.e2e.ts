// First run and the ways in, in real browsers: the welcome page a fresh install opens (its popup example is the
// popup's own components on sample data), the suggested shortcut for the popup, the popup's settings link.
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionPageUrl,
  launchExtension,
  openExtensionPage,
  type ExtensionPage,
  type LaunchedExtension,
} from '../harness/chromium';
import { EXTENSION_ORIGIN, launchFirefox, navigateExtensionPage, type FirefoxHarness } from '../harness/firefox';
import { waitFor } from '../harness/wait-for';

interface WelcomeView {
  title: string;
  sampleCode: string;
  sampleTitle: string;
  sampleSteps: number;
  privacy: number;
  pinPicture: boolean;
  /** <main> elements outside the sample: the welcome page's own only (the popup's script, which it loads, renders nothing here). */
  ownMains: number;
}

/** Runs in the welcome page. */
const readWelcome = (): WelcomeView | undefined => {
  const sample = document.querySelector('.sample-popup');
  if (!sample?.querySelector('.incident-header')) return undefined;
  return {
    title: document.querySelector('h1')?.textContent ?? '',
    sampleCode: sample.querySelector('.incident-header .code')?.textContent ?? '',
    sampleTitle: sample.querySelector('h1.title')?.textContent ?? '',
    sampleSteps: sample.querySelectorAll('.steps li, .step').length,
    privacy: document.querySelectorAll('.privacy li').length,
    pinPicture: document.querySelector('.pin-picture svg') !== null,
    ownMains: document.querySelectorAll('main').length - sample.querySelectorAll('main').length,
  };
};

type Commands = { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };

describe('Chromium: first run', () => {
  let launched: LaunchedExtension;
  let extension: ExtensionPage;
  beforeAll(async () => {
    launched = await launchExtension();
    extension = await openExtensionPage(launched);
  });
  afterAll(() => launched?.close());

  it('a fresh install opens the welcome page, with the popup rendered from sample data and the pin picture', async () => {
    const welcome = await waitFor('the welcome page', () =>
      launched.context.pages().find((p) => p.url().endsWith('/welcome.html')),
    );
    const view = await waitFor('the welcome page rendered', () => welcome.evaluate(readWelcome));
    expect(view.title).toBe('Welcome to Error Page Explainer');
    expect(view.sampleCode).toBe('502');
    expect(view.sampleTitle.length).toBeGreaterThan(3);
    expect(view.privacy).toBe(3);
    expect(view.pinPicture).toBe(true);
    expect(view.ownMains).toBe(1);
    // The example is inert: its buttons cannot start steps for a tab that does not exist.
    expect(await welcome.evaluate(() => document.querySelector('.sample-popup')?.hasAttribute('inert'))).toBe(true);
  });

  it('suggests Alt+Shift+E for the popup (_execute_action)', async () => {
    const commands = await extension.page.evaluate(() =>
      (globalThis as unknown as { chrome: Commands }).chrome.commands.getAll(),
    );
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+E');
  });

  it('the popup links to the settings', async () => {
    const welcomeTab = await extension.tabIdOf(extensionPageUrl(launched.extensionId, 'welcome.html'));
    const popup = await extension.openPopup(welcomeTab);
    await popup.getByRole('button', { name: 'Settings' }).click();
    // runtime.openOptionsPage brings the settings tab to the front (this suite keeps one open).
    await waitFor('the settings tab in front', () =>
      extension.page.evaluate(() =>
        (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome.tabs
          .query({ active: true })
          .then((tabs) => tabs.some((t) => t.url?.endsWith('/options.html'))),
      ),
    );
  });
});

describe('Firefox: first run', () => {
  let firefox: FirefoxHarness;
  let page: PuppeteerPage;
  beforeAll(async () => {
    firefox = await launchFirefox();
    page = await firefox.browser.newPage();
    await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/options.html`);
  });
  afterAll(() => firefox?.close());

  it('a fresh install opens the welcome page, with the popup rendered from sample data', async () => {
    // The tab was opened before Puppeteer attached: read it through the extension's own view of its pages.
    const view = await waitFor(
      'the welcome page rendered',
      () =>
        page.evaluate((read) => {
          const ext = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension;
          const welcome = ext.getViews().find((w) => w.location.pathname === '/welcome.html');
          // The reader runs in that page (its own window evaluates its source).
          return welcome
            ? (welcome as unknown as { eval(src: string): WelcomeView | undefined }).eval(`(${read})()`)
            : undefined;
        }, readWelcome.toString()),
      { timeoutMs: 10_000 },
    );
    expect(view.sampleCode).toBe('502');
    expect(view.privacy).toBe(3);
    // Firefox has no pin picture (its own words say where the menu is).
    expect(view.pinPicture).toBe(false);
    expect(view.ownMains).toBe(1);
  });

  it('suggests Alt+Shift+E for the popup (_execute_action), and the settings say how to change it', async () => {
    const commands = await page.evaluate(() =>
      (globalThis as unknown as { browser: Commands }).browser.commands.getAll(),
    );
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+E');
    const line = await waitFor('the shortcut line', () =>
      page.evaluate(() => document.querySelector('.shortcut-line')?.textContent ?? undefined),
    );
    expect(line).toContain('Alt+Shift+E');
  });
});
