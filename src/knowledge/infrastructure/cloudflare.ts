import type { Infrastructure, VendorCode } from './entry';

const code = (c: string, fixer: VendorCode['fixer'], hop: VendorCode['hop'], key = c): VendorCode => ({
  code: c, meaningKey: `bodyReason_cloudflare_${key}`, fixer, hop,
});
const originStatus = (status: number) => ({ meaningKey: `ctx_cloudflare_${status}`, fixer: 'site-owner' as const, hop: 'origin' as const, owns: true as const });

export const cloudflare: Infrastructure = {
  id: 'cloudflare',
  name: 'Cloudflare',
  role: 'cdn',
  headers: [{ header: 'cf-ray' }, { header: 'server', value: /^cloudflare/i }, { header: 'cf-cache-status' },
    // Set to "challenge" on every challenge page, whatever else the response carries.
    { header: 'cf-mitigated' },
  ],
  page: {
    proves: [
      /\bCloudflare Ray ID\b/i, /\bPerformance (?:&|and) security by Cloudflare\b/i,
      /\bVisit cloudflare\.com for more information\b/i, /\bthat is on the Cloudflare network\b/i,
      /\bused Cloudflare to restrict access\b/i, /^\s?error code: 1\d{3}\s?$/i, /\bcloudflare-nginx\b/i,
      // Its 52x codes are its own: "Connection timed out Error code 522".
      /\bError code 5(?:2[0-7]|30)\b/,
      // A 1xxx code with a Ray ID (16 hex digits) is Cloudflare's page even when its footer is cut off.
      /\bError 1\d{3}\b.{0,200}\bRay ID:? ?[0-9a-f]{16}\b/,
    ],
    code: [/\bError(?: code)?\s?:?\s?(1\d{3}|5\d\d)\b/i],
    reference: [/\bRay ID:?\s?([0-9a-f]{16})\b/i],
  },
  traceIds: ['cf-ray'],
  codes: [
    code('1000', 'site-owner', 'gateway'), code('1001', 'site-owner', 'gateway'), code('1002', 'site-owner', 'gateway'),
    code('1003', 'you', 'you'), code('1004', 'site-owner', 'gateway'),
    code('1006', 'site-owner', 'gateway'), code('1007', 'site-owner', 'gateway', '1006'), code('1008', 'site-owner', 'gateway', '1006'),
    code('1010', 'you', 'gateway'), code('1015', 'you', 'gateway'), code('1016', 'site-owner', 'origin'),
    code('1018', 'site-owner', 'gateway'), code('1019', 'site-owner', 'gateway'), code('1020', 'site-owner', 'gateway'),
    code('1033', 'site-owner', 'origin'), code('1101', 'site-owner', 'gateway'), code('1102', 'site-owner', 'gateway'),
    code('1005', 'site-owner', 'gateway'), code('1009', 'site-owner', 'gateway'), code('1011', 'site-owner', 'gateway'),
    code('1012', 'site-owner', 'gateway'), code('1013', 'network', 'network'), code('1014', 'site-owner', 'gateway'),
    code('1023', 'site-owner', 'gateway'), code('1027', 'site-owner', 'gateway'),
    code('1200', 'site-owner', 'gateway'),
  ],
  otherCodeKey: 'bodyReason_cloudflare_other',
  statuses: {
    520: originStatus(520), 521: originStatus(521), 522: originStatus(522), 523: originStatus(523), 524: originStatus(524),
    525: originStatus(525), 526: originStatus(526), 527: originStatus(527), 530: originStatus(530),
  },
  statusPage: 'https://www.cloudflarestatus.com/',
  sources: [
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/',
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/',
    'https://developers.cloudflare.com/fundamentals/reference/cloudflare-ray-id/',
    'https://developers.cloudflare.com/workers/observability/errors/',
    'https://github.com/cloudflare/cloudflare-docs/pull/8590',
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1013/',
    'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-530/',
  ],
};
