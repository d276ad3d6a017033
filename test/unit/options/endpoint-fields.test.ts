import { describe, expect, it } from 'vitest';
import { ENDPOINT_FIELDS } from '../../../src/options/endpoint-fields';
import { DEFAULT_SETTINGS, type Endpoints } from '../../../src/model/settings';
import { mergeSettings } from '../../../src/model/merge-settings';

const defaults = (): Endpoints => structuredClone(DEFAULT_SETTINGS.endpoints);
const field = (id: string) => {
  const found = ENDPOINT_FIELDS.find((f) => f.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('ENDPOINT_FIELDS', () => {
  it('covers every endpoint setting', () => {
    const touched = new Set<string>();
    for (const f of ENDPOINT_FIELDS) {
      const before = defaults();
      const after = f.write(
        before,
        f.id === 'captiveStatus'
          ? '204'
          : f.id === 'connectivity'
            ? 'http://127.0.0.1:1/a'
            : 'http://127.0.0.1:1/{domain}{url}',
      );
      for (const key of Object.keys(before) as (keyof Endpoints)[]) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) touched.add(key);
      }
    }
    expect([...touched].sort()).toEqual(Object.keys(DEFAULT_SETTINGS.endpoints).sort());
  });
  it('accepts every default as it is shown', () => {
    for (const f of ENDPOINT_FIELDS) expect(f.validate(f.read(defaults())), f.id).toBeNull();
  });
  it('round-trips a written value through storage as the same settings', () => {
    let e = defaults();
    e = field('connectivity').write(e, 'http://127.0.0.1:9/a\n\n http://127.0.0.1:9/b ');
    e = field('captiveStatus').write(e, '204');
    e = field('captiveBody').write(e, '');
    const merged = mergeSettings({ endpoints: e }).endpoints;
    expect(merged.connectivity).toEqual(['http://127.0.0.1:9/a', 'http://127.0.0.1:9/b']);
    expect(merged.captivePortal).toEqual({
      url: DEFAULT_SETTINGS.endpoints.captivePortal.url,
      expectStatus: 204,
      expectBody: '',
    });
    expect(field('connectivity').read(merged)).toBe('http://127.0.0.1:9/a\nhttp://127.0.0.1:9/b');
  });
  it('never changes the defaults object', () => {
    field('doh').write(DEFAULT_SETTINGS.endpoints, 'http://x.test');
    expect(DEFAULT_SETTINGS.endpoints.dohResolver).toBe('https://cloudflare-dns.com/dns-query');
  });
});

describe('provider status pages', () => {
  const f = field('providerStatusPages');
  it('shows every provider with the address in effect, alone when off', () => {
    const e = { ...defaults(), providerStatusPages: { vercel: '', github: 'http://127.0.0.1:9/api/v2/status.json' } };
    const lines = f.read(e).split('\n');
    expect(lines).toContain('vercel');
    expect(lines).toContain('github http://127.0.0.1:9/api/v2/status.json');
    expect(lines).toContain(`cloudflare ${DEFAULT_SETTINGS.endpoints.providerStatusPages?.cloudflare}`);
  });
  it('turns off a provider written alone or left out', () => {
    const written =
      f.write(defaults(), 'cloudflare http://127.0.0.1:9/api/v2/status.json\nvercel').providerStatusPages ?? {};
    expect(written.cloudflare).toBe('http://127.0.0.1:9/api/v2/status.json');
    expect(written.vercel).toBe('');
    expect(written.github).toBe('');
  });
  it('names a line with an unknown provider or a bad address', () => {
    const unknown = f.validate('cloudflare https://x.test/api/v2/status.json\nmystery https://x.test');
    expect(unknown?.key).toBe('optionsErrorProviderUnknown');
    expect(unknown?.args?.slice(0, 2)).toEqual(['2', 'mystery']);
    expect(f.validate('vercel file:///x')).toEqual({ key: 'optionsErrorProviderLine', args: ['1'] });
    expect(f.validate('vercel https://a.test https://b.test')).toEqual({
      key: 'optionsErrorProviderLine',
      args: ['1'],
    });
  });
});
