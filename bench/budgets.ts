// Every budget of `npm run bench` in one place (bundle budgets: bundle-size.ts, shared with CI).
export { BUNDLE_BUDGET_MISSES, BUNDLE_BUDGETS_KB } from '../test/harness/measure/bundle-size';

export const BUDGETS = {
  popupMedianMs: 50,
  popupVsShell: 2,
  /** Issue 15: explanation rendered ÷ the script-less shell, as a ratio of medians. */
  popupVsShellMedians: 1.25,
  handlerNsPerEvent: 2000,
  navigationRatio: 1.05,
  healthyWrites: 0,
  healthyScriptingCalls: 0,
  /**
   * Failing response → badge on its tab. The badge is the first thing that says "this failed"; it should be
   * there by the time the error page itself has painted (the failing page's own load takes ~100 ms here).
   */
  failureToBadgeMs: 100,
  /**
   * Failing response → the page's own reason stored (needs the page's DOM, then one scripting call). It must
   * be stored before the person can open the popup: seeing the page, moving to the toolbar and clicking
   * takes well over half a second.
   */
  failureToReasonMs: 400,
  /** Issue 15: worker start → first failing navigation recorded, ÷ a worker with the same listeners doing nothing. */
  coldStartVsEmpty: 1.3,
  verdictMedianMs: 5000,
  blackHoledVerdictMs: 10_000,
  workerHeapBytes: 8 * 1024 * 1024,
  sessionBytes50Tabs: 1024 * 1024,
  /** Bytes per tab with 100 tabs vs with 1: constant means linear growth. */
  bytesPerTabGrowth: 1.2,
  /** Popup ÷ shell with 100 tabs vs with 1 (the popup reads one tab's record: flat; linear would be 100×). */
  popupScaleGrowth: 2,
} as const;
