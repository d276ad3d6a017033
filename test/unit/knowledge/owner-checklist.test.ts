import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OWNER_TOPICS, ownerChecklist, ownerItem } from '../../../src/knowledge/owner-checklist';
import type { Failure } from '../../../src/model/failure';
import type { Fingerprint } from '../../../src/model/fingerprint';

const http = (status: number): Failure => ({ type: 'http', status, statusLine: `HTTP/1.1 ${status}` });
const fp = (edge: Fingerprint['edge'], server: Fingerprint['server'] = null): Fingerprint => ({
  edge,
  server,
  traceIds: [],
});
const topics = (failure: Failure, fingerprint: Fingerprint, body: Parameters<typeof ownerChecklist>[2] = null) =>
  ownerChecklist(failure, fingerprint, body).map((i) => i.key.replace(/^owner_/, ''));

const GENERAL = ['general_logs', 'general_resources', 'general_recent_changes', 'general_firewall', 'general_dns'];

describe('ownerChecklist', () => {
  it('nginx 502: upstream, PHP-FPM, buffers and the error log first, then the general list', () => {
    expect(topics(http(502), fp(null, 'nginx'))).toEqual([
      'nginx_upstream_down',
      'nginx_php_fpm',
      'nginx_buffers',
      'nginx_error_log',
      ...GENERAL,
    ]);
  });
  it('nginx 504: timeouts first', () => {
    expect(topics(http(504), fp(null, 'openresty')).slice(0, 3)).toEqual([
      'nginx_timeouts',
      'nginx_upstream_down',
      'nginx_error_log',
    ]);
  });
  it.each([
    [521, 'cf_521'],
    [522, 'cf_522'],
    [523, 'cf_523'],
    [524, 'cf_524'],
    [525, 'cf_525'],
    [526, 'cf_526'],
    [520, 'cf_520'],
  ])('Cloudflare %i → %s, then pausing Cloudflare to compare', (status, first) => {
    const list = topics(http(status), fp('cloudflare'));
    expect(list.slice(0, 2)).toEqual([first, 'cf_pause']);
    expect(list).not.toContain('general_bypass_cdn');
  });
  it("Cloudflare 530: the page's 1xxx code decides; without it both usual ones", () => {
    expect(
      topics(http(530), fp('cloudflare'), {
        platform: 'cloudflare',
        name: 'Cloudflare',
        role: 'cdn' as const,
        code: '1033',
      })[0],
    ).toBe('cf_1033');
    expect(topics(http(530), fp('cloudflare')).slice(0, 2)).toEqual(['cf_1016', 'cf_1033']);
  });
  it("Cloudflare passing on the origin's 502 from nginx: the origin and nginx items", () => {
    expect(topics(http(502), fp('cloudflare', 'nginx')).slice(0, 3)).toEqual([
      'cf_origin_error',
      'cf_pause',
      'nginx_upstream_down',
    ]);
  });
  it('AWS load balancer 504: target health, idle timeout, logs; and bypassing the CDN', () => {
    const list = topics(http(504), fp('aws-elb'));
    expect(list.slice(0, 3)).toEqual(['lb_target_health', 'lb_idle_timeout', 'lb_logs']);
    expect(list).toContain('general_bypass_cdn');
  });
  it('Heroku, Vercel, Netlify', () => {
    expect(topics(http(503), fp('heroku')).slice(0, 2)).toEqual(['heroku_logs', 'heroku_dynos']);
    expect(topics(http(504), fp('vercel')).slice(0, 3)).toEqual([
      'vercel_function_logs',
      'vercel_timeouts',
      'vercel_rollback',
    ]);
    expect(topics(http(500), fp('vercel'))).not.toContain('vercel_timeouts');
    expect(
      topics(http(500), fp('vercel'), {
        platform: 'vercel',
        name: 'Vercel',
        role: 'platform' as const,
        code: 'EDGE_FUNCTION_INVOCATION_TIMEOUT',
      }),
    ).toContain('vercel_timeouts');
    expect(topics(http(502), fp('netlify')).slice(0, 2)).toEqual(['netlify_functions', 'netlify_deploys']);
  });
  it('network failures', () => {
    expect(topics({ type: 'network', kind: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' }, fp(null))[0]).toBe(
      'net_dns_records',
    );
    expect(topics({ type: 'network', kind: 'refused', error: 'x' }, fp(null)).slice(0, 2)).toEqual([
      'net_listening',
      'general_firewall',
    ]);
    expect(topics({ type: 'network', kind: 'tls', error: 'x' }, fp(null))[0]).toBe('net_certificate');
  });
  it('an unknown server still gets the general list, without duplicates', () => {
    expect(topics(http(500), fp(null))).toEqual(GENERAL);
    for (const status of [500, 502, 503, 504, 520, 530]) {
      const list = topics(http(status), fp('cloudflare', 'nginx'));
      expect(new Set(list).size).toBe(list.length);
    }
  });
  it('every item has what and where in _locales', () => {
    const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    for (const topic of OWNER_TOPICS) {
      const { key, whereKey } = ownerItem(topic);
      expect(messages[key]?.message, key).toBeTruthy();
      expect(messages[whereKey]?.message, whereKey).toBeTruthy();
    }
    expect(messages.ownerChecklistHeading?.message).toBeTruthy();
  });
});
