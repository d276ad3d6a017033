// Start-up work of each worker instance, awaited by handlers that depend on it (uBlock Lite's pattern).
import { sweepInterruptedChecks } from './check-runner';

export const ready: Promise<void> = sweepInterruptedChecks().catch(() => undefined);
