// The pages the in-page notice is tested on: a 502 under the strictest CSP with hostile page CSS and a page
// script that tries to grab every shadow root, and the pages that must never get the notice.
import { createServer, type ServerResponse } from 'node:http';
import { listenLocally, type LocalServer } from './local-server';

export interface NoticeServer extends LocalServer {
  url(path: string): string;
  /** Paths requested so far (without the query). */
  requested(): string[];
}

/** What the page script of the 502 page collects: every shadow root it could lay hands on. */
export const PAGE_GRAB = '__grabbedShadowRoots';

const STRICT_CSP = "default-src 'none'";

// Page CSS that would hide, shrink or restyle any element it reaches.
const HOSTILE_CSS = `* { all: unset !important; display: none !important; } html, body, h1, p, hr { display: block !important; }`;

function page(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
    ...headers,
  });
  res.end(body);
}

const NGINX_502 = `<!doctype html><html><head><title>502 Bad Gateway</title></head><body>
<center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center></body></html>`;

const routes: Record<string, (res: ServerResponse) => void> = {
  // Strict CSP: no inline style, no inline script. The hostile CSS and the grabbing script come as a
  // separate page that allows them (below); this one proves the notice needs nothing from the page.
  '/strict-502': (res) => page(res, 502, NGINX_502, { server: 'nginx/1.24.0', 'content-security-policy': STRICT_CSP }),
  '/hostile-502': (res) =>
    page(
      res,
      502,
      `<!doctype html><html><head><title>502</title><style>${HOSTILE_CSS}</style><script>
window.${PAGE_GRAB} = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { const r = attach.call(this, init); window.${PAGE_GRAB}.push(r); return r; };
</script></head><body><h1>502 Bad Gateway</h1></body></html>`,
      { server: 'nginx/1.24.0' },
    ),
  '/other-503': (res) =>
    page(res, 503, '<!doctype html><title>503</title><h1>Service Unavailable</h1>', { server: 'nginx' }),
  '/empty-502': (res) => page(res, 502, '', { server: 'nginx' }),
  '/healthy': (res) => page(res, 200, '<!doctype html><title>fine</title><h1>All good</h1>'),
  '/challenge': (res) =>
    page(res, 403, '<!doctype html><title>Just a moment...</title><h1>Checking your browser</h1>', {
      server: 'cloudflare',
      'cf-mitigated': 'challenge',
      'cf-ray': '8f1c2a3b4d5e6f70-AMS',
    }),
  '/with-failing-frame': (res) =>
    page(res, 200, '<!doctype html><title>frame host</title><iframe src="/strict-502"></iframe>'),
  '/prerender-host': (res) =>
    page(
      res,
      200,
      `<!doctype html><title>prerender host</title><script type="speculationrules">{"prerender":[{"source":"list","urls":["/strict-502?prerendered"]}]}</script><h1>host</h1>`,
    ),
};

export async function startNoticeServer(): Promise<NoticeServer> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    seen.push(path);
    (routes[path] ?? ((r: ServerResponse) => page(r, 404, 'not found')))(res);
  });
  const local = await listenLocally(server);
  return { ...local, url: (path) => `${local.origin}${path}`, requested: () => [...seen] };
}
