// Who fixes it and where the chain broke when a layer generated an error its entry has no meaning for.
import type { Role } from '../../model/infrastructure';
import type { VendorCode } from './entry';

type Meaning = Pick<VendorCode, 'meaningKey' | 'fixer' | 'hop'>;

const CLIENT_PROXY: Meaning = { meaningKey: 'layer_client_proxy', fixer: 'network', hop: 'network' };
const EDGE: Meaning = { meaningKey: 'layer_edge', fixer: 'site-owner', hop: 'gateway' };
const ORIGIN: Meaning = { meaningKey: 'layer_origin', fixer: 'site-owner', hop: 'origin' };

export function defaultMeaning(role: Role): Meaning {
  if (role === 'client-proxy') return CLIENT_PROXY;
  return role === 'server' || role === 'app-server' ? ORIGIN : EDGE;
}

export const DEFAULT_MEANING_KEYS = [CLIENT_PROXY.meaningKey, EDGE.meaningKey, ORIGIN.meaningKey];
