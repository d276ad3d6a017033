// What the eager background and the on-demand steps file agree on (steps-loader.ts loads the file;
// on-demand-steps.ts is its entry; scripts/background-build.ts builds it). Pure: names and types only.
import type { CheckId } from '../model/checks';
import type { UserAnswer } from '../checks/check';

/** The steps file, at the root of dist/<browser> beside background.js. */
export const STEPS_FILE = 'background-steps.js';

/** Where the steps file publishes its API (a property of globalThis, so it works as a classic script and as a module). */
export const STEPS_GLOBAL = 'errorPageExplainerSteps';

/** Where the loader hands the core's own modules to the steps file, read once while it loads. */
export const CORE_GLOBAL = 'errorPageExplainerCore';

/**
 * The modules the steps share with the core: each holds state (the polyfill's listener wrappers, the per-tab
 * write queues, the loaded infrastructure registry) or is the storage seam, so the steps file must use the
 * core's one instance, never a copy of its own. The build makes every import of these in the steps file read
 * the core's instance (scripts/background-build.ts); the value is the module's path, as the bundler resolves it.
 */
export const SHARED_WITH_STEPS = {
  polyfill: /[\\/]node_modules[\\/]webextension-polyfill[\\/]/,
  storage: /[\\/]src[\\/]storage[\\/]storage\.ts$/,
  incidentStore: /[\\/]src[\\/]background[\\/]incident-store\.ts$/,
  infrastructureData: /[\\/]src[\\/]platform[\\/]infrastructure-data\.ts$/,
  registry: /[\\/]src[\\/]knowledge[\\/]infrastructure[\\/]registry\.ts$/,
} as const;

export type SharedModule = keyof typeof SHARED_WITH_STEPS;

/** What the steps file offers the core. */
export interface StepsApi {
  runCheck(tabId: number, checkId: CheckId, confirmedFor?: string, scope?: unknown): Promise<void>;
  runAutomaticChecks(tabId: number): Promise<void>;
  cancelCheck(tabId: number, checkId: CheckId): void;
  cancelChecksOfTab(tabId: number): void;
  answerCheck(tabId: number, checkId: CheckId, answer: UserAnswer): Promise<void>;
  /** "Run the automatic checks when the popup opens" (auto-run.ts): true when it started them. */
  onPopupOpened(tabId: number): Promise<boolean>;
}
