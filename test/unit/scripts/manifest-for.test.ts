import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import source from '../../../manifest.json';
import {
  BUILT_BACKGROUND,
  CHROME_MIN_VERSION,
  GECKO_ID,
  GECKO_MIN_VERSION,
  manifestFor,
} from '../../../scripts/manifest-for';

const english = JSON.parse(
  readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('manifestFor', () => {
  it('Chrome: a classic service worker (it may importScripts the on-demand steps), the package version, the oldest Chrome it runs in, no Firefox-only keys', () => {
    const m = manifestFor(source, 'chrome', '1.2.3');
    expect(m.version).toBe('1.2.3');
    expect(m.background).toEqual({ service_worker: BUILT_BACKGROUND });
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.permissions).not.toContain('dns');
    // AbortSignal.any (116) is the newest API used unconditionally; the bundle targets chrome120 syntax.
    expect(Number(m.minimum_chrome_version)).toBeGreaterThanOrEqual(116);
    expect(m.minimum_chrome_version).toBe(CHROME_MIN_VERSION);
  });
  it('Firefox: an event page, a permanent {uuid} gecko id, Android, data collection permissions, dns', () => {
    const m = manifestFor(source, 'firefox', '1.2.3') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(m.background).toEqual({ scripts: [BUILT_BACKGROUND], type: 'module' });
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    // The site's name goes to the DNS-over-HTTPS resolver (and, opted in, to the look-ups): never "none".
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['browsingActivity'] });
    expect(GECKO_ID).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\}$/);
    expect(Number.parseFloat(m.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
    expect(m.browser_specific_settings.gecko_android).toEqual({ strict_min_version: GECKO_MIN_VERSION });
    expect(m.minimum_chrome_version).toBeUndefined();
    expect(m.permissions).toContain('dns');
  });
  it('names, the shortcut description: every __MSG_ key is in the English locale', () => {
    const keys = [...JSON.stringify(source).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
    expect(keys).toEqual(expect.arrayContaining(['extName', 'extShortName', 'commandOpenPopup']));
    for (const key of keys) expect(english, key).toHaveProperty(key);
  });
  it('suggests a shortcut for the popup, which both browsers let people change', () => {
    expect(source.commands._execute_action.suggested_key.default).toBe('Alt+Shift+E');
  });
  it('asks for exactly the permissions the README table lists and explains (dns in Firefox only), nothing optional, no blocking webRequest', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.split(/^## /m).find((s) => s.startsWith('Permissions')) ?? '';
    const rows = section
      .split('\n')
      .filter((l) => /^\| `/.test(l))
      .map((l) => /^\| `([^`]+)`/.exec(l)?.[1] ?? '');
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = manifestFor(source, browser, '1.2.3') as Record<string, unknown>;
      const asked = [...((m.permissions as string[]) ?? []), ...((m.host_permissions as string[]) ?? [])];
      expect(asked.sort(), browser).toEqual(rows.filter((p) => browser === 'firefox' || p !== 'dns').sort());
      expect(m.optional_permissions, browser).toBeUndefined();
      expect(asked, browser).not.toContain('webRequestBlocking');
    }
  });
  it('leaves the source manifest untouched', () => {
    manifestFor(source, 'firefox', '9.9.9');
    expect(source.version).toBe('0.0.0');
    expect(source.permissions).not.toContain('dns');
  });
});
