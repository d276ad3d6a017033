// Shared by the popup's component tests: a 502-from-nginx incident (optionally with the clean request's
// facts) and an i18n stub that shows each message as its key and arguments, so assertions name keys.
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Incident } from '../../../src/model/incident';

export const nginxIncident = (facts?: Record<string, string | number | boolean>): Incident => ({
  id: 'i',
  url: 'https://example.com/',
  failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502' },
  at: 1,
  lastSeenAt: 1,
  occurrences: 1,
  headers: { server: 'nginx' },
  fingerprint: { edge: null, server: 'nginx', traceIds: [] },
  incognito: false,
  checks: facts
    ? {
        'clean-request': {
          state: 'done',
          runId: 'r',
          startedAt: 1,
          result: { outcome: 'fail', summary: 's', evidence: [], durationMs: 3, facts },
        },
      }
    : {},
});

/** fakeBrowser reset, with getMessage answering `key|arg1|arg2`. */
export function resetWithKeyMessages(): void {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string, args?: string[]) => [key, ...(args ?? [])].join('|') });
}
