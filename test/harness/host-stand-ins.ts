// Stand-ins for the internet, for the tests that compare every request the extension makes with the README's
// hosts table (hosts-contacted.e2e.ts in Chromium, firefox-hosts-contacted.e2e.ts in Firefox). Each default
// address answers as its service would (the look-ups from the lookup server), so every step runs its whole
// course and makes every request it would make for real.
// Chromium answers the real addresses through Playwright's routing. Firefox has no such routing: there every
// endpoint setting is rewritten to the recording server below, `http://127.0.0.1:<port>/<host>/<path>`, which
// notes the host each request was meant for and answers as that host would.
import { createServer } from 'node:http';
import type { Endpoints } from '../../src/model/settings';
import { listenLocally } from './local-server';
import type { LookupServer } from './lookup-servers';

export interface StandInAnswer {
  status: number;
  contentType?: string;
  body: string;
}

export interface StandInRequest {
  method: string;
  body?: string;
}

const json = (status: number, body: unknown): StandInAnswer => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

/** What the service at `url` would answer (DoH: every name is 127.0.0.1, where the test's site is). */
export async function answerAs(
  url: URL,
  lookups: LookupServer,
  request: StandInRequest = { method: 'GET' },
): Promise<StandInAnswer> {
  const via = async (path: string): Promise<StandInAnswer> => {
    const response = await fetch(`${lookups.origin}${path}`, {
      method: request.method,
      ...(request.body ? { body: request.body, headers: { 'content-type': 'application/json' } } : {}),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/json',
      body: await response.text(),
    };
  };
  if (url.pathname.endsWith('/generate_204')) return { status: 204, body: '' };
  if (url.hostname === 'detectportal.firefox.com') return { status: 200, contentType: 'text/plain', body: 'success\n' };
  if (url.hostname === 'cloudflare-dns.com') {
    const name = url.searchParams.get('name');
    const a = url.searchParams.get('type') === 'A';
    return json(200, { Status: 0, Answer: a ? [{ name, type: 1, TTL: 60, data: '127.0.0.1' }] : [] });
  }
  if (url.hostname === 'archive.org') return via(`/wayback/available${url.search}`);
  if (url.hostname === 'api.globalping.io') return via(`/gp${url.pathname}`);
  if (url.hostname === 'www.cloudflarestatus.com') return via(`/cf${url.pathname}`);
  return json(404, { error: 'not found' });
}

export interface RecordingStandIns {
  /** Every request, as the host it was meant for and its method and path, in order. */
  seen(): { host: string; request: string }[];
  /** `endpoints` with each address sent to the recorder (`https://h/p?q` → `http://127.0.0.1:<port>/h/p?q`). */
  through(endpoints: Endpoints): Endpoints;
  close(): Promise<void>;
}

/** One local server standing in for every host an endpoint names: the first path segment is the host. */
export async function startRecordingStandIns(lookups: LookupServer): Promise<RecordingStandIns> {
  const seen: { host: string; request: string }[] = [];
  const server = createServer((req, res) => {
    const local = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, host = '', ...rest] = local.pathname.split('/');
    const meant = new URL(`https://${host}/${rest.join('/')}${local.search}`);
    seen.push({ host: meant.hostname, request: `${req.method ?? 'GET'} ${meant.href}` });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      answerAs(meant, lookups, { method: req.method ?? 'GET', ...(body ? { body } : {}) })
        .then((answer) => {
          res.writeHead(answer.status, {
            ...(answer.contentType ? { 'content-type': answer.contentType } : {}),
            'access-control-allow-origin': '*',
            'cache-control': 'no-store',
            connection: 'close',
          });
          res.end(answer.body);
        })
        .catch(() => res.destroy());
    });
  });
  const { origin, close } = await listenLocally(server);
  const via = (address: string): string => {
    if (!address) return address;
    // Templates ({domain}, {url}) stay templates: only the scheme and host move into the path.
    const match = /^https?:\/\/([^/?#]+)(.*)$/.exec(address);
    return match
      ? `${origin}/${match[1]}${match[2] && match[2].startsWith('/') ? match[2] : `/${match[2] ?? ''}`}`
      : address;
  };
  return {
    seen: () => [...seen],
    through: (e) => ({
      connectivity: e.connectivity.map(via),
      captivePortal: { ...e.captivePortal, url: via(e.captivePortal.url) },
      dohResolver: via(e.dohResolver),
      statusPage: via(e.statusPage),
      archive: via(e.archive),
      globalping: via(e.globalping),
      providerStatusPages: Object.fromEntries(
        Object.entries(e.providerStatusPages ?? {}).map(([id, url]) => [id, via(url ?? '')]),
      ),
    }),
    close,
  };
}
