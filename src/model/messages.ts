// The one message union between extension pages (popup, options) and the background.
import type { CheckId } from './checks';

export type Message =
  | { type: 'run-check'; tabId: number; checkId: CheckId; confirmCookies?: boolean }
  | { type: 'run-all'; tabId: number }
  | { type: 'cancel-check'; tabId: number; checkId: CheckId }
  | { type: 'answer-check'; tabId: number; checkId: CheckId; answer: 'loaded' | 'same-error' }
  | { type: 'get-live-status'; tabId: number }
  | { type: 'watch-start'; tabId: number }
  | { type: 'watch-stop'; tabId: number };

/** What the background answers to `get-live-status`: facts kept only in memory (healthy loads are never stored). */
export interface LiveStatus {
  status?: number;
  url?: string;
}
