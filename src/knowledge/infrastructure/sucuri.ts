import type { Infrastructure } from './entry';

// Sucuri's website firewall (also sold white-labelled as "GoDaddy Security"). It may answer with
// `server: nginx`; its X-Sucuri-* headers and its block page still name it.
export const sucuri: Infrastructure = {
  id: 'sucuri',
  name: 'Sucuri',
  role: 'waf',
  headers: [
    { header: 'server', value: /^Sucuri\/Cloudproxy/i },
    { header: 'x-sucuri-id' },
    { header: 'x-sucuri-cache' },
    { header: 'x-sucuri-block', generated: true },
  ],
  // "X-Sucuri-Block: EVA079": sent only when the firewall blocked the request; the value is its block ID.
  errorHeaders: [{ header: 'x-sucuri-block', value: /^([A-Z]{2,8}\d{1,6})$/ }],
  page: {
    proves: [/\bSucuri WebSite Firewall - Access Denied\b/i, /\bGoDaddy Security - Access Denied\b/i],
  },
  traceIds: ['x-sucuri-id'],
  otherCodeKey: 'bodyReason_sucuri_block',
  statuses: { 403: { meaningKey: 'ctx_sucuri_403', fixer: 'site-owner', hop: 'gateway' } },
  sources: [
    'https://github.com/Ekultek/WhatWaf/issues/1164',
    'https://github.com/Ekultek/WhatWaf/issues/1562',
    'https://github.com/sqlmapproject/sqlmap/pull/2761',
    'https://github.com/D4-project/Plum-Island/issues/121',
  ],
};
