// One browser harness: the e2e suites, the bench, the demo and the screenshots share test/harness/; the
// bench imports nothing of the e2e suites and the e2e suites nothing of the bench.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specifiers } from './layers.test';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of the files under `dir`, as `file → target` (target as a path from the repo root). */
const importsOf = (dir: string) =>
  files(dir).flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => ({ file, target: normalize(join(dirname(file), s)) })),
  );

describe('one browser harness', () => {
  it('the bench imports nothing from test/e2e/', () => {
    expect(
      importsOf('bench')
        .filter((i) => i.target.startsWith('test/e2e'))
        .map((i) => `${i.file} → ${i.target}`),
    ).toEqual([]);
  });

  it('the e2e suites and the harness import nothing from bench/', () => {
    const wrong = [...importsOf('test/e2e'), ...importsOf('test/harness')].filter((i) => i.target.startsWith('bench'));
    expect(wrong.map((i) => `${i.file} → ${i.target}`)).toEqual([]);
  });

  it('the harness imports nothing from the e2e suites (they build on it, not the other way)', () => {
    expect(
      importsOf('test/harness')
        .filter((i) => i.target.startsWith('test/e2e'))
        .map((i) => `${i.file} → ${i.target}`),
    ).toEqual([]);
  });

  it('the bench, the demo, the screenshots and the e2e suites all launch through the harness', () => {
    for (const dir of ['bench', 'scripts/demo', 'scripts/screenshots', 'test/e2e']) {
      expect(
        importsOf(dir).some((i) => i.target.startsWith('test/harness')),
        dir,
      ).toBe(true);
    }
  });

  it('ChromeApi is declared once, and only the harness launches a browser binary', () => {
    // scripts/make-icons.mjs renders the icons with Chromium: a build tool, not a run of the extension.
    const all = [...files('test'), ...files('bench'), ...files('scripts/demo'), ...files('scripts/screenshots')];
    expect(all.filter((f) => /\binterface ChromeApi\b/.test(readFileSync(f, 'utf8')))).toEqual([
      'test/harness/chrome-api.ts',
    ]);
    const launches = all.filter(
      (f) => /\/usr\/bin\/(chromium|firefox)/.test(readFileSync(f, 'utf8')) && !f.startsWith('test/unit/'),
    );
    expect(launches.filter((f) => !f.startsWith('test/harness/'))).toEqual([]);
  });
});
