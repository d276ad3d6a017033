// Background entry: registers every listener synchronously at top level, nothing more
// (an MV3 worker woken by an event only sees listeners added in its first turn).
import browser from 'webextension-polyfill';
import { onCompleted, onErrorOccurred, onHeadersReceived } from './detector';
import { refreshBadge, onTabRemoved } from './tab-lifecycle';
import { handleMessage, handlePort } from './messages';
import { onAlarm, resumeWatches } from './watch';
import { forgetFailingPage, onPageCommitted, onPageReady, onTabClosed } from './read-failing-page';
import { onNotificationClicked } from './watch-notify';
import { onInstalled } from './first-run';

const pages: browser.WebRequest.RequestFilter = { urls: ['<all_urls>'], types: ['main_frame'] };

browser.webRequest.onHeadersReceived.addListener(onHeadersReceived, pages, ['responseHeaders']);
browser.webRequest.onCompleted.addListener(onCompleted, pages);
browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, pages);

// Browsers reset a tab's badge when a navigation commits, often after webRequest saw the response.
const topFrame = (listener: (tabId: number) => unknown) => (d: { tabId: number; frameId: number }) => {
  if (d.frameId === 0) void listener(d.tabId);
};
browser.webNavigation.onCommitted.addListener(topFrame(refreshBadge));
browser.webNavigation.onCompleted.addListener(topFrame(refreshBadge));
browser.webNavigation.onErrorOccurred.addListener(topFrame(refreshBadge));
browser.tabs.onRemoved.addListener(onTabRemoved);
// A recorded 5xx's own document is read once its DOM is there (read-failing-page.ts).
browser.webNavigation.onCommitted.addListener(onPageCommitted);
browser.webNavigation.onDOMContentLoaded.addListener(onPageReady);
browser.webNavigation.onErrorOccurred.addListener((d) => d.frameId === 0 && forgetFailingPage(d.tabId, d.url));
browser.tabs.onRemoved.addListener(onTabClosed);

browser.runtime.onMessage.addListener(handleMessage);
browser.runtime.onInstalled.addListener((details) => void onInstalled(details).catch(() => undefined));
browser.runtime.onConnect.addListener(handlePort);

// "Tell me when it's back": alarms wake a stopped worker for the next try; start-up restores lost alarms/timers.
browser.alarms.onAlarm.addListener(onAlarm);
browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
void resumeWatches().catch(() => undefined);
