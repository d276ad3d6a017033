import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/storage/migrate';

const migrations = {
  1: (old: Record<string, unknown>) => ({ ...old, renamed: old.oldName, oldName: undefined }),
  2: (old: Record<string, unknown>) => ({ ...old, added: true }),
};

describe('migrate', () => {
  it('runs every step from the stored version up to the current one, in order', () => {
    expect(migrate({ version: 1, oldName: 'x' }, 3, migrations)).toEqual({
      version: 3,
      renamed: 'x',
      oldName: undefined,
      added: true,
    });
    expect(migrate({ version: 2, renamed: 'y' }, 3, migrations)).toEqual({ version: 3, renamed: 'y', added: true });
  });

  it('counts a value without a version as version 1', () => {
    expect(migrate({ oldName: 'z' }, 2, migrations)).toEqual({ version: 2, renamed: 'z', oldName: undefined });
  });

  it('leaves a current, newer or non-object value as it is', () => {
    const current = { version: 3, a: 1 };
    expect(migrate(current, 3, migrations)).toBe(current);
    expect(migrate({ version: 9 }, 3, migrations)).toEqual({ version: 9 });
    expect(migrate([1, 2], 3, migrations)).toEqual([1, 2]);
    expect(migrate('corrupt', 3, migrations)).toBe('corrupt');
  });

  it('a version with no migration of its own only moves the number on', () => {
    expect(migrate({ version: 1, keep: 'me' }, 2, {})).toEqual({ version: 2, keep: 'me' });
  });
});
