// The popup's typed actions: each one message to the background, where the work runs.
import browser from 'webextension-polyfill';
import type { CheckId } from '../model/checks';
import type { Message } from '../model/messages';

const send = (message: Message) => browser.runtime.sendMessage(message).catch(() => undefined);

export interface PopupActions {
  runCheck(checkId: CheckId, confirmCookies?: boolean): void;
  runAll(): void;
  /** Tells the background the popup shows this tab's incident (it may run the automatic steps, settings.autoRunChecks). */
  opened(): void;
  cancel(checkId: CheckId): void;
  answer(checkId: CheckId, answer: 'loaded' | 'same-error'): void;
}

export function actionsFor(tabId: number): PopupActions {
  return {
    runCheck: (checkId, confirmCookies) => void send({ type: 'run-check', tabId, checkId, confirmCookies }),
    runAll: () => void send({ type: 'run-all', tabId }),
    opened: () => void send({ type: 'popup-opened', tabId }),
    cancel: (checkId) => void send({ type: 'cancel-check', tabId, checkId }),
    answer: (checkId, answer) => void send({ type: 'answer-check', tabId, checkId, answer }),
  };
}
