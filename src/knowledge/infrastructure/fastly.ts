import type { Infrastructure } from './entry';

const backend = { meaningKey: 'ctx_fastly_backend', fixer: 'site-owner' as const, hop: 'origin' as const };

export const fastly: Infrastructure = {
  id: 'fastly',
  name: 'Fastly',
  role: 'cdn',
  headers: [
    { header: 'x-fastly-request-id' },
    { prefix: 'fastly-' },
    { header: 'x-served-by', value: /(?:^|,\s?)cache-[a-z0-9-]+/i },
    { header: 'x-timer', value: /^S\d+\.\d+,VS\d/ },
  ],
  page: {
    // Fastly's synthetic errors keep Varnish's "Guru Meditation" with its own cache node in the details.
    proves: [
      /\bGuru Medi(?:t)?ation:.{0,40}\bDetails:\s?cache-[a-z0-9-]+/i,
      /\bError 5\d{4} Details:\s?cache-[a-z0-9-]{1,40}/i,
    ],
    code: [/\bError (5\d{4}) Details:/],
    reference: [/\bDetails:\s?(cache-[A-Za-z0-9-]{1,40}(?: \d{1,20}){0,2})/],
  },
  traceIds: ['x-fastly-request-id', 'x-served-by'],
  otherCodeKey: 'bodyReason_fastly_other',
  statuses: { 502: backend, 503: backend, 504: backend },
  // Fastly runs on Varnish: its `via: 1.1 varnish` does not mean a separate Varnish.
  hides: ['varnish'],
  statusPage: 'https://www.fastlystatus.com/',
  sources: [
    'https://docs.fastly.com/en/guides/common-503-errors',
    'https://www.fastly.com/documentation/reference/http/http-headers/',
    'https://github.com/jupyter/nbviewer/issues/1054',
    'https://github.com/python/pythondotorg/issues/748',
  ],
};
