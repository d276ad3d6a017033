// The popup's typed actions: each one message to the background, where the work runs.
import type { CheckId } from '../model/checks';
import type { Incident } from '../model/incident';
import type { SiteScope } from '../model/site-scope';
import { post } from './background-port';

/** Steps that must stay inside the site (clearing its data, guessing its status page) get its SiteScope. */
const NEEDS_SCOPE: ReadonlySet<CheckId> = new Set(['clear-site-data', 'status-page']);

/**
 * The Public Suffix List is ~50 KB gzip: loaded here, on demand, because Chrome's service worker cannot
 * import() lazily and must not load it at every start. A failure to load sends no scope (the step is cautious).
 */
async function scopeOf(url: string): Promise<SiteScope | undefined> {
  try {
    const { siteScopeOf } = await import('../knowledge/site-scope');
    return siteScopeOf(new URL(url).hostname);
  } catch {
    return undefined;
  }
}

export interface PopupActions {
  /** `confirmed`: the person confirmed the step's intrusive part for the incident shown. */
  runCheck(checkId: CheckId, confirmed?: boolean): void;
  runAll(): void;
  /** Tells the background the popup shows this tab's incident (it may run the automatic steps, settings.autoRunChecks). */
  opened(): void;
  cancel(checkId: CheckId): void;
  answer(checkId: CheckId, answer: 'loaded' | 'same-error'): void;
}

/** `incident`: the one the popup shows: a confirmation is given for it, and the scope is its host's. */
export function actionsFor(tabId: number, incident: Pick<Incident, 'id' | 'url'>): PopupActions {
  return {
    runCheck: (checkId, confirmed) =>
      void (async () => {
        const scope = NEEDS_SCOPE.has(checkId) ? await scopeOf(incident.url) : undefined;
        post({
          type: 'run-check',
          tabId,
          checkId,
          ...(confirmed ? { confirmedFor: incident.id } : {}),
          ...(scope ? { scope } : {}),
        });
      })(),
    runAll: () => post({ type: 'run-all', tabId }),
    opened: () => post({ type: 'popup-opened', tabId }),
    cancel: (checkId) => post({ type: 'cancel-check', tabId, checkId }),
    answer: (checkId, answer) => post({ type: 'answer-check', tabId, checkId, answer }),
  };
}
