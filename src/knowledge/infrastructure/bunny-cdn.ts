import type { Infrastructure } from './entry';

// Bunny's edge names itself in `server` (BunnyCDN-<pop>-<node>) and adds CDN-* headers to every response.
export const bunnyCdn: Infrastructure = {
  id: 'bunny-cdn',
  name: 'Bunny CDN',
  role: 'cdn',
  headers: [{ header: 'server', value: /^BunnyCDN\b/i }, { header: 'cdn-requestid' }, { header: 'cdn-pullzone' }],
  // "ErrorCode: 106" comes with the edge's own 5xx (a failed pull from the origin), not with the origin's.
  errorHeaders: [{ header: 'errorcode', value: /^(\d{1,6})$/ }],
  traceIds: ['cdn-requestid'],
  otherCodeKey: 'bodyReason_bunny_other',
  statuses: {
    502: { meaningKey: 'ctx_bunny_502', fixer: 'site-owner', hop: 'origin' },
    504: { meaningKey: 'ctx_bunny_504', fixer: 'site-owner', hop: 'origin' },
  },
  sources: [
    'https://docs.bunny.net/cdn/logging/origin-errors',
    'https://github.com/php/infrastructure/issues/58',
    'https://github.com/php/web-pecl/issues/117',
  ],
};
