// Pure helpers of the DNS step: which host names involve DNS at all, DoH JSON answers, IP comparison.

/** A DNS-over-HTTPS JSON answer (RFC 8484 servers with the JSON API: Cloudflare, Google, Quad9). */
export type DohLookup = { answered: true; rcode: number; addresses: string[] } | { answered: false; reason: string };

const RECORD_A = 1;
const RECORD_AAAA = 28;

/** Parses `{ Status, Answer: [{ type, data }] }`; anything else is "not answered". */
export function parseDohJson(json: unknown): DohLookup {
  if (typeof json !== 'object' || json === null || typeof (json as { Status?: unknown }).Status !== 'number') {
    return { answered: false, reason: 'not a DNS JSON answer' };
  }
  const { Status, Answer } = json as { Status: number; Answer?: unknown };
  const records = Array.isArray(Answer) ? Answer : [];
  const addresses = records
    .filter(
      (r): r is { type: number; data: string } =>
        typeof r === 'object' &&
        r !== null &&
        (r.type === RECORD_A || r.type === RECORD_AAAA) &&
        typeof r.data === 'string',
    )
    .map((r) => normalizeIp(r.data));
  return { answered: true, rcode: Status, addresses };
}

/** Expands IPv6 to 8 full groups, unwraps IPv4-mapped IPv6 and brackets, lower-cases. */
export function normalizeIp(ip: string): string {
  let value = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped?.[1]) return mapped[1];
  if (!value.includes(':')) return value;
  const [head = '', tail = ''] = value.split('::');
  const left = head ? head.split(':') : [];
  const right = value.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - left.length - right.length;
  const groups = value.includes('::') ? [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right] : left;
  return groups.map((g) => g.padStart(4, '0')).join(':');
}
