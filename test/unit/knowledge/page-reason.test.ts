// What the tab's own page says, for the incident it failed with: the one parse call the background makes.
import { describe, expect, it } from 'vitest';
import { pageReason } from '../../../src/knowledge/page-reason';

const http = (status: number, headers: Record<string, string>) => ({
  failure: { type: 'http' as const, status, statusLine: `HTTP/1.1 ${status}` },
  headers,
});

describe('pageReason', () => {
  it("reads the vendor's code and reference from the visible text", () => {
    const text =
      'Error 1016 | Cloudflare\nError 1016\nOrigin DNS error\nRay ID: a07498bef435f4a9 • 2026-06-06 04:15:34 UTC';
    expect(pageReason(text, http(530, { server: 'cloudflare', 'cf-ray': 'a07498bef435f4a9-FRA' }))).toMatchObject({
      platform: 'cloudflare',
      code: '1016',
      reference: 'a07498bef435f4a9',
      meaningKey: 'bodyReason_cloudflare_1016',
    });
    // A page vouches for itself only (the worst an imitation gets is its own words quoted); an ordinary page says nothing.
    expect(pageReason('Something went wrong. Try again later.', http(530, { server: 'cloudflare' }))).toBeNull();
  });
  it("reads nginx's stock page as the browser renders it (title, then the body's lines)", () => {
    expect(
      pageReason('502 Bad Gateway\n502 Bad Gateway\n\nnginx/1.24.0', http(502, { server: 'nginx/1.24.0' })),
    ).toMatchObject({ platform: 'nginx', code: null, meaningKey: 'bodyReason_nginx_stock' });
  });
  it('a network failure has no page of its own', () => {
    expect(
      pageReason('Error 1016', {
        failure: { type: 'network', kind: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' },
        headers: { server: 'cloudflare' },
      }),
    ).toBeNull();
  });
});
