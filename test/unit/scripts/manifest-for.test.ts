import { describe, expect, it } from 'vitest';
import source from '../../../manifest.json';
import { BUILT_BACKGROUND, GECKO_ID, manifestFor } from '../../../scripts/manifest-for';

describe('manifestFor', () => {
  it('Chrome: a module service worker, the package version, no Firefox-only keys', () => {
    const m = manifestFor(source, 'chrome', '1.2.3');
    expect(m.version).toBe('1.2.3');
    expect(m.background).toEqual({ service_worker: BUILT_BACKGROUND, type: 'module' });
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.permissions).not.toContain('dns');
  });
  it('Firefox: an event page, gecko id and data collection permissions, dns', () => {
    const m = manifestFor(source, 'firefox', '1.2.3') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(m.background).toEqual({ scripts: [BUILT_BACKGROUND], type: 'module' });
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    // The site's name goes to the DNS-over-HTTPS resolver (and, opted in, to the look-ups): never "none".
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['browsingActivity'] });
    expect(Number.parseFloat(m.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
    expect(m.permissions).toContain('dns');
  });
  it('leaves the source manifest untouched', () => {
    manifestFor(source, 'firefox', '9.9.9');
    expect(source.version).toBe('0.0.0');
    expect(source.permissions).not.toContain('dns');
  });
});
