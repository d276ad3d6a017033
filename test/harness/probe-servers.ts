// Local stand-ins for every address the guided steps contact (connectivity targets, captive-portal page,
// DNS-over-HTTPS resolver), plus a black hole that accepts connections and never answers. The suite points
// the extension's `settings.endpoints` at these, so no step ever leaves 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { DEFAULT_SETTINGS, type Endpoints } from '../../src/model/settings';
import { closedPortUrl } from './failing-server';
import { listenLocally } from './local-server';

export interface ProbeServers {
  /** A connectivity endpoint that answers 204 at once (`name` only makes the URLs distinct). */
  connectivityUrl(name: string): string;
  /** The captive-portal page: 200 with the body `success`, as the default settings expect. */
  captivePortalUrl: string;
  /** DNS-over-HTTPS JSON API: `?name=<host>&type=A|AAAA`. */
  dohUrl: string;
  /** Accepts the connection, never answers. */
  blackHoleUrl(path?: string): string;
  /** The A record the DoH server gives for `host`; names without one get NXDOMAIN. */
  setDohAddress(host: string, ip: string): void;
  /** DoH questions asked so far, as `name/type`. */
  dohQuestions(): string[];
  /** Connections the black hole accepted so far. */
  blackHoleConnections(): number;
  /**
   * A page that fails with 502 the first time, then holds every later request until `releaseGate(key)`
   * answers them (502 again): a step that loads it stays running exactly as long as the test wants.
   */
  gateUrl(key: string): string;
  /** Requests `gateUrl(key)` holds right now. */
  heldAtGate(key: string): number;
  releaseGate(key: string): void;
  close(): Promise<void>;
}

/** Endpoint settings with every probe on the local servers (third-party look-ups on a closed port too). */
export function localEndpoints(probes: ProbeServers, overrides: Partial<Endpoints> = {}): Endpoints {
  const nowhere = probes.blackHoleUrl('/third-party');
  const providers = Object.fromEntries(
    Object.keys(DEFAULT_SETTINGS.endpoints.providerStatusPages ?? {}).map((k) => [k, '']),
  );
  return {
    connectivity: [probes.connectivityUrl('a'), probes.connectivityUrl('b')],
    captivePortal: { url: probes.captivePortalUrl, expectStatus: 200, expectBody: 'success' },
    dohResolver: probes.dohUrl,
    statusPage: `${nowhere}/{domain}`,
    archive: `${nowhere}?url={url}`,
    globalping: nowhere,
    providerStatusPages: providers,
    ...overrides,
  };
}

/** `endpoints` with no connectivity: one probe refused (closed port), one black-holed, the captive-portal page refused. */
export async function offlineEndpoints(probes: ProbeServers, endpoints: Endpoints): Promise<Endpoints> {
  const closed = await closedPortUrl('/generate_204');
  return {
    ...endpoints,
    connectivity: [closed, probes.blackHoleUrl('/generate_204')],
    captivePortal: { url: closed, expectStatus: 200, expectBody: 'success' },
  };
}

function reply(res: ServerResponse, status: number, type: string | null, body = ''): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    ...(type ? { 'content-type': type } : {}),
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    // The extension's fetches come from its own origin.
    'access-control-allow-origin': '*',
    connection: 'close',
  });
  res.end(bytes);
}

export async function startProbeServers(): Promise<ProbeServers> {
  const addresses = new Map<string, string>();
  const questions: string[] = [];
  let blackHoleCount = 0;
  const gates = new Map<string, { seen: number; held: ServerResponse[]; open: boolean }>();
  const gate = (key: string) => {
    let g = gates.get(key);
    if (!g) gates.set(key, (g = { seen: 0, held: [], open: false }));
    return g;
  };
  const fail502 = (res: ServerResponse) => {
    if (!res.writableEnded && !res.destroyed) reply(res, 502, 'text/html; charset=utf-8', '<h1>502 Bad Gateway</h1>');
  };

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/generate_204')) return reply(res, 204, null);
    if (url.pathname === '/success.txt') return reply(res, 200, 'text/plain', 'success\n');
    if (url.pathname === '/gate') {
      const g = gate(url.searchParams.get('key') ?? '');
      if (++g.seen === 1 || g.open) return fail502(res);
      g.held.push(res);
      res.on('close', () => (g.held = g.held.filter((r) => r !== res)));
      return;
    }
    if (url.pathname === '/dns-query') {
      const name = (url.searchParams.get('name') ?? '').toLowerCase().replace(/\.$/, '');
      const type = url.searchParams.get('type') ?? 'A';
      questions.push(`${name}/${type}`);
      const ip = addresses.get(name);
      const answer = !ip
        ? { Status: 3, Answer: [] }
        : type === 'A'
          ? { Status: 0, Answer: [{ name: `${name}.`, type: 1, TTL: 60, data: ip }] }
          : { Status: 0, Answer: [] };
      return reply(res, 200, 'application/dns-json', JSON.stringify(answer));
    }
    reply(res, 404, 'text/plain', 'not found');
  });

  const hole = createTcpServer((socket) => {
    blackHoleCount++;
    // Read and drop whatever comes; answer nothing.
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
  });

  const [{ origin, close: closeHttp }, blackHole] = await Promise.all([listenLocally(http), listenLocally(hole)]);

  return {
    connectivityUrl: (name) => `${origin}/generate_204?${name}`,
    captivePortalUrl: `${origin}/success.txt`,
    dohUrl: `${origin}/dns-query`,
    blackHoleUrl: (path = '/') => `${blackHole.origin}${path}`,
    setDohAddress: (host, ip) => void addresses.set(host.toLowerCase(), ip),
    dohQuestions: () => [...questions],
    blackHoleConnections: () => blackHoleCount,
    gateUrl: (key) => `${origin}/gate?key=${encodeURIComponent(key)}`,
    heldAtGate: (key) => gate(key).held.length,
    releaseGate(key) {
      const g = gate(key);
      g.open = true;
      for (const res of g.held.splice(0)) fail502(res);
    },
    close: () => Promise.all([closeHttp(), blackHole.close()]).then(() => undefined),
  };
}
