import { describe, expect, it } from 'vitest';
import { detectChallenge } from '../../../src/knowledge/challenge';
import { HEADER_SETS } from '../support/header-sets';

describe('detectChallenge', () => {
  it('Cloudflare managed challenge (403 "Just a moment…")', () => {
    expect(detectChallenge({ server: 'cloudflare', 'cf-ray': '7e8a-FRA', 'cf-mitigated': 'challenge' })).toBe(
      'cloudflare',
    );
  });
  it('Vercel security checkpoint', () => {
    expect(detectChallenge({ server: 'Vercel', 'x-vercel-mitigated': 'challenge' })).toBe('vercel');
  });
  it('tolerates case, spaces and joined duplicates', () => {
    expect(detectChallenge({ 'cf-mitigated': ' Challenge ' })).toBe('cloudflare');
    expect(detectChallenge({ 'x-vercel-mitigated': 'deny, challenge' })).toBe('vercel');
  });
  it('other mitigation values and plain errors are not challenges', () => {
    expect(detectChallenge({ 'cf-mitigated': 'block' })).toBeNull();
    expect(detectChallenge({ 'x-vercel-mitigated': 'deny' })).toBeNull();
    expect(detectChallenge({ 'cf-mitigated': 'challenged' })).toBeNull();
    const plain = Object.fromEntries(
      HEADER_SETS.cloudflare522.headers.map(({ name, value }) => [name.toLowerCase(), value]),
    );
    expect(detectChallenge(plain)).toBeNull();
  });
});
