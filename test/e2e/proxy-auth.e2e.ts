// A proxy on the person's own network that asks them to sign in (407), in a real Chromium whose requests go
// through a local proxy (--proxy-server): the tab's refusal is recorded and explained, with no alarm.
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openedPages, type ChromiumHarness } from '../harness/chromium';
import { listenLocally, type LocalServer } from '../harness/local-server';
import { message } from '../harness/messages';
import { readPopup } from '../harness/popup-checks';
import { recordWhere } from '../harness/popup-steps';

const PAGE = 'http://site.invalid/page';

let proxy: LocalServer;
let browser: ChromiumHarness;
const opened = openedPages();
const proxied: string[] = [];

beforeAll(async () => {
  // Every proxied request gets a 407 with a Basic challenge, as a corporate proxy asks for a sign-in.
  proxy = await listenLocally(
    createServer((req, res) => {
      proxied.push(req.url ?? '');
      res.writeHead(407, {
        'proxy-authenticate': 'Basic realm="corp"',
        'content-type': 'text/html',
        connection: 'close',
      });
      res.end('<h1>Proxy sign-in required</h1>');
    }),
  );
  // The page's host is never resolved: the proxy answers for it. Nothing reaches the internet (Chromium's own
  // update check goes to this proxy too, and gets its 407).
  browser = await launchChromium({ extraArgs: [`--proxy-server=${proxy.origin}`] });
});

afterAll(async () => {
  await opened.closeAll();
  await browser?.close();
  await proxy?.close();
});

describe('Chromium behind a proxy that answers 407', () => {
  it("records the proxy's 407 as a refusal and explains it in the popup, with no alarm", async () => {
    const tab = await opened.track(browser.openTab(PAGE));
    // Headless Chromium has no one to ask for the proxy's password: it gives up and shows its own error page.
    expect(tab.navigationError).toBe('net::ERR_INVALID_AUTH_CREDENTIALS');
    expect(proxied).toContain(PAGE);
    const record = await recordWhere(browser, tab.tabId, (r) => r.clientError?.failure.status === 407, 'the 407');
    expect(record.incident).toBeUndefined();
    expect(await browser.badgeText(tab.tabId)).toBe('');
    const shown = await readPopup(await opened.track(browser.openPopup(tab.tabId)));
    expect(shown.title).toBe(message('clientError_407_title'));
    expect(shown.summary).toBe(message('clientError_407_body'));
  });
});
