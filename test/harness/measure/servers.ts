// Local servers for the bench and the budget test (127.0.0.1 only): a site that can fail or go silent,
// probe endpoints that answer, and black holes that accept connections and never answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocally as listen, type LocalServer } from '../local-server';

export type { LocalServer };

/** Headers a typical healthy page carries, so per-event header scans see a realistic list. */
const TYPICAL_HEADERS: Record<string, string> = {
  server: 'nginx/1.24.0',
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'strict-transport-security': 'max-age=31536000',
  'referrer-policy': 'strict-origin-when-cross-origin',
  vary: 'Accept-Encoding',
  etag: '"bench-1"',
  'x-request-id': 'bench-request-id',
};

const page = (title: string, body: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>\n`;

/** The failures the memory and scale runs cycle through (status, extra headers). */
export const FAILURE_KINDS: { status: number; headers: Record<string, string> }[] = [
  { status: 502, headers: { server: 'nginx/1.24.0' } },
  { status: 503, headers: { server: 'nginx/1.24.0', 'retry-after': '120' } },
  { status: 504, headers: { server: 'awselb/2.0' } },
  { status: 522, headers: { server: 'cloudflare', 'cf-ray': '8f1c2a3b4d5e6f70-AMS', 'cf-cache-status': 'DYNAMIC' } },
  { status: 500, headers: { server: 'Apache', 'x-request-id': 'req-0123456789abcdef' } },
];

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, {
    ...TYPICAL_HEADERS,
    ...headers,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  });
  res.end(body);
}

export interface BenchSite extends LocalServer {
  /** 'silent': every request is accepted and never answered (a black-holed site). */
  setMode(mode: 'normal' | 'silent'): void;
  requests(): number;
}

/**
 * `/ok` 200, `/baseline` one line of text, `/fail` 502 (nginx), `/status/<code>` one of FAILURE_KINDS,
 * anything else 200 (the site's root answers the network step's "does it answer at all").
 */
export async function startBenchSite(): Promise<BenchSite> {
  let mode: 'normal' | 'silent' = 'normal';
  let count = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    count += 1;
    if (mode === 'silent') return;
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/baseline') return send(res, 200, {}, page('Baseline', '<p>One line of text.</p>'));
    if (path === '/fail')
      return send(
        res,
        502,
        {},
        page('502 Bad Gateway', '<center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center>'),
      );
    const status = /^\/status\/(\d{3})$/.exec(path)?.[1];
    const kind = FAILURE_KINDS.find((k) => String(k.status) === status);
    if (kind) return send(res, kind.status, kind.headers, page(`${kind.status}`, `<h1>Error ${kind.status}</h1>`));
    return send(res, 200, {}, page('All good', '<h1>It works</h1><p>A healthy page.</p>'));
  });
  const base = await listen(server);
  return { ...base, setMode: (m) => void (mode = m), requests: () => count };
}

/** Probe endpoints that answer: generate_204, the captive-portal check, a DNS-over-HTTPS JSON resolver. */
export async function startProbeEndpoints(): Promise<LocalServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/generate_204') return send(res, 204, {}, '');
    if (url.pathname === '/success.txt') return send(res, 200, { 'content-type': 'text/plain' }, 'success\n');
    if (url.pathname === '/dns-query') {
      const name = url.searchParams.get('name') ?? '';
      const answer = url.searchParams.get('type') === 'A' ? [{ name, type: 1, TTL: 60, data: '127.0.0.1' }] : [];
      return send(res, 200, { 'content-type': 'application/dns-json' }, JSON.stringify({ Status: 0, Answer: answer }));
    }
    return send(res, 404, {}, 'not found');
  });
  return listen(server);
}

/** Accepts connections and never answers (requests hang until the client gives up). */
export async function startBlackHole(): Promise<LocalServer> {
  return listen(createServer(() => undefined));
}
