// Local stand-ins for the third-party look-ups: a Statuspage API (Cloudflare's, with one open incident),
// the Internet Archive's availability API and Globalping's measurements API (three probes that all get a 502). Everything else answers 404, so pointing every other
// endpoint here keeps the extension on 127.0.0.1.
import { createServer, type ServerResponse } from 'node:http';
import { DEFAULT_SETTINGS, type Endpoints } from '../../src/model/settings';
import { listenLocally } from './local-server';

export const INCIDENT_NAME = 'Elevated errors in AMS';
export const SNAPSHOT_TIMESTAMP = '20240131093000';
export const SNAPSHOT_DATE = '2024-01-31';
export const MEASUREMENT_ID = 'local-measurement-1';
/** The probes' places (city, country) and the status each gets: the site is down from everywhere. */
export const PROBES = [
  { city: 'Frankfurt', country: 'DE', network: 'Hetzner Online GmbH' },
  { city: 'Ashburn', country: 'US', network: 'Amazon.com, Inc.' },
  { city: 'Singapore', country: 'SG', network: 'DigitalOcean, LLC' },
];
export const PROBE_STATUS = 502;

export interface LookupServer {
  origin: string;
  /** The Cloudflare status API address (`…/api/v2/status.json`); its summary.json sits next to it. */
  cloudflareStatusUrl: string;
  /** The availability API template, with `{url}`. */
  archiveTemplate: string;
  /** The Globalping measurements API. */
  globalpingUrl: string;
  /** Paths asked so far (with query). */
  requests(): string[];
  /** The JSON bodies POSTed to create Globalping measurements. */
  measurementsCreated(): unknown[];
  close(): Promise<void>;
}

const STATUS = { indicator: 'major', description: 'Partial System Outage' };
const PAGE = { id: 'cf-local', name: 'Cloudflare', url: 'http://127.0.0.1/cloudflare-status' };

function json(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
    connection: 'close',
  });
  res.end(bytes);
}

/** Globalping's GET answer: the first read finds one probe still at work, as the real API often does. */
function measurement(reads: number): unknown {
  const finished = reads > 1;
  return {
    id: MEASUREMENT_ID,
    type: 'http',
    status: finished ? 'finished' : 'in-progress',
    results: PROBES.map((probe, i) => ({
      probe: { ...probe, continent: 'EU', asn: 1 },
      result:
        finished || i === 0
          ? {
              status: 'finished',
              statusCode: PROBE_STATUS,
              statusCodeName: 'Bad Gateway',
              rawOutput: `HTTP/1.1 ${PROBE_STATUS} Bad Gateway`,
            }
          : { status: 'in-progress', rawOutput: '' },
    })),
  };
}

export async function startLookupServer(): Promise<LookupServer> {
  const seen: string[] = [];
  const created: unknown[] = [];
  let measurementReads = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push(`${url.pathname}${url.search}`);
    if (url.pathname === '/gp/v1/measurements' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        created.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
        json(res, 202, { id: MEASUREMENT_ID, probesCount: PROBES.length });
      });
      return;
    }
    switch (url.pathname) {
      case `/gp/v1/measurements/${MEASUREMENT_ID}`:
        return json(res, 200, measurement(++measurementReads));
      case '/cf/api/v2/status.json':
        return json(res, 200, { page: PAGE, status: STATUS });
      case '/cf/api/v2/summary.json':
        return json(res, 200, {
          page: PAGE,
          status: STATUS,
          components: [],
          incidents: [
            {
              id: 'inc1',
              name: INCIDENT_NAME,
              status: 'investigating',
              impact: 'major',
              shortlink: 'http://127.0.0.1/incident/inc1',
              updated_at: '2026-01-01T00:00:00.000Z',
            },
          ],
          scheduled_maintenances: [],
        });
      case '/wayback/available':
        return json(res, 200, {
          url: url.searchParams.get('url'),
          archived_snapshots: {
            closest: {
              available: true,
              url: `https://web.archive.org/web/${SNAPSHOT_TIMESTAMP}/http://x/`,
              timestamp: SNAPSHOT_TIMESTAMP,
              status: '200',
            },
          },
        });
      default:
        return json(res, 404, { error: 'not found' });
    }
  });
  const { origin, close } = await listenLocally(server);
  return {
    origin,
    cloudflareStatusUrl: `${origin}/cf/api/v2/status.json`,
    archiveTemplate: `${origin}/wayback/available?url={url}`,
    globalpingUrl: `${origin}/gp/v1/measurements`,
    requests: () => [...seen],
    measurementsCreated: () => [...created],
    close,
  };
}

/** Every endpoint on the lookup server: the three under test answer, the rest 404 (never the internet). */
export function lookupEndpoints(lookups: LookupServer): Endpoints {
  const nowhere = `${lookups.origin}/nowhere`;
  const providers = Object.fromEntries(
    Object.keys(DEFAULT_SETTINGS.endpoints.providerStatusPages ?? {}).map((k) => [k, '']),
  );
  return {
    connectivity: [`${nowhere}/a`, `${nowhere}/b`],
    captivePortal: { url: `${nowhere}/portal`, expectStatus: 200, expectBody: 'success' },
    dohResolver: `${nowhere}/doh`,
    statusPage: `${nowhere}/{domain}/api/v2/status.json`,
    archive: lookups.archiveTemplate,
    globalping: lookups.globalpingUrl,
    providerStatusPages: { ...providers, cloudflare: lookups.cloudflareStatusUrl },
  };
}
