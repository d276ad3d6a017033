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

const stockCode = { code: 'stock', meaningKey: 'bodyReason_nginx_stock', fixer: 'site-owner' as const, hop: 'origin' as const };

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
  page: { proves: [stockPage('openresty')] },
  codes: [{ ...stockCode, text: stockPage('openresty') }],
  statuses: { ...GATEWAY_STATUSES, 502: { meaningKey: 'ctx_nginx_502', fixer: 'site-owner', hop: 'origin' } },
  sources: ['https://github.com/openresty/openresty', 'https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c'],
};
