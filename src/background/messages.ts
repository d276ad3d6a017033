// One handler per message kind from the popup and options page, plus the in-page notice's two kinds (from
// our own script in a failing page, acting only on the sender's tab); anything else gets no answer.
import browser from 'webextension-polyfill';
import { liveStatusOf } from './live-status';
import { loadedSteps, loadSteps } from './steps-loader';
import { storage } from '../storage/storage';
import { isFromOwnNotice, isFromOwnPage, parseMessage, parseNoticeMessage } from './message-guard';
import { POPUP_PORT } from '../model/messages';
import { startWatch, stopWatch } from './watch';
import { openStepsFor } from './open-steps';
import { muteNoticeFor } from './error-notice';
import { markStepsUnavailable } from './steps-unavailable';
import { AUTOMATIC_CHECK_IDS } from '../model/checks';
import type { StepsApi } from './steps-contract';

/** Runs a step request with the steps loaded; if their file cannot be loaded, the request ends visibly instead. */
async function withSteps(run: (steps: StepsApi) => Promise<unknown>, unavailable: () => Promise<void>): Promise<void> {
  let steps: StepsApi;
  try {
    steps = await loadSteps();
  } catch (error) {
    console.warn('the steps file did not load', error);
    return unavailable();
  }
  await run(steps);
}

/**
 * The handlers for runtime.onMessage and runtime.onConnect. Every message kind waits for `ready` (the
 * instance's start-up, src/background/start.ts) before it reads or changes anything.
 */
export function messageHandlers(ready: Promise<unknown>) {
  // Work that answers at once and goes on in the background must not end as an unhandled rejection.
  const inBackground = (work: () => Promise<unknown>) => void ready.then(work).catch(() => undefined);
  const afterStart = <T>(work: () => T | Promise<T>): Promise<T> => ready.then(work);

  // runtime.onMessage: returning a promise answers the sender; `undefined` leaves the message to others.
  function handleMessage(message: unknown, sender?: browser.Runtime.MessageSender): Promise<unknown> | undefined {
    if (isFromOwnNotice(sender, browser.runtime.id, browser.runtime.getURL('')))
      return handleNoticeMessage(message, sender!, afterStart);
    if (!isFromOwnPage(sender, browser.runtime.id, browser.runtime.getURL(''))) return undefined;
    const msg = parseMessage(message);
    switch (msg?.type) {
      case 'get-live-status':
        return afterStart(() => liveStatusOf(msg.tabId));
      case 'run-check':
        // Answer at once: the step reports through storage, and the popup may be gone before it ends.
        inBackground(() =>
          withSteps(
            (steps) => steps.runCheck(msg.tabId, msg.checkId, msg.confirmedFor, msg.scope),
            () => markStepsUnavailable(msg.tabId, [msg.checkId], msg.confirmedFor),
          ),
        );
        return Promise.resolve(true);
      case 'run-all':
        inBackground(() =>
          withSteps(
            (steps) => steps.runAutomaticChecks(msg.tabId),
            () => markStepsUnavailable(msg.tabId, AUTOMATIC_CHECK_IDS),
          ),
        );
        return Promise.resolve(true);
      case 'popup-opened':
        return afterStart(() => autoRunIfAsked(msg.tabId));
      case 'cancel-check':
        // A step runs only in the instance that loaded the steps: none loaded here, nothing to stop.
        return afterStart(() => loadedSteps()?.cancelCheck(msg.tabId, msg.checkId)).then(() => true);
      case 'answer-check':
        return afterStart(() =>
          withSteps(
            (steps) => steps.answerCheck(msg.tabId, msg.checkId, msg.answer),
            () => markStepsUnavailable(msg.tabId, [msg.checkId]),
          ),
        ).then(() => true);
      case 'watch-start':
        return afterStart(() => startWatch(msg.tabId, msg.reload));
      case 'watch-stop':
        return afterStart(() => stopWatch(msg.tabId)).then(() => true);
      default:
        return undefined;
    }
  }

  /** runtime.onConnect: the popup's one-way messages (src/popup/background-port.ts), handled like the others. */
  function handlePort(port: browser.Runtime.Port): void {
    if (port.name !== POPUP_PORT) return;
    port.onMessage.addListener((message: unknown) => void handleMessage(message, port.sender)?.catch(() => undefined));
  }

  return { handleMessage, handlePort };
}

/** The automatic checks on opening the popup, only when the person turned them on: else no steps are loaded. */
async function autoRunIfAsked(tabId: number): Promise<boolean> {
  if (!(await storage.settings.get()).autoRunChecks) return false;
  let ran = false;
  await withSteps(
    async (steps) => void (ran = await steps.onPopupOpened(tabId)),
    // As the automatic run itself: only on an incident none of them has started on.
    () => markStepsUnavailable(tabId, AUTOMATIC_CHECK_IDS, undefined, { unstartedOnly: true }),
  );
  return ran;
}

/**
 * The notice's two kinds act on the tab that sent them, never on a tab a message names. Opening the steps
 * touches no state and goes at once (still within the click, for browsers that want one); muting the site
 * changes the settings, after start-up.
 */
function handleNoticeMessage(
  message: unknown,
  sender: browser.Runtime.MessageSender,
  afterStart: <T>(work: () => T | Promise<T>) => Promise<T>,
): Promise<unknown> | undefined {
  switch (parseNoticeMessage(message)?.type) {
    case 'notice-open-steps':
      return sender.tab ? openStepsFor(sender.tab) : Promise.resolve(false);
    case 'notice-mute-site':
      return afterStart(() => muteNoticeFor(sender));
    default:
      return undefined;
  }
}
