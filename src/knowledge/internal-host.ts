// Pure: the one list of names and addresses that only this machine or its network can reach. Nothing about
// them ever goes to a third party (Globalping, the Internet Archive, a status page, a DNS-over-HTTPS
// resolver). Addresses: every range IANA sets apart from the global unicast space — the same ranges as
// ipaddr.js's `range() !== 'unicast'`, which the unit test checks this table against.

type Cidr = readonly [prefix: readonly number[], bits: number];

// IPv4 as four bytes.
const V4_RANGES: readonly Cidr[] = [
  [[0, 0, 0, 0], 8],
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10],
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16],
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 0, 2, 0], 24],
  [[192, 31, 196, 0], 24],
  [[192, 52, 193, 0], 24],
  [[192, 88, 99, 0], 24],
  [[192, 168, 0, 0], 16],
  [[192, 175, 48, 0], 24],
  [[198, 18, 0, 0], 15],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4],
  [[240, 0, 0, 0], 4],
];

// IPv6 as eight 16-bit groups (IPv4-mapped and translated addresses included: never guessed through).
const V6_RANGES: readonly Cidr[] = [
  [[0, 0, 0, 0, 0, 0, 0, 0], 128],
  [[0, 0, 0, 0, 0, 0, 0, 1], 128],
  [[0, 0, 0, 0, 0, 0xffff, 0, 0], 96],
  [[0, 0, 0, 0, 0xffff, 0, 0, 0], 96],
  [[0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96],
  [[0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48],
  [[0x100, 0, 0, 0, 0, 0, 0, 0], 64],
  [[0x2001, 0, 0, 0, 0, 0, 0, 0], 23],
  [[0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32],
  [[0x2001, 0x10, 0, 0, 0, 0, 0, 0], 28],
  [[0x2001, 0x20, 0, 0, 0, 0, 0, 0], 28],
  [[0x2001, 0x30, 0, 0, 0, 0, 0, 0], 28],
  [[0x2002, 0, 0, 0, 0, 0, 0, 0], 16],
  [[0x2620, 0x4f, 0x8000, 0, 0, 0, 0, 0], 48],
  [[0x3fff, 0, 0, 0, 0, 0, 0, 0], 20],
  [[0x5f00, 0, 0, 0, 0, 0, 0, 0], 16],
  [[0xfc00, 0, 0, 0, 0, 0, 0, 0], 7],
  [[0xfe80, 0, 0, 0, 0, 0, 0, 0], 10],
  [[0xfec0, 0, 0, 0, 0, 0, 0, 0], 10],
  [[0xff00, 0, 0, 0, 0, 0, 0, 0], 8],
];

/** Names the public DNS never answers, or answers for everyone alike (RFC 2606, 6761, 6762, 7686, 8375, 9476 and common LAN suffixes). */
const INTERNAL_SUFFIXES = [
  'localhost',
  'local',
  'test',
  'example',
  'invalid',
  'onion',
  'internal',
  'alt',
  'home.arpa',
  'arpa',
  'lan',
  'home',
  'intranet',
  'corp',
  'localdomain',
  'private',
];

function inRange(groups: readonly number[], width: number, [prefix, bits]: Cidr): boolean {
  for (let i = 0, left = bits; left > 0; i++, left -= width) {
    const keep = Math.min(width, left);
    const mask = ((1 << keep) - 1) << (width - keep);
    if (((groups[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function parseV6(text: string): number[] | null {
  let value = text.replace(/%.*$/, '');
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (tail?.[1]) {
    const v4 = parseV4(tail[1]);
    if (!v4) return null;
    value =
      value.slice(0, -tail[1].length) +
      `${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = value.split('::');
  if (halves.length > 2) return null;
  const side = (s: string | undefined) => (s ? s.split(':') : []);
  const head = side(halves[0]);
  const rest = side(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/** An IP address outside the global unicast space (loopback, private, CGNAT, link-local, documentation …). Not an IP → false. */
export function isInternalAddress(ip: string): boolean {
  const text = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  const v4 = parseV4(text);
  if (v4) return V4_RANGES.some((r) => inRange(v4, 8, r));
  const v6 = text.includes(':') ? parseV6(text) : null;
  return v6 ? V6_RANGES.some((r) => inRange(v6, 16, r)) : false;
}

/** A host name or address literal only this machine or its network can reach ('[::1]', 'nas.local', 'intranet' …). */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  if (host === '') return true;
  if (host.startsWith('[') || host.includes(':'))
    return parseV6(host.replace(/^\[|\]$/g, '')) === null || isInternalAddress(host);
  if (/^[\d.]+$/.test(host)) return parseV4(host) === null || isInternalAddress(host);
  if (!host.includes('.')) return true;
  return INTERNAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

const isLoopback = (ip: string): boolean => /^127\.|^\[?::1\]?$/.test(ip.trim());

/**
 * May anything about this page go to a third party? Not when its host is internal, nor when the address the
 * browser connected to is (a public-looking name that resolves inside this network: split-horizon DNS, a
 * VPN). Loopback is the exception: a public name the hosts file points at this machine is one the person
 * chose, and the real-browser tests' stand-ins live there.
 */
export function mayTellThirdParties(pageUrl: string, connectedIp?: string): boolean {
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return false;
  }
  return (
    !isInternalHost(host) && !(connectedIp !== undefined && isInternalAddress(connectedIp) && !isLoopback(connectedIp))
  );
}
