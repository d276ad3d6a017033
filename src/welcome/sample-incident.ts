// The made-up failure the welcome page shows the popup with: a 502 from nginx, as the detector would record it.
import type { Incident } from '../model/incident';

export function sampleIncident(now: number): Incident {
  return {
    id: 'welcome-sample',
    url: 'https://shop.example.com/checkout',
    failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502 Bad Gateway' },
    at: now,
    lastSeenAt: now,
    occurrences: 1,
    headers: { server: 'nginx/1.24.0' },
    fingerprint: { edge: null, server: 'nginx', traceIds: [] },
    incognito: false,
    checks: {},
  };
}
