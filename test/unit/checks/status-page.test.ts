import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpretStatusPages, planStatusPages, statusPage, type StatusLookup } from '../../../src/checks/status-page';
import { parseStatuspage } from '../../../src/knowledge/statuspage';
import { siteScopeOf } from '../../../src/knowledge/site-scope';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import type { CheckOutput } from '../../../src/checks/check';
import { startServers, type LocalServers } from '../../harness/route-servers';
import { testContext, testIncident } from '../support/check-context';
import {
  CLOUDFLARE_STATUS_MINOR,
  CLOUDFLARE_SUMMARY_INCIDENT,
  OPERATIONAL_STATUS,
} from '../support/third-party-answers';

const endpoints = DEFAULT_SETTINGS.endpoints;

describe('planStatusPages', () => {
  it('the site at status.<registrable domain>, plus the CDN that answered', () => {
    const plan = planStatusPages(
      'https://www.shop.example.co.uk/cart?x=1',
      'cloudflare',
      endpoints,
      siteScopeOf(new URL('https://www.shop.example.co.uk/cart?x=1').hostname),
    );
    expect(plan.lookups).toEqual([
      { kind: 'site', name: 'example.co.uk', url: 'https://status.example.co.uk/api/v2/status.json' },
      { kind: 'provider', name: 'Cloudflare', url: 'https://www.cloudflarestatus.com/api/v2/status.json' },
    ]);
    expect(plan.links).toEqual([]);
  });
  it('a provider without a machine-readable page becomes a link', () => {
    const plan = planStatusPages(
      'https://example.com/',
      'heroku',
      endpoints,
      siteScopeOf(new URL('https://example.com/').hostname),
    );
    expect(plan.lookups.map((t) => t.kind)).toEqual(['site']);
    expect(plan.links).toEqual([{ kind: 'provider', name: 'Heroku router', url: 'https://status.heroku.com/' }]);
  });
  it('a site on a platform domain: the platform, not status.<app>.vercel.app', () => {
    const plan = planStatusPages(
      'https://my-app.vercel.app/',
      'vercel',
      endpoints,
      siteScopeOf(new URL('https://my-app.vercel.app/').hostname),
    );
    expect(plan.lookups).toEqual([
      { kind: 'provider', name: 'Vercel', url: 'https://www.vercel-status.com/api/v2/status.json' },
    ]);
  });
  it('nothing for an IP address or localhost without a CDN', () => {
    expect(
      planStatusPages(
        'http://127.0.0.1:8080/',
        null,
        endpoints,
        siteScopeOf(new URL('http://127.0.0.1:8080/').hostname),
      ),
    ).toEqual({ lookups: [], links: [] });
    expect(
      planStatusPages('http://localhost/', null, endpoints, siteScopeOf(new URL('http://localhost/').hostname)),
    ).toEqual({ lookups: [], links: [] });
  });
  it('a provider turned off in the settings is not asked', () => {
    const plan = planStatusPages(
      'https://example.com/',
      'cloudflare',
      { ...endpoints, providerStatusPages: { cloudflare: '' } },
      siteScopeOf(new URL('https://example.com/').hostname),
    );
    expect(plan.lookups.map((t) => t.kind)).toEqual(['site']);
  });
});

const site = { kind: 'site' as const, name: 'example.com', url: 'https://status.example.com/api/v2/status.json' };
const cf = {
  kind: 'provider' as const,
  name: 'Cloudflare',
  url: 'https://www.cloudflarestatus.com/api/v2/status.json',
};
const found = (target: typeof site | typeof cf, json: unknown): StatusLookup => ({
  target,
  found: true,
  reading: parseStatuspage(json)!,
});

describe('interpretStatusPages', () => {
  it('an open incident at the CDN → fail, named, with the incident as evidence', () => {
    const out = interpretStatusPages(
      [{ target: site, found: false, answered: false }, found(cf, CLOUDFLARE_SUMMARY_INCIDENT)],
      [],
    );
    expect(out).toMatchObject({
      outcome: 'fail',
      summary: 'statusPageReportsProblem',
      summaryArgs: ['Cloudflare', 'Elevated 5xx errors in Frankfurt (FRA)'],
    });
    expect(out.facts).toMatchObject({
      statusPage: 'problem',
      providerStatusIndicator: 'major',
      openIncidents: 1,
      statusPagesRead: 1,
    });
    expect(out.evidence).toContainEqual({
      label: 'evidenceStatusIncident',
      value:
        'Elevated 5xx errors in Frankfurt (FRA) — investigating — 2024-05-02T09:35:44.771Z — https://stspg.io/abc123',
    });
    expect(out.evidence).toContainEqual({
      label: 'evidenceStatusPageNoneAtSite',
      value: 'https://status.example.com/',
    });
  });
  it('a minor indicator without incidents is still a reported problem', () => {
    expect(interpretStatusPages([found(cf, CLOUDFLARE_STATUS_MINOR)], [])).toMatchObject({
      outcome: 'fail',
      summaryArgs: ['Cloudflare', 'Minor Service Outage'],
    });
  });
  it('all operational → pass, but only "no known problem"', () => {
    const out = interpretStatusPages([found(site, OPERATIONAL_STATUS)], []);
    expect(out).toMatchObject({
      outcome: 'pass',
      summary: 'statusPageAllClear',
      summaryArgs: ['example.com'],
      facts: { statusPage: 'operational', siteStatusIndicator: 'none' },
    });
  });
  it('nothing answered → inconclusive; answered without JSON → not found', () => {
    expect(interpretStatusPages([{ target: site, found: false, answered: false }], [])).toMatchObject({
      outcome: 'inconclusive',
      summary: 'statusPageNoAnswer',
    });
    expect(interpretStatusPages([{ target: site, found: false, answered: true }], [])).toMatchObject({
      outcome: 'inconclusive',
      summary: 'statusPageNotFound',
    });
  });
  it('only links → skipped, with the links', () => {
    const link = { kind: 'provider' as const, name: 'Heroku router', url: 'https://status.heroku.com/' };
    const out = interpretStatusPages([], [link]);
    expect(out).toMatchObject({ outcome: 'skipped', summary: 'statusPageLinksOnly' });
    expect(out.evidence).toEqual([
      { label: 'evidenceStatusPageLinkOnly', value: 'Heroku router: https://status.heroku.com/' },
    ]);
  });
});

describe('status-page step against loopback pages', () => {
  let s: LocalServers;
  beforeAll(async () => {
    const json = (body: unknown) => (_q: unknown, r: import('node:http').ServerResponse) =>
      r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    s = await startServers({
      // The site's page has only status.json; the CDN's has a summary.
      '/example.com/api/v2/status.json': json(OPERATIONAL_STATUS),
      '/cf/api/v2/summary.json': json(CLOUDFLARE_SUMMARY_INCIDENT),
      '/cf/api/v2/status.json': json(CLOUDFLARE_STATUS_MINOR),
      '/html/api/v2/summary.json': (_q, r) =>
        r.writeHead(200, { 'content-type': 'text/html' }).end('<html>nope</html>'),
      '/html/api/v2/status.json': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html>nope</html>'),
    });
  });
  afterAll(() => s.close());

  const run = async (url: string, edge: 'cloudflare' | null, eps: Record<string, unknown>, thirdParty = true) => {
    const incident = testIncident(
      url,
      { type: 'http', status: 522, statusLine: 'HTTP/1.1 522' },
      { fingerprint: { edge, server: null, traceIds: [] } },
    );
    const ctx = testContext(incident, eps);
    ctx.settings.thirdPartyLookups = thirdParty;
    return { out: (await statusPage.run(ctx)) as CheckOutput, ctx };
  };

  it('reads the site page (falling back from summary to status) and the CDN summary', async () => {
    const { out, ctx } = await run('https://www.example.com/x', 'cloudflare', {
      statusPage: `${s.base}/{domain}/api/v2/status.json`,
      providerStatusPages: { cloudflare: `${s.base}/cf/api/v2/status.json` },
    });
    expect(out).toMatchObject({
      outcome: 'fail',
      summary: 'statusPageReportsProblem',
      facts: { siteStatusIndicator: 'none', providerStatusIndicator: 'major', openIncidents: 1 },
    });
    expect(ctx.progressed).toEqual(['progressReadingStatusPages']);
    const paths = s.requests.map((r) => r.path);
    expect(paths).toContain('/example.com/api/v2/summary.json');
    expect(paths).toContain('/example.com/api/v2/status.json');
    expect(paths).toContain('/cf/api/v2/summary.json');
    expect(paths).not.toContain('/cf/api/v2/status.json');
    expect(s.requests.every((r) => r.headers.cookie === undefined)).toBe(true);
  });

  it('an HTML answer is "not found", not a crash', async () => {
    const { out } = await run('https://example.org/', null, {
      statusPage: `${s.base}/html/api/v2/status.json?d={domain}`,
    });
    expect(out).toMatchObject({ outcome: 'inconclusive', summary: 'statusPageNotFound' });
  });

  it('offline (refused everywhere): inconclusive and quick', async () => {
    const started = Date.now();
    const { out } = await run('https://example.com/', 'cloudflare', {
      statusPage: `${s.refused}/{domain}/api/v2/status.json`,
      providerStatusPages: { cloudflare: `${s.refused}/cf/api/v2/status.json` },
    });
    expect(out).toMatchObject({ outcome: 'inconclusive', summary: 'statusPageNoAnswer' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('third-party look-ups off: contacts nothing, offers the pages as links', async () => {
    const before = s.requests.length;
    const { out } = await run(
      'https://example.com/',
      'cloudflare',
      { statusPage: `${s.base}/{domain}/api/v2/status.json` },
      false,
    );
    expect(out).toMatchObject({ outcome: 'skipped', summary: 'thirdPartyLookupsOff' });
    expect(out.evidence).toContainEqual({
      label: 'evidenceStatusPageLinkOnly',
      value: 'Cloudflare: https://www.cloudflarestatus.com/',
    });
    expect(s.requests.length).toBe(before);
  });

  it('is never automatic', () => expect(statusPage.automatic).toBe(false));
});
