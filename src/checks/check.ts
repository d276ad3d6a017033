// The contract every guided step implements: one file per step, listed in ./index.ts.
import type { CheckId, CheckResult, Evidence } from '../model/checks';
import type { Incident } from '../model/incident';
import type { Settings } from '../model/settings';
import type { SiteScope } from '../model/site-scope';

/** Work a cancel cannot call back once started: a removal of site data, a private window being opened. */
export type LastingKind = 'removal' | 'window';

export interface CheckContext {
  tabId: number;
  /** The URL that failed. */
  url: string;
  /** The incident as it was when the step started. */
  incident: Incident;
  settings: Settings;
  /** When the runner aborts this step (epoch ms): size every wait with timeLeftMs(context) from ./time-left. */
  deadline: number;
  /** Aborted on cancel, on the step's time limit, or when the tab goes away. Pass it to every fetch/timer/listener. */
  signal: AbortSignal;
  /** Shows a one-line progress message (i18n key) while the step runs. */
  progress(messageKey: string): void;
  /**
   * Wraps work that goes on whatever a cancel says (a removal, a window being opened), so that a cancel waits
   * for it and tells what it did instead of a bare "cancelled". `describe`: the evidence of what it did; null
   * when it left nothing behind (a window the browser refused).
   */
  lasting<T>(kind: LastingKind, work: Promise<T>, describe?: (result: T) => Evidence[] | null): Promise<T>;
  /** The person's language, for the numbers and durations in the evidence (platform/ui-locale.ts). */
  locale: string;
  /** The person confirmed an intrusive part of the step (e.g. signing out by clearing cookies). */
  confirmed: boolean;
  /** What "this site" is by the Public Suffix List, sent by the popup with the step (null when not sent or not about this URL). */
  scope: SiteScope | null;
}

export type UserAnswer = 'loaded' | 'same-error';

/**
 * A step that cannot see the outcome itself (e.g. a private window hidden from the extension) returns a
 * question instead; the answer may come minutes later, after the worker restarted, so it is kept in storage.
 */
export interface AskUser {
  ask: string;
}

/** What a step returns; the runner adds the duration. */
export type CheckOutput = Omit<CheckResult, 'durationMs'>;

export interface Check {
  id: CheckId;
  /** Part of "check everything": non-destructive and needs no answer from the person. */
  automatic: boolean;
  /** Upper bound for this step; defaults to settings.checkTimeoutMs. The runner turns it into context.deadline. */
  timeLimitMs?: number;
  run(context: CheckContext): Promise<CheckOutput | AskUser>;
  /** Turns the person's answer to `ask` into the result. */
  fromAnswer?(answer: UserAnswer): CheckOutput;
}
