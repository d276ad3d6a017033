// One handler per message kind from the popup, the options page and the in-page notice.
import type { Runtime } from 'webextension-polyfill';
import type { Message } from '../model/messages';
import { liveStatusOf } from './live-status';
import { onPopupOpened } from './auto-run';
import { answerCheck, cancelCheck, runAutomaticChecks, runCheck } from './check-runner';
import { ready } from './ready';
import { startWatch, stopWatch } from './watch';
import { openStepsFor } from './open-steps';
import { muteNoticeFor } from './error-notice';

// runtime.onMessage: returning a promise answers the sender; `undefined` leaves the message to others.
export function handleMessage(message: unknown, sender?: Runtime.MessageSender): Promise<unknown> | undefined {
  const msg = message as Message;
  switch (msg?.type) {
    case 'get-live-status':
      return Promise.resolve(liveStatusOf(msg.tabId));
    case 'run-check':
      // Answer at once: the step reports through storage, and the popup may be gone before it ends.
      void ready.then(() => runCheck(msg.tabId, msg.checkId, msg.confirmCookies === true, msg.scope));
      return Promise.resolve(true);
    case 'run-all':
      void ready.then(() => runAutomaticChecks(msg.tabId));
      return Promise.resolve(true);
    case 'popup-opened':
      return ready.then(() => onPopupOpened(msg.tabId));
    case 'cancel-check':
      cancelCheck(msg.tabId, msg.checkId);
      return Promise.resolve(true);
    case 'answer-check':
      return ready.then(() => answerCheck(msg.tabId, msg.checkId, msg.answer)).then(() => true);
    case 'watch-start':
      return startWatch(msg.tabId, msg.reload);
    case 'watch-stop':
      return stopWatch(msg.tabId).then(() => true);
    case 'notice-open-steps':
      return sender?.tab ? openStepsFor(sender.tab) : Promise.resolve(false);
    case 'notice-mute-site':
      return sender ? muteNoticeFor(sender) : Promise.resolve(false);
    default:
      return undefined;
  }
}
