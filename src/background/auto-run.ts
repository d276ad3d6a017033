// "Run the automatic checks as soon as the popup opens" (settings.autoRunChecks): the popup says it opened
// on a tab, and the background decides, so the popup never waits for the settings or the worker.
import { CHECKS } from '../checks';
import type { Incident } from '../model/incident';
import type { Settings } from '../model/settings';
import { readRecord } from './incident-store';
import { runAutomaticChecks } from './check-runner';
import { storage } from '../storage/storage';

/**
 * Pure: run the automatic steps only when the person asked for it and none of them has started on this
 * incident yet, so reopening the popup never repeats a run or overwrites a result the person is reading.
 */
export function shouldAutoRun(
  settings: Pick<Settings, 'autoRunChecks'>,
  incident: Pick<Incident, 'checks'> | undefined,
): boolean {
  if (!settings.autoRunChecks || !incident) return false;
  return CHECKS.filter((c) => c.automatic).every((c) => incident.checks[c.id] === undefined);
}

export async function onPopupOpened(tabId: number): Promise<boolean> {
  const [settings, record] = await Promise.all([storage.settings.get(), readRecord(tabId)]);
  if (!shouldAutoRun(settings, record?.incident)) return false;
  void runAutomaticChecks(tabId);
  return true;
}
