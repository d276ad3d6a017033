import type { Infrastructure } from './entry';

// Application Gateway names itself in `server` and in the footer of its own error pages.
export const azureAppGateway: Infrastructure = {
  id: 'azure-app-gateway',
  name: 'Azure Application Gateway',
  role: 'load-balancer',
  headers: [{ header: 'server', value: /^Microsoft-Azure-Application-Gateway\/v\d/i, generated: true }],
  page: { proves: [/\bMicrosoft-Azure-Application-Gateway\/v\d\b/i] },
  statuses: {
    502: { meaningKey: 'ctx_app_gateway_502', fixer: 'site-owner', hop: 'origin' },
    504: { meaningKey: 'ctx_app_gateway_504', fixer: 'site-owner', hop: 'origin' },
  },
  sources: [
    'https://learn.microsoft.com/en-us/azure/application-gateway/application-gateway-troubleshooting-502',
    'https://learn.microsoft.com/en-us/azure/application-gateway/http-response-codes',
    'https://github.com/MicrosoftDocs/azure-docs/issues/110739',
  ],
};
