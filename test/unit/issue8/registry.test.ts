// Meta-test for the issue-#8 steps: registered after the issue-#3 six, in order; never automatic (they
// contact third parties); each with a title, a description and a test file here.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { CHECK_IDS } from '../../../src/model/checks';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { CHECKS, checkById } = await import('../../../src/checks');

const STEPS = ['status-page', 'archived-copy', 'other-locations'] as const;
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

describe('issue #8 steps in the registry', () => {
  it('come right after the six first steps, in this order', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(ids.slice(6, 9)).toEqual([...STEPS]);
    for (const id of STEPS) {
      expect(CHECK_IDS).toContain(id);
      expect(checkById(id)?.id).toBe(id);
    }
  });
  it('are manual and ask nothing', () => {
    for (const id of STEPS) {
      expect(checkById(id)?.automatic).toBe(false);
      expect(checkById(id)?.fromAnswer).toBeUndefined();
    }
  });
  it.each(STEPS.map((id) => [id]))('%s has a title, a description and a test file', (id) => {
    const key = id.replace(/-/g, '_');
    expect(messages[`check_${key}_title`]?.message).toBeTruthy();
    expect(messages[`check_${key}_about`]?.message).toBeTruthy();
    expect(existsSync(`test/unit/issue8/${id}.test.ts`)).toBe(true);
  });
});
