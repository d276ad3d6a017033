// Which guided steps this browser can run. A step that needs an API the browser lacks (the private window
// on Firefox for Android, which has no `windows`) is left out with its reason, never offered to fail.
import browser from 'webextension-polyfill';
import { STEP_NEEDS, type CheckId, type OptionalApi } from '../model/checks';

/** The steps left out here, each with the first API it lacks. */
export type UnavailableSteps = ReadonlyMap<CheckId, OptionalApi>;

/** Pure: the steps `api` (a browser namespace) cannot run. */
export function unavailableStepsIn(api: Partial<Record<OptionalApi, unknown>>): UnavailableSteps {
  const left = new Map<CheckId, OptionalApi>();
  for (const [id, needs] of Object.entries(STEP_NEEDS) as [CheckId, readonly OptionalApi[]][]) {
    const missing = needs.find((name) => api[name] == null);
    if (missing) left.set(id, missing);
  }
  return left;
}

/** The steps this browser cannot run. */
export function unavailableStepsHere(): UnavailableSteps {
  return unavailableStepsIn(browser as unknown as Partial<Record<OptionalApi, unknown>>);
}
