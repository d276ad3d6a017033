// Guided steps: ids, outcomes and the state each one leaves in the tab's record.
import { messageKey } from './message-key';

export const CHECK_IDS = [
  'reload',
  'clean-request',
  'clear-site-data',
  'private-window',
  'network',
  'dns',
  'status-page',
  'archived-copy',
  'other-locations',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** The steps "Check everything" runs (each step's `automatic` flag in src/checks/; a unit test keeps both alike). */
export const AUTOMATIC_CHECK_IDS = ['reload', 'clean-request', 'network', 'dns'] as const satisfies readonly CheckId[];

/** The steps that send something to anyone but the failing site (what: knowledge/outgoing-requests.ts). */
export const SENDING_STEPS = [
  'dns',
  'status-page',
  'archived-copy',
  'other-locations',
] as const satisfies readonly CheckId[];
export type SendingStep = (typeof SENDING_STEPS)[number];
export const isSendingStep = (id: CheckId): id is SendingStep => (SENDING_STEPS as readonly CheckId[]).includes(id);

/** The i18n keys of a step's title and one-line description: `check_<id with underscores>_title` / `_about`. */
export const checkTitleKey = (id: CheckId): string => messageKey('check', id, 'title');
export const checkAboutKey = (id: CheckId): string => messageKey('check', id, 'about');

/** A browser API a step needs that not every supported browser has. */
export type OptionalApi = 'windows';
/**
 * What each step needs beyond the APIs every supported browser has. Firefox for Android has no `windows`
 * (MDN browser-compat-data, webextensions.api.windows: firefox_android false), so it cannot open a private
 * window; every other API the steps use (tabs, webRequest, cookies, browsingData ≥ 85, dns) it has.
 */
export const STEP_NEEDS: Partial<Record<CheckId, readonly OptionalApi[]>> = { 'private-window': ['windows'] };

export const CHECK_OUTCOMES = ['fixed', 'still-failing', 'pass', 'fail', 'inconclusive', 'skipped'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];
/** i18n key naming an outcome: 'still-failing' → 'outcome_still_failing'. */
export const outcomeKey = (outcome: CheckOutcome): string => messageKey('outcome', outcome);

/** One fact a check observed, shown under its result and used by the verdict. */
export interface Evidence {
  /** i18n key of the label. */
  label: string;
  value: string;
}

export interface CheckResult {
  outcome: CheckOutcome;
  /** i18n key of a one-line summary. */
  summary: string;
  /** Substitutions for the summary message. */
  summaryArgs?: string[];
  evidence: Evidence[];
  durationMs: number;
  /** Machine-readable facts for the verdict (e.g. { status: 200 } or { connectivity: 'ok' }). */
  facts?: Record<string, string | number | boolean>;
}

export type CheckState =
  | { state: 'running'; runId: string; startedAt: number; deadline: number; progress?: string }
  | { state: 'waiting-for-user'; runId: string; startedAt: number; prompt: string; durationMs: number }
  | { state: 'done'; runId: string; startedAt: number; result: CheckResult }
  | { state: 'interrupted'; runId: string; startedAt: number };

export type CheckStates = Partial<Record<CheckId, CheckState>>;
