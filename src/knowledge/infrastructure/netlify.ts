import type { Infrastructure } from './entry';

const functions = { meaningKey: 'ctx_netlify_5xx', fixer: 'site-owner' as const, hop: 'origin' as const };

export const netlify: Infrastructure = {
  id: 'netlify',
  name: 'Netlify',
  role: 'platform',
  headers: [{ header: 'x-nf-request-id' }, { header: 'server', value: /^Netlify$/i }],
  traceIds: ['x-nf-request-id'],
  statuses: { 500: functions, 502: functions, 503: functions, 504: functions },
  statusPage: 'https://www.netlifystatus.com/',
  sources: ['https://docs.netlify.com/routing/headers/', 'https://answers.netlify.com/t/support-guide-how-can-i-find-my-netlify-request-id/'],
};
