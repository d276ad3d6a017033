// Which messages the background acts on: the senders as Chrome and Firefox really describe them
// (runtime.MessageSender: `id` is the extension's id — in Firefox the gecko id, not the internal UUID —
// and `url` the sending page), and the shape of every message kind.
import { describe, expect, it } from 'vitest';
import {
  isFromOwnNotice,
  isFromOwnPage,
  parseMessage,
  parseNoticeMessage,
} from '../../../src/background/message-guard';

const CHROME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const CHROME_BASE = `chrome-extension://${CHROME_ID}/`;
const GECKO_ID = 'error-page-explainer@example.org';
const FIREFOX_BASE = 'moz-extension://0b6a1c52-4b8e-4c2b-9d4e-3f1a2b3c4d5e/';

describe('isFromOwnPage', () => {
  it.each([
    [
      'Chrome toolbar popup',
      { id: CHROME_ID, url: `${CHROME_BASE}popup.html`, origin: CHROME_BASE.slice(0, -1) },
      CHROME_ID,
      CHROME_BASE,
    ],
    [
      'Chrome popup opened in a tab',
      { id: CHROME_ID, url: `${CHROME_BASE}popup.html?tab=12`, tab: { id: 3 }, frameId: 0 },
      CHROME_ID,
      CHROME_BASE,
    ],
    ['Chrome options page', { id: CHROME_ID, url: `${CHROME_BASE}options.html` }, CHROME_ID, CHROME_BASE],
    [
      'Firefox toolbar popup',
      { id: GECKO_ID, url: `${FIREFOX_BASE}popup.html`, envType: 'addon_child' },
      GECKO_ID,
      FIREFOX_BASE,
    ],
    [
      'Firefox options page in a tab',
      { id: GECKO_ID, url: `${FIREFOX_BASE}options.html`, tab: { id: 4 }, frameId: 0 },
      GECKO_ID,
      FIREFOX_BASE,
    ],
  ])('accepts the %s', (_what, sender, id, base) => {
    expect(isFromOwnPage(sender, id, base)).toBe(true);
  });

  it.each([
    ['no sender at all', undefined],
    [
      'a content script (our id, a web page URL)',
      { id: CHROME_ID, url: 'https://evil.example/popup.html', tab: { id: 3 }, frameId: 0 },
    ],
    [
      'another extension',
      { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' },
    ],
    [
      'another extension claiming our id in its URL path',
      { id: 'zzzz', url: `chrome-extension://zzzz/${CHROME_ID}/popup.html` },
    ],
    [
      'our id with another origin that starts like ours',
      { id: CHROME_ID, url: `chrome-extension://${CHROME_ID}.evil.example/popup.html` },
    ],
    ['a page of ours that does not send messages', { id: CHROME_ID, url: `${CHROME_BASE}assets/chunk.js` }],
    ['no URL (the worker itself, a native app)', { id: CHROME_ID }],
    ['a URL that is not a string', { id: CHROME_ID, url: 42 as unknown as string }],
  ])('refuses %s', (_what, sender) => {
    expect(isFromOwnPage(sender, CHROME_ID, CHROME_BASE)).toBe(false);
  });

  it('in Firefox, a page of the same extension id at another internal UUID (another profile) is not ours', () => {
    expect(
      isFromOwnPage(
        { id: GECKO_ID, url: 'moz-extension://11111111-2222-3333-4444-555555555555/popup.html' },
        GECKO_ID,
        FIREFOX_BASE,
      ),
    ).toBe(false);
  });
});

describe('parseMessage', () => {
  it.each([
    { type: 'get-live-status', tabId: 4 },
    { type: 'get-live-status', tabId: -1 },
    { type: 'run-all', tabId: 4 },
    { type: 'popup-opened', tabId: 4 },
    { type: 'watch-stop', tabId: 4 },
    { type: 'run-check', tabId: 4, checkId: 'clean-request' },
    { type: 'run-check', tabId: 4, checkId: 'clear-site-data', confirmedFor: 'inc-1' },
    { type: 'cancel-check', tabId: 4, checkId: 'dns' },
    { type: 'answer-check', tabId: 4, checkId: 'private-window', answer: 'same-error' },
    { type: 'watch-start', tabId: 4 },
    { type: 'watch-start', tabId: 4, reload: true },
  ])('keeps a well-formed %o as it is', (message) => {
    expect(parseMessage(message)).toEqual(message);
  });

  it('drops fields a kind does not know', () => {
    expect(parseMessage({ type: 'run-all', tabId: 4, checkId: 'dns', __proto__x: 1 })).toEqual({
      type: 'run-all',
      tabId: 4,
    });
  });

  it.each([
    ['not an object', 'run-all'],
    ['an array', [{ type: 'run-all', tabId: 1 }]],
    ['null', null],
    ['an unknown kind', { type: 'clear-everything', tabId: 1 }],
    ['a tab id as text', { type: 'run-all', tabId: '1' }],
    ['a fractional tab id', { type: 'run-all', tabId: 1.5 }],
    ['a tab id below -1', { type: 'run-all', tabId: -2 }],
    ['NaN as tab id', { type: 'run-all', tabId: Number.NaN }],
    ['no tab id', { type: 'run-all' }],
    ['an unknown step', { type: 'run-check', tabId: 1, checkId: 'format-disk' }],
    ['a step name from the prototype', { type: 'run-check', tabId: 1, checkId: 'toString' }],
    [
      'a confirmation that names no incident',
      { type: 'run-check', tabId: 1, checkId: 'clear-site-data', confirmedFor: true },
    ],
    [
      'a confirmation with an empty incident id',
      { type: 'run-check', tabId: 1, checkId: 'clear-site-data', confirmedFor: '' },
    ],
    [
      'a confirmation with an absurd incident id',
      { type: 'run-check', tabId: 1, checkId: 'clear-site-data', confirmedFor: 'x'.repeat(101) },
    ],
    ['a cancel without a step', { type: 'cancel-check', tabId: 1 }],
    ['an answer that is neither choice', { type: 'answer-check', tabId: 1, checkId: 'private-window', answer: 'yes' }],
    ['reload as text', { type: 'watch-start', tabId: 1, reload: 'true' }],
  ])('refuses %s', (_what, message) => {
    expect(parseMessage(message)).toBeNull();
  });
});

describe("the in-page notice's messages", () => {
  const ID = 'ext-id';
  const BASE = 'chrome-extension://ext-id/';
  const page = { id: ID, url: 'https://shop.example/checkout', tab: { id: 7 }, frameId: 0 };
  it('come from our own script in a top frame of a tab', () => {
    expect(isFromOwnNotice(page, ID, BASE)).toBe(true);
  });
  it.each([
    ['another extension', { ...page, id: 'other' }],
    ['no tab', { id: ID, url: page.url, frameId: 0 }],
    ['a subframe', { ...page, frameId: 3 }],
    ['one of our own pages', { ...page, url: `${BASE}popup.html` }],
    ['nothing', undefined],
  ])('are refused from %s', (_what, sender) => {
    expect(isFromOwnNotice(sender, ID, BASE)).toBe(false);
  });
  it('are only the two notice kinds, and carry nothing else', () => {
    expect(parseNoticeMessage({ type: 'notice-open-steps', tabId: 99 })).toEqual({ type: 'notice-open-steps' });
    expect(parseNoticeMessage({ type: 'notice-mute-site' })).toEqual({ type: 'notice-mute-site' });
    expect(parseNoticeMessage({ type: 'run-check', tabId: 7, checkId: 'reload' })).toBeNull();
    expect(parseNoticeMessage('notice-open-steps')).toBeNull();
  });
});
