// A failing response or network error that comes before start-up has finished starts the registry's import at
// once (index.ts passes these as afterStart's `early`); a healthy response, a subframe or an aborted load never
// loads it (a healthy navigation stays free).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const loadInfrastructure = vi.fn(async () => ({}));
vi.mock('../../../src/platform/infrastructure-data', () => ({ loadInfrastructure }));
const { preloadForError, preloadForResponse } = await import('../../../src/background/detector');

const page = { type: 'main_frame', tabId: 3, frameId: 0, url: 'https://shop.test/' };

beforeEach(() => loadInfrastructure.mockReset().mockResolvedValue({}));

describe('preloadForResponse', () => {
  it.each([502, 503, 520, 403, 429])('a top-level %i loads the registry', (statusCode) => {
    preloadForResponse({ ...page, statusCode });
    expect(loadInfrastructure).toHaveBeenCalledOnce();
  });

  it.each([200, 204, 301, 304])('a top-level %i does not', (statusCode) => {
    preloadForResponse({ ...page, statusCode });
    expect(loadInfrastructure).not.toHaveBeenCalled();
  });

  it('a failing subframe or a page in another tab kind does not', () => {
    preloadForResponse({ ...page, frameId: 4, statusCode: 502 });
    preloadForResponse({ ...page, type: 'sub_frame', statusCode: 502 });
    preloadForResponse({ ...page, tabId: -1, statusCode: 502 });
    expect(loadInfrastructure).not.toHaveBeenCalled();
  });

  it('handles a load that fails (no unhandled rejection: the record’s own update reports it)', () => {
    const load = Promise.resolve({});
    const handled = vi.spyOn(load, 'catch');
    loadInfrastructure.mockReturnValue(load);
    preloadForResponse({ ...page, statusCode: 502 });
    expect(handled).toHaveBeenCalledOnce();
  });
});

describe('preloadForError', () => {
  it('a top-level network failure loads the registry', () => {
    preloadForError({ ...page, error: 'net::ERR_NAME_NOT_RESOLVED' });
    expect(loadInfrastructure).toHaveBeenCalledOnce();
  });

  it('an aborted load, or a 5xx Chrome reports again as failed, does not', () => {
    preloadForError({ ...page, error: 'net::ERR_ABORTED' });
    preloadForError({ ...page, error: 'net::ERR_HTTP_RESPONSE_CODE_FAILURE' });
    expect(loadInfrastructure).not.toHaveBeenCalled();
  });
});
