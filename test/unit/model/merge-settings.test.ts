import { describe, expect, it } from 'vitest';
import { mergeSettings } from '../../../src/model/merge-settings';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';

describe('the defaults the README and the options page promise', () => {
  it("third-party look-ups, the page's path and automatic checks are off; history and the notice on; every address https", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      thirdPartyLookups: false,
      sharePagePath: false,
      autoRunChecks: false,
      historyEnabled: true,
      errorPageNotice: true,
    });
    const { captivePortal, providerStatusPages, ...rest } = DEFAULT_SETTINGS.endpoints;
    const addresses = [...Object.values(rest).flat(), ...Object.values(providerStatusPages ?? {})].map(String);
    for (const address of addresses) expect(address).toMatch(/^https:\/\//);
    // The one plain-http address: a login page can only intercept what is not encrypted.
    expect(captivePortal.url).toMatch(/^http:\/\//);
  });
});

describe('mergeSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(mergeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings('x')).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings([1])).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid stored values and ignores wrongly typed ones', () => {
    const s = mergeSettings({ autoRunChecks: true, ownerMode: 'yes', checkTimeoutMs: 3000 });
    expect(s.autoRunChecks).toBe(true);
    expect(s.ownerMode).toBe(false);
    expect(s.checkTimeoutMs).toBe(3000);
  });
  it('overrides single endpoints (tests point them at 127.0.0.1)', () => {
    const s = mergeSettings({
      endpoints: { dohResolver: 'http://127.0.0.1:9/dns-query', connectivity: ['http://127.0.0.1:9/a', 5] },
    });
    expect(s.endpoints.dohResolver).toBe('http://127.0.0.1:9/dns-query');
    expect(s.endpoints.connectivity).toEqual(DEFAULT_SETTINGS.endpoints.connectivity);
    expect(s.endpoints.archive).toBe(DEFAULT_SETTINGS.endpoints.archive);
  });
  it('never hands out the defaults object itself', () => {
    mergeSettings(undefined).endpoints.connectivity.push('x');
    expect(DEFAULT_SETTINGS.endpoints.connectivity).not.toContain('x');
  });
});
