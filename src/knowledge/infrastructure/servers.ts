// Web servers that, as reverse proxies, generate gateway errors of their own.
import type { Infrastructure } from './entry';
import { GATEWAY_STATUSES } from './nginx';

export const apache: Infrastructure = {
  id: 'apache',
  name: 'Apache',
  role: 'server',
  // "Apache-Coyote" is Tomcat, not Apache httpd.
  headers: [{ header: 'server', value: /^apache(?=$|[/\s(])/i }],
  page: {
    // The stock page's signature line: "Apache/2.4.41 (Ubuntu) Server at example.com Port 80".
    proves: [/\bApache(?:\/[0-9.]{1,20})?(?: \([^)]{1,40}\))? Server at \S{1,253} Port \d{1,5}\b/],
  },
  statuses: GATEWAY_STATUSES,
  sources: ['https://github.com/apache/httpd/blob/trunk/modules/http/http_protocol.c', 'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html'],
};

export const caddy: Infrastructure = {
  id: 'caddy',
  name: 'Caddy',
  role: 'server',
  headers: [{ header: 'server', value: /^caddy(?=$|[/\s(])/i }],
  statuses: GATEWAY_STATUSES,
  sources: ['https://caddyserver.com/docs/caddyfile/directives/reverse_proxy'],
};

export const litespeed: Infrastructure = {
  id: 'litespeed',
  name: 'LiteSpeed',
  role: 'server',
  headers: [{ header: 'server', value: /^litespeed(?=$|[/\s(])/i }, { header: 'x-litespeed-cache' }],
  statuses: GATEWAY_STATUSES,
  sources: ['https://docs.litespeedtech.com/lsws/'],
};

export const iis: Infrastructure = {
  id: 'iis',
  name: 'Microsoft IIS',
  role: 'server',
  // HTTP.sys, the kernel driver under IIS, names itself when it answers before IIS does.
  headers: [{ header: 'server', value: /^Microsoft-(?:IIS|HTTPAPI)(?=$|[/\s(])/i }],
  page: {
    proves: [
      /\bHTTP Error \d{3}\.\d{1,2} - /, /\bHTTP Error 503\. The service is unavailable\./,
      /\b50\d - Web server received an invalid response while acting as a gateway or proxy server\./,
    ],
    code: [/\bHTTP Error (\d{3}\.\d{1,2}) - /],
  },
  traceIds: ['request-id', 'x-ms-request-id'],
  statuses: GATEWAY_STATUSES,
  sources: ['https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/www-administration-management/http-status-code'],
};

export const gunicorn: Infrastructure = {
  id: 'gunicorn',
  name: 'Gunicorn',
  role: 'app-server',
  headers: [{ header: 'server', value: /^gunicorn(?=$|[/\s(])/i }],
  sources: ['https://github.com/benoitc/gunicorn/blob/master/gunicorn/util.py', 'https://docs.gunicorn.org/en/stable/'],
};
