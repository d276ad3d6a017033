// A sample of the capture corpus replayed byte for byte (support/capture-server.ts) into real Chromium and
// real Firefox: the badge (an alarm for a 5xx, none for a refusal), and the popup — the name of the layer
// that failed, the ids worth quoting and the page's own code and reference, read from the tab. Plus the
// 4xx a person meets without a capture at hand (401, 404, 429 with Retry-After and its watch, 451).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { TabRecord } from '../../src/model/incident';
import { INFRASTRUCTURE } from '../../src/knowledge/infrastructure';
import type { InfraId } from '../../src/model/infrastructure';
import { CAPTURES_DIR, startCaptureServer, type CaptureServer } from '../harness/capture-server';
import { launchChromium, openedPages, type ChromiumHarness } from '../harness/chromium';
import { launchFirefox, openedTabs, type FirefoxHarness } from '../harness/firefox';
import { message } from '../harness/messages';
import { expectNoRawKeys, readPopup, savePopupScreenshot, type PopupPage } from '../harness/popup-checks';
import { recordWhere } from '../harness/popup-steps';
import { waitFor } from '../harness/wait-for';
import { formatDuration } from '../../src/knowledge/format';

/** Diverse vendors, 5xx and 4xx, markup and plain-text pages, with and without headers. */
export const CAPTURE_SAMPLE = [
  'cloudflare/522-connection-timed-out-page',
  'cloudflare/530-1016-origin-dns-error-text',
  'akamai/503-dns-failure-reference-11',
  'fastly/503-backend-unhealthy-error-54113',
  'aws-elb/502-bad-gateway-awselb',
  'cloudfront/502-could-not-connect-to-origin-text',
  'vercel/504-function-invocation-timeout-page',
  'iis/502-3-bad-gateway-ancm-text',
  'haproxy/503-no-server-available',
  'envoy/503-upstream-connect-error',
  'akamai/403-access-denied-text-reference-18',
  'cloudflare/403-1020-access-denied-plain',
  'cloudflare/429-1015-rate-limited-page',
  'zscaler/403-internet-security-by-zscaler',
  'gitlab-pages/503-service-unavailable',
  'aws-lambda-url/403-forbidden-auth-type-none',
] as const;

/** The few a person can look at in test-results/screenshots/ (the docs/ images come from `npm run screenshots`). */
const SCREENSHOT = new Set<string>([
  'cloudflare/530-1016-origin-dns-error-text',
  'akamai/403-access-denied-text-reference-18',
  'fastly/503-backend-unhealthy-error-54113',
  'aws-elb/502-bad-gateway-awselb',
  'cloudfront/502-could-not-connect-to-origin-text',
  'vercel/504-function-invocation-timeout-page',
  'gitlab-pages/503-service-unavailable',
  'aws-lambda-url/403-forbidden-auth-type-none',
]);

interface Expected {
  status: number;
  alarm: boolean;
  failedLayer: InfraId | null;
  traceIds: string[];
  pageCode: string | null;
  pageReference: string | null;
}

/** The product name the popup shows for an infrastructure id. */
const nameOf = (id: InfraId): string => INFRASTRUCTURE.find((e) => e.id === id)?.name ?? id;

function expectedOf(name: string): Expected {
  const http = readFileSync(new URL(`${name}.http`, CAPTURES_DIR), 'latin1');
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(http)?.[1]);
  const { expect: wanted } = JSON.parse(readFileSync(new URL(`${name}.json`, CAPTURES_DIR), 'utf8')) as {
    expect: Omit<Expected, 'status'>;
  };
  return { status, ...wanted };
}

/** What each browser's harness offers this file. */
interface Driver {
  openTab(url: string): Promise<{ tabId: number }>;
  badgeText(tabId: number): Promise<string>;
  record(tabId: number): Promise<TabRecord | undefined>;
  openPopup(tabId: number): Promise<PopupPage>;
  setLocal(items: Record<string, unknown>): Promise<void>;
}

/** Clicks the popup's button with this text (inside the page: quick in both drivers). */
const clickButton = (popup: PopupPage, text: string) =>
  popup.evaluate((label: string) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    button?.click();
    return button !== undefined;
  }, text);

function defineCaptureTests(
  browserName: 'chromium' | 'firefox',
  driver: () => Driver,
  server: () => CaptureServer,
): void {
  let counter = 0;
  const tag = () => `${browserName[0]}${++counter}`;

  for (const name of CAPTURE_SAMPLE) {
    it(name, async () => {
      const wanted = expectedOf(name);
      const { tabId } = await driver().openTab(server().captureUrl(name, tag()));
      const slot = wanted.status >= 500 ? 'incident' : 'clientError';
      // The page's own words are read from the tab once its document is there.
      await recordWhere(driver(), tabId, (r) => r[slot]?.page !== undefined, `${name}: the page reading`);
      // An alarm only for an outage; a refusal leaves the badge empty (polled: the browser resets it on commit).
      await expect
        .poll(() => driver().badgeText(tabId), { timeout: 5000, interval: 25 })
        .toBe(wanted.alarm ? String(wanted.status) : '');

      const popup = await driver().openPopup(tabId);
      const shown = await readPopup(popup);
      // A reference can look like an i18n key (CloudFront's `…a2GAXJg6Y9Vj_cLsZl…`): checked without it.
      expectNoRawKeys({ ...shown, text: shown.text.replaceAll(wanted.pageReference ?? '\u0000', '') });
      expect(shown.title).toBe(
        message(wanted.status >= 500 ? `http${wanted.status}_title` : `clientError_${wanted.status}_title`),
      );
      if (wanted.failedLayer) expect(shown.text).toContain(nameOf(wanted.failedLayer));
      if (slot === 'incident' && wanted.failedLayer) expect(shown.hops).toContain(nameOf(wanted.failedLayer));
      for (const header of wanted.traceIds) expect(shown.text).toContain(header);
      if (wanted.pageCode) expect(shown.text).toContain(wanted.pageCode);
      if (wanted.pageReference) expect(shown.text).toContain(wanted.pageReference);
      // Still no alarm (or still the alarm) well after the popup read the record.
      expect(await driver().badgeText(tabId)).toBe(wanted.alarm ? String(wanted.status) : '');
      if (browserName === 'chromium' && SCREENSHOT.has(name))
        await savePopupScreenshot(popup, `capture-${name.replace('/', '-')}.png`);
    });
  }

  // A 404 is no outage and no page that "loaded normally" either: its own line, no alarm.
  it.each(['401', '451', '404'] as const)('a %s: its own two lines, no alarm', async (status) => {
    const { tabId } = await driver().openTab(server().syntheticUrl(status, tag()));
    await recordWhere(driver(), tabId, (r) => r.clientError?.failure.status === Number(status), `the ${status}`);
    const popup = await driver().openPopup(tabId);
    const shown = await readPopup(popup);
    expect(shown.title).toBe(message(`clientError_${status}_title`));
    expect(shown.summary).toBe(message(`clientError_${status}_body`));
    expect(await driver().badgeText(tabId)).toBe('');
    if (browserName === 'chromium' && status === '404') await savePopupScreenshot(popup, 'client-error-404.png');
  });

  it('a 429 with Retry-After: the wait it asks for, and "tell me when it\'s back" turns the badge to OK', async () => {
    await driver().setLocal({
      watchTuning: { firstDelayMs: 500, maxDelayMs: 500, timeoutMs: 2000, maxRetryAfterMs: 1000 },
    });
    const { tabId } = await driver().openTab(server().syntheticUrl('429', tag(), 1));
    await recordWhere(driver(), tabId, (r) => r.clientError?.failure.status === 429, 'the 429');
    const popup = await driver().openPopup(tabId);
    const shown = await readPopup(popup);
    expect(shown.title).toBe(message('clientError_429_title'));
    expect(shown.text).toContain(message('retryAfterLine', [formatDuration(120_000, 'en')]));
    expect(await driver().badgeText(tabId)).toBe('');
    // The watch panel is loaded with the view; its button starts the watch in the background.
    await waitFor('the watch button', () => clickButton(popup, message('watchStart')));
    await recordWhere(driver(), tabId, (r) => r.watch?.status === 'back', 'the watch to see the site back', 10_000);
    await expect.poll(() => driver().badgeText(tabId), { timeout: 5000, interval: 25 }).toBe('OK');
  });
}

describe('Chromium: captures replayed', () => {
  let harness: ChromiumHarness;
  let server: CaptureServer;
  const opened = openedPages();
  beforeAll(async () => {
    [server, harness] = await Promise.all([startCaptureServer(), launchChromium()]);
  });
  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });
  afterEach(() => opened.closeAll());

  defineCaptureTests(
    'chromium',
    () => ({
      openTab: (url) => opened.track(harness.openTab(url)),
      badgeText: (tabId) => harness.badgeText(tabId),
      record: (tabId) => harness.record(tabId),
      openPopup: (tabId) => opened.track(harness.openPopup(tabId)),
      setLocal: (items) => harness.writeLocal(items),
    }),
    () => server,
  );
});

describe('Firefox: captures replayed', () => {
  let firefox: FirefoxHarness;
  let server: CaptureServer;
  const tabs = openedTabs(() => firefox);
  beforeAll(async () => {
    [server, firefox] = await Promise.all([startCaptureServer(), launchFirefox()]);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });
  afterEach(() => tabs.closeAll());

  defineCaptureTests(
    'firefox',
    () => ({
      openTab: (url) => tabs.open(url),
      badgeText: (tabId) => firefox.badgeText(tabId),
      record: (tabId) => firefox.record(tabId),
      openPopup: (tabId) => firefox.openPopup(tabId),
      setLocal: (items) => firefox.writeLocal(items),
    }),
    () => server,
  );
});
