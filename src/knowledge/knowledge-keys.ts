// Enumerates every knowledge entry and every i18n key the knowledge can hand out, so a test can prove
// each one exists in _locales without knowing the tables.
import { NETWORK_ERROR_KINDS } from '../model/failure';
import { INFRASTRUCTURE } from './infrastructure';
import { entryKeys as infrastructureKeys } from './infrastructure/entry-parts';
import { DEFAULT_MEANING_KEYS } from './infrastructure/role-defaults';
import { BODY_REASON_KEYS } from './body-reason';
import { PROXY_ERROR_KEYS } from './proxy-status';
import { FIXERS, fixerKey, HOPS, hopKey, type KnowledgeEntry } from './knowledge-entry';
import { NETWORK_KNOWLEDGE, NETWORK_REFINEMENTS } from './network-knowledge';
import { GENERIC_5XX, GENERIC_HTTP_ERROR, STATUS_CODES } from './status-codes';

/** Every entry, with an id shaped like failureKey(): 'http502', 'net-dns', plus the fallbacks. */
export const KNOWLEDGE_ENTRIES: readonly { id: string; entry: KnowledgeEntry }[] = [
  ...[...STATUS_CODES].map(([status, entry]) => ({ id: `http${status}`, entry })),
  { id: 'http5xx', entry: GENERIC_5XX },
  { id: 'http-error', entry: GENERIC_HTTP_ERROR },
  ...NETWORK_ERROR_KINDS.map((kind) => ({ id: `net-${kind}`, entry: NETWORK_KNOWLEDGE[kind] })),
  ...NETWORK_REFINEMENTS.map(({ id, entry }) => ({ id: `net-${id}`, entry })),
];

const entryKeys = (entry: KnowledgeEntry): string[] => [entry.titleKey, entry.summaryKey, ...entry.causeKeys];

/** Every i18n key the knowledge module can return, without duplicates. */
export const KNOWLEDGE_KEYS: readonly string[] = [
  ...new Set([
    ...KNOWLEDGE_ENTRIES.flatMap(({ entry }) => entryKeys(entry)),
    ...INFRASTRUCTURE.flatMap(infrastructureKeys),
    ...DEFAULT_MEANING_KEYS,
    ...BODY_REASON_KEYS,
    ...PROXY_ERROR_KEYS,
    ...FIXERS.map(fixerKey),
    ...HOPS.map(hopKey),
  ]),
];
