// The chain diagram's links: the layers found, in order, and the one link where it broke — never two stories.
import { describe, expect, it } from 'vitest';
import { chainNodes, resolveChain, type Chain } from '../../../src/knowledge/chain';
import { explain } from '../../../src/knowledge/explain';
import { analyseResponse } from '../../../src/knowledge/infrastructure/analyse-response';
import type { Hop } from '../../../src/model/infrastructure';

const http = (status: number) => ({ type: 'http' as const, status, statusLine: '' });

/** The diagram as the popup draws it for a response: link names (a hop's own name as `<hop>`), and the broken one. */
function diagram(headers: Record<string, string>, status: number, hop?: Hop) {
  const e = explain(http(status), analyseResponse(headers, status));
  const { nodes, failedIndex } = chainNodes(e.chain, hop ?? e.failingHop);
  return {
    links: nodes.map((n) => n.name ?? `<${n.hop}>`),
    broken: nodes[failedIndex]?.name ?? `<${nodes[failedIndex]?.hop}>`,
    nodes,
  };
}

describe('chainNodes', () => {
  it("nothing known: you → your network → a gateway → the site's server, as before", () => {
    expect(diagram({}, 502)).toEqual(
      expect.objectContaining({ links: ['<you>', '<network>', '<gateway>', '<origin>'], broken: '<origin>' }),
    );
  });

  it("every site-side layer found, outermost first, between your network and the site's server", () => {
    const d = diagram({ 'x-amz-cf-id': 'abc==', via: '1.1 abc.cloudfront.net (CloudFront)', server: 'nginx' }, 502);
    expect(d.links).toEqual(['<you>', '<network>', 'Amazon CloudFront', 'nginx', '<origin>']);
    // nginx answered; the application behind it did not.
    expect(d.broken).toBe('<origin>');
  });

  it('on the gateway hop, the very layer that generated the error is the broken link', () => {
    const chain: Chain = {
      layers: [
        { id: 'cloudflare', name: 'Cloudflare', role: 'cdn' },
        { id: 'vercel', name: 'Vercel', role: 'platform' },
      ],
      failed: { id: 'vercel', name: 'Vercel', code: 'X', meaningKey: 'k', fixer: 'site-owner', hop: 'gateway' },
    };
    const { nodes, failedIndex } = chainNodes(chain, 'gateway');
    expect(nodes.map((n) => n.name)).toEqual([null, null, 'Cloudflare', 'Vercel', null]);
    expect(failedIndex).toBe(3);
    // The verdict may move it: "your connection" marks you, whatever layer produced the page.
    expect(chainNodes(chain, 'you').failedIndex).toBe(0);
  });

  it('a proxy on your own network is named inside "Your network", which is where it broke', () => {
    const d = diagram({ 'x-squid-error': 'ERR_CONNECT_FAIL 111', via: '1.1 proxy.corp (squid/5.7)' }, 503);
    expect(d.links).toEqual(['<you>', '<network>', '<gateway>', '<origin>']);
    expect(d.broken).toBe('<network>');
    expect(d.nodes[1]?.detail).toBe('Squid');
  });

  it('the page names a layer the headers did not show: it joins the chain in its place', () => {
    const page = {
      platform: 'nginx' as const,
      name: 'nginx',
      role: 'server' as const,
      code: null,
      meaningKey: 'bodyReason_nginx_stock',
      fixer: 'site-owner' as const,
      hop: 'origin' as const,
    };
    const chain = resolveChain(analyseResponse({ server: 'cloudflare', 'cf-ray': 'x' }, 502), page);
    expect(chainNodes(chain, 'origin').nodes.map((n) => n.name)).toEqual([null, null, 'Cloudflare', 'nginx', null]);
  });
});
