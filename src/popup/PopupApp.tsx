import { useRef } from 'preact/hooks';
import { pageKind, pageKindKey } from '../knowledge/page-kind';
import { currentWatch } from '../knowledge/watch-schedule';
import { t } from '../ui/i18n';
import { useTabState, type TabState } from './use-tab-state';
import { IncidentView } from './IncidentView';
import { HealthyView } from './HealthyView';
import { ChallengeView } from './ChallengeView';
import { useHostAccess } from './use-host-access';
import { lazyComponent } from '../ui/lazy';

// Views only some tabs need (a 4xx, no host access): their own chunks, so the popup's first JS stays small.
const ClientErrorView = lazyComponent(() => import('./ClientErrorView').then((m) => m.ClientErrorView));
const HostAccessPage = lazyComponent(() => import('./HostAccessNotice').then((m) => m.HostAccessPage));

const withoutHash = (url: string | undefined): string | undefined => url?.split('#', 1)[0];

// Below the view: it arrives a moment after it, outside the start-up budget.
const PopupFooter = lazyComponent(() => import('./PopupFooter').then((m) => m.PopupFooter));

export function PopupApp() {
  const state = useTabState();
  const hostAccess = useHostAccess();
  const accessWasMissing = useRef(false);
  if (hostAccess === false) accessWasMissing.current = true;
  // An incident is explained as soon as its record is read, whatever the host access; the other views wait
  // for every answer. Whichever view shows stays busy until all are in (no answer left in flight once it is not).
  const settled = state.settled && hostAccess !== null;
  if (state.loading || (!state.record?.incident && !settled)) return <main class="popup" aria-busy="true" />;
  // The footer's chunk is asked for once the view is on screen, not while the reads are in flight: loading
  // it then took main-thread time the reads' answers waited for (`npm run bench`, popup breakdown).
  return (
    <>
      <PopupView {...state} settled={settled} hostAccess={hostAccess} accessWasMissing={accessWasMissing.current} />
      <PopupFooter />
    </>
  );
}

function PopupView({
  tabId,
  url,
  record,
  live,
  settled,
  hostAccess,
  accessWasMissing,
}: TabState & { hostAccess: boolean | null; accessWasMissing: boolean }) {
  if (tabId === null) return <Notice titleKey="noTabTitle" bodyKey="noTabBody" />;
  if (record?.incident)
    return <IncidentView tabId={tabId} incident={record.incident} watch={currentWatch(record)} settled={settled} />;
  // Past this line the answer is in (PopupApp waits for it when there is no incident).
  // Without host access the browser hides the tab's URL too: explain that, not "nothing to check".
  if (!hostAccess) {
    return <HostAccessPage restoredTabId={null} />;
  }
  if (accessWasMissing) {
    return <HostAccessPage restoredTabId={tabId} />;
  }
  const kind = pageKind(url);
  if (kind !== 'web') return <Notice titleKey={pageKindKey(kind, 'title')} bodyKey={pageKindKey(kind, 'body')} />;
  if (record?.challenge) return <ChallengeView challenge={record.challenge} />;
  // A refusal (any 4xx: 404, 403, 429 …) is explained while the tab still shows that very page.
  const refusal = record?.clientError;
  if (refusal && withoutHash(refusal.url) === withoutHash(url))
    return <ClientErrorView tabId={tabId} refusal={refusal} watch={currentWatch(record)} />;
  return <HealthyView url={url} status={live?.status} asking={live === null} lastError={record?.lastError} />;
}

function Notice({ titleKey, bodyKey }: { titleKey: string; bodyKey: string }) {
  return (
    <main class="popup popup--calm">
      <h1 class="title">{t(titleKey)}</h1>
      <p>{t(bodyKey)}</p>
    </main>
  );
}
