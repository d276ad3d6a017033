import { useEffect, useState } from 'preact/hooks';
import type { Incident } from '../model/incident';
import type { Settings } from '../model/settings';
import type { SiteScope } from '../model/site-scope';
import { outgoingRequests, type OutgoingRequest, type SendingStep } from '../knowledge/outgoing-requests';
import { t } from '../ui/i18n';
import { useStored } from '../ui/use-stored';
import { storage } from '../storage/storage';

/** The hint under the requests: where the path and the resolver are chosen, and what is never sent. */
function hintKey(step: SendingStep, settings: Settings): string {
  if (step === 'dns') return 'sendsHint_dns';
  if (step === 'status-page') return 'sendsHint_statusPage';
  return settings.sharePagePath ? 'sendsHint_pathOn' : 'sendsHint_pathOff';
}

/** A POST body as sent, laid out to read (the same JSON, indented). */
const readable = (body: string): string => JSON.stringify(JSON.parse(body), null, 2);

/**
 * "What this step sends": before a step that contacts a third party runs, exactly the requests it will make
 * with the current settings (knowledge/outgoing-requests.ts builds them for the step and for this list alike).
 * Computed when opened: the status page needs the Public Suffix List, which only loads then.
 */
export function SendPreview({
  step,
  incident,
}: {
  step: SendingStep;
  incident: Pick<Incident, 'url' | 'ip' | 'fingerprint'>;
}) {
  const settings = useStored(storage.settings);
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<SiteScope | null | undefined>(step === 'status-page' ? undefined : null);
  useEffect(() => {
    if (!open || scope !== undefined) return;
    let alive = true;
    void import('../knowledge/site-scope')
      .then(({ siteScopeOf }) => siteScopeOf(new URL(incident.url).hostname))
      .catch(() => null)
      .then((s) => alive && setScope(s));
    return () => {
      alive = false;
    };
  }, [open, scope, incident.url]);

  const requests: OutgoingRequest[] | null =
    settings && scope !== undefined
      ? outgoingRequests(step, {
          url: incident.url,
          ...(incident.ip ? { ip: incident.ip } : {}),
          edge: incident.fingerprint.edge,
          scope,
          settings,
        })
      : null;
  const nothingKey =
    step !== 'dns' && settings && !settings.thirdPartyLookups ? 'sendsNothing_off' : 'sendsNothing_local';
  return (
    <details class="sends" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('sendsToggle')}</summary>
      {open &&
        settings &&
        requests &&
        (requests.length === 0 ? (
          <p>{t(nothingKey)}</p>
        ) : (
          <>
            <ul>
              {requests.map((r, i) => (
                <li key={i}>
                  <code>{`${r.method} ${r.url}`}</code>
                  {r.body !== undefined && <pre>{readable(r.body)}</pre>}
                </li>
              ))}
            </ul>
            <p class="hint">{t(hintKey(step, settings))}</p>
          </>
        ))}
    </details>
  );
}
