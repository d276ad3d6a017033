// Hosted site platforms known mostly by their headers: Shopify, Squarespace, Kinsta, WordPress.com, Firebase Hosting.
import type { Infrastructure } from './entry';

const FINGERPRINTS =
  'https://github.com/enthec/webappanalyzer/blob/1b9eee8154c0f01e7888c5242cf6fbbc4a3fcea6/src/technologies/';

export const shopify: Infrastructure = {
  id: 'shopify',
  name: 'Shopify',
  role: 'platform',
  headers: [{ header: 'x-shopid' }, { header: 'x-shopify-stage' }, { header: 'powered-by', value: /^Shopify$/i }],
  // Its front end answers with `server: nginx`: Shopify's own, not a server of the shop's.
  hides: ['nginx'],
  // Shopify's support asks for the response's x-request-id.
  traceIds: ['x-request-id'],
  sources: [
    `${FINGERPRINTS}s.json`,
    'https://github.com/rviscomi/ismyhostfastyet/pull/94',
    'https://github.com/Shopify/shopify-app-js/issues/637',
    'https://github.com/nozzlegear/ShopifySharp/issues/350',
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
  headers: [
    { header: 'x-kinsta-cache' },
    // Its edge (Kinsta's own Cloudflare) also marks the sites x-kinsta-cache never shows: Static Site Hosting.
    { header: 'ki-edge' },
    { header: 'ki-cf-cache-status' },
  ],
  sources: [
    `${FINGERPRINTS}k.json`,
    'https://github.com/conqueror/fatihs-website/blob/9eccb8b996313e711db458df446b83b557d4629c/url-canonicalization-implementation.md',
  ],
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
    `${FINGERPRINTS}w.json`,
    'https://github.com/rviscomi/ismyhostfastyet/pull/31',
    'https://github.com/catchpoint/WebPageTest.agent/issues/311',
  ],
};

export const firebaseHosting: Infrastructure = {
  id: 'firebase-hosting',
  name: 'Firebase Hosting',
  role: 'platform',
  headers: [{ header: 'vary', value: /\bx-fh-requested-host\b/i }],
  page: {
    proves: [
      // Its page for a hostname with nothing deployed: "Site Not Found … You haven't deployed an app yet."
      /\bSite Not Found\b.{0,80}\bWhy am I seeing this\?.{0,200}\bYou haven.t deployed an app yet\b/,
      // Its default 404 page, when neither the file nor the site's own 404.html exists.
      /\bThis file does not exist and there was no index\.html found in the current directory or 404\.html in the root directory\b/,
    ],
  },
  codes: [
    {
      code: 'default-404',
      text: /\bthere was no index\.html found in the current directory\b/,
      meaningKey: 'bodyReason_firebase_default_404',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  sources: [
    `${FINGERPRINTS}f.json`,
    'https://github.com/gndx/react-mailchimp-form/issues/9',
    'https://github.com/Idean/Flutter-Neumorphic/issues/221',
    'https://firebase.google.com/docs/hosting/full-config',
  ],
};
