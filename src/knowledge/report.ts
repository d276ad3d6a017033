// Pure: the "Copy report" text a person can send to a site owner or a support desk, as plain text and
// Markdown. Only diagnostic facts: never cookies, credentials, other tabs, history or headers beyond the
// fingerprint and request ids. The query string and fragment are dropped unless asked for.
import { CHECK_IDS, checkTitleKey, outcomeKey, type CheckState } from '../model/checks';
import type { Incident } from '../model/incident';
import { displayName } from './fingerprint';
import { formatCount, formatDuration } from './format';

export type Translate = (key: string, args?: string[]) => string;

export interface ReportEnv {
  browserName: string;
  browserVersion: string;
  /** runtime.getPlatformInfo().os: 'linux', 'win', 'mac', 'android', 'cros', 'openbsd', 'fuchsia'. */
  os: string;
  arch?: string;
}

export interface ReportOptions {
  /** Keep the URL's query string (the fragment and any user:password@ are always dropped). */
  keepQuery?: boolean;
  /** Resolves an i18n key (browser.i18n.getMessage in the popup). */
  translate: Translate;
  /** The person's language for durations and counts (platform/ui-locale.ts in the popup). */
  locale: string;
}

export interface Report {
  text: string;
  markdown: string;
}

const OS_NAMES: Record<string, string> = {
  linux: 'Linux',
  win: 'Windows',
  mac: 'macOS',
  android: 'Android',
  cros: 'ChromeOS',
  openbsd: 'OpenBSD',
  fuchsia: 'Fuchsia',
};

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`]+/gi;

/** The URL without user:password@ and fragment, and without its query unless `keepQuery`. */
export function reportUrl(raw: string, keepQuery = false): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    url.hash = '';
    if (!keepQuery) url.search = '';
    return url.href;
  } catch {
    // Not parseable: cut by hand, erring on the side of dropping.
    const noUserinfo = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
    const noFragment = noUserinfo.split('#')[0] ?? '';
    return keepQuery ? noFragment : (noFragment.split('?')[0] ?? '');
  }
}

/** Every value goes on one line (a status line or id could carry control characters). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const oneLine = (value: string): string => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
/** URLs inside free text (a step's summary) get the same scrubbing as the main URL. */
const scrubUrls = (text: string, keepQuery: boolean): string =>
  text.replace(URL_IN_TEXT, (url) => reportUrl(url, keepQuery));

const mdEscape = (text: string): string => text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
function mdCode(text: string): string {
  const longestTicks = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestTicks + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const utc = (epochMs: number): string => `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

interface Line {
  label: string;
  value: string;
  /** Shown as code in Markdown (verbatim machine values). */
  code?: boolean;
}

function stepLine(state: CheckState, translate: Translate, keepQuery: boolean, locale: string): string {
  switch (state.state) {
    case 'done': {
      const { outcome, summary, summaryArgs, durationMs } = state.result;
      const text = scrubUrls(oneLine(translate(summary, summaryArgs)), keepQuery);
      return `${translate(outcomeKey(outcome))}: ${text} (${formatDuration(durationMs, locale)})`;
    }
    case 'running':
      return translate('stepRunning');
    case 'waiting-for-user':
      return translate('stepWaitingForYou');
    case 'interrupted':
      return translate('stepInterrupted');
  }
}

export function buildReport(incident: Incident, env: ReportEnv, options: ReportOptions): Report {
  const { translate } = options;
  const keepQuery = options.keepQuery === true;
  const failure = incident.failure;
  const lines: Line[] = [
    { label: translate('reportTime'), value: utc(incident.at) },
    ...(incident.occurrences > 1
      ? [
          {
            label: translate('reportLastSeen'),
            value: translate('reportLastSeenValue', [
              utc(incident.lastSeenAt),
              formatCount(incident.occurrences, options.locale),
            ]),
          },
        ]
      : []),
    { label: translate('reportUrl'), value: reportUrl(incident.url, keepQuery), code: true },
    failure.type === 'http'
      ? { label: translate('reportStatus'), value: oneLine(failure.statusLine) || `HTTP ${failure.status}`, code: true }
      : { label: translate('reportError'), value: oneLine(failure.error), code: true },
  ];
  const { edge, server, traceIds } = incident.fingerprint;
  if (edge) lines.push({ label: translate('reportEdge'), value: displayName(edge) });
  if (server) lines.push({ label: translate('reportServer'), value: displayName(server) });
  for (const id of traceIds) lines.push({ label: id.header, value: oneLine(id.value), code: true });
  if (incident.ip) lines.push({ label: translate('reportIp'), value: oneLine(incident.ip), code: true });
  const os = [OS_NAMES[env.os] ?? env.os, env.arch].filter(Boolean).join(' ');
  lines.push({
    label: translate('reportBrowser'),
    value: oneLine(`${env.browserName} ${env.browserVersion}${os ? ` · ${os}` : ''}`),
  });

  const steps = CHECK_IDS.flatMap((id) => {
    const state = incident.checks[id];
    return state
      ? [{ title: translate(checkTitleKey(id)), result: stepLine(state, translate, keepQuery, options.locale) }]
      : [];
  });

  const heading = translate('reportHeading');
  const stepsHeading = translate('reportSteps');
  const noSteps = translate('reportNoSteps');
  const text = [
    heading,
    ...lines.map((l) => `${l.label}: ${l.value}`),
    '',
    `${stepsHeading}:`,
    ...(steps.length ? steps.map((s) => `- ${s.title} — ${s.result}`) : [`- ${noSteps}`]),
  ].join('\n');
  const markdown = [
    `### ${mdEscape(heading)}`,
    '',
    ...lines.map((l) => `- **${mdEscape(l.label)}:** ${l.code ? mdCode(l.value) : mdEscape(l.value)}`),
    '',
    `**${mdEscape(stepsHeading)}**`,
    '',
    ...(steps.length ? steps.map((s) => `- ${mdEscape(s.title)} — ${mdEscape(s.result)}`) : [`- ${mdEscape(noSteps)}`]),
  ].join('\n');
  return { text: `${text}\n`, markdown: `${markdown}\n` };
}
