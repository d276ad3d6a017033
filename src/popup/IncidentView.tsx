import { useEffect, useState } from 'preact/hooks';
import type { Incident } from '../model/incident';
import type { WatchState } from '../model/watch';
import { explain } from '../knowledge/explain';
import { storedBodyReason } from '../knowledge/body-reason';
import { fixerKey } from '../knowledge/knowledge-entry';
import { parseRetryAfter } from '../knowledge/retry-after';
import { t } from '../ui/i18n';
import { formatDuration } from '../knowledge/format';
import { uiLocale } from '../platform/ui-locale';
import { unavailableStepsHere } from '../platform/step-support';
import { ChainDiagram } from './ChainDiagram';
import { TraceIds } from './TraceIds';
import { StepList } from './StepList';
import { actionsFor } from './actions';
import { VerdictPanel } from './VerdictPanel';
import { beyondBrowserWorks, decideVerdict, hopOfVerdict } from '../knowledge/verdict';
import { HistoryLine } from './HistoryLine';
import { ErrorBodyReason } from './ErrorBodyReason';

import { lazyComponent } from '../ui/lazy';
import { hostOf } from '../model/url-parts';
import { POPUP_MARKS } from './timing-marks';

export const EXPLANATION_MARK = POPUP_MARKS.explanation;

// Below the fold, and not needed for the first look: loaded on demand.
const WatchPanel = lazyComponent(() => import('./WatchPanel').then((m) => m.WatchPanel));
const ReportButton = lazyComponent(() => import('./ReportButton').then((m) => m.ReportButton));
const OwnerChecklist = lazyComponent(() => import('./OwnerChecklist').then((m) => m.OwnerChecklist));

/** 52x codes come from a CDN edge (Cloudflare): coloured like their badge. */
const codeClass = (incident: Incident) =>
  incident.failure.type === 'network'
    ? 'code--network'
    : incident.failure.status >= 520 && incident.failure.status <= 530
      ? 'code--edge'
      : 'code--http';

/**
 * `sample`: a made-up incident shown outside the popup (the welcome page): no actions, and it tells the
 * background nothing (a port opened from a tab left open would keep Firefox's event page from suspending).
 * `watch`: the tab's current watch of this incident, from the record the popup follows.
 * `settled`: every read the popup started has answered (the view is shown before the ones it does not need).
 */
export function IncidentView({
  tabId,
  incident,
  watch,
  sample = false,
  settled = true,
}: {
  tabId: number;
  incident: Incident;
  watch?: WatchState;
  sample?: boolean;
  settled?: boolean;
}) {
  const actions = sample ? null : actionsFor(tabId, incident);
  // The page's own words (read from the tab, or by the clean request) decide which layer generated the error.
  const pageSays = incident.page?.reason ?? storedBodyReason(incident.checks);
  const explanation = explain(incident.failure, incident.fingerprint, pageSays);
  // "What the page itself says" already gives that meaning: the context line would repeat it.
  const failedByHeader =
    incident.fingerprint.failed?.by === 'error-header' ? incident.fingerprint.failed.meaningKey : null;
  const contextShown =
    explanation.contextKey !== null && explanation.contextKey !== (pageSays?.meaningKey ?? failedByHeader);
  const failure = incident.failure;
  const retryAt = parseRetryAfter(incident.headers['retry-after'], incident.at);
  const verdict = decideVerdict(incident, Date.now(), [...unavailableStepsHere().keys()]);
  // Once the checks point somewhere, their conclusion leads and the general explanation follows,
  // so "the site's side" in the text about the code never reads as contradicting the evidence.
  const decided = verdict.side !== 'unknown';
  const verdictPanel = <VerdictPanel incident={incident} verdict={verdict} actions={actions} />;
  const fixers = decided && verdict.fixers.length ? verdict.fixers : explanation.fixers;
  const failingHop = (decided && hopOfVerdict(verdict.side)) || explanation.failingHop;

  // Once per incident shown: the background runs the automatic steps if the settings ask for it.
  useEffect(() => actions?.opened(), [tabId, incident.id]);
  // The steps and the sections below them come in the frame after the explanation: the first frame renders,
  // styles, lays out and paints only what a person reads first (the sample on the welcome page shows all at once).
  // Until then, and until the popup's reads have all answered, the view says it is busy (as HealthyView does
  // while it asks): whoever waits for it to settle, assistive technology or a test, reads it whole.
  const [restShown, showRest] = useState(sample);
  useEffect(() => showRest(true), []);

  return (
    <main class="popup" aria-busy={restShown && settled ? undefined : true}>
      <header class="incident-header">
        <span class={`code ${codeClass(incident)}`}>
          {failure.type === 'http' ? String(failure.status) : t('networkBadgeLabel')}
        </span>
        <div>
          <h1 class="title">{t(explanation.titleKey)}</h1>
          <p class="url" title={incident.url}>
            {hostOf(incident.url)}
            {failure.type === 'network' && <span class="raw-error"> · {failure.error}</span>}
          </p>
        </div>
      </header>
      {decided && verdictPanel}
      {decided && (
        <h2 class="about-code">
          {t('aboutCodeHeading', [failure.type === 'http' ? String(failure.status) : failure.error])}
        </h2>
      )}
      <p class="summary">{t(explanation.summaryKey, explanation.args)}</p>
      {contextShown && <p class="context">{t(explanation.contextKey!, explanation.args)}</p>}
      <ErrorBodyReason incident={incident} />
      <ChainDiagram
        chain={explanation.chain}
        failingHop={failingHop}
        laterHopsWork={decided && beyondBrowserWorks(verdict.side)}
      />
      <p class="fixers">
        <strong>{t('whoFixesLabel')}</strong> {fixers.map((f) => t(fixerKey(f))).join(' · ')}
      </p>
      {retryAt !== null && (
        // Retry-After 0 (or a date already past) means now: never "try again in 0 ms".
        <p class="retry-after">
          {retryAt - incident.at <= 0
            ? t('retryAfterNow')
            : t('retryAfterLine', [formatDuration(retryAt - incident.at, uiLocale())])}
        </p>
      )}
      <HistoryLine url={incident.url} />
      {!decided && verdictPanel}
      <ExplanationShown />
      {restShown && (
        <>
          <StepList incident={incident} recommended={explanation.steps} actions={actions} />
          <WatchPanel tabId={tabId} watch={watch} />
          <section class="owner-info" aria-labelledby="owner-info-heading">
            <h2 id="owner-info-heading">{t('ownerInfoHeading')}</h2>
            <TraceIds ids={incident.fingerprint.traceIds} ip={incident.ip} />
            <ReportButton incident={incident} />
            <OwnerChecklist incident={incident} />
          </section>
        </>
      )}
    </main>
  );
}

/**
 * The benchmark measures document start → this mark. Preact runs effects after the frame that painted the
 * commit, child by child in tree order: here, after everything above it (the explanation a person reads) and
 * before the sections below start loading their chunks, whose work is no part of showing the explanation.
 */
function ExplanationShown() {
  useEffect(() => void performance.mark(EXPLANATION_MARK), []);
  return null;
}
