// `npm run new:step <id>`: scaffolds a guided step — src/checks/<id>.ts, its id in CHECK_IDS, its line in
// src/checks/index.ts, its title, description and result message in every locale (English text to replace,
// marked TODO in the others), and test/unit/checks/<id>.test.ts. Then: write the step, its test and the
// translations; `npm run test:unit` checks that nothing is missing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const id = process.argv[2] ?? '';
if (!/^[a-z]+(-[a-z]+)*$/.test(id)) {
  console.error('usage: npm run new:step <id>   (kebab-case, e.g. proxy-settings)');
  process.exit(2);
}
const file = `src/checks/${id}.ts`;
if (existsSync(file)) {
  console.error(`${file} already exists`);
  process.exit(1);
}
const camel = id.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const key = id.replace(/-/g, '_');
const resultKey = `${camel}Inconclusive`;

function edit(path, from, to) {
  const text = readFileSync(path, 'utf8');
  if (!from.test(text)) throw new Error(`${path}: cannot find where to add ${id}`);
  writeFileSync(path, text.replace(from, to));
}

writeFileSync(
  file,
  `// Step "${id}": TODO say what it does and what it reports.
import type { Check, CheckContext, CheckOutput } from './check';

export const ${camel}: Check = {
  id: '${id}',
  automatic: false,
  async run(_context: CheckContext): Promise<CheckOutput> {
    return { outcome: 'inconclusive', summary: '${resultKey}', evidence: [] };
  },
};
`,
);

// After the last entry, whether the list is on one line or one entry a line with a trailing comma (Prettier).
edit('src/model/checks.ts', /(export const CHECK_IDS = \[[^\]]*?)(,?\s*\] as const;)/, `$1, '${id}'$2`);
edit('src/checks/index.ts', /(\nexport const CHECKS: Check\[\] = \[[^\]]*?)(,?\s*\];)/, `$1, ${camel}$2`);
edit('src/checks/index.ts', /(\n)(\nexport const CHECKS)/, `$1import { ${camel} } from './${id}';\n$2`);

for (const lang of readdirSync('public/_locales')) {
  const path = `public/_locales/${lang}/messages.json`;
  const messages = JSON.parse(readFileSync(path, 'utf8'));
  const todo = (text) => (lang === 'en' ? text : `TODO (${lang}): ${text}`);
  messages[`check_${key}_title`] = { message: todo(`TODO: the title of the ${id} step`) };
  messages[`check_${key}_about`] = { message: todo(`TODO: one line on what the ${id} step does`) };
  messages[resultKey] = { message: todo(`TODO: what the ${id} step found`) };
  writeFileSync(path, `${JSON.stringify(messages, null, 2)}\n`);
}

writeFileSync(
  `test/unit/checks/${id}.test.ts`,
  `// Step "${id}": TODO the cases it tells apart, each against a local server or an in-memory browser.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { output, testContext, testIncident } from '../support/check-context';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { ${camel} } = await import('../../../src/checks/${id}');

describe('${id}', () => {
  it('TODO: replace with what the step must report', async () => {
    const context = testContext(testIncident('https://example.com/', { type: 'http', status: 502, statusLine: 'HTTP/1.1 502 Bad Gateway' }));
    expect(output(await ${camel}.run(context)).outcome).toBe('inconclusive');
  });
});
`,
);

console.log(`Scaffolded step ${id}:
  ${file}
  src/model/checks.ts (CHECK_IDS), src/checks/index.ts (CHECKS)
  public/_locales/*/messages.json: check_${key}_title, check_${key}_about, ${resultKey}
  test/unit/checks/${id}.test.ts`);
