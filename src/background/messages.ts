// One handler per message kind from the popup and options page, plus the in-page notice's two kinds (from
// our own script in a failing page, acting only on the sender's tab); anything else gets no answer.
import browser from 'webextension-polyfill';
import { liveStatusOf } from './live-status';
import { onPopupOpened } from './auto-run';
import { answerCheck, cancelCheck, runAutomaticChecks, runCheck } from './check-runner';
import { isFromOwnNotice, isFromOwnPage, parseMessage, parseNoticeMessage } from './message-guard';
import { ready } from './ready';
import { POPUP_PORT } from '../model/messages';
import { startWatch, stopWatch } from './watch';
import { openStepsFor } from './open-steps';
import { muteNoticeFor } from './error-notice';

// Work that answers at once and goes on in the background must not end as an unhandled rejection.
const inBackground = (work: () => Promise<unknown>) => void ready.then(work).catch(() => undefined);

/** runtime.onConnect: the popup's one-way messages (src/popup/background-port.ts), handled like the others. */
export function handlePort(port: browser.Runtime.Port): void {
  if (port.name !== POPUP_PORT) return;
  port.onMessage.addListener((message: unknown) => void handleMessage(message, port.sender)?.catch(() => undefined));
}

// runtime.onMessage: returning a promise answers the sender; `undefined` leaves the message to others.
export function handleMessage(message: unknown, sender?: browser.Runtime.MessageSender): Promise<unknown> | undefined {
  if (isFromOwnNotice(sender, browser.runtime.id, browser.runtime.getURL(''))) return handleNoticeMessage(message, sender!);
  if (!isFromOwnPage(sender, browser.runtime.id, browser.runtime.getURL(''))) return undefined;
  const msg = parseMessage(message);
  switch (msg?.type) {
    case 'get-live-status':
      return Promise.resolve(liveStatusOf(msg.tabId));
    case 'run-check':
      // Answer at once: the step reports through storage, and the popup may be gone before it ends.
      inBackground(() => runCheck(msg.tabId, msg.checkId, msg.confirmedFor, msg.scope));
      return Promise.resolve(true);
    case 'run-all':
      inBackground(() => runAutomaticChecks(msg.tabId));
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
    default:
      return undefined;
  }
}

/** The notice's two kinds act on the tab that sent them, never on a tab a message names. */
function handleNoticeMessage(message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined {
  switch (parseNoticeMessage(message)?.type) {
    case 'notice-open-steps':
      return sender.tab ? openStepsFor(sender.tab) : Promise.resolve(false);
    case 'notice-mute-site':
      return muteNoticeFor(sender);
    default:
      return undefined;
  }
}
