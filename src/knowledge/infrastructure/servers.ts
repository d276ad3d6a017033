// Web servers that, as reverse proxies, generate gateway errors of their own.
import type { Infrastructure, VendorCode } from './entry';
import { GATEWAY_STATUSES } from './nginx';

const proxyReason = (code: string, reason: string, key: string): VendorCode => ({
  code,
  text: new RegExp(`\\bReason: ${reason}`),
  meaningKey: `bodyReason_apache_${key}`,
  fixer: 'site-owner',
  hop: 'origin',
});

export const apache: Infrastructure = {
  id: 'apache',
  name: 'Apache',
  role: 'server',
  // "Apache-Coyote" is Tomcat, not Apache httpd.
  headers: [{ header: 'server', value: /^apache(?=$|[/\s(])/i }],
  page: {
    // The stock page's signature line: "Apache/2.4.41 (Ubuntu) Server at example.com Port 80".
    proves: [
      /\bApache(?:\/[0-9.]{1,20})?(?: \([^)]{1,40}\))? Server at \S{1,253} Port \d{1,5}\b/,
      /\bThe proxy server received an invalid response from an upstream server\./,
      /\bwhile trying to use an ErrorDocument to handle the request\./,
      // httpd's canned 503 text, also when the signature line is switched off (ServerSignature Off).
      /\bThe server is temporarily unable to service your request due to maintenance downtime or capacity problems\. Please try again later\./,
    ],
  },
  // mod_proxy prints why it gave up: "Reason: <strong>Error reading from remote server</strong>".
  codes: [
    proxyReason('read-remote', 'Error reading from remote server', 'read_remote'),
    proxyReason('ssl-handshake', 'Error during SSL Handshake with remote server', 'ssl_handshake'),
    proxyReason('dns-failure', 'DNS lookup failure for: ', 'dns'),
    {
      code: 'errordocument-failed',
      text: /\bwhile trying to use an ErrorDocument to handle the request\./,
      meaningKey: 'bodyReason_apache_errordocument',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  statuses: GATEWAY_STATUSES,
  sources: [
    'https://github.com/apache/httpd/blob/trunk/modules/http/http_protocol.c',
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html',
    'https://github.com/apache/httpd/blob/f4c1e18ead5d642698034b831121cbb82b55f60e/modules/proxy/proxy_util.c#L412-L429',
    'https://github.com/apache/httpd/blob/f4c1e18ead5d642698034b831121cbb82b55f60e/modules/proxy/proxy_util.c#L5088-L5094',
  ],
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
  page: {
    proves: [/\bThe server is temporarily busy, try again later!/, /\bProudly powered by LiteSpeed Web Server\b/],
  },
  codes: [
    {
      code: 'busy',
      text: /\bThe server is temporarily busy, try again later!/,
      meaningKey: 'bodyReason_litespeed_busy',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  statuses: GATEWAY_STATUSES,
  sources: [
    'https://docs.litespeedtech.com/lsws/',
    'https://github.com/litespeedtech/openlitespeed/blob/3d16d477cdc5b9dd6e43247f5934fdf649503f54/src/http/httpstatuscode.cpp#L148-L149',
  ],
};

export const iis: Infrastructure = {
  id: 'iis',
  name: 'Microsoft IIS',
  role: 'server',
  // HTTP.sys, the kernel driver under IIS, names itself when it answers before IIS does.
  headers: [{ header: 'server', value: /^Microsoft-(?:IIS|HTTPAPI)(?=$|[/\s(])/i }],
  page: {
    proves: [
      /\bHTTP Error \d{3}\.\d{1,2} - /,
      /\bHTTP Error 503\. The service is unavailable\./,
      /\b50\d - Web server received an invalid response while acting as a gateway or proxy server\./,
    ],
    code: [/\bHTTP Error (\d{3}\.\d{1,2}) - /],
  },
  traceIds: ['request-id', 'x-ms-request-id'],
  statuses: GATEWAY_STATUSES,
  sources: [
    'https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/iis/www-administration-management/http-status-code',
  ],
};

export const gunicorn: Infrastructure = {
  id: 'gunicorn',
  name: 'Gunicorn',
  role: 'app-server',
  headers: [{ header: 'server', value: /^gunicorn(?=$|[/\s(])/i }],
  sources: ['https://github.com/benoitc/gunicorn/blob/master/gunicorn/util.py', 'https://docs.gunicorn.org/en/stable/'],
};
