import { describe, expect, it } from 'vitest';
import { platformOfHost, registrableDomain } from '../../../src/knowledge/registrable-domain';

describe('registrableDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['www.shop.example.com', 'example.com'],
    ['WWW.Example.COM.', 'example.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['shop.example.com.au', 'example.com.au'],
    ['a.b.example.co.nz', 'example.co.nz'],
    ['www.example.co.jp', 'example.co.jp'],
    ['www.example.com.br', 'example.com.br'],
    ['mysite.id.au', 'mysite.id.au'],
    ['bbc.co', 'bbc.co'],
    ['www.bbc.co', 'bbc.co'],
    ['docs.github.io', 'docs.github.io'],
    ['my-app.vercel.app', 'my-app.vercel.app'],
    ['preview.my-app.vercel.app', 'my-app.vercel.app'],
    ['x.y.herokuapp.com', 'y.herokuapp.com'],
    ['example.de', 'example.de'],
  ])('%s → %s', (host, expected) => expect(registrableDomain(host)).toBe(expected));

  it.each([
    '127.0.0.1', '192.168.1.10', '[::1]', '2001:db8::1', 'localhost', 'app.localhost', 'printer.local', 'nas.lan',
    'intranet', 'co.uk', 'com.au', 'vercel.app', 'site.test', '', 'bad_host!.com', '-bad.com',
  ])('%s → null', (host) => expect(registrableDomain(host)).toBeNull());
});

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
