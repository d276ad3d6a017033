// The demo's cases: one real failure each, served by the same local server the tests use.
import { closedPortUrl, DNS_FAILURE_URL, type FailingServer } from '../../test/harness/failing-server';

export interface DemoCase {
  id: string;
  label: string;
  url: string;
  /** Visit this first (e.g. to store a cookie). */
  prepare?: string;
}

export async function demoCases(server: FailingServer): Promise<DemoCase[]> {
  return [
    { id: 'nginx-502', label: 'nginx 502 Bad Gateway', url: server.url('/nginx-502') },
    { id: 'retry-503', label: '503 Service Unavailable with Retry-After: 120', url: server.url('/retry-503') },
    { id: 'cloudflare-522', label: 'Cloudflare 522 Connection timed out', url: server.url('/cf-522') },
    { id: 'elb-504', label: 'AWS load balancer 504 Gateway Timeout', url: server.url('/elb-504') },
    { id: 'refused', label: 'Connection refused (nothing listens)', url: await closedPortUrl('/') },
    { id: 'dns', label: 'DNS failure (a name under .invalid)', url: DNS_FAILURE_URL },
    { id: 'recovers', label: 'Fails twice, then recovers (reload it)', url: server.url('/recovers?key=demo&after=2') },
    {
      id: 'cookie-502',
      label: 'Fails only with a cookie (try the clean request)',
      url: server.url('/cookie-502'),
      prepare: server.url('/set-cookie'),
    },
  ];
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A page linking every case: each opens as a top-level page, as a person would meet it. */
export function galleryHtml(cases: DemoCase[]): string {
  const items = cases
    .map(
      (c) =>
        `<li><a href="${escape(c.url)}" target="_blank">${escape(c.label)}</a>${c.prepare ? ` (first <a href="${escape(c.prepare)}" target="_blank">set the cookie</a>)` : ''}</li>`,
    )
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Error Page Explainer — demo</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}li{margin:.4em 0}</style>
<h1>Error Page Explainer — failure gallery</h1>
<p>Open a failure, then click the extension's toolbar icon (pin it from the puzzle menu first).</p>
<ol>${items}</ol>`;
}
