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
  /**
   * Status pages of the CDNs and platforms a site runs on, by edge id ('cloudflare', 'vercel' …). A Statuspage
   * API address (…/api/v2/status.json) is read; any other address is only offered as a link; '' turns one off.
   * Optional so older code and stored settings without it stay valid: a missing provider falls back to its default.
   */
  providerStatusPages?: Partial<Record<string, string>>;
}

export interface Settings {
  version: 1;
  autoRunChecks: boolean;
  notifyWhenBack: boolean;
  reloadWhenBack: boolean;
  thirdPartyLookups: boolean;
  /** Third-party look-ups get the page's path too (never the query); off: only the site's address. */
  sharePagePath: boolean;
  ownerMode: boolean;
  historyEnabled: boolean;
  /** A small notice inside a failing page (5xx with a document), pointing to the guided steps. */
  errorPageNotice: boolean;
  /** Origins where that notice stays away (its "not on this site" button, listed in the options). */
  noticeMutedSites: string[];
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
  sharePagePath: false,
  ownerMode: false,
  historyEnabled: true,
  errorPageNotice: true,
  noticeMutedSites: [],
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
    providerStatusPages: {
      cloudflare: 'https://www.cloudflarestatus.com/api/v2/status.json',
      akamai: 'https://www.akamaistatus.com/api/v2/status.json',
      vercel: 'https://www.vercel-status.com/api/v2/status.json',
      netlify: 'https://www.netlifystatus.com/api/v2/status.json',
      github: 'https://www.githubstatus.com/api/v2/status.json',
      fastly: 'https://www.fastlystatus.com/',
      heroku: 'https://status.heroku.com/',
      cloudfront: 'https://health.aws.amazon.com/health/status',
      'aws-elb': 'https://health.aws.amazon.com/health/status',
      google: 'https://status.cloud.google.com/',
      'azure-front-door': 'https://azure.status.microsoft/status',
    },
  },
};

export const SETTINGS_KEY = 'settings';

/** A change to the settings, applied to what is stored at that moment (storage.settings.update). */
export type SettingsChange = (current: Settings) => Settings;
