// Realistic third-party answers (shapes of Atlassian Statuspage, the Wayback availability API and Globalping).

export const OPERATIONAL_STATUS = {
  page: {
    id: 'kctbh9vrtdwd',
    name: 'Example',
    url: 'https://status.example.com',
    time_zone: 'Etc/UTC',
    updated_at: '2024-05-02T09:41:23.254Z',
  },
  status: { indicator: 'none', description: 'All Systems Operational' },
};

export const CLOUDFLARE_STATUS_MINOR = {
  page: {
    id: 'yh6f0r4529hb',
    name: 'Cloudflare',
    url: 'https://www.cloudflarestatus.com',
    time_zone: 'Etc/UTC',
    updated_at: '2024-05-02T09:41:23.254Z',
  },
  status: { indicator: 'minor', description: 'Minor Service Outage' },
};

export const CLOUDFLARE_SUMMARY_INCIDENT = {
  page: CLOUDFLARE_STATUS_MINOR.page,
  components: [
    {
      id: 'b13yz5g2cw10',
      name: 'Frankfurt, Germany - (FRA)',
      status: 'partial_outage',
      created_at: '2014-10-09T03:32:07.158Z',
      updated_at: '2024-05-02T09:35:44.000Z',
      position: 6,
      description: null,
      showcase: false,
      start_date: null,
      group_id: '1km35smx8p41',
      page_id: 'yh6f0r4529hb',
      group: false,
      only_show_if_degraded: false,
    },
  ],
  incidents: [
    {
      id: 'p7bdbqxs3xvx',
      name: 'Elevated 5xx errors in Frankfurt (FRA)',
      status: 'investigating',
      created_at: '2024-05-02T09:10:01.512Z',
      updated_at: '2024-05-02T09:35:44.771Z',
      monitoring_at: null,
      resolved_at: null,
      impact: 'major',
      shortlink: 'https://stspg.io/abc123',
      started_at: '2024-05-02T09:10:01.505Z',
      page_id: 'yh6f0r4529hb',
      incident_updates: [
        {
          id: 'u1',
          status: 'investigating',
          body: 'Cloudflare is investigating elevated errors in FRA.',
          incident_id: 'p7bdbqxs3xvx',
          created_at: '2024-05-02T09:10:01.512Z',
          updated_at: '2024-05-02T09:10:01.512Z',
          display_at: '2024-05-02T09:10:01.512Z',
          affected_components: null,
          deliver_notifications: true,
          custom_tweet: null,
          tweet_id: null,
        },
      ],
      components: [],
    },
    {
      id: 'old',
      name: 'Resolved yesterday',
      status: 'resolved',
      impact: 'minor',
      shortlink: 'https://stspg.io/old',
      updated_at: '2024-05-01T09:00:00.000Z',
    },
  ],
  scheduled_maintenances: [],
  status: { indicator: 'major', description: 'Partial System Outage' },
};

export const WAYBACK_FOUND = {
  url: 'example.com/products',
  archived_snapshots: {
    closest: {
      status: '200',
      available: true,
      url: 'http://web.archive.org/web/20240131093000/https://example.com/products',
      timestamp: '20240131093000',
    },
  },
};

export const WAYBACK_NONE = { url: 'example.com/never-archived', archived_snapshots: {} };

const probe = (city: string, country: string, network: string, continent = 'EU') => ({
  continent,
  region: 'Western Europe',
  country,
  state: null,
  city,
  asn: 24940,
  longitude: 8.68,
  latitude: 50.11,
  network,
  tags: ['datacenter-network'],
  resolvers: ['private'],
});

export const httpResult = (statusCode: number) => ({
  status: 'finished',
  resolvedAddress: '93.184.216.34',
  headers: { server: 'nginx' },
  rawHeaders: 'Server: nginx',
  rawBody: null,
  rawOutput: `HTTP/1.1 ${statusCode}\nServer: nginx`,
  truncated: false,
  statusCode,
  statusCodeName: statusCode === 200 ? 'OK' : 'Bad Gateway',
  timings: { total: 120, download: 1, firstByte: 110, dns: 5, tls: 30, tcp: 4 },
  tls: null,
});

export const measurement = (
  status: 'in-progress' | 'finished',
  results: { probe: ReturnType<typeof probe>; result: unknown }[],
) => ({
  id: 'nzGzfAGL7sZfUs3c',
  type: 'http',
  status,
  createdAt: '2024-05-02T09:41:23.254Z',
  updatedAt: '2024-05-02T09:41:25.254Z',
  target: 'shop.example.com',
  probesCount: results.length,
  locations: [{ magic: 'world' }],
  limit: 3,
  measurementOptions: { request: { path: '/cart', method: 'HEAD' }, protocol: 'HTTPS', port: 443 },
  results,
});

export const FRANKFURT = probe('Frankfurt', 'DE', 'Hetzner Online GmbH');
export const ASHBURN = probe('Ashburn', 'US', 'Amazon.com, Inc.', 'NA');
export const SINGAPORE = probe('Singapore', 'SG', 'DigitalOcean, LLC', 'AS');

export const FAILED_RESULT = { status: 'failed', rawOutput: 'connect ECONNREFUSED 93.184.216.34:443\nmore detail' };
export const IN_PROGRESS_RESULT = { status: 'in-progress', rawOutput: '' };
