import type { Infrastructure } from './entry';

// Behind CloudFront (edge-optimised APIs) both show: API Gateway, not CloudFront, generated its errors.
export const awsApiGateway: Infrastructure = {
  id: 'aws-api-gateway',
  name: 'Amazon API Gateway',
  role: 'platform',
  headers: [{ header: 'x-amz-apigw-id' }],
  errorHeaders: [{ header: 'x-amzn-errortype', value: /^([A-Za-z]{3,80})/ }],
  traceIds: ['x-amz-apigw-id', 'x-amzn-requestid', 'x-amzn-trace-id'],
  statusPage: 'https://health.aws.amazon.com/health/status',
  sources: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html',
    'https://docs.aws.amazon.com/apigateway/latest/api/CommonErrors.html',
  ],
};
