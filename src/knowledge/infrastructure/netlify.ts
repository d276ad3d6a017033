import type { Infrastructure } from './entry';

const functions = { meaningKey: 'ctx_netlify_5xx', fixer: 'site-owner' as const, hop: 'origin' as const };

export const netlify: Infrastructure = {
  id: 'netlify',
  name: 'Netlify',
  role: 'platform',
  headers: [{ header: 'x-nf-request-id' }, { header: 'server', value: /^Netlify$/i }],
  page: {
    // Netlify's own 404 page: "Site not found … doesn’t exist on Netlify … Netlify Internal ID: 01K3…".
    proves: [/\bNetlify Internal ID:\s?[0-9A-Z]{26}\b/, /\bdoesn.t exist on Netlify\./],
    reference: [/\bNetlify Internal ID:\s?([0-9A-Z]{26})\b/],
  },
  traceIds: ['x-nf-request-id'],
  codes: [
    {
      code: 'site-not-found',
      text: /\bSite not found\b/i,
      meaningKey: 'bodyReason_netlify_site_not_found',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  statuses: { 500: functions, 502: functions, 503: functions, 504: functions },
  statusPage: 'https://www.netlifystatus.com/',
  sources: [
    'https://docs.netlify.com/routing/headers/',
    'https://answers.netlify.com/t/support-guide-how-can-i-find-my-netlify-request-id/',
    'https://github.com/gareth618/pastemd/issues/3',
  ],
};
