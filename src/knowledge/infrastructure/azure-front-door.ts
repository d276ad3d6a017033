import type { Infrastructure } from './entry';

const backend = { meaningKey: 'ctx_azure_backend', fixer: 'site-owner' as const, hop: 'origin' as const };

export const azureFrontDoor: Infrastructure = {
  id: 'azure-front-door',
  name: 'Azure Front Door',
  role: 'cdn',
  // x-msedge-ref is the classic Azure CDN / Front Door reference id.
  headers: [{ header: 'x-azure-ref' }, { header: 'x-fd-healthprobe' }, { header: 'x-msedge-ref' }],
  traceIds: ['x-azure-ref', 'x-msedge-ref'],
  statuses: { 502: backend, 503: backend, 504: backend },
  statusPage: 'https://azure.status.microsoft/',
  sources: [
    'https://learn.microsoft.com/en-us/azure/frontdoor/front-door-http-headers-protocol',
    'https://learn.microsoft.com/en-us/azure/frontdoor/troubleshoot-issues',
  ],
};
