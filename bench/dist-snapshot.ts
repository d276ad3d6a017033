// The bench loads a private copy of dist/chrome: other work in the same tree may rebuild dist/ (which
// empties it first) while the bench runs, and a browser serving half-replaced files measures nothing.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_DIST } from '../test/harness/dist';
import { measureBundles } from '../test/harness/measure/bundle-size';

export interface DistSnapshot {
  dir: string;
  remove(): Promise<void>;
}

export async function snapshotDist(attempts = 3): Promise<DistSnapshot> {
  for (let attempt = 1; ; attempt += 1) {
    const dir = join(await mkdtemp(join(tmpdir(), 'epe-bench-dist-')), 'chrome');
    try {
      await cp(CHROME_DIST, dir, { recursive: true });
      measureBundles(dir); // every file the entries load is there: the copy is whole
      return { dir, remove: () => rm(join(dir, '..'), { recursive: true, force: true }) };
    } catch (error) {
      await rm(join(dir, '..'), { recursive: true, force: true });
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000)); // a build was running: let it finish
    }
  }
}
