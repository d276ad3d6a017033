// Figure 5: the service worker after 1,000 failing navigations across 50 tabs — its JS heap after a full
// GC (CDP Runtime.getHeapUsage on the worker target) and storage.session bytes in use.
import type { ExtensionBrowser } from './bench-browser';
import { FAILURE_KINDS } from '../test/harness/measure/servers';
import { inLanes, openFailingTabs, settled, storageBytes } from './tabs-with-incidents';
import { workerHeapAfterGc, type WorkerCdp } from './worker-cdp';

export interface MemoryFigures {
  tabs: number;
  navigations: number;
  seconds: number;
  heapBefore: number;
  heapAfter: number;
  sessionBytes: number;
  localBytes: number;
  records: number;
}

export async function measureMemory(
  browser: ExtensionBrowser,
  cdp: WorkerCdp,
  failingUrl: (tab: number, round: number, status: number) => string,
  tabCount: number,
  rounds: number,
): Promise<MemoryFigures> {
  const heapBefore = (await workerHeapAfterGc(cdp)).usedSize;
  const started = performance.now();
  const statusOf = (tab: number, round: number) => FAILURE_KINDS[(tab + round) % FAILURE_KINDS.length]!.status;
  const tabs = await openFailingTabs(
    browser,
    Array.from({ length: tabCount }, (_, t) => failingUrl(t, 0, statusOf(t, 0))),
    5,
  );
  // Each lane owns its tabs (one navigation per page at a time); every round visits every tab.
  const lanes = 5;
  await inLanes(
    Array.from({ length: lanes }, (_, lane) => lane),
    lanes,
    async (lane) => {
      for (let round = 1; round < rounds; round += 1) {
        for (let t = lane; t < tabs.length; t += lanes) {
          const tab = tabs[t]!;
          tab.lastUrl = failingUrl(t, round, statusOf(t, round));
          await tab.page.goto(tab.lastUrl).catch(() => undefined);
        }
      }
    },
  );
  await settled(browser.worker, tabs, 30_000);
  const seconds = (performance.now() - started) / 1000;
  const heapAfter = (await workerHeapAfterGc(cdp)).usedSize;
  const bytes = await storageBytes(browser.worker);
  await Promise.all(tabs.map((t) => t.page.close()));
  return {
    tabs: tabCount,
    navigations: tabCount * rounds,
    seconds,
    heapBefore,
    heapAfter,
    sessionBytes: bytes.session,
    localBytes: bytes.local,
    records: bytes.records,
  };
}
