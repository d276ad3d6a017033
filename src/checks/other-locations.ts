// Step "other-locations": asks a few Globalping probes around the world for the page. Down for them too →
// the site is down; fine for them → the problem is between this device and the site. Third-party look-up:
// runs only when the person allowed those.
import type { Evidence } from '../model/checks';
import {
  buildMeasurement,
  describeRow,
  parseApiError,
  parseCreated,
  parseMeasurement,
  summarizeElsewhere,
  type MeasurementReading,
} from '../knowledge/globalping';
import { mayTellThirdParties } from '../knowledge/internal-host';
import type { Check, CheckContext, CheckOutput } from './check';
import { discardBody, PROBE_TIMEOUT_MS, probe, readBoundedText, type ProbeResult } from './probe';
import { timeLeftMs } from './time-left';

/** A probe's HTTP test takes a few seconds, plus the queue: more than the usual step limit. */
export const OTHER_LOCATIONS_LIMIT_MS = 20_000;
/** Globalping asks clients to wait this long after each answer before asking again. */
export const POLL_INTERVAL_MS = 500;

const ROW_LABEL = {
  up: 'evidenceProbeUp',
  down: 'evidenceProbeDown',
  unreachable: 'evidenceProbeUnreachable',
  pending: 'evidenceProbePending',
} as const;

/** Pure: the probes' answers as the step's result. `finished` false = the time ran out first. */
export function interpretMeasurement(reading: MeasurementReading, measurementId: string): CheckOutput {
  const { elsewhere, answered, up } = summarizeElsewhere(reading.rows);
  const evidence: Evidence[] = [
    ...reading.rows.map((row) => ({ label: ROW_LABEL[row.verdict], value: describeRow(row) })),
    { label: 'evidenceGlobalpingMeasurement', value: measurementId },
  ];
  const facts = { elsewhere, probesAnswered: answered, probesUp: up };
  const args = [String(up), String(answered)];
  switch (elsewhere) {
    case 'down':
      return { outcome: 'fail', summary: 'otherLocationsDown', summaryArgs: args, evidence, facts };
    case 'up':
      return { outcome: 'pass', summary: 'otherLocationsUp', summaryArgs: args, evidence, facts };
    case 'mixed':
      return { outcome: 'inconclusive', summary: 'otherLocationsMixed', summaryArgs: args, evidence, facts };
    case 'unknown':
      return {
        outcome: 'inconclusive',
        summary: reading.finished ? 'otherLocationsNoProbes' : 'otherLocationsTooSlow',
        evidence,
        facts,
      };
  }
}

const JSON_INIT: RequestInit = { credentials: 'omit', cache: 'no-store', headers: { accept: 'application/json' } };

async function jsonOf(r: Extract<ProbeResult, { answered: true }>): Promise<unknown> {
  try {
    return JSON.parse((await readBoundedText(r.response, 256 * 1024)).text);
  } catch {
    return null;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

const unreachable = (r: Extract<ProbeResult, { answered: false }>): CheckOutput => ({
  outcome: 'inconclusive',
  summary: r.timedOut ? 'otherLocationsServiceTimeout' : 'otherLocationsServiceUnreachable',
  evidence: [{ label: 'evidenceError', value: r.error }],
  facts: { elsewhere: 'unknown' },
});

export const otherLocations: Check = {
  id: 'other-locations',
  // Contacts a third party and uses its (rate-limited) probes: only when the person starts it.
  automatic: false,
  timeLimitMs: OTHER_LOCATIONS_LIMIT_MS,
  async run(context: CheckContext): Promise<CheckOutput> {
    const body = mayTellThirdParties(context.url, context.incident.ip)
      ? buildMeasurement(context.url, context.settings.sharePagePath)
      : null;
    if (!body)
      return {
        outcome: 'skipped',
        summary: 'otherLocationsLocalAddress',
        evidence: [],
        facts: { elsewhere: 'unknown' },
      };
    if (!context.settings.thirdPartyLookups)
      return { outcome: 'skipped', summary: 'thirdPartyLookupsOff', evidence: [], facts: { elsewhere: 'not-checked' } };
    const api = context.settings.endpoints.globalping.replace(/\/+$/, '');
    const { signal } = context;
    const deadline = Date.now() + timeLeftMs(context);
    const requestTimeout = () => Math.max(1, Math.min(PROBE_TIMEOUT_MS, deadline - Date.now()));

    context.progress('progressAskingProbes');
    const created = await probe(
      api,
      {
        ...JSON_INIT,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      },
      signal,
      requestTimeout(),
    );
    if (!created.answered) return unreachable(created);
    const createdJson = await jsonOf(created);
    const id = created.response.ok ? parseCreated(createdJson) : null;
    if (!id) {
      const said = parseApiError(createdJson) ?? `HTTP ${created.status}`;
      return {
        outcome: 'inconclusive',
        summary: created.status === 429 ? 'otherLocationsRateLimited' : 'otherLocationsRefused',
        summaryArgs: [said],
        evidence: [],
        facts: { elsewhere: 'unknown' },
      };
    }

    context.progress('progressWaitingForProbes');
    let reading: MeasurementReading = { finished: false, rows: [] };
    while (!signal.aborted && Date.now() < deadline) {
      await sleep(POLL_INTERVAL_MS, signal);
      if (signal.aborted || Date.now() >= deadline) break;
      const r = await probe(`${api}/${encodeURIComponent(id)}`, JSON_INIT, signal, requestTimeout());
      if (!r.answered) {
        if (reading.rows.length === 0) return unreachable(r);
        break;
      }
      if (!r.response.ok) {
        discardBody(r.response);
        break;
      }
      const parsed = parseMeasurement(await jsonOf(r));
      if (!parsed) break;
      reading = parsed;
      if (reading.finished) break;
    }
    return interpretMeasurement(reading, id);
  },
};
