// Settings in storage.local under `settings`, with defaults. Every address the extension can contact
// lives here, so tests (and cautious people) can point each one elsewhere.

export interface Endpoints {
  /** Independent, well-known endpoints that answer quickly; reachability = "your connection works". */
  connectivity: string[];
  /** A URL whose exact answer is known: anything else means a captive portal rewrote it. */
  captivePortal: { url: string; expectStatus: number; expectBody?: string };
  /** DNS-over-HTTPS resolver speaking the JSON API (`?name=…&type=A`). */
  dohResolver: string;
  /** Statuspage JSON; `{domain}` is replaced with the site's registrable domain. */
  statusPage: string;
  /** Internet Archive availability API; `{url}` is replaced with the encoded URL. */
  archive: string;
  /** Globalping measurements API. */
  globalping: string;
}

export interface Settings {
  version: 1;
  autoRunChecks: boolean;
  notifyWhenBack: boolean;
  reloadWhenBack: boolean;
  thirdPartyLookups: boolean;
  ownerMode: boolean;
  historyEnabled: boolean;
  /** Upper bound for any single check, in ms. */
  checkTimeoutMs: number;
  endpoints: Endpoints;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  autoRunChecks: false,
  notifyWhenBack: true,
  reloadWhenBack: false,
  thirdPartyLookups: false,
  ownerMode: false,
  historyEnabled: true,
  checkTimeoutMs: 8000,
  endpoints: {
    connectivity: [
      'https://www.google.com/generate_204',
      'https://cp.cloudflare.com/generate_204',
      'https://detectportal.firefox.com/success.txt',
    ],
    captivePortal: { url: 'http://detectportal.firefox.com/success.txt', expectStatus: 200, expectBody: 'success' },
    dohResolver: 'https://cloudflare-dns.com/dns-query',
    statusPage: 'https://status.{domain}/api/v2/status.json',
    archive: 'https://archive.org/wayback/available?url={url}',
    globalping: 'https://api.globalping.io/v1/measurements',
  },
};

export const SETTINGS_KEY = 'settings';
