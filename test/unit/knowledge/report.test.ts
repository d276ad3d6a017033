import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildReport, reportUrl, type ReportEnv, type Translate } from '../../../src/knowledge/report';
import type { Incident } from '../../../src/model/incident';
import type { CheckStates } from '../../../src/model/checks';

const messages = JSON.parse(
  readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;
/** The English catalogue, with $1… substitution like browser.i18n.getMessage; unknown keys stand out. */
const translate: Translate = (key, args = []) => {
  const message = messages[key]?.message;
  if (message === undefined) return `??${key}??`;
  return message.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
};

const AT = Date.UTC(2025, 2, 4, 9, 5, 7);
const COOKIE = 'session=s3cr3t-cookie-value';
const env: ReportEnv = { browserName: 'Firefox', browserVersion: '128.0.3', os: 'linux', arch: 'x86-64' };

const checks: CheckStates = {
  reload: {
    state: 'done',
    runId: 'r1',
    startedAt: AT,
    result: {
      outcome: 'still-failing',
      summary: 'checkTimedOut',
      evidence: [{ label: 'evidenceReason', value: 'evidence-detail-xyz' }],
      durationMs: 1234,
    },
  },
  'clean-request': { state: 'interrupted', runId: 'r2', startedAt: AT },
};

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'i1',
  url: 'https://alice:hunter2@shop.example.com:8443/cart/checkout?token=abc123&email=a%40b.c#payment',
  failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502 Bad Gateway' },
  at: AT,
  lastSeenAt: AT,
  occurrences: 1,
  ip: '203.0.113.7',
  headers: {
    server: 'cloudflare',
    'cf-ray': '8a1b2c3d4e5f6071-AMS',
    'set-cookie': COOKIE,
    cookie: COOKIE,
    'x-secret-app-header': 'do-not-leak',
  },
  fingerprint: {
    edge: 'cloudflare',
    server: 'nginx',
    traceIds: [
      { header: 'cf-ray', value: '8a1b2c3d4e5f6071-AMS' },
      { header: 'x-request-id', value: 'req-42' },
    ],
  },
  incognito: false,
  checks,
  ...over,
});

describe('buildReport: what it says', () => {
  const { text, markdown } = buildReport(incident(), env, { translate, locale: 'en' });

  it('has the time in UTC, the URL, the status line', () => {
    for (const out of [text, markdown]) {
      expect(out).toContain('2025-03-04 09:05:07 UTC');
      expect(out).toContain('https://shop.example.com:8443/cart/checkout');
      expect(out).toContain('HTTP/1.1 502 Bad Gateway');
    }
  });
  it('has the infrastructure by display name, the request ids and the IP', () => {
    for (const out of [text, markdown]) {
      expect(out).toContain('Cloudflare');
      expect(out).toContain('nginx');
      expect(out).toContain('8a1b2c3d4e5f6071-AMS');
      expect(out).toContain('req-42');
      expect(out).toContain('203.0.113.7');
    }
  });
  it('lists every step run, with its outcome, one-line result and duration', () => {
    expect(text).toContain(`- ${translate('check_reload_title')} — `);
    expect(text).toMatch(/Still failing: .+\(1\.2 sec\)/i);
    expect(text).toContain(translate('stepInterrupted'));
    expect(text).toContain(translate('check_clean_request_title'));
    expect(text).not.toContain('evidence-detail-xyz');
  });
  it("writes each step's duration in the person's language", () => {
    const german = buildReport(incident(), env, { translate, locale: 'de' }).text;
    expect(german).toMatch(/\(1,2 Sek\.\)/);
  });
  it('has the browser, its version and the OS', () => {
    expect(text).toContain('Firefox 128.0.3 · Linux x86-64');
  });
  it('resolves every label (no missing i18n key)', () => {
    expect(text).not.toContain('??');
    expect(markdown).not.toContain('??');
  });
  it('is Markdown with code spans for machine values', () => {
    expect(markdown).toMatch(/^### /);
    expect(markdown).toContain('`HTTP/1.1 502 Bad Gateway`');
    expect(markdown).toContain('`https://shop.example.com:8443/cart/checkout`');
  });
  it('says when no step has run yet, and counts repeats', () => {
    const out = buildReport(incident({ checks: {}, occurrences: 3, lastSeenAt: AT + 60_000 }), env, {
      translate,
      locale: 'en',
    }).text;
    expect(out).toContain(translate('reportNoSteps'));
    expect(out).toContain('2025-03-04 09:06:07 UTC (3 times in a row)');
  });
  it('reports a network error by its browser error name', () => {
    const out = buildReport(
      incident({ failure: { type: 'network', kind: 'refused', error: 'NS_ERROR_CONNECTION_REFUSED' } }),
      env,
      { translate, locale: 'en' },
    ).text;
    expect(out).toContain('NS_ERROR_CONNECTION_REFUSED');
  });
});

describe('buildReport: what it must never contain', () => {
  const both = (inc: Incident, keepQuery = false) => {
    const r = buildReport(inc, env, { translate, keepQuery, locale: 'en' });
    return `${r.text}\n${r.markdown}`;
  };
  it('no cookie values and no headers beyond the diagnostic subset', () => {
    const out = both(incident());
    expect(out).not.toContain('s3cr3t');
    expect(out).not.toContain('do-not-leak');
    expect(out.toLowerCase()).not.toContain('set-cookie');
  });
  it('no query string or fragment by default', () => {
    const out = both(incident());
    expect(out).not.toContain('token=abc123');
    expect(out).not.toContain('a%40b.c');
    expect(out).not.toContain('#payment');
    expect(out).not.toContain('?');
  });
  it('keeps the query only when asked, and never the fragment', () => {
    const out = both(incident(), true);
    expect(out).toContain('?token=abc123&email=a%40b.c');
    expect(out).not.toContain('payment');
  });
  it('never user:password@, even with the query kept', () => {
    for (const keep of [false, true]) {
      const out = both(incident(), keep);
      expect(out).not.toContain('alice');
      expect(out).not.toContain('hunter2');
    }
  });
  it('scrubs URLs a step put into its summary', () => {
    const withUrl: CheckStates = {
      reload: {
        state: 'done',
        runId: 'r',
        startedAt: AT,
        result: { outcome: 'fail', summary: 'evidenceReason', summaryArgs: [], evidence: [], durationMs: 10 },
      },
    };
    const tr: Translate = (key, args) =>
      key === 'evidenceReason' ? 'Redirected to https://bob:pw@x.test/a?sid=999#f' : translate(key, args);
    const out = buildReport(incident({ checks: withUrl }), env, { translate: tr, locale: 'en' });
    expect(out.text).toContain('https://x.test/a');
    expect(`${out.text}${out.markdown}`).not.toMatch(/bob|pw@|sid=999|#f/);
  });
  it('keeps hostile values on one line and inert in Markdown', () => {
    const evil = incident({
      failure: { type: 'http', status: 500, statusLine: 'HTTP/1.1 500 `x`\n### [click](https://evil.test)' },
      fingerprint: { edge: null, server: null, traceIds: [{ header: 'x-request-id', value: 'a\r\nb' }] },
    });
    const { text, markdown } = buildReport(evil, env, { translate, locale: 'en' });
    expect(text).not.toMatch(/\n### \[click/);
    expect(text).toContain('a b');
    expect(markdown.split('\n').filter((l) => l.startsWith('###'))).toHaveLength(1);
    expect(markdown).toContain('``HTTP/1.1 500 `x` ### [click](https://evil.test)``');
  });
});

describe('reportUrl', () => {
  it('strips userinfo and fragment always, the query by default', () => {
    expect(reportUrl('http://u:p@a.test/x?y=1#z')).toBe('http://a.test/x');
    expect(reportUrl('http://u:p@a.test/x?y=1#z', true)).toBe('http://a.test/x?y=1');
    expect(reportUrl('http://u@a.test/')).toBe('http://a.test/');
  });
  it('cuts an unparseable URL by hand', () => {
    expect(reportUrl('http://u:p@[bad/x?y=1#z')).toBe('http://[bad/x');
  });
});
