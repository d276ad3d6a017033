// Which steps "check everything" runs and how long each may take: read from the extension's own modules
// (src/checks/index.ts, the runner's grace), so the budgets follow the code.
import { installExtensionStub } from './extension-stub';

export interface CheckCap {
  id: string;
  /** The step's own limit (its timeLimitMs, else settings.checkTimeoutMs). */
  capMs: number;
}

export interface CheckCaps {
  automatic: CheckCap[];
  /** How long past its limit the runner's 'running' state is still trusted (DEADLINE_GRACE_MS). */
  graceMs: number;
}

export async function loadCheckCaps(checkTimeoutMs?: number): Promise<CheckCaps> {
  installExtensionStub();
  const [{ CHECKS }, { DEADLINE_GRACE_MS }, { DEFAULT_SETTINGS }] = await Promise.all([
    import('../../../src/checks/index'),
    import('../../../src/background/check-runner'),
    import('../../../src/model/settings'),
  ]);
  const fallback = checkTimeoutMs ?? DEFAULT_SETTINGS.checkTimeoutMs;
  return {
    automatic: CHECKS.filter((c) => c.automatic).map((c) => ({ id: c.id, capMs: c.timeLimitMs ?? fallback })),
    graceMs: DEADLINE_GRACE_MS,
  };
}
