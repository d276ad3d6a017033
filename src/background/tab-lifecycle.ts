// Keeps badges and records in step with the tabs themselves.
import browser from 'webextension-polyfill';
import { readRecordInOrder, removeRecord } from './incident-store';
import { showBadge } from './badge';
import { badgeFor } from './badge-text';
import { forgetLiveStatus } from './live-status';
import { loadedSteps } from './steps-loader';
import { forgetWatch } from './watch';

export async function refreshBadge(tabId: number): Promise<void> {
  if (tabId < 0) return;
  const record = await readRecordInOrder(tabId);
  // The commit already reset the tab's badge, title and icon: a healthy tab needs no call at all.
  if (badgeFor(record)) await showBadge(tabId, record);
}

type FrameEvent = { tabId: number; frameId: number };

/**
 * A new document resets its tab's badge, tooltip and icon, and the record's badge is set again after each
 * main-frame navigation event that can follow that reset. Chrome resets when the navigation commits, before
 * it sends onCommitted. Firefox resets when its parent process handles the location change, and
 * webNavigation.onCommitted can reach us before that, so the refresh on commit may land first and be wiped
 * (40 loads of a DNS failure: it was the only call after the reset, 11 ms after it at the closest; once in CI
 * it lost). Firefox's own error pages (DNS, refused, TLS) never fire onCompleted: their DOMContentLoaded
 * comes after the reset. `wrap` is index.ts's start-up gate.
 */
export function refreshBadgeOnNavigation(wrap: (listener: (d: FrameEvent) => unknown) => (d: FrameEvent) => void) {
  const listener = wrap((d) => (d.frameId === 0 ? refreshBadge(d.tabId) : undefined));
  const { onCommitted, onDOMContentLoaded, onCompleted, onErrorOccurred } = browser.webNavigation;
  for (const event of [onCommitted, onDOMContentLoaded, onCompleted, onErrorOccurred]) event.addListener(listener);
}

export function onTabRemoved(tabId: number): void {
  forgetLiveStatus(tabId);
  // Steps run only in an instance that loaded them: none loaded, none running here.
  loadedSteps()?.cancelChecksOfTab(tabId);
  void forgetWatch(tabId).catch(() => undefined);
  void removeRecord(tabId);
}
