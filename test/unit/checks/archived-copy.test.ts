import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveKey,
  archiveLookupUrl,
  archivedCopy,
  interpretArchive,
  parseAvailability,
  waybackTimestamp,
} from '../../../src/checks/archived-copy';
import type { CheckOutput } from '../../../src/checks/check';
import { startServers, type LocalServers } from '../../harness/route-servers';
import { testContext, testIncident } from '../support/check-context';
import { WAYBACK_FOUND, WAYBACK_NONE } from '../support/third-party-answers';

describe('archive look-up address', () => {
  it('drops the query and fragment (they may hold tokens) and encodes the rest', () => {
    // The site's root unless the person chose to send the path (settings.sharePagePath).
    expect(archiveKey('https://example.com/reset?token=secret#top')).toBe('https://example.com/');
    expect(archiveKey('https://example.com/reset?token=secret#top', true)).toBe('https://example.com/reset');
    expect(
      archiveLookupUrl('https://archive.org/wayback/available?url={url}', 'https://example.com/a b?token=1', true),
    ).toBe('https://archive.org/wayback/available?url=https%3A%2F%2Fexample.com%2Fa%2520b');
  });
  it('refuses non-web pages and templates without {url}', () => {
    expect(archiveKey('file:///etc/passwd')).toBeNull();
    expect(archiveLookupUrl('https://archive.org/wayback/available', 'https://example.com/')).toBeNull();
  });
});

describe('parseAvailability', () => {
  it('reads the closest snapshot, over https', () => {
    expect(parseAvailability(WAYBACK_FOUND)).toEqual({
      url: 'https://web.archive.org/web/20240131093000/https://example.com/products',
      capturedAt: '2024-01-31T09:30:00Z',
      status: '200',
    });
  });
  it('empty archived_snapshots → none', () => expect(parseAvailability(WAYBACK_NONE)).toBe('none'));
  it('a capture of an error page, or one not available → none', () => {
    const closest = WAYBACK_FOUND.archived_snapshots.closest;
    expect(parseAvailability({ archived_snapshots: { closest: { ...closest, status: '503' } } })).toBe('none');
    expect(parseAvailability({ archived_snapshots: { closest: { ...closest, available: false } } })).toBe('none');
    expect(parseAvailability({ archived_snapshots: { closest: { ...closest, url: 'javascript:alert(1)' } } })).toBe(
      'none',
    );
  });
  it.each([null, 'x', [], {}, { archived_snapshots: [] }, { archived_snapshots: { closest: 'x' } }])(
    'unreadable %j → null',
    (json) => {
      expect(parseAvailability(json)).toBeNull();
    },
  );
  it('timestamps', () => {
    expect(waybackTimestamp('20240229235959')).toBe('2024-02-29T23:59:59Z');
    expect(waybackTimestamp('2024')).toBeNull();
    expect(waybackTimestamp(20240101000000)).toBeNull();
  });
});

describe('interpretArchive', () => {
  it('found → pass with link and date', () => {
    const out = interpretArchive(parseAvailability(WAYBACK_FOUND), 'https://example.com/products');
    expect(out).toMatchObject({
      outcome: 'pass',
      summary: 'archivedFound',
      summaryArgs: ['2024-01-31'],
      facts: { archived: true },
    });
    expect(out.evidence[0]).toEqual({
      label: 'evidenceArchivedSnapshot',
      value: 'https://web.archive.org/web/20240131093000/https://example.com/products',
    });
  });
  it('none / unreadable → inconclusive', () => {
    expect(interpretArchive('none', 'k')).toMatchObject({
      outcome: 'inconclusive',
      summary: 'archivedNone',
      facts: { archived: false },
    });
    expect(interpretArchive(null, 'k')).toMatchObject({ outcome: 'inconclusive', summary: 'archivedUnreadable' });
  });
});

describe('archived-copy step against a loopback archive', () => {
  let s: LocalServers;
  beforeAll(async () => {
    s = await startServers({
      '/wayback/available': (req, r) => {
        const asked = new URL(req.url ?? '/', 'http://x').searchParams.get('url');
        const body = asked === 'https://example.com/products' ? WAYBACK_FOUND : WAYBACK_NONE;
        r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      },
      '/broken/available': (_q, r) => r.writeHead(503).end('busy'),
    });
  });
  afterAll(() => s.close());

  const run = async (url: string, archive: string, thirdParty = true, sharePagePath = true) => {
    const ctx = testContext(testIncident(url, { type: 'http', status: 503, statusLine: '' }), { archive });
    ctx.settings.thirdPartyLookups = thirdParty;
    ctx.settings.sharePagePath = sharePagePath;
    return (await archivedCopy.run(ctx)) as CheckOutput;
  };

  it('finds the snapshot, asking without the query', async () => {
    const out = await run('https://example.com/products?session=abc', `${s.base}/wayback/available?url={url}`);
    expect(out).toMatchObject({ outcome: 'pass', summary: 'archivedFound' });
    expect(s.requests.at(-1)?.path).not.toContain('session');
  });
  it("by default the archive learns only the site's address, not the page's path", async () => {
    await run(
      'https://example.com/reset-password/tok123/confirm?x=1',
      `${s.base}/wayback/available?url={url}`,
      true,
      false,
    );
    expect(decodeURIComponent(s.requests.at(-1)?.path ?? '')).toContain('url=https://example.com/');
    expect(s.requests.at(-1)?.path).not.toContain('reset-password');
  });
  it('nothing for a name that resolved inside this network', async () => {
    const before = s.requests.length;
    const ctx = testContext(
      testIncident('https://wiki.corp-name.com/x', { type: 'http', status: 503, statusLine: '' }, { ip: '10.1.2.3' }),
      { archive: `${s.base}/wayback/available?url={url}` },
    );
    ctx.settings.thirdPartyLookups = true;
    expect(await archivedCopy.run(ctx)).toMatchObject({ outcome: 'skipped' });
    expect(s.requests.length).toBe(before);
  });
  it('no copy', async () => {
    expect(await run('https://example.com/other', `${s.base}/wayback/available?url={url}`)).toMatchObject({
      outcome: 'inconclusive',
      summary: 'archivedNone',
    });
  });
  it('service error and offline are inconclusive with a clear summary', async () => {
    expect(await run('https://example.com/', `${s.base}/broken/available?url={url}`)).toMatchObject({
      summary: 'archivedServiceError',
      summaryArgs: ['503'],
    });
    expect(await run('https://example.com/', `${s.refused}/wayback/available?url={url}`)).toMatchObject({
      outcome: 'inconclusive',
      summary: 'archivedUnreachable',
    });
  });
  it('third-party look-ups off: nothing contacted, a link to look by hand', async () => {
    const before = s.requests.length;
    const out = await run('https://example.com/p?t=1', `${s.base}/wayback/available?url={url}`, false, false);
    expect(out).toMatchObject({
      outcome: 'skipped',
      summary: 'thirdPartyLookupsOff',
      evidence: [
        { label: 'evidenceArchivedSearchByHand', value: 'https://web.archive.org/web/*/https://example.com/' },
      ],
    });
    expect(s.requests.length).toBe(before);
  });
});
