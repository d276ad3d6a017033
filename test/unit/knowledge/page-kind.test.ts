import { describe, expect, it } from 'vitest';
import { pageKind } from '../../../src/knowledge/page-kind';

describe('pageKind', () => {
  it.each([
    ['https://example.com/', 'web'],
    ['http://[::1]:8080/x', 'web'],
    ['http://xn--bcher-kva.example/', 'web'],
    ['https://user:pw@host.test:8443/p?q=1', 'web'],
    ['chrome://settings', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['view-source:https://a.test/', 'browser-page'],
    ['moz-extension://abc/popup.html', 'browser-page'],
    ['file:///etc/hosts', 'local-file'],
    ['https://chromewebstore.google.com/detail/x', 'extension-store'],
    ['https://chrome.google.com/webstore/detail/x', 'extension-store'],
    ['https://chrome.google.com/other', 'web'],
    ['https://addons.mozilla.org/firefox/', 'extension-store'],
    ['data:text/html,hi', 'other'],
    ['not a url', 'other'],
    [undefined, 'other'],
  ])('%s → %s', (url, kind) => expect(pageKind(url)).toBe(kind));
});
