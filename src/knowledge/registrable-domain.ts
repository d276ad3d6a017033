// Pure: the part of a host name someone registered ("example.co.uk" for "www.shop.example.co.uk"), so a
// status page can be looked for at status.<that>. A short built-in list of multi-part public suffixes
// instead of the full Public Suffix List (~250 KB): a rare miss only means one status page is not found.

/** Second-level labels that, under a two-letter country code, are public suffixes themselves (co.uk, com.au …). */
const GENERIC_SECOND_LEVELS = new Set(['ac', 'co', 'com', 'edu', 'go', 'gob', 'gov', 'govt', 'ltd', 'me', 'mil', 'ne', 'net', 'nic', 'or', 'org', 'plc', 'sch']);

/** Multi-part suffixes the generic rule above misses, and hosting platforms whose customers get a sub-domain. */
const EXTRA_SUFFIXES = new Set([
  'id.au', 'asn.au', 'firm.in', 'gen.in', 'ind.in', 'in.th', 'kiev.ua', 'ltd.uk', 'nhs.uk', 'police.uk',
  'github.io', 'gitlab.io', 'vercel.app', 'now.sh', 'netlify.app', 'netlify.com', 'herokuapp.com', 'pages.dev',
  'workers.dev', 'web.app', 'firebaseapp.com', 'appspot.com', 'azurewebsites.net', 'azurestaticapps.net',
  'cloudfront.net', 'fly.dev', 'onrender.com', 'blogspot.com', 'wordpress.com', 'myshopify.com', 'glitch.me',
  'repl.co', 'surge.sh', 'railway.app', 'up.railway.app',
]);

/** Names the public DNS never answers (RFC 6761 and common private suffixes). */
const PRIVATE_TLDS = new Set(['localhost', 'local', 'lan', 'home', 'internal', 'intranet', 'corp', 'test', 'invalid', 'example', 'arpa']);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

function isPublicSuffix(labels: string[]): boolean {
  const name = labels.join('.');
  if (EXTRA_SUFFIXES.has(name)) return true;
  if (labels.length !== 2) return false;
  const [second, tld] = labels as [string, string];
  return tld.length === 2 && GENERIC_SECOND_LEVELS.has(second);
}

/** "www.example.co.uk" → "example.co.uk"; an IP address, localhost, a private or single-label name → null. */
export function registrableDomain(host: string): string | null {
  const name = host.trim().toLowerCase().replace(/\.$/, '');
  if (name === '' || name.startsWith('[') || name.includes(':') || IPV4.test(name)) return null;
  const labels = name.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  if (PRIVATE_TLDS.has(labels[labels.length - 1] ?? '')) return null;
  // The longest suffix we know decides how many labels the registered name has.
  for (let take = Math.min(3, labels.length); take >= 2; take--) {
    if (isPublicSuffix(labels.slice(-take))) return labels.length > take ? labels.slice(-take - 1).join('.') : null;
  }
  return labels.slice(-2).join('.');
}

/** The hosting platform whose shared domain a host lives under ("shop.vercel.app" → "vercel"), if known. */
export function platformOfHost(host: string): 'vercel' | 'netlify' | 'heroku' | 'cloudflare' | 'github' | null {
  const name = host.toLowerCase().replace(/\.$/, '');
  const under = (suffix: string) => name.endsWith(`.${suffix}`);
  if (under('vercel.app') || under('now.sh')) return 'vercel';
  if (under('netlify.app') || under('netlify.com')) return 'netlify';
  if (under('herokuapp.com')) return 'heroku';
  if (under('pages.dev') || under('workers.dev')) return 'cloudflare';
  if (under('github.io')) return 'github';
  return null;
}
