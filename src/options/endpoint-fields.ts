// Pure: every editable endpoint as data — how to show it as text, check it, and write it back.
import { DEFAULT_SETTINGS, type Endpoints } from '../model/settings';
import {
  acceptAnything,
  parseProviderLines,
  parseUrlList,
  validateHttpUrl,
  validateStatus,
  validateTemplate,
  validateProviderLines,
  validateUrlList,
  type FieldError,
} from './validation';

export interface EndpointField {
  /** Also the input's id and the i18n prefix: `endpoint_<id>_label`, `endpoint_<id>_hint`. */
  id: string;
  multiline?: boolean;
  inputMode?: 'url' | 'numeric' | 'text';
  /** Used only by third-party look-ups: shown beside that switch. */
  thirdParty?: boolean;
  read(endpoints: Endpoints): string;
  validate(value: string): FieldError | null;
  /** Only called with a value that passed `validate`. */
  write(endpoints: Endpoints, value: string): Endpoints;
}

/** The providers whose status page can be set (the CDNs and platforms the fingerprints recognise). */
const DEFAULT_PROVIDER_PAGES: Partial<Record<string, string>> = DEFAULT_SETTINGS.endpoints.providerStatusPages ?? {};
export const STATUS_PROVIDERS: readonly string[] = Object.keys(DEFAULT_PROVIDER_PAGES);

/** Each known provider on its own line, as it is in effect: a stored value, or the default; alone when off. */
function readProviders(e: Endpoints): string {
  return STATUS_PROVIDERS.map((id) => {
    const url = e.providerStatusPages?.[id] ?? DEFAULT_PROVIDER_PAGES[id] ?? '';
    return url ? `${id} ${url}` : id;
  }).join('\n');
}

/** A provider left out is turned off ('') too: what the field shows is all there is. */
function writeProviders(e: Endpoints, value: string): Endpoints {
  const typed = new Map(parseProviderLines(value).map((line) => [line.id, line.url]));
  return { ...e, providerStatusPages: Object.fromEntries(STATUS_PROVIDERS.map((id) => [id, typed.get(id) ?? ''])) };
}

export const ENDPOINT_FIELDS: readonly EndpointField[] = [
  {
    id: 'connectivity',
    multiline: true,
    inputMode: 'url',
    read: (e) => e.connectivity.join('\n'),
    validate: validateUrlList,
    write: (e, v) => ({ ...e, connectivity: parseUrlList(v) }),
  },
  {
    id: 'captiveUrl',
    inputMode: 'url',
    read: (e) => e.captivePortal.url,
    // Plain http: on purpose: a captive portal can only intercept what is not encrypted.
    validate: (v) => validateHttpUrl(v, 'captive-portal'),
    write: (e, v) => ({ ...e, captivePortal: { ...e.captivePortal, url: v.trim() } }),
  },
  {
    id: 'captiveStatus',
    inputMode: 'numeric',
    read: (e) => String(e.captivePortal.expectStatus),
    validate: validateStatus,
    write: (e, v) => ({ ...e, captivePortal: { ...e.captivePortal, expectStatus: Number(v.trim()) } }),
  },
  {
    id: 'captiveBody',
    inputMode: 'text',
    read: (e) => e.captivePortal.expectBody ?? '',
    validate: acceptAnything,
    // '' (not a missing key) means "no body check": a missing key falls back to the default body.
    write: (e, v) => ({ ...e, captivePortal: { ...e.captivePortal, expectBody: v } }),
  },
  {
    id: 'doh',
    inputMode: 'url',
    read: (e) => e.dohResolver,
    validate: (v) => validateHttpUrl(v),
    write: (e, v) => ({ ...e, dohResolver: v.trim() }),
  },
  {
    id: 'statusPage',
    inputMode: 'url',
    thirdParty: true,
    read: (e) => e.statusPage,
    validate: (v) => validateTemplate(v.trim(), '{domain}'),
    write: (e, v) => ({ ...e, statusPage: v.trim() }),
  },
  {
    id: 'archive',
    inputMode: 'url',
    thirdParty: true,
    read: (e) => e.archive,
    validate: (v) => validateTemplate(v.trim(), '{url}'),
    write: (e, v) => ({ ...e, archive: v.trim() }),
  },
  {
    id: 'globalping',
    inputMode: 'url',
    thirdParty: true,
    read: (e) => e.globalping,
    validate: (v) => validateHttpUrl(v),
    write: (e, v) => ({ ...e, globalping: v.trim() }),
  },
  {
    id: 'providerStatusPages',
    multiline: true,
    inputMode: 'url',
    thirdParty: true,
    read: readProviders,
    validate: (v) => validateProviderLines(v, STATUS_PROVIDERS),
    write: writeProviders,
  },
];
