// "Check everything" end to end: point the probe endpoints at local servers, send `run-all` from the
// popup page as the popup does, and time it until every automatic step of the incident is `done`.
// Shared by `npm run bench` and test/e2e/budgets.e2e.ts.
import type { BrowserContext, Worker } from 'playwright-core';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../../src/model/settings';
import type { ChromeApi } from '../chrome-api';

declare const chrome: ChromeApi;

export interface ProbeTargets {
  /** Base URLs (origin) for each connectivity endpoint, the captive-portal check and the DoH resolver. */
  connectivity: string[];
  captivePortal: string;
  dohResolver: string;
  /** Status page, archive and Globalping (not part of "check everything"; pointed here anyway). */
  other: string;
}

export function settingsFor(targets: ProbeTargets, checkTimeoutMs = DEFAULT_SETTINGS.checkTimeoutMs): Settings {
  return {
    ...structuredClone(DEFAULT_SETTINGS),
    checkTimeoutMs,
    endpoints: {
      connectivity: targets.connectivity.map((origin) => `${origin}/generate_204`),
      captivePortal: { url: `${targets.captivePortal}/success.txt`, expectStatus: 200, expectBody: 'success' },
      dohResolver: `${targets.dohResolver}/dns-query`,
      statusPage: `${targets.other}/status/{domain}`,
      archive: `${targets.other}/archive?url={url}`,
      globalping: `${targets.other}/globalping`,
    },
  };
}

export async function applySettings(worker: Worker, settings: Settings): Promise<void> {
  await worker.evaluate(({ key, value }) => chrome.storage.local.set({ [key]: value }), {
    key: SETTINGS_KEY,
    value: settings,
  });
}

export interface StepOutcome {
  id: string;
  state: string;
  outcome?: string;
  summary?: string;
  durationMs?: number;
}

export interface VerdictRun {
  /** From just before `run-all` was sent until the storage change that made the last step `done`. */
  totalMs: number;
  timedOut: boolean;
  steps: StepOutcome[];
}

/** Sends `run-all` from a popup page for `tabId` and waits for every step in `ids` started after the send to be done. */
export async function timeRunAll(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
  ids: string[],
  timeoutMs: number,
): Promise<VerdictRun> {
  const popup = await context.newPage();
  try {
    await popup.setViewportSize({ width: 390, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    return await popup.evaluate(
      ({ tabId, ids, timeoutMs }) =>
        new Promise<VerdictRun>((resolve) => {
          type State = {
            state: string;
            startedAt: number;
            result?: { outcome: string; summary: string; durationMs: number };
          };
          type Slot = { checks?: Record<string, State | undefined> };
          const key = `tab:${tabId}`;
          const started = Date.now();
          let last: (State | undefined)[] = [];
          const steps = (): StepOutcome[] =>
            ids.map((id, i) => {
              const s = last[i];
              return s?.result
                ? {
                    id,
                    state: s.state,
                    outcome: s.result.outcome,
                    summary: s.result.summary,
                    durationMs: s.result.durationMs,
                  }
                : { id, state: s?.state ?? 'not started' };
            });
          const look = (record: { incident?: Slot; lastError?: Slot } | undefined) => {
            // This run's states: started after the send, in the incident or (fixed meanwhile) the last error.
            last = ids.map((id) =>
              [record?.incident, record?.lastError]
                .map((slot) => slot?.checks?.[id])
                .find((s) => s !== undefined && s.startedAt >= started),
            );
            if (last.every((s) => s?.state === 'done'))
              resolve({ totalMs: Date.now() - started, timedOut: false, steps: steps() });
          };
          chrome.storage.onChanged.addListener((changes, area) => {
            if (area === 'session' && changes[key]) look(changes[key].newValue as Parameters<typeof look>[0]);
          });
          setTimeout(() => resolve({ totalMs: Date.now() - started, timedOut: true, steps: steps() }), timeoutMs);
          void chrome.runtime.sendMessage({ type: 'run-all', tabId });
        }),
      { tabId, ids, timeoutMs },
    );
  } finally {
    await popup.close().catch(() => undefined);
  }
}
