import type { Infrastructure } from './entry';

// Behind CloudFront (edge-optimised APIs) both show: API Gateway, not CloudFront, generated its errors.
export const awsApiGateway: Infrastructure = {
  id: 'aws-api-gateway',
  name: 'Amazon API Gateway',
  role: 'platform',
  // REST APIs send x-amz-apigw-id; HTTP APIs send apigw-requestid.
  headers: [{ header: 'x-amz-apigw-id' }, { header: 'apigw-requestid' }],
  // Lambda function URLs and other AWS services send x-amzn-ErrorType too.
  errorHeaders: [{ header: 'x-amzn-errortype', value: /^([A-Za-z]{3,80})/, onlyWhenShown: true }],
  // Its default gateway responses are a bare JSON message: {"message": "Internal server error"}.
  page: { proves: [/^\s?\{\s?"message"\s?:\s?"(?:Internal server error|Endpoint request timed out)"\s?\}\s?$/] },
  codes: [
    {
      code: 'INTEGRATION_TIMEOUT',
      text: /"Endpoint request timed out"/,
      meaningKey: 'bodyReason_apigw_INTEGRATION_TIMEOUT',
      fixer: 'site-owner',
      hop: 'origin',
    },
    {
      code: 'internal-server-error',
      text: /"Internal server error"/,
      meaningKey: 'bodyReason_apigw_internal',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  otherCodeKey: 'bodyReason_apigw_other',
  traceIds: ['x-amz-apigw-id', 'apigw-requestid', 'x-amzn-requestid', 'x-amzn-trace-id'],
  statusPage: 'https://health.aws.amazon.com/health/status',
  sources: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html',
    'https://docs.aws.amazon.com/apigateway/latest/api/CommonErrors.html',
    'https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html',
    'https://aws.amazon.com/premiumsupport/knowledge-center/api-gateway-troubleshoot-403-forbidden/',
    'https://github.com/request/request-promise/issues/154',
    'https://github.com/cortexlabs/cortex/issues/1225',
  ],
};
