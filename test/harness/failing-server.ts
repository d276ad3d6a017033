// A local HTTP server that fails on purpose, with the status codes and headers real infrastructure sends.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenLocally } from './local-server';

export interface SeenRequest {
  path: string;
  url: string;
  cookie: string | undefined;
  at: number;
}

export interface FailingServer {
  origin: string;
  port: number;
  url(path: string): string;
  /** Requests seen so far, optionally only those whose path (without query) matches. */
  requests(path?: string): SeenRequest[];
  close(): Promise<void>;
}

/** The markup the `/markup-headers` failure puts in its headers: it must show up as text, never as elements. */
export const MARKUP_PAYLOAD = '<script>alert(1)</script>';
export const CF_RAY = '8f1c2a3b4d5e6f70-AMS';
export const MARKUP_REQUEST_ID = `req-${MARKUP_PAYLOAD}`;

type Handler = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => void;

const html = (title: string, body: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>\n`;

function send(res: ServerResponse, status: number, headers: Record<string, string>, body = ''): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    date: new Date().toUTCString(),
    ...(bytes.length ? { 'content-type': 'text/html; charset=utf-8' } : {}),
    ...headers,
    'content-length': String(bytes.length),
    // One request per connection: close() never waits for an idle keep-alive socket.
    connection: 'close',
    'cache-control': 'no-store',
  });
  res.end(bytes);
}

const NGINX_502_BODY = html(
  '502 Bad Gateway',
  '<center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center>',
);

const CLOUDFLARE_522_BODY = html(
  'example.test | 522: Connection timed out',
  `<div id="cf-wrapper"><div id="cf-error-details"><h1><span class="cf-error-type">Error</span>
<span class="cf-error-code">522</span></h1><h2 class="cf-subheadline">Connection timed out</h2>
<p>The initial connection between Cloudflare's network and the origin web server timed out.</p>
<p>Cloudflare Ray ID: <strong>${CF_RAY.split('-')[0]}</strong></p></div></div>`,
);

export const VERCEL_CODE = 'FUNCTION_INVOCATION_TIMEOUT';
export const VERCEL_ID = 'iad1::fra1::8x2kq-1732612345678-9a8b7c6d5e4f';
/** Vercel's stock error page: the code and id are in the text (no x-vercel-error header, so the body is read). */
const VERCEL_504_BODY = html(
  '504: GATEWAY_TIMEOUT',
  `<main><p>This Serverless Function has timed out.</p><p>Your connection is working correctly.</p>
<p>Vercel is working correctly.</p><p><code>504: GATEWAY_TIMEOUT</code></p><p>Code: <code>${VERCEL_CODE}</code></p>
<p>ID: <code>${VERCEL_ID}</code></p></main>`,
);

export async function startFailingServer(): Promise<FailingServer> {
  const seen: SeenRequest[] = [];
  const recoverCounts = new Map<string, number>();
  let origin = '';

  const handlers: Record<string, Handler> = {
    '/ok': (_req, res) => send(res, 200, { server: 'nginx/1.24.0' }, html('All good', '<h1>It works</h1>')),
    '/nginx-502': (_req, res) => send(res, 502, { server: 'nginx/1.24.0' }, NGINX_502_BODY),
    // An empty 5xx: Chrome shows its own error page and reports net::ERR_HTTP_RESPONSE_CODE_FAILURE.
    '/nginx-502-empty': (_req, res) => send(res, 502, { server: 'nginx/1.24.0' }),
    '/retry-503': (_req, res) =>
      send(
        res,
        503,
        { server: 'nginx/1.24.0', 'retry-after': '120' },
        html('503 Service Unavailable', '<h1>Down for maintenance</h1>'),
      ),
    '/cf-522': (_req, res) =>
      send(
        res,
        522,
        { server: 'cloudflare', 'cf-ray': CF_RAY, 'cf-cache-status': 'DYNAMIC', 'x-frame-options': 'SAMEORIGIN' },
        CLOUDFLARE_522_BODY,
      ),
    '/vercel-504': (_req, res) =>
      send(res, 504, { server: 'Vercel', 'x-vercel-id': 'iad1::x7k2p-1732612345678' }, VERCEL_504_BODY),
    '/elb-504': (_req, res) =>
      send(
        res,
        504,
        { server: 'awselb/2.0' },
        html('504 Gateway Time-out', '<center><h1>504 Gateway Time-out</h1></center>'),
      ),
    '/recovers': (_req, res, query) => {
      const key = query.get('key') ?? '';
      const after = Number(query.get('after') ?? '1');
      const count = (recoverCounts.get(key) ?? 0) + 1;
      recoverCounts.set(key, count);
      if (count <= after) send(res, 502, { server: 'nginx/1.24.0' }, NGINX_502_BODY);
      else send(res, 200, { server: 'nginx/1.24.0' }, html('Back', '<h1>Back online</h1>'));
    },
    '/cookie-502': (req, res) => {
      if (req.headers.cookie) send(res, 502, { server: 'nginx/1.24.0' }, NGINX_502_BODY);
      else send(res, 200, { server: 'nginx/1.24.0' }, html('No cookie', '<h1>Fine without cookies</h1>'));
    },
    '/set-cookie': (_req, res) =>
      send(
        res,
        200,
        { server: 'nginx/1.24.0', 'set-cookie': 'session=big-and-broken; Path=/; SameSite=Lax' },
        html('Cookie set', '<h1>Cookie set</h1>'),
      ),
    '/frame': (_req, res) =>
      send(
        res,
        200,
        { server: 'nginx/1.24.0' },
        html('Has a frame', `<h1>Parent</h1><iframe src="${origin}/nginx-502"></iframe>`),
      ),
    '/challenge': (_req, res) =>
      send(
        res,
        403,
        { server: 'cloudflare', 'cf-mitigated': 'challenge', 'cf-ray': '8f1c2a3b4d5e6f71-AMS' },
        html('Just a moment...', '<h1>Checking your browser before accessing the site.</h1>'),
      ),
    '/markup-headers': (_req, res) =>
      send(
        res,
        502,
        { server: `nginx ${MARKUP_PAYLOAD}`, 'x-request-id': MARKUP_REQUEST_ID },
        html('502', '<h1>502</h1>'),
      ),
  };

  const server = createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ path: parsed.pathname, url: parsed.href, cookie: req.headers.cookie, at: Date.now() });
    const handler = handlers[parsed.pathname];
    if (handler) handler(req, res, parsed.searchParams);
    else send(res, 404, { server: 'nginx/1.24.0' }, html('404 Not Found', '<h1>404 Not Found</h1>'));
  });
  const listening = await listenLocally(server);
  origin = listening.origin;

  return {
    origin,
    port: listening.port,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    requests: (path) => seen.filter((r) => path === undefined || r.path === path),
    close: listening.close,
  };
}

/** A URL on a port nothing listens on any more: connecting is refused. */
export async function closedPortUrl(path = '/'): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

/** `.invalid` never resolves (RFC 2606), so this is a DNS failure without touching the network. */
export const DNS_FAILURE_URL = 'http://does-not-exist.invalid/';
