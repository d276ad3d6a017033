// Every message key the code can hand out exists in _locales/en (locales.test.ts then holds every other
// language to English). The scan walks the whole of src/, so a new file is covered without a list to edit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { CHECK_IDS, CHECK_OUTCOMES, checkAboutKey, checkTitleKey, outcomeKey } from '../../../src/model/checks';
import { PAGE_KINDS, pageKindKey } from '../../../src/knowledge/page-kind';
import { NETWORK_ERROR_KINDS } from '../../../src/model/failure';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import { ENDPOINT_FIELDS } from '../../../src/options/endpoint-fields';
import { contactedHosts } from '../../../src/options/contacted-hosts';
import { SITE_DATA_TYPES } from '../../../src/platform/site-data';
import english from '../../../public/_locales/en/messages.json';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { siteDataKey } = await import('../../../src/checks/clear-site-data');

const messages = english as Record<string, { message: string } | undefined>;
const KEYS = Object.keys(messages);

/**
 * Names in code that are spelled like message keys but are not (facts, settings, storage keys, ids built
 * into keys elsewhere). Add a name here only if it is not shown to anyone.
 */
const NOT_KEYS = new Set([
  'watchTuning',
  'siteStatusIndicator',
  'privateLoaded',
  'siteReachable',
  'lastSeenAt',
  'thirdPartyOn',
  'thirdPartyOff',
  'net_certificate',
  'net_dns_records',
  'net_firewall_drop',
  'net_listening',
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * A key family is the lower-case start of a key name with its separator (`verdict` in `verdictOffline`,
 * `cause_` in `cause_overload`) shared by at least five keys; smaller ones (`no_`, `last`) collide with
 * ordinary names in code, and vendor codes (`dns_unresolved_hostname`) are not in the camel-case `dns` family.
 */
const familyOf = (name: string) => /^([a-z]+_?)[A-Za-z]/.exec(name)?.[1];
const familySizes = new Map<string, number>();
for (const family of KEYS.map(familyOf)) if (family) familySizes.set(family, (familySizes.get(family) ?? 0) + 1);
const FAMILIES = new Set([...familySizes].filter(([, size]) => size >= 5).map(([family]) => family));
/** A literal that only starts keys (`statusPage` → `statusPageMaintenance`) is a prefix argument, not a key. */
const isPrefixOfKeys = (name: string) => KEYS.some((k) => k !== name && k.startsWith(name));

const files = sourceFiles('src');
/** Comments may quote names from elsewhere ('dns_timeout' from RFC 9209); only code counts. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
const sources = files.map((file) => ({ file, text: withoutComments(readFileSync(file, 'utf8')) }));

/** Literals passed straight to a translating function. */
const passed = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/\b(?:t|getMessage|translate|progress|ev)\(\s*'([^'@][^']*)'/g)].map((m) => ({
    file,
    key: m[1] as string,
  })),
);

/** Literals anywhere that are spelled like a key of a known family. */
const spelledLikeKeys = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/'([a-z][A-Za-z0-9]*[A-Z_][A-Za-z0-9_]*)'/g)]
    .map((m) => m[1] as string)
    .filter((name) => FAMILIES.has(familyOf(name) ?? '') && !isPrefixOfKeys(name) && !NOT_KEYS.has(name))
    .map((key) => ({ file, key })),
);

/** Keys built from data, where no literal shows the whole key. */
const built = [
  ...CHECK_IDS.flatMap((id) => [checkTitleKey(id), checkAboutKey(id)]),
  ...CHECK_OUTCOMES.map(outcomeKey),
  ...PAGE_KINDS.filter((kind) => kind !== 'web').flatMap((kind) => [
    pageKindKey(kind, 'title'),
    pageKindKey(kind, 'body'),
  ]),
  ...ENDPOINT_FIELDS.flatMap((f) => [`endpoint_${f.id}_label`, `endpoint_${f.id}_hint`]),
  ...[true, false].flatMap((on) =>
    contactedHosts({ ...DEFAULT_SETTINGS, thirdPartyLookups: on }).flatMap((h) => [
      ...h.purposes.map((p) => `hostPurpose_${p}`),
      `hostWhen_${h.when}`,
    ]),
  ),
  ...NETWORK_ERROR_KINDS.map((kind) => `historyNet_${kind}`),
  ...['reload', 'clearSiteData'].flatMap((p) =>
    ['Fixed', 'SameError', 'OtherError', 'OtherStatus', 'Challenge', 'NoAnswer'].map((s) => p + s),
  ),
  ...(['Cleared', 'Kept', 'Unscoped', 'Failed'] as const).flatMap((s) =>
    [...SITE_DATA_TYPES, 'cookies' as const].map((t) => siteDataKey(s, t)),
  ),
  ...['nxdomain', 'no_address', 'servfail', 'unknown'].map((s) => `evidenceDnsPublic_${s}`),
  ...['win', 'mac', 'linux'].map((os) => `evidenceFlushCommand_${os}`),
  ...['cros', 'android', 'other'].map((os) => `evidenceFlushDevice_${os}`),
  ...['chrome', 'firefox'].map((b) => `evidenceFlushBrowser_${b}`),
  // A stopped step's lasting work (background/lasting-work.ts): a removal, a window.
  ...['removal', 'window'].flatMap((kind) => [
    `progressStopping_${kind}`,
    ...['ended', 'goesOn'].flatMap((state) => [`checkCancelled_${kind}_${state}`, `lastingEvidence_${kind}_${state}`]),
  ]),
];

const unique = <T extends { file: string; key: string }>(list: T[]) =>
  [...new Map(list.map((item) => [`${item.file} ${item.key}`, item])).values()].map((item) => [item.key, item.file]);

describe('message keys in src/', () => {
  it('the scan reads every source file and finds keys in them', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(passed.length).toBeGreaterThan(100);
    expect(spelledLikeKeys.length).toBeGreaterThan(300);
  });
  it.each(unique(passed))('%s (passed to a translating function in %s) exists', (key) => {
    expect(messages[key]?.message, key).toBeTruthy();
  });
  it.each(unique(spelledLikeKeys))('%s (in %s) exists; if it is a name in code, list it in NOT_KEYS', (key) => {
    expect(messages[key]?.message, key).toBeTruthy();
  });
  it.each([...new Set(built)].map((k) => [k]))('%s (built from data) exists', (key) => {
    expect(messages[key]?.message, key).toBeTruthy();
  });
  it('every NOT_KEYS entry is still in the code (the list does not rot)', () => {
    const all = sources.map((s) => s.text).join('\n');
    for (const name of NOT_KEYS) expect(all, name).toContain(`'${name}'`);
  });
  it('no message has a stray $ outside its $1…$9 substitutions', () => {
    for (const [key, entry] of Object.entries(messages))
      expect(entry?.message.replace(/\$[1-9]/g, ''), key).not.toContain('$');
  });
});
