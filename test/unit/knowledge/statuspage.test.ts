import { describe, expect, it } from 'vitest';
import {
  hasProblem,
  humanPageOf,
  isStatuspageApi,
  parseStatuspage,
  providerStatusUrl,
  summaryUrlOf,
} from '../../../src/knowledge/statuspage';
import { mergeSettings } from '../../../src/model/merge-settings';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import {
  CLOUDFLARE_STATUS_MINOR,
  CLOUDFLARE_SUMMARY_INCIDENT,
  OPERATIONAL_STATUS,
} from '../support/third-party-answers';

describe('parseStatuspage', () => {
  it('reads status.json', () => {
    expect(parseStatuspage(OPERATIONAL_STATUS)).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
      pageName: 'Example',
      pageUrl: 'https://status.example.com/',
    });
    const minor = parseStatuspage(CLOUDFLARE_STATUS_MINOR);
    expect(minor).toMatchObject({ indicator: 'minor', description: 'Minor Service Outage', pageName: 'Cloudflare' });
    expect(minor?.incidents).toBeUndefined();
  });

  it('reads summary.json with its unresolved incidents, dropping resolved ones', () => {
    const reading = parseStatuspage(CLOUDFLARE_SUMMARY_INCIDENT);
    expect(reading?.indicator).toBe('major');
    expect(reading?.incidents).toEqual([
      {
        name: 'Elevated 5xx errors in Frankfurt (FRA)',
        status: 'investigating',
        impact: 'major',
        shortlink: 'https://stspg.io/abc123',
        updatedAt: '2024-05-02T09:35:44.771Z',
      },
    ]);
    expect(hasProblem(reading!)).toBe(true);
  });

  it('a summary with no incidents and indicator none is no problem', () => {
    const reading = parseStatuspage({ ...OPERATIONAL_STATUS, incidents: [], components: [] });
    expect(reading?.incidents).toEqual([]);
    expect(hasProblem(reading!)).toBe(false);
  });

  it('maintenance counts as a problem', () => {
    expect(
      hasProblem(parseStatuspage({ status: { indicator: 'maintenance', description: 'Service Under Maintenance' } })!),
    ).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'All good'],
    ['an HTML page', '<html>status</html>'],
    ['no status', { page: { name: 'x' } }],
    ['an unknown indicator', { status: { indicator: 'purple', description: 'x' } }],
    ['a numeric indicator', { status: { indicator: 2 } }],
    ['an array', [{ status: { indicator: 'none' } }]],
  ])('rejects %s', (_name, json) => expect(parseStatuspage(json)).toBeNull());

  it('ignores malformed parts without failing the whole answer', () => {
    const reading = parseStatuspage({
      page: { name: 42, url: 'javascript:alert(1)' },
      status: { indicator: 'critical' },
      incidents: [
        null,
        'x',
        { name: 'No status' },
        { name: 'Ok', status: 'identified', shortlink: 'javascript:alert(1)' },
      ],
    });
    expect(reading).toEqual({
      indicator: 'critical',
      description: 'critical',
      incidents: [{ name: 'Ok', status: 'identified' }],
    });
  });

  it('keeps at most five incidents and bounds text', () => {
    const incidents = Array.from({ length: 9 }, (_, i) => ({
      name: `${'n'.repeat(500)}${i}`,
      status: 'investigating',
    }));
    const reading = parseStatuspage({ status: { indicator: 'major', description: 'x' }, incidents });
    expect(reading?.incidents).toHaveLength(5);
    expect(reading?.incidents?.[0]?.name.length).toBe(200);
  });
});

describe('status page addresses', () => {
  it('knows API addresses from pages for people', () => {
    expect(isStatuspageApi('https://www.cloudflarestatus.com/api/v2/status.json')).toBe(true);
    expect(isStatuspageApi('http://127.0.0.1:9/x/api/v2/summary.json')).toBe(true);
    expect(isStatuspageApi('https://status.heroku.com/')).toBe(false);
    expect(isStatuspageApi('not a url')).toBe(false);
  });
  it('derives the summary and the human page', () => {
    expect(summaryUrlOf('https://www.cloudflarestatus.com/api/v2/status.json')).toBe(
      'https://www.cloudflarestatus.com/api/v2/summary.json',
    );
    expect(summaryUrlOf('https://www.cloudflarestatus.com/api/v2/summary.json')).toBeNull();
    expect(humanPageOf('https://www.cloudflarestatus.com/api/v2/status.json')).toBe(
      'https://www.cloudflarestatus.com/',
    );
    expect(humanPageOf('https://status.heroku.com/')).toBe('https://status.heroku.com/');
  });
});

describe('providerStatusUrl and the settings merge', () => {
  it('has defaults for the CDNs and platforms', () => {
    expect(providerStatusUrl('cloudflare', DEFAULT_SETTINGS.endpoints.providerStatusPages)).toBe(
      'https://www.cloudflarestatus.com/api/v2/status.json',
    );
    expect(providerStatusUrl('vercel', undefined)).toBe('https://www.vercel-status.com/api/v2/status.json');
    expect(providerStatusUrl('heroku', undefined)).toBe('https://status.heroku.com/');
    expect(providerStatusUrl('varnish', undefined)).toBeNull();
  });

  it('a stored partial map overrides one provider and keeps the others at their defaults', () => {
    const settings = mergeSettings({
      endpoints: { providerStatusPages: { cloudflare: 'http://127.0.0.1:9/cf/api/v2/status.json', vercel: '' } },
    });
    const pages = settings.endpoints.providerStatusPages;
    expect(providerStatusUrl('cloudflare', pages)).toBe('http://127.0.0.1:9/cf/api/v2/status.json');
    expect(providerStatusUrl('vercel', pages)).toBeNull();
    expect(providerStatusUrl('netlify', pages)).toBe('https://www.netlifystatus.com/api/v2/status.json');
  });

  it('corrupt stored values fall back to the defaults', () => {
    for (const stored of [
      null,
      [],
      'x',
      { cloudflare: 5 },
      { cloudflare: 'file:///etc/passwd' },
      { cloudflare: 'javascript:alert(1)' },
    ]) {
      const pages = mergeSettings({ endpoints: { providerStatusPages: stored } }).endpoints.providerStatusPages;
      expect(providerStatusUrl('cloudflare', pages)).toBe('https://www.cloudflarestatus.com/api/v2/status.json');
    }
  });

  it('settings without the field (older versions) still merge to the defaults', () => {
    expect(mergeSettings({ endpoints: { archive: 'http://127.0.0.1:9/{url}' } }).endpoints.providerStatusPages).toEqual(
      DEFAULT_SETTINGS.endpoints.providerStatusPages,
    );
  });
});
