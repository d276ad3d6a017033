import { describe, expect, it } from 'vitest';
import {
  isExplainedClientStatus,
  isServerErrorStatus,
  isTopLevelNavigation,
} from '../../../src/knowledge/classify-navigation';

const top = { type: 'main_frame', tabId: 4, frameId: 0, url: 'https://example.com/' };

describe('isTopLevelNavigation', () => {
  it('accepts a tab’s outermost main frame', () => {
    expect(isTopLevelNavigation(top)).toBe(true);
    expect(isTopLevelNavigation({ ...top, frameType: 'outermost_frame', documentLifecycle: 'active' })).toBe(true);
  });
  it.each([
    ['a subframe', { ...top, type: 'sub_frame', frameId: 7 }],
    ['a non-zero frame id', { ...top, frameId: 3 }],
    ['a request from no tab (the extension itself, WebDriver)', { ...top, tabId: -1 }],
    ['a prerendered page', { ...top, documentLifecycle: 'prerender' }],
    ['a fenced frame', { ...top, frameType: 'fenced_frame' }],
    [
      'a speculation-rules prefetch (made by the page shown)',
      { ...top, frameType: 'outermost_frame', documentLifecycle: 'active', documentId: '950374FF' },
    ],
    ['an image', { ...top, type: 'image' }],
    ['a non-web scheme', { ...top, url: 'chrome://settings/' }],
    ['a file', { ...top, url: 'file:///tmp/x.html' }],
  ])('rejects %s', (_name, details) => {
    expect(isTopLevelNavigation(details)).toBe(false);
  });
});

describe('isServerErrorStatus', () => {
  it.each([500, 502, 503, 504, 520, 522, 530, 599])('%i is a server error', (s) =>
    expect(isServerErrorStatus(s)).toBe(true),
  );
  it.each([200, 301, 404, 499, 600, 999, 0, -502, 502.5, NaN])('%s is not', (s) =>
    expect(isServerErrorStatus(s)).toBe(false),
  );
});

describe('isExplainedClientStatus', () => {
  it.each([400, 401, 403, 404, 405, 407, 408, 410, 413, 414, 422, 429, 451, 499])('%i is explained as a refusal', (s) =>
    expect(isExplainedClientStatus(s)).toBe(true),
  );
  // A healthy load (2xx, 3xx) is never recorded: it costs no storage write.
  it.each([200, 204, 301, 304, 399, 500, 503, 0, 404.5, NaN])('%s is not', (s) =>
    expect(isExplainedClientStatus(s)).toBe(false),
  );
});
