// Replays captures of real error responses (test/fixtures/captures/<id>/<slug>.http) on 127.0.0.1: the
// status line, the headers and the body as the source shows them, byte for byte. Only what frames the
// message on this connection is the server's own: HTTP/1.1 (a capture may say HTTP/2), Content-Length of
// the body actually sent (a capture's may be the original's, whose body the source shortened) and
// Connection: close; Transfer-Encoding and Content-Encoding are dropped, as the body is replayed decoded.
// A few synthetic 4xx routes (401, 404, 429 with Retry-After, 451) stand in where no capture has them.
import { createServer, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { listenLocally, type LocalServer } from './local-server';

export const CAPTURES_DIR = new URL('../fixtures/captures/', import.meta.url);

const FRAMING = /^(content-length|transfer-encoding|content-encoding|connection|keep-alive)$/i;

/** The bytes to send for a capture's .http file (LF in the file; CRLF on the wire for the head). */
export function replayBytes(http: Buffer): Buffer {
  const text = http.toString('latin1');
  const blank = text.indexOf('\n\n');
  const head = blank === -1 ? text : text.slice(0, blank);
  const body = blank === -1 ? Buffer.alloc(0) : http.subarray(blank + 2);
  const [statusLine = '', ...headers] = head.split('\n');
  const status = statusLine.replace(/^HTTP\/[\d.]+/, 'HTTP/1.1');
  const kept = headers.filter((h) => !FRAMING.test(h.slice(0, h.indexOf(':')).trim()));
  const wire = [status, ...kept, `Content-Length: ${body.length}`, 'Connection: close', '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(wire, 'latin1'), body]);
}

const SYNTHETIC: Record<string, string> = {
  '401': 'HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\nPlease sign in.',
  '404': 'HTTP/1.1 404 Not Found\nContent-Type: text/plain\n\nNo such page.',
  '429': 'HTTP/1.1 429 Too Many Requests\nContent-Type: text/plain\nRetry-After: 120\n\nSlow down.',
  '451': 'HTTP/1.1 451 Unavailable For Legal Reasons\nContent-Type: text/plain\n\nBlocked by court order.',
};

export interface CaptureServer extends LocalServer {
  /** The address that replays `<id>/<slug>`, made unique by `tag`. */
  captureUrl(name: string, tag: string): string;
  /** The address of a synthetic refusal (401, 404, 429, 451); with `recoverAfter`, 200 once that many were sent. */
  syntheticUrl(status: '401' | '404' | '429' | '451', tag: string, recoverAfter?: number): string;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const served = new Map<string, number>();
  const server = createServer((socket: Socket) => {
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = /^[A-Z]+ (\S+)/.exec(head)?.[1] ?? '/';
      const url = new URL(path, 'http://127.0.0.1');
      socket.end(respond(url, served));
      head = '';
    });
    socket.on('error', () => undefined);
  });
  const local = await listenLocally(server);
  return {
    ...local,
    captureUrl: (name, tag) => `${local.origin}/capture/${name}?t=${tag}`,
    syntheticUrl: (status, tag, recoverAfter) =>
      `${local.origin}/synthetic/${status}?t=${tag}${recoverAfter === undefined ? '' : `&recoverAfter=${recoverAfter}`}`,
  };
}

function respond(url: URL, served: Map<string, number>): Buffer {
  const capture = /^\/capture\/([a-z0-9-]+\/[A-Za-z0-9._-]+)$/.exec(url.pathname)?.[1];
  if (capture) return replayBytes(readFileSync(new URL(`${capture}.http`, CAPTURES_DIR)));
  const synthetic = /^\/synthetic\/(\d{3})$/.exec(url.pathname)?.[1];
  const recoverAfter = Number(url.searchParams.get('recoverAfter') ?? Infinity);
  if (synthetic && SYNTHETIC[synthetic]) {
    const key = `${synthetic}${url.search}`;
    const count = (served.get(key) ?? 0) + 1;
    served.set(key, count);
    if (count > recoverAfter)
      return replayBytes(Buffer.from('HTTP/1.1 200 OK\nContent-Type: text/plain\n\nBack again.'));
    return replayBytes(Buffer.from(SYNTHETIC[synthetic]));
  }
  if (url.pathname === '/favicon.ico') return replayBytes(Buffer.from('HTTP/1.1 204 No Content\n\n'));
  return replayBytes(Buffer.from('HTTP/1.1 404 Not Found\nContent-Type: text/plain\n\nno such capture'));
}
