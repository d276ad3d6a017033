// The store listings in docs/store/ (one file per shipped language): every section there, the summary the
// same as the manifest's description (the two stores show both; they must not drift apart) and within the
// limits, and every permission either browser's manifest asks for explained — no more, no fewer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import source from '../../../manifest.json';
import { manifestFor } from '../../../scripts/manifest-for';

const LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
const SECTIONS = ['Name', 'Summary', 'Description', 'Single purpose', 'Permissions', 'Screenshots'];
/** Chrome Web Store and Firefox: the manifest description, shown as the summary, holds at most 132 characters. */
const SUMMARY_MAX = 132;
/** The strictest store name limit (Edge Add-ons 45; addons.mozilla.org 50; Chrome Web Store 75). */
const NAME_MAX = 45;

function sections(language: string): Map<string, string> {
  const text = readFileSync(`docs/store/${language}.md`, 'utf8');
  const parts = text.split(/^## /m).slice(1);
  return new Map(
    parts.map((part) => {
      const [heading = '', ...body] = part.split('\n');
      return [heading.trim(), body.join('\n').trim()];
    }),
  );
}

const message = (language: string, key: string): string =>
  (
    JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8')) as Record<string, { message: string }>
  )[key]!.message;

/** Every permission and host permission of the Chrome and the Firefox manifest. */
function askedFor(): string[] {
  const all = (['chrome', 'firefox'] as const).flatMap((browser) => {
    const m = manifestFor(source, browser, '1.0.0') as { permissions?: string[]; host_permissions?: string[] };
    return [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
  });
  return [...new Set(all)].sort();
}

describe.each(LANGUAGES)('docs/store/%s.md', (language) => {
  const listing = sections(language);

  it('has every section, none empty', () => {
    expect([...listing.keys()]).toEqual(SECTIONS);
    for (const [name, body] of listing) expect(body, name).not.toBe('');
  });

  it("names the extension as its manifest does, within every store's limit", () => {
    expect(listing.get('Name')).toBe(message(language, 'extName'));
    expect(listing.get('Name')!.length).toBeLessThanOrEqual(NAME_MAX);
  });

  it("gives the manifest's description as the summary, at most 132 characters", () => {
    expect(listing.get('Summary')).toBe(message(language, 'extDescription'));
    expect(listing.get('Summary')!.length).toBeLessThanOrEqual(SUMMARY_MAX);
  });

  it('explains exactly the permissions the manifests ask for, each once', () => {
    const explained = [...listing.get('Permissions')!.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);
    expect([...explained].sort()).toEqual(askedFor());
  });

  it('has a caption for each store screenshot, as many as in English', () => {
    const captions = (l: string) =>
      [
        ...sections(l)
          .get('Screenshots')!
          .matchAll(/^\d+\. .+$/gm),
      ].length;
    expect(captions(language)).toBe(captions('en'));
    expect(captions(language)).toBeGreaterThan(0);
  });
});
