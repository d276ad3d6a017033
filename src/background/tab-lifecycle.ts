// Keeps badges and records in step with the tabs themselves.
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

export function onTabRemoved(tabId: number): void {
  forgetLiveStatus(tabId);
  // Steps run only in an instance that loaded them: none loaded, none running here.
  loadedSteps()?.cancelChecksOfTab(tabId);
  void forgetWatch(tabId).catch(() => undefined);
  void removeRecord(tabId);
}
