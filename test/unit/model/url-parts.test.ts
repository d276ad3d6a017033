import { describe, expect, it } from 'vitest';
import { hostnameOf, hostOf } from '../../../src/model/url-parts';

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
