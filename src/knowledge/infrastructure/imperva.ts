import type { Infrastructure } from './entry';

// Imperva (formerly Incapsula) marks the responses it proxies with X-Iinfo, X-CDN and its visitor cookies.
export const imperva: Infrastructure = {
  id: 'imperva',
  name: 'Imperva',
  role: 'waf',
  headers: [
    { header: 'x-iinfo' },
    { header: 'x-cdn', value: /^(?:Incapsula|Imperva)\b/i },
    { header: 'set-cookie', value: /\b(?:visid_incap|incap_ses)_\d{1,12}=/ },
  ],
  traceIds: ['x-iinfo'],
  sources: ['https://github.com/sullo/nikto/issues/630', 'https://github.com/nodejs/node/issues/27711'],
};
