// Background entry: starts the instance once (`ready = start()`) and registers every listener
// synchronously at top level (an MV3 worker woken by an event only sees listeners added in its first
// turn). Every listener waits for `ready` before it touches state; no other background module does
// anything when imported.
import browser from 'webextension-polyfill';
import { afterStart, start } from './start';
import { allowedInPrivateWindows, onCompleted, onErrorOccurred, onHeadersReceived } from './detector';
import { refreshBadgeOnNavigation, onTabRemoved } from './tab-lifecycle';
import { messageHandlers } from './messages';
import { onAlarm } from './watch';
import { forgetFailingPage, onPageCommitted, onPageReady, onTabClosed } from './read-failing-page';
import { onNotificationClicked } from './watch-notify';
import { onInstalled } from './first-run';
import { keepStepsOnInstall } from './steps-loader';
import { keepInfrastructureOnInstall } from '../platform/infrastructure-data';

const ready = start();
// Chrome: the guided steps and the infrastructure data load on demand, from files the worker may import only
// if it did while installing.
keepStepsOnInstall();
keepInfrastructureOnInstall();
const whenReady = afterStart(ready);
// Asked now (one call per instance), so a Chrome failure's record need not wait for tabs.get to learn
// whether its tab is private (Firefox's events say so themselves).
void allowedInPrivateWindows();

const pages: browser.WebRequest.RequestFilter = { urls: ['<all_urls>'], types: ['main_frame'] };

browser.webRequest.onHeadersReceived.addListener(whenReady(onHeadersReceived), pages, ['responseHeaders']);
browser.webRequest.onCompleted.addListener(whenReady(onCompleted), pages);
browser.webRequest.onErrorOccurred.addListener(whenReady(onErrorOccurred), pages);

// Browsers reset a tab's badge when a new document arrives, often after webRequest saw the response.
refreshBadgeOnNavigation(whenReady);
browser.tabs.onRemoved.addListener(whenReady(onTabRemoved));
// A recorded 5xx's own document is read once its DOM is there (read-failing-page.ts).
browser.webNavigation.onCommitted.addListener(whenReady(onPageCommitted));
browser.webNavigation.onDOMContentLoaded.addListener(whenReady(onPageReady));
browser.webNavigation.onErrorOccurred.addListener(
  whenReady(
    (d: { frameId: number; tabId: number; url: string }) => d.frameId === 0 && forgetFailingPage(d.tabId, d.url),
  ),
);
browser.tabs.onRemoved.addListener(whenReady(onTabClosed));

const { handleMessage, handlePort } = messageHandlers(ready);
browser.runtime.onMessage.addListener(handleMessage);
browser.runtime.onConnect.addListener(handlePort);
// First install: the welcome page; an update with a note: the popup's "what's new" line (first-run.ts).
browser.runtime.onInstalled.addListener(
  whenReady((details: browser.Runtime.OnInstalledDetailsType) => onInstalled(details).catch(() => undefined)),
);

// "Tell me when it's back": alarms wake a stopped worker for the next try (start-up restored lost ones).
browser.alarms.onAlarm.addListener(whenReady(onAlarm));
browser.notifications.onClicked.addListener(whenReady(onNotificationClicked));
