import type { Infrastructure } from './entry';

// App Service's shared front end sets its ARR affinity cookie on the responses it routes, and answers with
// its own ":( Application Error" page when the site's (Linux) app or container is not running.
export const azureAppService: Infrastructure = {
  id: 'azure-app-service',
  name: 'Azure App Service',
  role: 'platform',
  headers: [{ header: 'set-cookie', value: /\bARRAffinity(?:SameSite)?=/ }],
  page: {
    proves: [
      /(?::\( )?\bApplication Error\b.{0,40}\bIf you are the application administrator, you can access the diagnostic resources\b/i,
    ],
  },
  statuses: {
    502: { meaningKey: 'ctx_app_service_5xx', fixer: 'site-owner', hop: 'origin' },
    503: { meaningKey: 'ctx_app_service_5xx', fixer: 'site-owner', hop: 'origin' },
  },
  sources: [
    'https://learn.microsoft.com/en-us/azure/app-service/troubleshoot-http-502-http-503',
    'https://learn.microsoft.com/en-us/cli/azure/webapp/troubleshoot?view=azure-cli-latest',
    'https://github.com/dotnet/corefx/issues/26652',
    'https://github.com/cyberboysumanjay/APIs/issues/9',
    'https://github.com/Azure-Samples/azure-search-openai-demo/issues/483',
    'https://github.com/microsoft/simplechat/issues/267',
  ],
};
