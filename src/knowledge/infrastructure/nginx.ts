import type { Infrastructure, StatusMeaning } from './entry';

/** The stock page is "<h1>502 Bad Gateway</h1> … <hr><center>nginx/1.18.0</center>" and nothing else. */
export const stockPage = (product: string): RegExp =>
  new RegExp(`^(?:\\d{3} [A-Za-z][A-Za-z -]{0,40} ){1,2}${product}(?:/[0-9.]{1,20})?(?: \\([^)]{1,40}\\))?$`, 'i');

/** What a reverse proxy means by a gateway status it generated ($2 = its name). */
export const GATEWAY_STATUSES: Partial<Record<number, StatusMeaning>> = {
  502: { meaningKey: 'ctx_proxy_502', fixer: 'site-owner', hop: 'origin' },
  503: { meaningKey: 'ctx_proxy_503', fixer: 'site-owner', hop: 'origin' },
  504: { meaningKey: 'ctx_proxy_504', fixer: 'site-owner', hop: 'origin' },
};

const stockCode = {
  code: 'stock',
  meaningKey: 'bodyReason_nginx_stock',
  fixer: 'site-owner' as const,
  hop: 'origin' as const,
};

export const nginx: Infrastructure = {
  id: 'nginx',
  name: 'nginx',
  role: 'server',
  headers: [{ header: 'server', value: /^nginx(?=$|[/\s(])/i }],
  page: { proves: [stockPage('nginx')] },
  codes: [{ ...stockCode, text: stockPage('nginx') }],
  statuses: { ...GATEWAY_STATUSES, 502: { meaningKey: 'ctx_nginx_502', fixer: 'site-owner', hop: 'origin' } },
  sources: ['https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c'],
};

export const openresty: Infrastructure = {
  id: 'openresty',
  name: 'OpenResty',
  role: 'server',
  headers: [{ header: 'server', value: /^openresty(?=$|[/\s(])/i }],
  // OpenResty Inc.'s CDN signs its pages "OpenResty Edge 2" and sends a Req-ID header.
  page: { proves: [stockPage('openresty(?: edge \\d{1,3})?')] },
  traceIds: ['req-id'],
  codes: [{ ...stockCode, text: stockPage('openresty(?: edge \\d{1,3})?') }],
  statuses: { ...GATEWAY_STATUSES, 502: { meaningKey: 'ctx_nginx_502', fixer: 'site-owner', hop: 'origin' } },
  sources: [
    'https://github.com/openresty/openresty',
    'https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c',
    'https://github.com/openresty/openresty.org/issues/92',
    'https://github.com/openresty/openresty/issues/394',
  ],
};

// ingress-nginx strips the Server header by default (server-tokens off); its default backend names itself.
export const ingressNginx: Infrastructure = {
  id: 'ingress-nginx',
  name: 'ingress-nginx',
  role: 'proxy',
  headers: [],
  page: { proves: [/^default backend - 404$/] },
  codes: [
    {
      code: 'default-backend',
      text: /^default backend - 404$/,
      meaningKey: 'bodyReason_ingress_default_backend',
      fixer: 'site-owner',
      hop: 'gateway',
    },
  ],
  statuses: GATEWAY_STATUSES,
  hides: ['nginx'],
  sources: [
    'https://github.com/kubernetes/ingress-nginx/blob/1614027cd42aa3fac53d62afc235b86adec7543d/docs/examples/multi-tls/README.md',
    'https://github.com/kubernetes/ingress-nginx/blob/dbb11b92ddb77bee9c35e462479129354c84f939/rootfs/etc/nginx/template/nginx.tmpl#L338-L341',
  ],
};
