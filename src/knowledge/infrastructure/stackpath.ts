import type { Infrastructure } from './entry';

// StackPath's CDN and WAF (the former Highwinds network): X-HW lists the edge hops a response took
// ("1583934753.cds057.am5.hn,…"); its WAF answers with `server: fbs`.
export const stackpath: Infrastructure = {
  id: 'stackpath',
  name: 'StackPath',
  role: 'cdn',
  headers: [{ header: 'x-hw' }, { header: 'server', value: /^fbs$/i }],
  // Its WAF's block page: "You performed an action that triggered the service and blocked your request."
  page: { proves: [/\baction that triggered the service and blocked\b/i] },
  sources: [
    'https://github.com/Ekultek/WhatWaf/issues/730',
    'https://github.com/Ekultek/WhatWaf/issues/516',
    'https://github.com/Ekultek/WhatWaf/issues/305',
    'https://github.com/Ekultek/WhatWaf/blob/1d4272232f0da58910f6fcb412e29ac339d03753/content/plugins/stackpath.py',
  ],
};
