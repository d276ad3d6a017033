// Servers for the reliability suite (issue #6): many status codes, redirects, slow and recovering pages,
// a prerendering host, and a raw TCP server for responses Node's http module refuses to write
// (a ~100 KB header block, status codes outside 100–599, markup or 100 KB in the reason phrase).
// Every request is logged with the headers that tell who made it (a page or the extension).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { listenLocally } from './local-server';

export interface LoggedRequest {
  server: 'http' | 'raw';
  path: string;
  url: string;
  at: number;
  origin: string | undefined;
  secFetchMode: string | undefined;
  secFetchDest: string | undefined;
  secPurpose: string | undefined;
  referer: string | undefined;
}

export interface ReliabilityServer {
  /** http://127.0.0.1:<port> of the well-behaved (node:http) server. */
  origin: string;
  url(path: string): string;
  /** The raw TCP server: `/huge-header`, `/status/<n>`, `/reason-markup`, `/long-reason` (any length of request). */
  rawUrl(path: string): string;
  requests(filter?: (r: LoggedRequest) => boolean): LoggedRequest[];
  /** `/hang` requests whose connection the client dropped before any answer. */
  abortedHangs(): number;
  close(): Promise<void>;
}

/** What `/reason-markup` puts in its status line's reason phrase. */
export const REASON_MARKUP = '<img src=x onerror=alert(1)><script>alert(2)</script>';
/** The length of `/long-reason`'s reason phrase: far past any real one, well within Chrome's 256 KB of response headers. */
export const LONG_REASON_CHARS = 100_000;
/** ~100 KB of response headers in total from `/huge-header`. */
export const HUGE_HEADER = { requestIdBytes: 60_000, akamaiHeaders: 200, akamaiValueBytes: 190 };

const page = (title: string, body: string, head = ''): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>\n`;

// no-cache (not no-store): a page served with no-store is never put in the back/forward cache.
function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(bytes.length),
    'cache-control': 'no-cache',
    server: 'nginx/1.24.0',
    connection: 'close',
    ...headers,
  });
  res.end(bytes);
}

const logOf = (
  server: LoggedRequest['server'],
  url: URL,
  headers: Record<string, string | string[] | undefined>,
): LoggedRequest => {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  };
  return {
    server,
    path: url.pathname,
    url: url.href,
    at: Date.now(),
    origin: one('origin'),
    secFetchMode: one('sec-fetch-mode'),
    secFetchDest: one('sec-fetch-dest'),
    secPurpose: one('sec-purpose') ?? one('purpose'),
    referer: one('referer'),
  };
};

function rawResponse(path: string): string {
  const body = page('raw', `<h1>raw ${path.replace(/[<>&]/g, '')}</h1>`);
  const common = `content-type: text/html; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nconnection: close\r\n`;
  if (path === '/huge-header') {
    const akamai = Array.from(
      { length: HUGE_HEADER.akamaiHeaders },
      (_, i) => `x-akamai-debug-${i}: ${'v'.repeat(HUGE_HEADER.akamaiValueBytes)}\r\n`,
    ).join('');
    return `HTTP/1.1 502 Bad Gateway\r\nserver: nginx/1.24.0\r\nx-request-id: ${'r'.repeat(HUGE_HEADER.requestIdBytes)}\r\n${akamai}${common}\r\n${body}`;
  }
  const status = /^\/status\/(\d+)$/.exec(path)?.[1];
  if (status) return `HTTP/1.1 ${status} Weird Status\r\nserver: nginx/1.24.0\r\n${common}\r\n${body}`;
  if (path === '/long-reason')
    return `HTTP/1.1 502 ${'Bad Gateway '.repeat(LONG_REASON_CHARS / 12)}\r\nserver: nginx/1.24.0\r\n${common}\r\n${body}`;
  if (path === '/reason-markup') return `HTTP/1.1 502 ${REASON_MARKUP}\r\nserver: nginx/1.24.0\r\n${common}\r\n${body}`;
  return `HTTP/1.1 404 Not Found\r\n${common}\r\n${body}`;
}

export async function startReliabilityServer(): Promise<ReliabilityServer> {
  const log: LoggedRequest[] = [];
  const counts = new Map<string, number>();
  let aborted = 0;

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(logOf('http', url, req.headers));
    const q = url.searchParams;
    const code = /^\/code\/(\d{3})$/.exec(url.pathname)?.[1];
    if (code) return send(res, Number(code), page(`${code}`, `<h1>Error ${code}</h1>`));
    switch (url.pathname) {
      case '/ok':
        return send(res, 200, page('OK', '<h1>It works</h1>'));
      case '/redirect':
        return send(res, 302, '', { location: q.get('to') ?? '/ok' });
      case '/recovers': {
        // Fails the first `after` times for `key`, then answers 200. Tells the page whether it was
        // shown again from the back/forward cache.
        const key = q.get('key') ?? '';
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count <= Number(q.get('after') ?? '1')) return send(res, 502, page('502', '<h1>502 Bad Gateway</h1>'));
        const script = `<script>window.__restored=false;addEventListener('pageshow',e=>{if(e.persisted)window.__restored=true;});</script>`;
        return send(res, 200, page('Back', '<h1>Back online</h1>', script));
      }
      case '/fails-then-hangs': {
        // The tab's load gets a 502; any later request (the extension's clean request) never gets an answer.
        const key = q.get('key') ?? '';
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count === 1) return send(res, 502, page('502', '<h1>502 Bad Gateway</h1>'));
        let answered = false;
        res.on('finish', () => (answered = true));
        req.socket.on('close', () => {
          if (!answered) aborted++;
        });
        return;
      }
      case '/prerender-host': {
        const target = q.get('target') ?? '/code/502';
        const kind = q.get('kind') === 'prefetch' ? 'prefetch' : 'prerender';
        const rules = JSON.stringify({ [kind]: [{ source: 'list', urls: [target] }] });
        return send(
          res,
          200,
          page('Prerender host', '<h1>Prerendering</h1>', `<script type="speculationrules">${rules}</script>`),
        );
      }
      default:
        return send(res, 404, page('404', '<h1>Not found</h1>'));
    }
  });

  const raw = createTcpServer((socket) => {
    let buffered = '';
    let answered = false;
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      if (answered) return;
      // Search only the new bytes (and the 3 before them): a 2 MiB request line arrives in many chunks.
      const from = Math.max(0, buffered.length - 3);
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n', from);
      if (end < 0) return;
      answered = true;
      const [requestLine = '', ...lines] = buffered.slice(0, end).split('\r\n');
      const target = requestLine.split(' ')[1] ?? '/';
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      const url = new URL(target, 'http://127.0.0.1');
      log.push(logOf('raw', url, headers));
      socket.end(Buffer.from(rawResponse(url.pathname), 'latin1'));
    });
  });

  const [listening, rawListening] = await Promise.all([listenLocally(http), listenLocally(raw)]);
  const { origin } = listening;
  const rawOrigin = rawListening.origin;
  const join = (base: string, path: string) => `${base}${path.startsWith('/') ? path : `/${path}`}`;

  return {
    origin,
    url: (path) => join(origin, path),
    rawUrl: (path) => join(rawOrigin, path),
    requests: (filter) => log.filter((r) => !filter || filter(r)),
    abortedHangs: () => aborted,
    close: () => Promise.all([listening.close(), rawListening.close()]).then(() => undefined),
  };
}
