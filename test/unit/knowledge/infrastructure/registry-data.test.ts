// The registry as the extension ships it (a JSON data file the background loads on its first failure):
// the same entries, patterns included, without the sources.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INFRASTRUCTURE } from '../../../../src/knowledge/infrastructure';
import { entryPatterns } from '../../../../src/knowledge/infrastructure/entry-parts';
import {
  decodeRegistry,
  encodeRegistry,
  encodeRegistryScript,
  REGISTRY_GLOBAL,
  shippedEntries,
} from '../../../../src/knowledge/infrastructure/registry-data';
import { runInNewContext } from 'node:vm';

describe('registry data file', () => {
  const data = encodeRegistry(INFRASTRUCTURE);
  const decoded = decodeRegistry(data);

  it('decodes to every entry as written, in registry order, with its sources left out', () => {
    expect(decoded.map((e) => e.id)).toEqual(INFRASTRUCTURE.map((e) => e.id));
    expect(decoded).toEqual(INFRASTRUCTURE.map((entry) => ({ ...entry, sources: [] })));
  });

  it('brings back real patterns with their flags, which match as the originals do', () => {
    for (const [i, entry] of INFRASTRUCTURE.entries()) {
      const patterns = entryPatterns(decoded[i]!);
      expect(patterns.length).toBe(entryPatterns(entry).length);
      for (const [j, original] of entryPatterns(entry).entries()) {
        expect(patterns[j]).toBeInstanceOf(RegExp);
        expect(patterns[j]!.flags).toBe(original.flags);
        expect(patterns[j]!.source).toBe(original.source);
      }
    }
    const cloudflare = decoded.find((e) => e.id === 'cloudflare')!;
    expect(cloudflare.headers.some((s) => 'value' in s && s.value?.test('cloudflare'))).toBe(true);
  });

  it('carries no source address', () => {
    for (const source of INFRASTRUCTURE.flatMap((e) => e.sources))
      expect(data).not.toContain(JSON.stringify(source).slice(1, -1));
  });

  it('refuses data that is not a list of entries', () => {
    expect(() => decodeRegistry('{"id":"x"}')).toThrow();
    expect(() => decodeRegistry('not json')).toThrow();
  });
});

describe('registry script (Chrome: imported by the worker)', () => {
  const script = encodeRegistryScript(INFRASTRUCTURE);
  // Evaluated as a worker would: a classic script whose global is its own.
  const sandbox: Record<string, unknown> = {};
  sandbox.globalThis = sandbox;
  runInNewContext(script, sandbox);
  const evaluated = shippedEntries(sandbox[REGISTRY_GLOBAL]);

  it('puts the same entries as the data file on its global, patterns as literals that match as the originals', () => {
    expect(evaluated.map((e) => e.id)).toEqual(INFRASTRUCTURE.map((e) => e.id));
    for (const [i, entry] of INFRASTRUCTURE.entries()) {
      const patterns = entryPatterns(evaluated[i]!);
      expect(patterns.map((p) => [p.source, p.flags])).toEqual(entryPatterns(entry).map((p) => [p.source, p.flags]));
    }
    // Patterns made in another realm are not this realm's RegExps: compare everything else as text.
    const asText = (entries: unknown) =>
      JSON.stringify(entries, (_key, value: unknown) =>
        Object.prototype.toString.call(value) === '[object RegExp]' ? String(value) : value,
      );
    expect(asText(evaluated)).toBe(asText(INFRASTRUCTURE.map((entry) => ({ ...entry, sources: [] }))));
    const cloudflare = evaluated.find((e) => e.id === 'cloudflare')!;
    expect(cloudflare.headers.some((s) => 'value' in s && s.value?.test('cloudflare'))).toBe(true);
  });

  it('writes a pattern with a slash or a line break in it as a literal that parses back the same', () => {
    const tricky = [{ ...INFRASTRUCTURE[0]!, headers: [{ header: 'via', value: /a\/b\n(?:c)/iu }] }];
    const box: Record<string, unknown> = {};
    box.globalThis = box;
    runInNewContext(encodeRegistryScript(tricky), box);
    const [entry] = shippedEntries(box[REGISTRY_GLOBAL]);
    const value = (entry!.headers[0] as { value: RegExp }).value;
    expect([value.source, value.flags]).toEqual([/a\/b\n(?:c)/iu.source, 'iu']);
    expect(value.test('A/B\nc')).toBe(true);
  });

  it('carries no source address', () => {
    for (const source of INFRASTRUCTURE.flatMap((e) => e.sources))
      expect(script).not.toContain(JSON.stringify(source).slice(1, -1));
  });
});

describe('registry before it is loaded', () => {
  beforeEach(() => vi.resetModules());

  it('throws rather than answer "unknown" for every response', async () => {
    const { registry, isRegistryInstalled } = await import('../../../../src/knowledge/infrastructure/registry');
    const { analyseResponse } = await import('../../../../src/knowledge/infrastructure/analyse-response');
    expect(isRegistryInstalled()).toBe(false);
    expect(() => registry()).toThrow(/before it was loaded/);
    expect(() => analyseResponse({ server: 'cloudflare' }, 502)).toThrow(/before it was loaded/);
  });
});
