import type { Infrastructure } from './entry';

// App Engine's and Cloud Run's own 500 page says "encountered an error"; the Google front end's 502 says
// "encountered a temporary error" (see google-frontend).
export const googleCloudRun: Infrastructure = {
  id: 'google-cloud-run',
  name: 'Google Cloud Run / App Engine',
  role: 'platform',
  headers: [],
  page: { proves: [/\bThe server encountered an error and could not complete your request\b/i] },
  statuses: {
    500: { meaningKey: 'ctx_cloud_run_500', fixer: 'site-owner', hop: 'origin' },
    504: { meaningKey: 'ctx_cloud_run_504', fixer: 'site-owner', hop: 'origin' },
  },
  statusPage: 'https://status.cloud.google.com/',
  sources: [
    'https://github.com/chubin/awesome-console-services/pull/94',
    'https://cloud.google.com/run/docs/configuring/request-timeout',
    'https://github.com/google/slo-generator/issues/441',
    'https://github.com/chromium/hstspreload.org/issues/58',
  ],
};
