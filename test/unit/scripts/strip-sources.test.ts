import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { stripSources } from '../../../scripts/strip-sources';

const folder = new URL('../../../src/knowledge/infrastructure/', import.meta.url);

describe('stripSources (build step)', () => {
  it('empties every sources array and keeps the rest, brackets inside strings included', () => {
    const code = "export const a = { id: 'x', sources: [\n  'https://a.example/[x]',\n  `https://b.example/]`,\n], traceIds: ['cf-ray'] };\nconst b = { sources: [\"q\\\"]\"] };";
    expect(stripSources(code)).toBe("export const a = { id: 'x', sources: [], traceIds: ['cf-ray'] };\nconst b = { sources: [] };");
  });

  it('leaves code without sources, or with an unclosed array, as it is', () => {
    expect(stripSources("const a = { traceIds: ['x'] };")).toBe("const a = { traceIds: ['x'] };");
    expect(stripSources('const a = { sources: [ "x"')).toBe('const a = { sources: [ "x"');
  });

  it('leaves no public address in any real entry file, and changes nothing but the sources', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));
    let stripped = 0;
    for (const file of files) {
      const code = readFileSync(new URL(file, folder), 'utf8');
      const out = stripSources(code);
      if (/\bsources\s*:\s*\[\s*['"`]/.test(code)) stripped++;
      expect(out, file).not.toMatch(/\bsources\s*:\s*\[\s*['"`]/);
      expect(out.replace(/\s+/g, ''), file).toBe(code.replace(/\bsources\s*:\s*\[[^\]]*\]/g, 'sources: []').replace(/\s+/g, ''));
    }
    expect(stripped).toBeGreaterThanOrEqual(25);
  });
});
