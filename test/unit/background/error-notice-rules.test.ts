import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/model/incident';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import { analyseResponse } from '../../../src/knowledge/infrastructure/analyse-response';
import { explain } from '../../../src/knowledge/explain';
import { NOTICE_LINE_KEYS, noticeLine, wantsNotice } from '../../../src/background/error-notice-rules';

const incident = (status: number, over: Partial<Incident> = {}): Incident => ({
  id: 'i',
  url: 'https://shop.test/cart?x=1',
  failure: { type: 'http', status, statusLine: `HTTP/1.1 ${status}` },
  at: 0,
  lastSeenAt: 0,
  occurrences: 1,
  headers: {},
  fingerprint: { edge: null, server: null, traceIds: [] },
  incognito: false,
  checks: {},
  ...over,
});
const page = { url: 'https://shop.test/cart?x=1', frameId: 0 };

describe('wantsNotice', () => {
  it("a top-level 5xx page that is the tab's incident gets it", () => {
    expect(wantsNotice(incident(502), page, DEFAULT_SETTINGS)).toBe(true);
    expect(wantsNotice(incident(599), { ...page, documentLifecycle: 'active' }, DEFAULT_SETTINGS)).toBe(true);
  });
  it('no incident (healthy page, challenge), a network failure or a non-5xx status: never', () => {
    expect(wantsNotice(undefined, page, DEFAULT_SETTINGS)).toBe(false);
    expect(wantsNotice(incident(404), page, DEFAULT_SETTINGS)).toBe(false);
    expect(wantsNotice(incident(600), page, DEFAULT_SETTINGS)).toBe(false);
    const network = incident(502, { failure: { type: 'network', kind: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' } });
    expect(wantsNotice(network, page, DEFAULT_SETTINGS)).toBe(false);
  });
  it("a subframe, a prerendered document or another URL than the incident's: never", () => {
    expect(wantsNotice(incident(502), { ...page, frameId: 3 }, DEFAULT_SETTINGS)).toBe(false);
    expect(wantsNotice(incident(502), { ...page, documentLifecycle: 'prerender' }, DEFAULT_SETTINGS)).toBe(false);
    expect(wantsNotice(incident(502), { ...page, url: 'https://shop.test/other' }, DEFAULT_SETTINGS)).toBe(false);
  });
  it('off in the options, or muted for that site (origin), it stays away', () => {
    expect(wantsNotice(incident(502), page, { ...DEFAULT_SETTINGS, errorPageNotice: false })).toBe(false);
    expect(wantsNotice(incident(502), page, { ...DEFAULT_SETTINGS, noticeMutedSites: ['https://shop.test'] })).toBe(
      false,
    );
    expect(wantsNotice(incident(502), page, { ...DEFAULT_SETTINGS, noticeMutedSites: ['http://shop.test'] })).toBe(
      true,
    );
  });
  it('is on by default', () => {
    expect(DEFAULT_SETTINGS.errorPageNotice).toBe(true);
    expect(DEFAULT_SETTINGS.noticeMutedSites).toEqual([]);
  });
});

describe('noticeLine', () => {
  it('names the code and the gateway that sent it, and says whose side failed', () => {
    const nginx = incident(502, { fingerprint: analyseResponse({ server: 'nginx/1.24.0' }, 502) });
    expect(noticeLine(nginx)).toEqual({ key: 'notice_origin_from', args: ['502', 'nginx'] });
    expect(noticeLine(incident(500))).toEqual({ key: 'notice_origin', args: ['500'] });
    // A 511 is a login page on your network (captive portal): not the site's fault.
    expect(noticeLine(incident(511)).key).toBe('notice_network');
  });
  it('every key it can return has an English text with the right substitutions', () => {
    const en = JSON.parse(
      readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
    ) as Record<string, { message: string }>;
    for (const key of NOTICE_LINE_KEYS) {
      expect(en[key]?.message, key).toMatch(key.endsWith('_from') ? /\$1.*\$2/ : /\$1/);
    }
  });
});

describe('noticeLine agrees with the popup', () => {
  // The notice reads the headers' verdict itself (the background carries none of the popup's tables): the
  // side it names and the layer it names must be the ones explain() gives the popup for the same record.
  const cases: [string, number, Record<string, string>][] = [
    ['nginx alone', 502, { server: 'nginx/1.24.0' }],
    ['behind Cloudflare', 502, { server: 'cloudflare', 'cf-ray': '7d1c2c3a4b5e6f70-FRA' }],
    ["Cloudflare's own 522", 522, { server: 'cloudflare', 'cf-ray': '7d1c2c3a4b5e6f70-FRA' }],
    ['an AWS load balancer', 503, { server: 'awselb/2.0' }],
    ['a captive portal', 511, {}],
    ['nothing known', 500, {}],
    ['Varnish in front of Apache', 503, { server: 'Apache', via: '1.1 varnish (Varnish/7.1)', 'x-varnish': '32770' }],
  ];
  it.each(cases)('%s', (_name, status, headers) => {
    const record = incident(status, { fingerprint: analyseResponse(headers, status) });
    const popup = explain(record.failure, record.fingerprint);
    const line = noticeLine(record);
    const side = popup.failingHop === 'gateway' ? 'gateway' : popup.failingHop === 'origin' ? 'origin' : 'network';
    expect(line.key.startsWith(`notice_${side}`), `${line.key} vs ${popup.failingHop}`).toBe(true);
    if (line.key.endsWith('_from')) expect(line.args[1]).toBe(popup.gatewayName);
    else expect(side === 'network' || popup.gatewayName === null).toBe(true);
  });
});
