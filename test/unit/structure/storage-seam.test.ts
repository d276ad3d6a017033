// One storage seam: browser.storage is called only under src/storage/ (every other module goes through
// its typed items), so where each key lives, and how it is read, is written in one place.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Code without comments: a comment may name storage.session; only code may not call it. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

/** `browser.storage`, `chrome.storage`, or a destructured / aliased `storage.local|session|onChanged` of the API. */
export const touchesStorageApi = (text: string): boolean =>
  /\b(?:browser|chrome)\s*(?:\?\.|\.)\s*storage\b|\b(?:browser|chrome)\s*\[\s*['"]storage['"]\s*\]|\{\s*[^}]*\bstorage\b[^}]*\}\s*=\s*(?:browser|chrome)\b/.test(
    code(text),
  );

describe('the storage seam', () => {
  it('the scan sees every way of reaching the API, and not a comment', () => {
    expect(touchesStorageApi(`await browser.storage.local.get('x');`)).toBe(true);
    expect(touchesStorageApi(`chrome.storage.session.set({})`)).toBe(true);
    expect(touchesStorageApi(`browser['storage'].local`)).toBe(true);
    expect(touchesStorageApi(`const { storage } = browser;`)).toBe(true);
    expect(touchesStorageApi(`// kept in browser.storage.session\nconst a = 1;`)).toBe(false);
    expect(touchesStorageApi(`import { storage } from '../storage/storage';\nawait storage.settings.get();`)).toBe(
      false,
    );
  });

  it('browser.storage is called only under src/storage/', () => {
    const outside = sourceFiles('src').filter(
      (file) => !file.startsWith(join('src', 'storage')) && touchesStorageApi(readFileSync(file, 'utf8')),
    );
    expect(outside).toEqual([]);
  });

  it('the seam itself does call it (the scan would notice)', () => {
    expect(touchesStorageApi(readFileSync('src/storage/browser-storage.ts', 'utf8'))).toBe(true);
  });
});
