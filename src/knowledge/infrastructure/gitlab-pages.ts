import type { Infrastructure, StatusMeaning } from './entry';

// GitLab Pages' own error pages (internal/httperrors). It sends no header of its own, so only its page names it.
// GitLab's Rails app prints the same 500 page ("Something went wrong (500) … Whoops, something went wrong on our
// end."), so only its 502, 503 and 404 wordings, which the Rails pages do not share, prove it.
const pagesDown: StatusMeaning = { meaningKey: 'ctx_gitlab_pages_5xx', fixer: 'hosting', hop: 'gateway' };

export const gitlabPages: Infrastructure = {
  id: 'gitlab-pages',
  name: 'GitLab Pages',
  role: 'platform',
  headers: [],
  page: {
    proves: [
      /\b(?:Something went wrong \(502\) 502|Service Unavailable \(503\) 503) Whoops, something went wrong on our end\./,
      /\bThe page you.re looking for could not be found \(404\) 404 The page you.re looking for could not be found\./,
    ],
  },
  codes: [
    {
      code: 'pages-not-found',
      text: /\bThe page you.re looking for could not be found\./,
      meaningKey: 'bodyReason_gitlab_pages_not_found',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  // 503: it could not look the site's domain up in GitLab; 502: it could not fetch a job artifact from GitLab.
  statuses: { 502: pagesDown, 503: pagesDown },
  statusPage: 'https://status.gitlab.com/',
  sources: [
    'https://gitlab.com/gitlab-org/gitlab-pages/-/blob/v15.11.0/internal/httperrors/httperrors.go',
    'https://github.com/tachyons/gitlab-pages/blob/v15.11.0/internal/httperrors/httperrors.go',
    'https://github.com/tachyons/gitlab-pages/blob/v15.11.0/internal/domain/domain.go',
  ],
};
