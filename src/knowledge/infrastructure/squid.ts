import type { Infrastructure } from './entry';

// A forward proxy on the person's own network (company, school): when it generated the error, the broken
// link is that network and its admin fixes it.
export const squid: Infrastructure = {
  id: 'squid',
  name: 'Squid',
  role: 'client-proxy',
  headers: [
    { header: 'x-squid-error' },
    { header: 'via', value: /\(squid(?:\/[0-9.]{1,20})?\)/i },
    { header: 'server', value: /^squid(?=$|[/\s(])/i, generated: true },
  ],
  // "X-Squid-Error: ERR_CONNECT_FAIL 111"
  errorHeaders: [{ header: 'x-squid-error', value: /^(ERR_[A-Z_]{2,40})/ }],
  page: {
    proves: [/\bGenerated .{1,80} by \S{1,253} \(squid(?:\/[0-9.]{1,20})?\)/i],
    code: [/\b(ERR_[A-Z_]{2,40})\b/],
  },
  sources: [
    'https://wiki.squid-cache.org/SquidFaq/SquidLogs',
    'https://github.com/squid-cache/squid/blob/master/errors/templates/ERR_CONNECT_FAIL',
  ],
};
