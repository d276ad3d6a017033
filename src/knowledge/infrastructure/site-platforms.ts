// Hosted site platforms known so far only by their headers (no public capture of one of their error pages yet):
// Shopify, Squarespace, Kinsta, WordPress.com, Firebase Hosting.
import type { Infrastructure } from './entry';

const FINGERPRINTS = 'https://github.com/enthec/webappanalyzer/blob/1b9eee8154c0f01e7888c5242cf6fbbc4a3fcea6/src/technologies/';

export const shopify: Infrastructure = {
  id: 'shopify',
  name: 'Shopify',
  role: 'platform',
  headers: [{ header: 'x-shopid' }, { header: 'x-shopify-stage' }, { header: 'powered-by', value: /^Shopify$/i }],
  // Shopify's support asks for the response's x-request-id.
  traceIds: ['x-request-id'],
  sources: [
    `${FINGERPRINTS}s.json`, 'https://github.com/rviscomi/ismyhostfastyet/pull/94',
    'https://github.com/Shopify/shopify-app-js/issues/637',
  ],
};

export const squarespace: Infrastructure = {
  id: 'squarespace',
  name: 'Squarespace',
  role: 'platform',
  headers: [{ header: 'server', value: /^Squarespace$/i }],
  sources: [`${FINGERPRINTS}s.json`],
};

export const kinsta: Infrastructure = {
  id: 'kinsta',
  name: 'Kinsta',
  role: 'platform',
  headers: [{ header: 'x-kinsta-cache' }],
  sources: [`${FINGERPRINTS}k.json`],
};

export const wordpressCom: Infrastructure = {
  id: 'wordpress-com',
  name: 'WordPress.com',
  role: 'platform',
  headers: [
    { header: 'host-header', value: /\bWordPress\.com\b/i },
    // Automattic's recruiting note, sent by WordPress.com and WordPress VIP sites.
    { header: 'x-hacker', value: /\b(?:automattic\.com\/jobs|wpvip\.com\/careers)\b/i },
  ],
  sources: [
    `${FINGERPRINTS}w.json`, 'https://github.com/rviscomi/ismyhostfastyet/pull/31',
    'https://github.com/catchpoint/WebPageTest.agent/issues/311',
  ],
};

export const firebaseHosting: Infrastructure = {
  id: 'firebase-hosting',
  name: 'Firebase Hosting',
  role: 'platform',
  headers: [{ header: 'vary', value: /\bx-fh-requested-host\b/i }],
  // Its page for a hostname with nothing deployed: "Site Not Found … You haven't deployed an app yet."
  page: { proves: [/\bSite Not Found\b.{0,80}\bWhy am I seeing this\?.{0,200}\bYou haven.t deployed an app yet\b/] },
  sources: [`${FINGERPRINTS}f.json`, 'https://github.com/gndx/react-mailchimp-form/issues/9'],
};
