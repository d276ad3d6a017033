// The status of each tab's last healthy load, kept only in memory: a healthy navigation must never
// cost a storage write, so after the worker restarts the popup simply says the page loaded.
import type { LiveStatus } from '../model/messages';

const MAX_TABS = 500;
const liveStatus = new Map<number, LiveStatus>();

export function rememberLiveStatus(tabId: number, status: LiveStatus): void {
  liveStatus.delete(tabId);
  liveStatus.set(tabId, status);
  if (liveStatus.size > MAX_TABS) liveStatus.delete(liveStatus.keys().next().value as number);
}

export function liveStatusOf(tabId: number): LiveStatus {
  return liveStatus.get(tabId) ?? {};
}

export function forgetLiveStatus(tabId: number): void {
  liveStatus.delete(tabId);
}
