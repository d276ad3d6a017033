// Every 4xx explained in one or two lines: who refused (read from real captures), and what to do; a missing page,
// a timed-out request and any other refusal in their own line, never "loaded normally".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CLIENT_ERROR_KEYS, explainClientError } from '../../../src/knowledge/client-errors';
import { analyseResponse } from '../../../src/knowledge/infrastructure/analyse-response';
import { pickDiagnosticHeaders } from '../../../src/knowledge/diagnostic-headers';
import { pageReason } from '../../../src/knowledge/page-reason';
import { pageText } from '../../../src/knowledge/error-body';
import { EXPLAINED_CLIENT_STATUSES } from '../../../src/knowledge/classify-navigation';
import { loadCaptures } from './infrastructure/captures';

const captures = new Map(loadCaptures().map((c) => [c.name, c]));

/** A capture as the background records it: the headers it keeps, its fingerprint, what its page says. */
function explainCapture(name: string) {
  const capture = captures.get(name);
  if (!capture) throw new Error(`no capture ${name}`);
  const headers = pickDiagnosticHeaders(Object.entries(capture.headers).map(([n, value]) => ({ name: n, value })));
  const failure = { type: 'http' as const, status: capture.status, statusLine: '' };
  const page = pageReason(pageText(capture.body), { failure, headers });
  return {
    page,
    explanation: explainClientError({ failure, fingerprint: analyseResponse(headers, capture.status) }, page),
  };
}

const bare = (status: number) => ({
  failure: { type: 'http' as const, status, statusLine: '' },
  fingerprint: { edge: null, server: null, traceIds: [] },
});

describe('explainClientError', () => {
  it.each([
    ['cloudflare/403-1020-access-denied-plain', 'Cloudflare'],
    ['akamai/403-access-denied-text-reference-18', 'Akamai'],
    ['sucuri/403-access-denied-cloudproxy', 'Sucuri'],
  ])('%s: a block by the CDN / WAF in front, named', (name, blocker) => {
    const { explanation } = explainCapture(name);
    expect(explanation).toMatchObject({
      titleKey: 'clientError_403_title',
      bodyKey: 'clientError_403_blocked_body',
      refusedBy: blocker,
      watchable: false,
    });
    expect(explanation.args).toEqual([blocker]);
  });

  it.each([
    ['aws-lambda-url/403-forbidden-auth-type-none', 'clientError_403_body'],
    ['digitalocean-app/429-app-rate-limit-behind-do-edge', 'clientError_429_body'],
  ])("%s: a hosting platform's refusal is the site's own, not a security service's block", (name, bodyKey) => {
    expect(explainCapture(name).explanation).toMatchObject({ bodyKey, args: [], refusedBy: null });
  });

  it("Akamai's block keeps the reference its page prints", () => {
    expect(explainCapture('akamai/403-access-denied-text-reference-18').page?.reference).toBe(
      '18.e3c1202.1744611336.e02832',
    );
  });

  it("a filter on the person's own network (Zscaler): their network's admin decides", () => {
    expect(explainCapture('zscaler/403-internet-security-by-zscaler').explanation).toMatchObject({
      bodyKey: 'clientError_403_network_body',
      refusedBy: 'Zscaler',
    });
  });

  it("a rate limit is worth watching; named when a CDN limits, plain when the site's own proxy does", () => {
    expect(explainCapture('cloudflare/429-1015-rate-limited-page').explanation).toMatchObject({
      bodyKey: 'clientError_429_named_body',
      args: ['Cloudflare'],
      watchable: true,
    });
    expect(explainCapture('haproxy/429-too-many-requests').explanation).toMatchObject({
      bodyKey: 'clientError_429_body',
      args: [],
      watchable: true,
    });
  });

  it.each([401, 403, 407, 429, 451])('%i with nothing known about who answered: its own two lines', (status) => {
    expect(explainClientError(bare(status), null)).toEqual({
      titleKey: `clientError_${status}_title`,
      bodyKey: `clientError_${status}_body`,
      args: [],
      refusedBy: null,
      watchable: status === 429,
    });
  });

  it.each([
    [404, '404'],
    [410, '410'],
    [408, '408'],
  ])('%i: its own line, whoever answered', (status, kind) => {
    expect(explainClientError(bare(status), null)).toEqual({
      titleKey: `clientError_${kind}_title`,
      bodyKey: `clientError_${kind}_body`,
      args: [],
      refusedBy: null,
      watchable: false,
    });
  });

  it.each([400, 405, 413, 414, 422, 418, 499])('%i: the generic refusal, naming the code', (status) => {
    expect(explainClientError(bare(status), null)).toEqual({
      titleKey: 'clientError_other_title',
      bodyKey: 'clientError_other_body',
      args: [String(status)],
      refusedBy: null,
      watchable: false,
    });
  });

  it("a platform's own 404 page (GitLab Pages) keeps its words beside the not-found line", () => {
    const { page, explanation } = explainCapture('gitlab-pages/404-page-not-found');
    expect(explanation.bodyKey).toBe('clientError_404_body');
    expect(page).toMatchObject({ platform: 'gitlab-pages', meaningKey: 'bodyReason_gitlab_pages_not_found' });
  });

  it('every status the detector records has its words, in every language', () => {
    for (const locale of ['en', 'de', 'es', 'fr']) {
      const messages = JSON.parse(
        readFileSync(new URL(`../../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'),
      ) as Record<string, unknown>;
      for (const key of CLIENT_ERROR_KEYS) expect(messages[key], `${locale}: ${key}`).toBeDefined();
      for (const status of EXPLAINED_CLIENT_STATUSES)
        expect(messages[`clientError_${status}_title`], `${locale}: ${status}`).toBeDefined();
      for (let status = 400; status <= 499; status++) {
        const { titleKey, bodyKey } = explainClientError(bare(status), null);
        expect([messages[titleKey], messages[bodyKey]], `${locale}: ${status}`).not.toContain(undefined);
      }
    }
  });
});
