// Response headers of real failing pages, as webRequest reports them (names as sent), one per provider.
// Copied from captured responses; ids and dates changed.
export interface HeaderSet {
  status: number;
  headers: { name: string; value: string }[];
}

const h = (status: number, raw: string): HeaderSet => ({
  status,
  headers: raw
    .trim()
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
    }),
});

export const HEADER_SETS = {
  cloudflare522: h(
    522,
    `
Date: Tue, 18 Jul 2023 10:12:31 GMT
Content-Type: text/html; charset=UTF-8
Content-Length: 6963
Connection: close
X-Frame-Options: SAMEORIGIN
Referrer-Policy: same-origin
Cache-Control: private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0
Expires: Thu, 01 Jan 1970 00:00:01 GMT
Server: cloudflare
CF-RAY: 7e8a1b2c3d4e5f60-FRA
alt-svc: h3=":443"; ma=86400`,
  ),
  nginx502: h(
    502,
    `
Server: nginx/1.18.0 (Ubuntu)
Date: Tue, 18 Jul 2023 10:12:31 GMT
Content-Type: text/html
Content-Length: 166
Connection: keep-alive`,
  ),
  alb502: h(
    502,
    `
Server: awselb/2.0
Date: Tue, 18 Jul 2023 10:12:31 GMT
Content-Type: text/html
Content-Length: 122
Connection: keep-alive`,
  ),
  alb504: h(
    504,
    `
Server: awselb/2.0
Date: Tue, 18 Jul 2023 10:13:31 GMT
Content-Type: text/html
Content-Length: 132
Connection: keep-alive`,
  ),
  cloudfront504: h(
    504,
    `
Server: CloudFront
Date: Tue, 18 Jul 2023 10:12:31 GMT
Content-Type: text/html
Content-Length: 1033
Connection: keep-alive
X-Cache: Error from cloudfront
Via: 1.1 3f2a8c9e0b1d2e3f4a5b6c7d8e9f0a1b.cloudfront.net (CloudFront)
X-Amz-Cf-Pop: FRA56-P5
X-Amz-Cf-Id: q0mK1Xb3Pz9a7yT2Hw8sN4vC6dE5fG1hJ2kL3mN4oP5qR6sT7uV8wA==`,
  ),
  fastly503: h(
    503,
    `
Server: Varnish
Retry-After: 0
Content-Type: text/html; charset=utf-8
Accept-Ranges: bytes
Date: Tue, 18 Jul 2023 10:12:31 GMT
Via: 1.1 varnish
Connection: close
X-Served-By: cache-fra-eddf8230045-FRA
X-Cache: MISS
X-Cache-Hits: 0
X-Timer: S1689675151.123456,VS0,VE15002
Content-Length: 449`,
  ),
  akamai503: h(
    503,
    `
Server: AkamaiGHost
Mime-Version: 1.0
Content-Type: text/html
Content-Length: 176
Expires: Tue, 18 Jul 2023 10:12:31 GMT
Date: Tue, 18 Jul 2023 10:12:31 GMT
Connection: close
Akamai-GRN: 0.5c1d2f17.1689675151.1a2b3c4d`,
  ),
  vercel504: h(
    504,
    `
Cache-Control: public, max-age=0, must-revalidate
Content-Type: text/plain; charset=utf-8
Date: Tue, 18 Jul 2023 10:12:31 GMT
Server: Vercel
Strict-Transport-Security: max-age=63072000
X-Vercel-Error: FUNCTION_INVOCATION_TIMEOUT
X-Vercel-Id: fra1::iad1::8xk2p-1689675151000-0a1b2c3d4e5f
Content-Length: 84`,
  ),
  netlify502: h(
    502,
    `
Age: 0
Cache-Control: no-cache
Cache-Status: "Netlify Edge"; fwd=miss
Content-Type: text/html; charset=utf-8
Date: Tue, 18 Jul 2023 10:12:31 GMT
Server: Netlify
Strict-Transport-Security: max-age=31536000
X-Nf-Request-Id: 01H5N8Z3Q7K2V9W4X6Y8Z0A1B2
Content-Length: 4120`,
  ),
  herokuH12: h(
    503,
    `
Connection: keep-alive
Server: Cowboy
Date: Tue, 18 Jul 2023 10:12:31 GMT
Content-Length: 506
Content-Type: text/html; charset=utf-8
Cache-Control: no-cache, no-store
Report-To: {"group":"heroku-nel","max_age":3600,"endpoints":[{"url":"https://nel.heroku.com/reports?ts=1689675151"}]}
Via: 1.1 vegur`,
  ),
  google502: h(
    502,
    `
Content-Type: text/html; charset=UTF-8
Referrer-Policy: no-referrer
Content-Length: 1613
Date: Tue, 18 Jul 2023 10:12:31 GMT
Server: gws
Alt-Svc: h3=":443"; ma=2592000`,
  ),
  googleFrontend503: h(
    503,
    `
Content-Type: text/html; charset=utf-8
X-Cloud-Trace-Context: 4bf92f3577b34da6a3ce929d0e0e4736;o=1
Date: Tue, 18 Jul 2023 10:12:31 GMT
Server: Google Frontend
Content-Length: 275`,
  ),
  azureFrontDoor503: h(
    503,
    `
Content-Type: text/html
Date: Tue, 18 Jul 2023 10:12:31 GMT
X-Azure-Ref: 20230718T101231Z-9w8v7u6t5s4r3q2p1o0n00000000000000000000a1b2
X-Cache: CONFIG_NOCACHE
Content-Length: 3172`,
  ),
  varnishGuru503: h(
    503,
    `
Date: Tue, 18 Jul 2023 10:12:31 GMT
Server: Varnish
Content-Type: text/html; charset=utf-8
Retry-After: 5
X-Varnish: 32770
Age: 0
Via: 1.1 varnish (Varnish/6.0)
Content-Length: 282
Connection: keep-alive`,
  ),
  envoy503: h(
    503,
    `
content-length: 91
content-type: text/plain
date: Tue, 18 Jul 2023 10:12:31 GMT
server: envoy`,
  ),
  caddy502: h(
    502,
    `
Server: Caddy
Date: Tue, 18 Jul 2023 10:12:31 GMT
Content-Length: 0`,
  ),
  litespeed503: h(
    503,
    `
Content-Type: text/html
Cache-Control: private, no-cache, max-age=0
Pragma: no-cache
Content-Length: 1229
Date: Tue, 18 Jul 2023 10:12:31 GMT
Server: LiteSpeed
Connection: close`,
  ),
  iis500: h(
    500,
    `
Cache-Control: private
Content-Type: text/html; charset=utf-8
Server: Microsoft-IIS/10.0
X-AspNet-Version: 4.0.30319
X-Powered-By: ASP.NET
Date: Tue, 18 Jul 2023 10:12:31 GMT
Content-Length: 3420`,
  ),
  tomcat500: h(
    500,
    `
Server: Apache-Coyote/1.1
Content-Type: text/html;charset=utf-8
Content-Language: en
Content-Length: 1024
Date: Tue, 18 Jul 2023 10:12:31 GMT
Connection: close`,
  ),
  unknown500: h(
    500,
    `
Content-Type: text/html; charset=utf-8
Date: Tue, 18 Jul 2023 10:12:31 GMT
Set-Cookie: session=abc123; Path=/; HttpOnly
X-Request-Id: 6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b
Content-Length: 21`,
  ),
};
