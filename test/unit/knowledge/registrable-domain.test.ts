import { describe, expect, it } from 'vitest';
import { platformOfHost } from '../../../src/knowledge/registrable-domain';

describe('platformOfHost', () => {
  it.each([
    ['my-app.vercel.app', 'vercel'],
    ['site.netlify.app', 'netlify'],
    ['app-123.herokuapp.com', 'heroku'],
    ['project.pages.dev', 'cloudflare'],
    ['api.me.workers.dev', 'cloudflare'],
    ['me.github.io', 'github'],
    ['vercel.app', null],
    ['example.com', null],
  ])('%s → %s', (host, expected) => expect(platformOfHost(host)).toBe(expected));
});
