// The reason an error page's own text gave (platform, code, reference), as stored with the incident.

export type BodyPlatform = 'vercel' | 'cloudflare' | 'akamai' | 'cloudfront' | 'heroku' | 'nginx';

export interface BodyReason {
  platform: BodyPlatform;
  /** The platform's own code: 'FUNCTION_INVOCATION_TIMEOUT', '1016', 'origin-connect' … */
  code: string;
  /** An id the platform's support or logs know the request by. */
  reference?: string;
}
