// The popup's one-way messages to the background go over a port: none of them needs an answer, and an
// answer still on its way when the popup closes (it closes whenever focus moves) is an error Firefox
// logs ("Promise resolved after context unloaded"). The background treats them as runtime messages
// (src/background/messages.ts, handlePort), with the same sender check.
import browser from 'webextension-polyfill';
import { POPUP_PORT, type Message } from '../model/messages';

let port: browser.Runtime.Port | null = null;

export function post(message: Message): void {
  try {
    if (!port) {
      port = browser.runtime.connect({ name: POPUP_PORT });
      port.onDisconnect.addListener(() => (port = null));
    }
    port.postMessage(message);
  } catch {
    // The background went away between two messages (an extension update): the next one reconnects.
    port = null;
  }
}
