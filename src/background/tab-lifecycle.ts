// Keeps badges and records in step with the tabs themselves.
import { readRecordInOrder, removeRecord } from './incident-store';
import { showBadge } from './badge';
import { forgetLiveStatus } from './live-status';
import { cancelChecksOfTab } from './check-runner';
import { forgetWatch } from './watch';

export async function refreshBadge(tabId: number): Promise<void> {
  if (tabId < 0) return;
  await showBadge(tabId, await readRecordInOrder(tabId));
}

export function onTabRemoved(tabId: number): void {
  forgetLiveStatus(tabId);
  cancelChecksOfTab(tabId);
  void forgetWatch(tabId).catch(() => undefined);
  void removeRecord(tabId);
}
