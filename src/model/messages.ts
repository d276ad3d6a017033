// The one message union between extension pages (popup, options), the in-page notice and the background.
import type { CheckId } from './checks';
import type { SiteScope } from './site-scope';

export type Message =
  /**
   * `confirmedFor`: the id of the incident the person confirmed the intrusive part for (clearing cookies);
   * the step refuses it for any other incident, such as a newer one in the same tab.
   * `scope`: the popup's SiteScope of the failing host (steps that must stay inside the site need it);
   * the background keeps it only when it is about the incident's host (model/site-scope.ts, scopeForUrl).
   */
  | { type: 'run-check'; tabId: number; checkId: CheckId; confirmedFor?: string; scope?: SiteScope }
  | { type: 'run-all'; tabId: number }
  /** The popup opened on a tab with an incident: runs the automatic steps if settings.autoRunChecks says so. */
  | { type: 'popup-opened'; tabId: number }
  | { type: 'cancel-check'; tabId: number; checkId: CheckId }
  | { type: 'answer-check'; tabId: number; checkId: CheckId; answer: 'loaded' | 'same-error' }
  | { type: 'get-live-status'; tabId: number }
  /** `reload`: reload the tab when it is back (the panel's tick box); absent = settings.reloadWhenBack. */
  | { type: 'watch-start'; tabId: number; reload?: boolean }
  | { type: 'watch-stop'; tabId: number }
  /** From the notice inside a failing page: the tab is the sender's. */
  | { type: 'notice-open-steps' }
  | { type: 'notice-mute-site' };

/** What the background answers to `get-live-status`: facts kept only in memory (healthy loads are never stored). */
export interface LiveStatus {
  status?: number;
  url?: string;
}

/** runtime.connect name of the popup's port for its one-way messages (src/popup/background-port.ts). */
export const POPUP_PORT = 'popup';
