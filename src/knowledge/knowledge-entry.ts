// The shape every knowledge table shares: one entry per status code or network error kind.
import type { CheckId } from '../model/checks';
import type { Fixer, Hop } from '../model/infrastructure';
import { messageKey } from '../model/message-key';

export const HOPS: readonly Hop[] = ['you', 'network', 'gateway', 'origin'];
export const FIXERS: readonly Fixer[] = ['you', 'network', 'site-owner', 'hosting'];

export interface KnowledgeEntry {
  /** i18n key of the short title. */
  titleKey: string;
  /** i18n key of 2–3 plain sentences. */
  summaryKey: string;
  /** i18n keys of likely causes, most likely first. */
  causeKeys: string[];
  /** Who usually fixes it, most likely first. */
  fixers: Fixer[];
  failingHop: Hop;
  /** Guided steps that help, most useful first. */
  steps: CheckId[];
}

/** i18n key naming a fixer: 'site-owner' → 'fixer_site_owner' (Chrome keys allow no '-'). */
export const fixerKey = (fixer: Fixer): string => messageKey('fixer', fixer);

/** i18n key naming a hop: 'origin' → 'hop_origin'. */
export const hopKey = (hop: Hop): string => messageKey('hop', hop);
