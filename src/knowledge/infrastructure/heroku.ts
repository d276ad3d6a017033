import type { Infrastructure } from './entry';

export const heroku: Infrastructure = {
  id: 'heroku',
  name: 'Heroku',
  role: 'platform',
  headers: [
    { header: 'via', value: /\b(?:vegur|heroku-router)\b/i },
    { header: 'server', value: /^heroku/i },
  ],
  page: {
    // The router's H-codes are only in the app's logs, never in the page.
    proves: [
      /\bApplication error\b.{0,300}\b(?:heroku logs|application owner)\b/i,
      // The older page put its words in an iframe (s3.amazonaws.com/heroku_pages/error.html): only its title and
      // the iframe's fallback paragraph are left, each "Application Error".
      /^(?:Application Error ?){1,2}$/,
    ],
  },
  traceIds: ['x-request-id'],
  codes: [
    {
      code: 'application-error',
      text: /\bApplication error\b/i,
      meaningKey: 'bodyReason_heroku_application_error',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  statuses: { 503: { meaningKey: 'ctx_heroku_503', fixer: 'site-owner', hop: 'origin' } },
  statusPage: 'https://status.heroku.com/',
  sources: [
    'https://devcenter.heroku.com/articles/error-codes',
    'https://devcenter.heroku.com/articles/http-request-id',
    'https://github.com/coderanger/nightlies/issues/8',
    'https://github.com/postmanlabs/httpbin/issues/510',
  ],
};
