import type { Infrastructure } from './entry';

const backend = { meaningKey: 'ctx_azure_backend', fixer: 'site-owner' as const, hop: 'origin' as const };

export const azureFrontDoor: Infrastructure = {
  id: 'azure-front-door',
  name: 'Azure Front Door',
  role: 'cdn',
  // x-msedge-ref is the classic Azure CDN / Front Door reference id.
  headers: [{ header: 'x-azure-ref' }, { header: 'x-fd-healthprobe' }, { header: 'x-msedge-ref' }],
  page: { proves: [/\bOur services aren't available right now\b/i] },
  traceIds: ['x-azure-ref', 'x-msedge-ref'],
  statuses: { 502: backend, 503: backend, 504: backend },
  statusPage: 'https://azure.status.microsoft/',
  sources: [
    'https://learn.microsoft.com/en-us/azure/frontdoor/front-door-http-headers-protocol',
    'https://learn.microsoft.com/en-us/azure/frontdoor/troubleshoot-issues',
    'https://github.com/microsoft/MSRC-Microsoft-Security-Updates-API/issues/92',
    'https://github.com/Azure/static-web-apps/issues/774',
  ],
};
