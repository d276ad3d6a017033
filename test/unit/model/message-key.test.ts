import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKey } from '../../../src/model/message-key';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });

describe('messageKey', () => {
  it('joins a family and ids with _ and spells every - of an id as _', () => {
    expect(messageKey('fixer', 'site-owner')).toBe('fixer_site_owner');
    expect(messageKey('check', 'clear-site-data', 'title')).toBe('check_clear_site_data_title');
    expect(messageKey('hop', 'origin')).toBe('hop_origin');
  });

  it('is the only place in src/ that turns an id into a key (no inline `-` → `_`)', () => {
    const inline = sourceFiles('src')
      .filter((file) => file !== join('src', 'model', 'message-key.ts'))
      .filter((file) => /\.replace\(\s*(?:'-'|\/-\/g)\s*,\s*'_'\s*\)/.test(readFileSync(file, 'utf8')));
    expect(inline).toEqual([]);
  });
});
