import type { Infrastructure, StatusMeaning } from './entry';

// GitHub's own 5xx (github.com, GitHub Pages) is GitHub's to fix, not the site owner's.
const githubDown: StatusMeaning = { meaningKey: 'ctx_github_5xx', fixer: 'hosting', hop: 'gateway' };

export const github: Infrastructure = {
  id: 'github',
  name: 'GitHub',
  role: 'platform',
  headers: [{ header: 'x-github-request-id' }, { header: 'server', value: /^GitHub\.com$/i }],
  page: {
    proves: [
      /\bThere isn.t a GitHub Pages site here\./,
      // GitHub's own overload pages ("the unicorn") and API 503.
      /\bNo server is currently available to service your request\. Sorry about that\./,
      /\bThis page is taking way too long to load\./,
    ],
  },
  traceIds: ['x-github-request-id'],
  codes: [
    {
      code: 'pages-site-not-found',
      text: /\bThere isn.t a GitHub Pages site here\./,
      meaningKey: 'bodyReason_github_pages_not_found',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  statuses: { 500: githubDown, 502: githubDown, 503: githubDown, 504: githubDown },
  statusPage: 'https://www.githubstatus.com/',
  sources: [
    'https://github.com/kazu-yamamoto/mighttpd2/issues/28',
    'https://github.com/octokit/plugin-request-log.js/issues/382',
    'https://github.com/gov4git/gov4git/issues/171',
    'https://github.com/osunyorg/admin/issues/3779',
    'https://github.com/martenbjork/github-xp/issues/23',
  ],
};
