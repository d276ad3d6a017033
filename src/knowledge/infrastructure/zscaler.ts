import type { Infrastructure } from './entry';

// Zscaler is a proxy on the person's own (company) network: when it answers, the broken link is that
// network's policy, and the network's admin decides.
export const zscaler: Infrastructure = {
  id: 'zscaler',
  name: 'Zscaler',
  role: 'client-proxy',
  headers: [{ header: 'server', value: /^Zscaler\//i, generated: true }],
  page: { proves: [/\bInternet Security by Zscaler\b/i] },
  codes: [
    // The block notification's reason ("Not allowed to browse Gambling category") and its reason code.
    {
      code: 'CATEGORY_DENIED',
      text: /\bNot allowed to browse\b/i,
      meaningKey: 'bodyReason_zscaler_CATEGORY_DENIED',
      fixer: 'network',
      hop: 'network',
    },
  ],
  statuses: { 403: { meaningKey: 'ctx_zscaler_403', fixer: 'network', hop: 'network' } },
  sources: [
    'https://help.zscaler.com/unified/configuring-block-notifications',
    'https://help.zscaler.com/zia/block-custom-notification',
    'https://github.com/Ekultek/WhatWaf/issues/178',
  ],
};
