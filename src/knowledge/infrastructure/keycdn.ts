import type { Infrastructure } from './entry';

export const keycdn: Infrastructure = {
  id: 'keycdn',
  name: 'KeyCDN',
  role: 'cdn',
  headers: [{ header: 'server', value: /^keycdn-engine$/i }, { header: 'x-edge-location' }],
  sources: [
    'https://github.com/wappalyzer/wappalyzer/pull/1400',
    'https://github.com/rosell-dk/webp-express/issues/342',
  ],
};
