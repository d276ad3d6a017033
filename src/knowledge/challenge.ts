// A bot check (Cloudflare "Just a moment…", Vercel's security checkpoint) is not an outage: the page
// loads once the browser passes it. Both providers mark it with a header, whatever the status code.

export type ChallengeProvider = 'cloudflare' | 'vercel';

const isChallenge = (value: string | undefined): boolean =>
  value !== undefined && value.split(',').some((token) => token.trim().toLowerCase() === 'challenge');

export function detectChallenge(headers: Record<string, string>): ChallengeProvider | null {
  if (isChallenge(headers['cf-mitigated'])) return 'cloudflare';
  if (isChallenge(headers['x-vercel-mitigated'])) return 'vercel';
  return null;
}
