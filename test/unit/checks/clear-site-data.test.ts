import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Failure } from '../../../src/model/failure';
import { installFakes } from '../support/fake-extension';
import { output, testContext, testIncident } from '../support/check-context';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { planSiteDataRemoval } = await import('../../../src/platform/site-data');
const { cookieUrl } = await import('../../../src/platform/cookies');
const { clearSiteData, clearingEvidence } = await import('../../../src/checks/clear-site-data');

const http502: Failure = { type: 'http', status: 502, statusLine: '' };

describe('planSiteDataRemoval: only this site, never the whole browser', () => {
  it('Chrome: one call scoped by origin', () => {
    expect(
      planSiteDataRemoval('chrome', 'https://shop.example.com:8443/a?b', ['cache', 'cacheStorage', 'serviceWorkers']),
    ).toEqual({
      calls: [
        {
          options: { origins: ['https://shop.example.com:8443'] },
          dataToRemove: { cache: true, cacheStorage: true, serviceWorkers: true },
          types: ['cache', 'cacheStorage', 'serviceWorkers'],
        },
      ],
      unscoped: [],
    });
  });

  it('Firefox: hostnames (with port where Firefox matches host:port); Cache Storage cannot be scoped and is skipped', () => {
    const plan = planSiteDataRemoval('firefox', 'http://127.0.0.1:8080/', [
      'cache',
      'cacheStorage',
      'serviceWorkers',
      'localStorage',
      'indexedDB',
    ]);
    expect(plan.unscoped).toEqual(['cacheStorage']);
    expect(plan.calls).toEqual([
      {
        options: { hostnames: ['127.0.0.1'] },
        dataToRemove: { cache: true, serviceWorkers: true },
        types: ['cache', 'serviceWorkers'],
      },
      {
        options: { hostnames: ['127.0.0.1', '127.0.0.1:8080'] },
        dataToRemove: { localStorage: true, indexedDB: true },
        types: ['localStorage', 'indexedDB'],
      },
    ]);
  });

  it('every call carries a site filter (no call could clear everything)', () => {
    for (const kind of ['chrome', 'firefox'] as const) {
      for (const call of planSiteDataRemoval(kind, 'https://a.example/', [
        'cache',
        'cacheStorage',
        'serviceWorkers',
        'localStorage',
        'indexedDB',
      ]).calls) {
        expect((call.options.origins ?? call.options.hostnames ?? []).length).toBeGreaterThan(0);
      }
    }
  });
});

describe('cookieUrl', () => {
  it('addresses a domain cookie and a secure host cookie', () => {
    expect(cookieUrl({ domain: '.example.com', path: '/', secure: false })).toBe('http://example.com/');
    expect(cookieUrl({ domain: 'shop.example.com', path: '/cart', secure: true })).toBe(
      'https://shop.example.com/cart',
    );
  });
});

describe('clearingEvidence', () => {
  it('without confirmation says what was kept so you stay signed in', () => {
    const ev = clearingEvidence({
      confirmed: false,
      report: { cleared: ['cache', 'serviceWorkers'], unscoped: ['cacheStorage'], failed: [] },
      cookies: null,
    });
    expect(ev.map((e) => e.label)).toEqual([
      'siteDataCleared_cache',
      'siteDataCleared_serviceWorkers',
      'siteDataUnscoped_cacheStorage',
      'siteDataKept_localStorage',
      'siteDataKept_indexedDB',
      'siteDataKept_cookies',
    ]);
  });
  it('with confirmation reports removed cookies', () => {
    const ev = clearingEvidence({
      confirmed: true,
      report: { cleared: ['cache'], unscoped: [], failed: ['indexedDB'] },
      cookies: { removed: 3, failed: 0 },
    });
    expect(ev).toContainEqual({ label: 'siteDataCleared_cookies', value: '' });
    expect(ev).toContainEqual({ label: 'evidenceCookiesRemoved', value: '3' });
    expect(ev).toContainEqual({ label: 'siteDataFailed_indexedDB', value: '' });
  });
});

describe('clear-site-data step with a fake browser (Chrome flavour)', () => {
  let fakes: ReturnType<typeof installFakes>;
  beforeEach(() => {
    fakes = installFakes();
    fakes.tabsReload.mockImplementation(async () => {
      const incident = testIncident('https://shop.example.com/', http502);
      setTimeout(
        () =>
          void fakeBrowser.storage.session.set({
            'tab:7': { tabId: 7, lastError: { ...incident, endedAt: Date.now(), recoveredStatus: 200 } },
          }),
        10,
      );
    });
  });

  it('without confirmation: no cookies touched, cache etc. cleared for the origin, then reload → fixed', async () => {
    const out = output(await clearSiteData.run(testContext(testIncident('https://shop.example.com/', http502))));
    expect(fakes.browsingData.remove).toHaveBeenCalledWith(
      { origins: ['https://shop.example.com'] },
      { cache: true, cacheStorage: true, serviceWorkers: true },
    );
    expect(fakes.cookies.getAll).not.toHaveBeenCalled();
    expect(fakes.cookies.remove).not.toHaveBeenCalled();
    expect(out).toMatchObject({ outcome: 'fixed', summary: 'clearSiteDataFixed', facts: { cookiesCleared: false } });
  });

  // A cookie jar queried as both browsers do: `domain` matches that domain and every subdomain; `url` gives
  // the cookies sent to it, so its parent domain's too.
  const jar = [
    { name: 'session', domain: 'shop.example.com', path: '/', secure: true, storeId: '0' },
    { name: 'pref', domain: '.example.com', path: '/', secure: false, storeId: '0' },
    { name: 'api', domain: 'api.shop.example.com', path: '/', secure: true, storeId: '0' },
    { name: 'other', domain: 'other.com', path: '/', secure: false, storeId: '0' },
    { name: 'private', domain: 'shop.example.com', path: '/', secure: true, storeId: '1' },
  ];
  const domainMatch = (cookieDomain: string, host: string) =>
    host === cookieDomain.replace(/^\./, '') || host.endsWith(`.${cookieDomain.replace(/^\./, '')}`);
  const queryJar = async (q: unknown) => {
    const query = q as { url?: string; domain?: string; storeId?: string };
    return jar
      .filter((c) => c.storeId === (query.storeId ?? '0'))
      .filter((c) =>
        query.domain
          ? domainMatch(query.domain, c.domain.replace(/^\./, ''))
          : query.url
            ? domainMatch(c.domain, new URL(query.url).hostname)
            : true,
      );
  };

  it("confirmed: removes the cookies of exactly the failing host — not its parent domain's, not its subdomains', not another store's", async () => {
    fakes.cookies.getAll.mockImplementation(queryJar);
    const out = output(
      await clearSiteData.run(testContext(testIncident('https://shop.example.com/', http502), {}, { confirmed: true })),
    );
    expect(fakes.cookies.remove.mock.calls).toEqual([
      [{ url: 'https://shop.example.com/', name: 'session', storeId: '0' }],
    ]);
    expect(fakes.browsingData.remove).toHaveBeenCalledWith(
      { origins: ['https://shop.example.com'] },
      expect.objectContaining({ localStorage: true, indexedDB: true }),
    );
    expect(out.evidence).toContainEqual({ label: 'evidenceCookiesRemoved', value: '1' });
    expect(out.facts).toMatchObject({ cookiesCleared: true });
  });

  it("a private-window incident: no browsingData call (it would act on the normal profile), only the private store's cookies", async () => {
    fakes.cookies.getAll.mockImplementation(queryJar);
    fakes.cookies.getAllCookieStores.mockResolvedValue([
      { id: '0', tabIds: [3] },
      { id: '1', tabIds: [7] },
    ]);
    const incident = testIncident('https://shop.example.com/', http502, { incognito: true });
    const out = output(await clearSiteData.run(testContext(incident, {}, { confirmed: true })));
    expect(fakes.browsingData.remove).not.toHaveBeenCalled();
    expect(fakes.cookies.remove.mock.calls).toEqual([
      [{ url: 'https://shop.example.com/', name: 'private', storeId: '1' }],
    ]);
    expect(out.evidence).toContainEqual({ label: 'siteDataPrivateWindow', value: '' });
    expect(out.facts).toMatchObject({ cookiesCleared: true, signOutDataCleared: false });
  });

  it('a private-window incident whose cookie store cannot be found: nothing removed anywhere (never the normal store)', async () => {
    fakes.cookies.getAll.mockImplementation(queryJar);
    fakes.cookies.getAllCookieStores.mockRejectedValue(new Error('no access'));
    const incident = testIncident('https://shop.example.com/', http502, { incognito: true });
    const out = output(await clearSiteData.run(testContext(incident, {}, { confirmed: true })));
    expect(fakes.browsingData.remove).not.toHaveBeenCalled();
    expect(fakes.cookies.remove).not.toHaveBeenCalled();
    expect(out.evidence).toContainEqual({ label: 'siteDataPrivateCookiesUnreachable', value: '' });
    expect(out.facts).toMatchObject({ cookiesCleared: false });
  });

  it('a private-window incident without the cookie confirmation: nothing to do, and it says why', async () => {
    const incident = testIncident('https://shop.example.com/', http502, { incognito: true });
    const out = output(await clearSiteData.run(testContext(incident)));
    expect(fakes.browsingData.remove).not.toHaveBeenCalled();
    expect(fakes.tabsReload).not.toHaveBeenCalled();
    expect(out).toMatchObject({ outcome: 'skipped', summary: 'clearSiteDataPrivateWindow' });
  });

  it.each([
    [
      'a host that is a public suffix (path-style S3 bucket)',
      'https://s3.amazonaws.com/my-bucket/x',
      undefined,
      'clearSiteDataSharedAddress',
    ],
    ['no scope from the popup', 'https://shop.example.com/', null, 'clearSiteDataScopeUnknown'],
  ])('%s: nothing is removed', async (_, url, scope, summary) => {
    fakes.cookies.getAll.mockImplementation(queryJar);
    const out = output(
      await clearSiteData.run(
        testContext(testIncident(url, http502), {}, { confirmed: true, ...(scope === null ? { scope: null } : {}) }),
      ),
    );
    expect(fakes.browsingData.remove).not.toHaveBeenCalled();
    expect(fakes.cookies.remove).not.toHaveBeenCalled();
    expect(out).toMatchObject({ outcome: 'skipped', summary });
  });

  it('the removal is lasting work: a cancel waits for it and reports what it removed', async () => {
    const context = testContext(testIncident('https://shop.example.com/', http502));
    output(await clearSiteData.run(context));
    expect(context.lasted).toEqual([
      {
        kind: 'removal',
        left: expect.arrayContaining([
          { label: 'siteDataCleared_cache', value: '' },
          { label: 'siteDataKept_cookies', value: '' },
        ]),
      },
    ]);
  });

  it('a removal the browser refuses is reported, and the step goes on', async () => {
    fakes.browsingData.remove.mockRejectedValue(new Error('nope'));
    const out = output(await clearSiteData.run(testContext(testIncident('https://shop.example.com/', http502))));
    expect(out.evidence.map((e) => e.label)).toContain('siteDataFailed_cache');
    expect(out.outcome).toBe('fixed');
  });
});
