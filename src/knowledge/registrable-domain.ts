// Pure: the hosting platform whose shared domain a host lives under, for its status page. Which part of a host
// someone registered comes from the Public Suffix List (./site-scope.ts).

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
