// The guided steps, in the order the popup offers them. Adding a step = one file + one line here.
import type { CheckId } from '../model/checks';
import type { Check } from './check';

export const CHECKS: Check[] = [];

export function checkById(id: CheckId): Check | undefined {
  return CHECKS.find((check) => check.id === id);
}
