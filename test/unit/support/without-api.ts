// A browser that lacks an API (Firefox for Android has no `windows`): the in-memory fake with that
// namespace taken away for one test, put back afterwards.
import { fakeBrowser } from '@webext-core/fake-browser';

export function withoutApi<T>(name: 'windows', run: () => T): T {
  const fake = fakeBrowser as unknown as Record<string, unknown>;
  const saved = fake[name];
  delete fake[name];
  try {
    const result = run();
    if (result instanceof Promise) return result.finally(() => void (fake[name] = saved)) as T;
    fake[name] = saved;
    return result;
  } catch (error) {
    fake[name] = saved;
    throw error;
  }
}
