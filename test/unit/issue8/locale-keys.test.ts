// Every message key the three steps and the two popup parts can hand out exists in _locales/en.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const FILES = ['src/checks/status-page.ts', 'src/checks/archived-copy.ts', 'src/checks/other-locations.ts', 'src/popup/ErrorBodyReason.tsx', 'src/popup/OwnerChecklist.tsx'];
const KEY = /'((?:check|progress|evidence|statusPage|archived|otherLocations|thirdParty|bodyReason|ownerChecklist)[A-Za-z0-9_]*)'/g;

describe('issue #8 message keys', () => {
  const keys = [...new Set(FILES.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(KEY)].map((m) => m[1] as string)))]
    .filter((k) => k !== 'statusPage' && k !== 'archivedCopy');
  it('the scan finds them', () => expect(keys.length).toBeGreaterThan(35));
  it.each(keys.map((k) => [k]))('%s', (key) => expect(messages[key]?.message, key).toBeTruthy());
  it.each(['status_page', 'archived_copy', 'other_locations'])('check_%s has a title and a description', (id) => {
    expect(messages[`check_${id}_title`]?.message).toBeTruthy();
    expect(messages[`check_${id}_about`]?.message).toBeTruthy();
  });
  it('every key is a valid Chrome message name and no message has a stray $', () => {
    for (const [key, { message }] of Object.entries(messages)) {
      if (!/^(check_(status_page|archived_copy|other_locations)|statusPage|archived|otherLocations|bodyReason|owner)/.test(key)) continue;
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(message.replace(/\$[1-9]/g, '')).not.toContain('$');
    }
  });
});
