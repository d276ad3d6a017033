import type { Infrastructure } from './entry';

// `x-amzn-trace-id` alone is not a load balancer: API Gateway, Lambda and X-Ray send it too.
export const awsElb: Infrastructure = {
  id: 'aws-elb',
  name: 'AWS load balancer',
  role: 'load-balancer',
  headers: [{ header: 'server', value: /^awselb\b/i, generated: true }],
  traceIds: ['x-amzn-trace-id'],
  statuses: {
    502: { meaningKey: 'ctx_elb_502', fixer: 'site-owner', hop: 'origin' },
    503: { meaningKey: 'ctx_elb_503', fixer: 'site-owner', hop: 'origin' },
    504: { meaningKey: 'ctx_elb_504', fixer: 'site-owner', hop: 'origin' },
  },
  statusPage: 'https://health.aws.amazon.com/health/status',
  sources: [
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html',
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-request-tracing.html',
  ],
};
