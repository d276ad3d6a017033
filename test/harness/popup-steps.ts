// Browser-neutral reading of the guided steps, shared by the Chromium and Firefox suites: in-page readers
// of the popup (Playwright's and Puppeteer's `page.evaluate` both take them as is) and waits on the tab's
// record in storage.session.
import type { VerdictInput } from '../../src/knowledge/verdict';
import type { CheckId, CheckState } from '../../src/model/checks';
import type { TabRecord } from '../../src/model/incident';
import type { PopupPage } from './popup-checks';
import { waitFor, withDeadline } from './wait-for';

/** The steps "Check everything" runs (`automatic: true` in src/checks; importing those needs a browser). */
export const AUTOMATIC: readonly CheckId[] = ['reload', 'clean-request', 'network', 'dns'];
/** A name the browser connects to on 127.0.0.1 while the local DoH server gives another address. */
export const STALE_HOST = 'stale-dns.example.com';
export const STALE_PUBLIC_IP = '203.0.113.7';

export interface StepView {
  /** idle | running | waiting-for-user | done | interrupted */
  state: string;
  outcome: string | null;
  line: string;
}

/** Runs in the popup: each step's state (from its classes) and the line under its title. */
export const readStepsInPage = (): Record<string, StepView> => {
  const states = ['idle', 'running', 'waiting-for-user', 'done', 'interrupted'];
  const out: Record<string, StepView> = {};
  for (const li of document.querySelectorAll<HTMLElement>('li[data-step]')) {
    const classes = [...li.classList].filter((c) => c.startsWith('step--')).map((c) => c.slice(6));
    const state = classes.find((c) => states.includes(c)) ?? '?';
    const outcome = classes.find((c) => !states.includes(c)) ?? null;
    const line = li.querySelector('.step-result, .step-about')?.textContent?.trim() ?? '';
    out[li.dataset.step ?? '?'] = { state, outcome, line };
  }
  return out;
};

export interface VerdictView {
  side: string;
  confidence: string;
  headline: string;
  text: string;
}

/** Runs in the popup: the verdict panel as shown, side and confidence from its classes, the headline without its icon. */
export const readVerdictInPage = (): VerdictView | null => {
  const section = document.querySelector('section.verdict');
  if (!section) return null;
  const mods = [...section.classList].filter((c) => c.startsWith('verdict--')).map((c) => c.slice(9));
  return {
    side: mods[0] ?? '',
    confidence: mods[1] ?? '',
    headline: section.querySelector('.verdict-headline span:not([aria-hidden])')?.textContent?.trim() ?? '',
    text: (section as HTMLElement).innerText,
  };
};

/** Runs in the popup (a `waitForFunction` predicate): every step in `ids` is in state `want`. */
export const stepsInStateInPage = ({ ids, want }: { ids: string[]; want: string }): boolean =>
  ids.every((id) => document.querySelector(`li[data-step="${id}"]`)?.classList.contains(`step--${want}`));

/** Each step of the popup as shown now (see readStepsInPage). */
export const readSteps = (popup: PopupPage) => withDeadline('the popup steps', popup.evaluate(readStepsInPage));

/** The popup's verdict panel as shown now, or null (see readVerdictInPage). */
export const readVerdict = (popup: PopupPage) => withDeadline('the popup verdict', popup.evaluate(readVerdictInPage));

/** Either harness: reads a tab's record from an extension page. */
export interface RecordSource {
  record(tabId: number): Promise<TabRecord | undefined>;
}

/** The incident a step's results are in: the current one, or the one that just ended (a fix ends it). */
export const incidentOf = (record: TabRecord | undefined, id: string): VerdictInput | undefined =>
  [record?.incident, record?.lastError].find((i) => i?.id === id);

export async function stepState(
  source: RecordSource,
  tabId: number,
  incidentId: string,
  step: CheckId,
): Promise<CheckState | undefined> {
  return incidentOf(await source.record(tabId), incidentId)?.checks[step];
}

/** Waits until the step is done in storage and gives its result. */
export function doneResult(source: RecordSource, tabId: number, incidentId: string, step: CheckId, timeoutMs = 8000) {
  return waitFor(
    `step ${step} done in storage`,
    async () => {
      const s = await stepState(source, tabId, incidentId, step);
      return s?.state === 'done' ? s.result : undefined;
    },
    { timeoutMs },
  );
}

/** Waits until the tab's record satisfies `ok`. */
export const recordWhere = (
  source: RecordSource,
  tabId: number,
  ok: (r: TabRecord) => boolean,
  what: string,
  timeoutMs = 5000,
) =>
  waitFor(
    what,
    async () => {
      const r = await source.record(tabId);
      return r && ok(r) ? r : undefined;
    },
    { timeoutMs },
  );
