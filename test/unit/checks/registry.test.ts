// Meta-test: the six issue-#3 steps come first in the registry, in order; each has a title and a
// description in _locales and its own test file, and every message key they can hand out exists.
// (Steps added by later issues carry their own meta-tests.)
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { CHECK_IDS } from '../../../src/model/checks';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { CHECKS, checkById } = await import('../../../src/checks');
const { siteDataKey } = await import('../../../src/checks/clear-site-data');
const { SITE_DATA_TYPES } = await import('../../../src/platform/site-data');

const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const keyOf = (id: string) => id.replace(/-/g, '_');
const STEPS = ['reload', 'clean-request', 'clear-site-data', 'private-window', 'network', 'dns'] as const;
const SOURCES = ['reload', 'clean-request', 'clear-site-data', 'private-window', 'network', 'dns', 'dns-answers', 'observe-tab', 'tab-load-result', 'probe'];

describe('the step registry', () => {
  it('lists every step once, these six first in the order the popup offers them', () => {
    expect(CHECKS.map((c) => c.id).slice(0, STEPS.length)).toEqual([...STEPS]);
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    for (const id of CHECK_IDS) expect(checkById(id)?.id).toBe(id);
  });

  it('marks exactly the non-destructive, answer-free steps as automatic', () => {
    expect(CHECKS.filter((c) => c.automatic && (STEPS as readonly string[]).includes(c.id)).map((c) => c.id)).toEqual(['reload', 'clean-request', 'network', 'dns']);
  });

  it('of these, only the step that asks has fromAnswer', () => {
    expect(CHECKS.filter((c) => c.fromAnswer && (STEPS as readonly string[]).includes(c.id)).map((c) => c.id)).toEqual(['private-window']);
  });

  it.each(STEPS.map((id) => [id]))('%s has a title, a description and a test file', (id) => {
    expect(messages[`check_${keyOf(id)}_title`]).toBeDefined();
    expect(messages[`check_${keyOf(id)}_about`]).toBeDefined();
    expect(existsSync(`test/unit/checks/${id}.test.ts`)).toBe(true);
  });
});

describe('message keys of the steps', () => {
  const sources = SOURCES.map((f) => readFileSync(`src/checks/${f}.ts`, 'utf8')).join('\n');
  const literal = /'((?:progress|reload|cleanRequest|clearSiteData|privateWindow|network|dns|evidence|siteData)[A-Za-z0-9_]*)'/g;
  const literals = [...sources.matchAll(literal)].map((m) => m[1] as string)
    // Prefix arguments and code identifiers that are not keys themselves.
    .filter((k) => !['reload', 'clearSiteData', 'network', 'dns'].includes(k));
  const generated = [
    ...['reload', 'clearSiteData'].flatMap((p) => ['Fixed', 'SameError', 'OtherError', 'OtherStatus', 'Challenge', 'NoAnswer'].map((s) => p + s)),
    ...(['Cleared', 'Kept', 'Unscoped', 'Failed'] as const).flatMap((s) => [...SITE_DATA_TYPES, 'cookies' as const].map((t) => siteDataKey(s, t))),
    ...['nxdomain', 'no_address', 'servfail', 'unknown'].map((s) => `evidenceDnsPublic_${s}`),
    ...['win', 'mac', 'linux'].map((os) => `evidenceFlushCommand_${os}`),
    ...['cros', 'android', 'other'].map((os) => `evidenceFlushDevice_${os}`),
    ...['chrome', 'firefox'].map((b) => `evidenceFlushBrowser_${b}`),
  ];

  it('finds the keys in the sources (the scan works)', () => expect(literals.length).toBeGreaterThan(40));

  it.each([...new Set([...literals, ...generated])].map((k) => [k]))('%s exists in _locales/en', (key) => {
    expect(messages[key]?.message, key).toBeTruthy();
  });
});
