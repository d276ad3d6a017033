import type { Infrastructure } from './entry';

// Lambda function URLs (https://<id>.lambda-url.<region>.on.aws). Their headers are those of many AWS
// services (x-amzn-RequestId, x-amzn-ErrorType), so only the page names them: the refusal's JSON message
// points to the function URL authorization guide.
export const awsLambdaUrl: Infrastructure = {
  id: 'aws-lambda-url',
  name: 'AWS Lambda function URL',
  role: 'platform',
  headers: [],
  page: { proves: [/"Message"\s?:\s?"Forbidden\. For troubleshooting Function URL authorization issues\b/] },
  codes: [
    {
      code: 'AccessDeniedException',
      text: /\bFunction URL authorization issues\b/,
      meaningKey: 'bodyReason_lambda_url_forbidden',
      fixer: 'site-owner',
      hop: 'gateway',
    },
  ],
  traceIds: ['x-amzn-requestid', 'x-amzn-trace-id'],
  statusPage: 'https://health.aws.amazon.com/health/status',
  sources: [
    'https://github.com/awsdocs/aws-lambda-developer-guide/issues/494',
    'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
    'https://github.com/awslabs/aws-sdk-rust/issues/515',
    'https://github.com/aws/aws-lambda-web-adapter/issues/491',
  ],
};
