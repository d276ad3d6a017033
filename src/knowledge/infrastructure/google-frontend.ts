import type { Infrastructure } from './entry';

const backend = { meaningKey: 'ctx_google_backend', fixer: 'site-owner' as const, hop: 'origin' as const };

export const googleFrontend: Infrastructure = {
  id: 'google-frontend',
  name: 'Google Front End',
  role: 'load-balancer',
  headers: [
    { header: 'server', value: /^(?:gws|GFE\/|Google Frontend$|ESF$)/i },
    { header: 'via', value: /(?:^|,\s?)1\.1 google(?:,|$)/i },
  ],
  page: {
    // Google's own error page: "502. That’s an error. … That’s all we know."
    proves: [
      /\bThat[’']s an error\..{0,400}That[’']s all we know\./,
      /\bError \d{3} \(Server Error\)!!1/,
      /\bThe server encountered a temporary error and could not complete your request\b/i,
    ],
    code: [/\b(\d{3})\. That[’']s an error\./],
  },
  traceIds: ['x-cloud-trace-context'],
  // Google Cloud Load Balancing runs on Envoy: its "no healthy upstream" is Google's own reply.
  hides: ['envoy'],
  statuses: { 502: backend, 503: backend, 504: backend },
  statusPage: 'https://status.cloud.google.com/',
  sources: [
    'https://cloud.google.com/load-balancing/docs/https#target-proxies',
    'https://cloud.google.com/load-balancing/docs/https/troubleshooting-ext-https-lbs',
    'https://github.com/esi/esi-issues/issues/530',
    'https://github.com/denar90/mobile-friendly/issues/5',
  ],
};
