import type { Infrastructure } from './entry';

export const keycdn: Infrastructure = {
  id: 'keycdn',
  name: 'KeyCDN',
  role: 'cdn',
  // Only `server` names it: CDN77 and other CDNs send X-Edge-Location too.
  headers: [{ header: 'server', value: /^keycdn-engine$/i }],
  sources: [
    'https://github.com/wappalyzer/wappalyzer/pull/1400',
    'https://github.com/rosell-dk/webp-express/issues/342',
    'https://client.cdn77.com/support/knowledgebase/caching-http-headers/headers-added-by-cdn77',
  ],
};
