import type { Infrastructure } from './entry';

// Blue Coat (Symantec / Broadcom) ProxySG, a proxy on the person's own network. Its built-in exception
// pages carry the exception's id: "Access Denied (policy_denied)", "Network Error (tcp_error)".
const ids =
  'policy_denied|content_filter_denied|authentication_failed|authorization_failed|tcp_error|dns_unresolved_hostname|dns_server_failure|gateway_timeout';
const policy = { fixer: 'network' as const, hop: 'network' as const };

export const bluecoat: Infrastructure = {
  id: 'bluecoat',
  name: 'Blue Coat ProxySG',
  role: 'client-proxy',
  headers: [],
  page: {
    proves: [
      new RegExp(
        `\\b(?:Access Denied|Network Error|Content Filter Denied|Authentication Failed|DNS Failure) \\((?:${ids})\\)`,
        'i',
      ),
    ],
    code: [new RegExp(`\\((${ids})\\)`)],
  },
  codes: [
    { code: 'policy_denied', meaningKey: 'bodyReason_bluecoat_policy_denied', ...policy },
    { code: 'content_filter_denied', meaningKey: 'bodyReason_bluecoat_policy_denied', ...policy },
    {
      code: 'authentication_failed',
      meaningKey: 'bodyReason_bluecoat_authentication_failed',
      fixer: 'you',
      hop: 'network',
    },
    { code: 'tcp_error', meaningKey: 'bodyReason_bluecoat_tcp_error', fixer: 'site-owner', hop: 'origin' },
    { code: 'dns_unresolved_hostname', meaningKey: 'bodyReason_bluecoat_dns', fixer: 'site-owner', hop: 'origin' },
  ],
  otherCodeKey: 'bodyReason_bluecoat_other',
  sources: [
    'https://manualsdump.com/en/manuals/blue_coat_systems-proxy_sg/167273/69',
    'https://manualsdump.com/en/manuals/blue_coat_systems-proxy_sg/167273/178',
    'https://kb.bluecoat.com/index?page=content&id=FAQ360&cat=CONTENT_FILTERING&actp=LIST&showDraft=false',
    'https://ru.scribd.com/document/236681348/BCS-Tb-Exception-Pages-pdf',
  ],
};
