import type { Infrastructure } from './entry';

export const varnish: Infrastructure = {
  id: 'varnish',
  name: 'Varnish',
  role: 'cdn',
  headers: [
    { header: 'x-varnish' },
    { header: 'via', value: /\bvarnish\b/i },
    { header: 'server', value: /^varnish\b/i },
  ],
  page: {
    // builtin.vcl's synthetic page: "Error 503 Backend fetch failed … Guru Meditation: XID: 32770".
    proves: [/\bGuru Medi(?:t)?ation:/i],
    reference: [/\bXID:\s?(\d{1,20})\b/],
  },
  traceIds: ['x-varnish'],
  statuses: { 503: { meaningKey: 'ctx_varnish_503', fixer: 'site-owner', hop: 'origin' } },
  sources: [
    'https://github.com/varnishcache/varnish-cache/blob/master/bin/varnishd/builtin.vcl',
    'https://varnish-cache.org/docs/trunk/users-guide/vcl-built-in-code.html',
  ],
};
