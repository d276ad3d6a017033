// Pure: what an error page's own text said (its vendor, code, reference and what that means), as stored with
// the incident (the tab's reading) or in the clean-request step's facts. Apart from the readers
// (./read-page.ts, background only) so the popup loads none of the knowledge tables.
import type { CheckStates } from '../model/checks';
import { INFRA_IDS, ROLES, type Fixer, type Hop, type InfraId, type Role } from '../model/infrastructure';
import type { BodyReason } from '../model/body-reason';

/** i18n key explaining a reason; the generic line names the vendor and its code. */
export function bodyReasonKey(reason: BodyReason): string {
  return reason.meaningKey ?? (reason.code === null ? 'bodyReason_unknown' : 'bodyReason_unknown_code');
}

/** Every fallback key bodyReasonKey can return (a test checks each one is in _locales). */
export const BODY_REASON_KEYS: readonly string[] = ['bodyReason_unknown', 'bodyReason_unknown_code'];

const HOPS: readonly string[] = ['you', 'network', 'gateway', 'origin'];
const FIXERS: readonly string[] = ['you', 'network', 'site-owner', 'hosting'];

/** As flat check facts (CheckResult.facts holds only strings, numbers and booleans). */
export function bodyReasonFacts(reason: BodyReason | null): Record<string, string> {
  if (!reason) return {};
  return {
    bodyPlatform: reason.platform,
    bodyName: reason.name,
    bodyRole: reason.role,
    ...(reason.code !== null ? { bodyCode: reason.code } : {}),
    ...(reason.reference ? { bodyReference: reason.reference } : {}),
    ...(reason.meaningKey ? { bodyMeaning: reason.meaningKey } : {}),
    ...(reason.fixer ? { bodyFixer: reason.fixer } : {}),
    ...(reason.hop ? { bodyHop: reason.hop } : {}),
  };
}

const str = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value !== '' ? value.slice(0, max) : undefined;

/** Back from stored facts; anything malformed → null. */
export function bodyReasonFromFacts(facts: Record<string, string | number | boolean> | undefined): BodyReason | null {
  const platform = facts?.bodyPlatform;
  const role = facts?.bodyRole;
  if (typeof platform !== 'string' || !(INFRA_IDS as readonly string[]).includes(platform)) return null;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
  const reference = str(facts?.bodyReference, 200);
  const meaningKey = str(facts?.bodyMeaning, 100);
  const fixer = str(facts?.bodyFixer, 20);
  const hop = str(facts?.bodyHop, 20);
  return {
    platform: platform as InfraId,
    name: str(facts?.bodyName, 60) ?? platform,
    role: role as Role,
    code: str(facts?.bodyCode, 100) ?? null,
    ...(reference ? { reference } : {}),
    ...(meaningKey && /^[A-Za-z0-9_]+$/.test(meaningKey) ? { meaningKey } : {}),
    ...(fixer && FIXERS.includes(fixer) ? { fixer: fixer as Fixer } : {}),
    ...(hop && HOPS.includes(hop) ? { hop: hop as Hop } : {}),
  };
}

/** The reason the clean-request step read from the page, if it did (kept in its result's facts). */
export function storedBodyReason(checks: CheckStates): BodyReason | null {
  const state = checks['clean-request'];
  return state?.state === 'done' ? bodyReasonFromFacts(state.result.facts) : null;
}
