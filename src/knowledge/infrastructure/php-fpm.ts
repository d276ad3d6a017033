import type { Infrastructure } from './entry';

export const phpFpm: Infrastructure = {
  id: 'php-fpm',
  name: 'PHP',
  role: 'app-server',
  headers: [
    { header: 'x-powered-by', value: /^PHP\//i },
    // PHP's session module sends this fixed past date with session.cache_limiter "nocache" (its default).
    { header: 'expires', value: /^Thu, 19 Nov 1981 08:52:00 GMT$/ },
  ],
  statuses: { 500: { meaningKey: 'ctx_php_500', fixer: 'site-owner', hop: 'origin' } },
  sources: [
    'https://github.com/php/php-src/blob/e17fd1f2d95f081536cb2c02a874f286d7a82ace/ext/session/session.c#L1204',
    'https://github.com/BanManagement/BanManager-WebUI/issues/174',
  ],
};
