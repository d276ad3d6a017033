// What each step sends to third parties, as the popup shows it before the step runs: exactly the requests the
// step then makes (fetch recorded), with the page's path only when the person allows it, never the query.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Check } from '../../../src/checks/check';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import { testContext, testIncident } from '../support/check-context';
import { installFakes } from '../support/fake-extension';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { SENDING_STEPS, outgoingRequests, dohQueryUrl } = await import('../../../src/knowledge/outgoing-requests');
const { checkById } = await import('../../../src/checks');

const PAGE = 'https://shop.example.com/reset-password/tok123/confirm?token=secret#top';
const http522 = { type: 'http' as const, status: 522, statusLine: 'HTTP/1.1 522' };

let sent: { method: string; url: string; body?: string }[] = [];
beforeEach(() => {
  installFakes();
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      sent.push({
        method: init.method ?? 'GET',
        url: String(url),
        ...(typeof init.body === 'string' ? { body: init.body } : {}),
      });
      return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe('outgoingRequests: what the popup shows is what the step sends', () => {
  for (const sharePagePath of [false, true]) {
    it.each([...SENDING_STEPS])(`%s (page path ${sharePagePath ? 'allowed' : 'not allowed'})`, async (step) => {
      const incident = testIncident(PAGE, http522, {
        ip: '93.184.216.34',
        fingerprint: { edge: 'cloudflare', server: null, traceIds: [] },
      });
      const context = testContext(incident, DEFAULT_SETTINGS.endpoints, { timeoutMs: 3000 });
      context.settings.thirdPartyLookups = true;
      context.settings.sharePagePath = sharePagePath;
      const shown = outgoingRequests(step, {
        url: PAGE,
        ip: incident.ip,
        edge: 'cloudflare',
        scope: context.scope,
        settings: context.settings,
      });
      await (checkById(step) as Check).run(context);
      expect(shown.length).toBeGreaterThan(0);
      // The status pages are read in parallel: the order of their requests is not fixed.
      const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);
      expect([...sent].sort(byUrl)).toEqual([...shown].sort(byUrl));
      const everything = JSON.stringify(shown);
      expect(everything).not.toContain('secret');
      expect(everything.includes('tok123')).toBe(sharePagePath && step !== 'dns' && step !== 'status-page');
    });
  }

  it('look-ups off: only the DNS step sends (its resolver is disclosed and a setting)', () => {
    const settings = { ...DEFAULT_SETTINGS, thirdPartyLookups: false };
    const sends = SENDING_STEPS.filter(
      (step) => outgoingRequests(step, { url: PAGE, edge: 'cloudflare', scope: null, settings }).length > 0,
    );
    expect(sends).toEqual(['dns']);
  });

  it.each([
    ['a local name', 'https://printer.local/', undefined],
    ['a public name that resolved inside this network', 'https://shop.example.com/', '192.168.1.20'],
    ['an IP address', 'https://203.0.113.9/', undefined],
  ])('%s: nothing to anyone', (_, url, ip) => {
    const settings = { ...DEFAULT_SETTINGS, thirdPartyLookups: true };
    for (const step of SENDING_STEPS)
      expect(outgoingRequests(step, { url, ip, edge: null, scope: null, settings }), step).toEqual([]);
  });

  it('the DoH question: the name and the record type, nothing else', () => {
    expect(dohQueryUrl('https://cloudflare-dns.com/dns-query', 'shop.example.com', 'AAAA')).toBe(
      'https://cloudflare-dns.com/dns-query?name=shop.example.com&type=AAAA',
    );
    expect(dohQueryUrl('not a url', 'shop.example.com', 'A')).toBeNull();
  });
});
