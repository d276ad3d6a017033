// Runs guided steps in the background (the popup closes whenever focus moves) and writes every
// state change into the tab's incident, where the popup reads it. Part of the steps file, loaded on demand
// (steps-loader.ts); the start-up sweep of steps a stopped instance left running is the core's (start.ts).
import type { CheckId, CheckResult, CheckState, Evidence } from '../model/checks';
import type { Incident } from '../model/incident';
import { checkById, CHECKS } from '../checks';
import type { AskUser, Check, CheckOutput, LastingKind, UserAnswer } from '../checks/check';
import { readRecord, UNCHANGED, updateRecord } from './incident-store';
import { withCheckState } from './record-transitions';
import { storage } from '../storage/storage';
import { scopeForUrl } from '../model/site-scope';
import { LASTING_WAIT_MS, LastingWork, stoppedOutput } from './lasting-work';
import { loadInfrastructure } from '../platform/infrastructure-data';
import { uiLocale } from '../platform/ui-locale';
import { unavailableStepsHere } from '../platform/step-support';

/** How long past its time limit a 'running' state is trusted before the popup calls it interrupted. */
export const DEADLINE_GRACE_MS = 2000;

// Cancel handles for steps running in this worker instance; losing them with the worker is fine,
// because the start-up sweep marks their stored states as interrupted.
const controllers = new Map<string, AbortController>();
const runKey = (tabId: number, checkId: CheckId) => `${tabId}:${checkId}`;

class StepTimeout extends Error {}
class StepCancelled extends Error {}

function writeState(tabId: number, incidentId: string, checkId: CheckId, state: CheckState, expectRunId?: string) {
  return updateRecord(tabId, (r) => withCheckState(r, incidentId, checkId, state, expectRunId) ?? UNCHANGED);
}

/** A step never throws into the UI: a crash is a result too (a timeout or a cancel: stoppedOutput). */
function failedOutput(error: unknown): CheckOutput {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    outcome: 'inconclusive',
    summary: 'checkCrashed',
    evidence: [{ label: 'evidenceReason', value: reason.slice(0, 300) }],
  };
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(signal.reason);
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/**
 * Runs one step for the tab's current incident; a step already running in that tab is left alone. The run
 * is claimed before the first await (two quick clicks on Run must not start two private windows) and
 * released whatever happens, a failed storage write included, so nothing can stay stuck.
 */
export async function runCheck(tabId: number, checkId: CheckId, confirmedFor?: string, scope?: unknown): Promise<void> {
  const key = runKey(tabId, checkId);
  const check = checkById(checkId);
  // A step this browser cannot run (the popup does not offer it) is never started: no window on Android.
  if (!check || controllers.has(key) || unavailableStepsHere().has(checkId)) return;
  const controller = new AbortController();
  controllers.set(key, controller);
  try {
    await runClaimed(tabId, check, confirmedFor, scope, controller);
  } finally {
    controllers.delete(key);
  }
}

async function runClaimed(
  tabId: number,
  check: Check,
  confirmedFor: string | undefined,
  scope: unknown,
  controller: AbortController,
): Promise<void> {
  const checkId = check.id;
  const incident = (await readRecord(tabId))?.incident;
  // A confirmation holds for the incident it was given for: never for a newer one in the same tab.
  if (!incident || (confirmedFor !== undefined && confirmedFor !== incident.id)) return;
  const confirmed = confirmedFor !== undefined;
  // Steps read responses with the infrastructure knowledge (the clean request's page): a worker that
  // restarted since the failure was recorded loads it again here (data, once per worker instance). If it
  // cannot, only a step that reads a response fails (the engine throws inside the step's own try).
  const [settings] = await Promise.all([storage.settings.get(), loadInfrastructure().catch(() => undefined)]);
  const limit = check.timeLimitMs ?? settings.checkTimeoutMs;
  const runId = crypto.randomUUID();
  const startedAt = Date.now();
  const running = { state: 'running', runId, startedAt, deadline: startedAt + limit + DEADLINE_GRACE_MS } as const;
  const timer = setTimeout(() => controller.abort(new StepTimeout()), limit);
  const lasting = new LastingWork();

  let output: CheckOutput | AskUser;
  try {
    await writeState(tabId, incident.id, checkId, running);
    const context = {
      tabId,
      url: incident.url,
      incident,
      settings,
      deadline: startedAt + limit,
      signal: controller.signal,
      confirmed,
      locale: uiLocale(),
      scope: scopeForUrl(scope, incident.url),
      // Once stopped, the runner's "stopping…" line is the one shown.
      progress: (progress: string) => {
        if (!controller.signal.aborted)
          void writeState(tabId, incident.id, checkId, { ...running, progress }, runId).catch(() => undefined);
      },
      lasting: <T>(kind: LastingKind, work: Promise<T>, describe?: (result: T) => Evidence[] | null) =>
        lasting.track(kind, work, describe),
    };
    // A cancel that came while the state was being written stops the step before it starts.
    controller.signal.throwIfAborted();
    // A step that ignores its signal still ends at its limit.
    output = await Promise.race([check.run(context), rejectOnAbort(controller.signal)]);
  } catch (error) {
    if (!(error instanceof StepCancelled || error instanceof StepTimeout)) output = failedOutput(error);
    else {
      // A removal or a window already under way goes on: say so while waiting for it, then say what it did.
      const goingOn = lasting.goingOn();
      if (goingOn) {
        const stopping = {
          ...running,
          deadline: Date.now() + LASTING_WAIT_MS + DEADLINE_GRACE_MS,
          progress: `progressStopping_${goingOn}`,
        };
        await writeState(tabId, incident.id, checkId, stopping, runId).catch(() => undefined);
        await lasting.settle(LASTING_WAIT_MS);
      }
      output = stoppedOutput(error instanceof StepCancelled, lasting.states());
    }
  } finally {
    clearTimeout(timer);
  }
  const durationMs = Date.now() - startedAt;
  const state: CheckState =
    'ask' in output
      ? { state: 'waiting-for-user', runId, startedAt, prompt: output.ask, durationMs }
      : { state: 'done', runId, startedAt, result: { ...output, durationMs } };
  await writeState(tabId, incident.id, checkId, state, runId);
}

/** "Check everything": the non-destructive steps, in parallel. */
export async function runAutomaticChecks(tabId: number): Promise<void> {
  await Promise.all(CHECKS.filter((c: Check) => c.automatic).map((c) => runCheck(tabId, c.id)));
}

export function cancelCheck(tabId: number, checkId: CheckId): void {
  controllers.get(runKey(tabId, checkId))?.abort(new StepCancelled());
}

export function cancelChecksOfTab(tabId: number): void {
  for (const [key, controller] of controllers) if (key.startsWith(`${tabId}:`)) controller.abort(new StepCancelled());
}

/** The person's answer to a step's question; works after a worker restart (the question is in storage). */
export async function answerCheck(tabId: number, checkId: CheckId, answer: UserAnswer): Promise<void> {
  const check = checkById(checkId);
  const record = await readRecord(tabId);
  const incident: Incident | undefined = [record?.incident, record?.lastError].find(
    (i) => i?.checks[checkId]?.state === 'waiting-for-user',
  );
  const waiting = incident?.checks[checkId];
  if (!check?.fromAnswer || !incident || waiting?.state !== 'waiting-for-user') return;
  const result: CheckResult = { ...check.fromAnswer(answer), durationMs: waiting.durationMs };
  await writeState(
    tabId,
    incident.id,
    checkId,
    { state: 'done', runId: waiting.runId, startedAt: waiting.startedAt, result },
    waiting.runId,
  );
}
