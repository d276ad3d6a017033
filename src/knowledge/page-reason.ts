// Pure: what the failing page in the tab says about itself, from its visible text and the response it came
// with. The one place the tab's reading is parsed (src/background/read-failing-page.ts calls only this), so
// a richer reader of error pages replaces the body of this function and nothing else.
import type { Incident } from '../model/incident';
import type { BodyReason } from '../model/body-reason';
import { extractTextReason } from './error-body';

export function pageReason(visibleText: string, incident: Pick<Incident, 'failure' | 'headers'>): BodyReason | null {
  if (incident.failure.type !== 'http') return null;
  return extractTextReason(visibleText, incident.headers, incident.failure.status);
}
