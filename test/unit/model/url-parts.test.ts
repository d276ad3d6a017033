import { describe, expect, it } from 'vitest';
import { hostnameOf, hostOf, siteOf } from '../../../src/model/url-parts';

describe('url parts', () => {
  it('hostOf keeps the port, hostnameOf drops it', () => {
    expect(hostOf('https://shop.example:8443/cart?x=1')).toBe('shop.example:8443');
    expect(hostnameOf('https://shop.example:8443/cart?x=1')).toBe('shop.example');
  });
  it('an unparsable URL is shown as it is', () => {
    expect(hostOf('not a url')).toBe('not a url');
    expect(hostnameOf('not a url')).toBe('not a url');
  });
});

describe('siteOf', () => {
  it('keeps only scheme, host and port — never a path, query or credentials', () => {
    expect(siteOf('https://user:pw@shop.example.com:8443/cart?id=7#x')).toBe('https://shop.example.com:8443');
    expect(siteOf('http://example.com/')).toBe('http://example.com');
  });
  it('is null for anything that is not a web site', () => {
    expect(siteOf('file:///etc/passwd')).toBeNull();
    expect(siteOf('chrome://settings')).toBeNull();
    expect(siteOf('data:text/html,hi')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});
