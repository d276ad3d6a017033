// Pure: what the toolbar badge shows for a tab's record.
import type { Failure, NetworkErrorKind } from '../model/failure';
import type { TabRecord } from '../model/incident';
import { showsBack } from '../knowledge/watch-schedule';

/** Which toolbar icon a tab shows: the plain mark, with a red "!" dot, or with a green tick dot. */
export type IconVariant = 'normal' | 'error' | 'back';

export interface BadgeLook {
  text: string;
  color: string;
  /** i18n key for the button's title (tooltip), with the badge text as $1. */
  titleKey: string;
  icon: Exclude<IconVariant, 'normal'>;
}

/** The icon files of a variant (rendered by scripts/make-icons.mjs), for `action.setIcon({ path })`. */
export function iconPath(variant: IconVariant): Record<'16' | '32', string> {
  // Absolute: Chrome resolves a relative path against the worker script, which lives in a sub-folder.
  return { '16': `/icons/icon-${variant}-16.png`, '32': `/icons/icon-${variant}-32.png` };
}

const NETWORK_WORDS: Record<NetworkErrorKind, string> = {
  dns: 'DNS',
  refused: 'CONN',
  reset: 'CONN',
  timeout: 'TIME',
  tls: 'TLS',
  offline: 'OFF',
  unreachable: 'NET',
  protocol: 'ERR',
  blocked: 'BLK',
  other: 'ERR',
};

// Colours by class; the text always carries the meaning too (colour is never the only signal).
const SERVER_RED = '#b3261e';
const EDGE_ORANGE = '#a04a00';
const NETWORK_PURPLE = '#5b3fa0';
const BACK_GREEN = '#1b6e2e';

export function badgeFor(record: TabRecord | undefined): BadgeLook | null {
  // A watched site answered again while the tab still shows the error page (or its 429: never an alarm).
  if (showsBack(record)) return { text: 'OK', color: BACK_GREEN, titleKey: 'badgeTitleBack', icon: 'back' };
  // Only an incident (5xx, network failure) raises an alarm: a refusal (4xx) or a challenge never does.
  const failure = record?.incident?.failure;
  return failure ? failureBadge(failure) : null;
}

/** A failure's own badge: what a tab shows for its incident (unless a watch says the site is back). */
export function failureBadge(failure: Failure): BadgeLook {
  if (failure.type === 'network') {
    return { text: NETWORK_WORDS[failure.kind], color: NETWORK_PURPLE, titleKey: 'badgeTitleNetwork', icon: 'error' };
  }
  const isEdgeCode = failure.status >= 520 && failure.status <= 530;
  // The detector only records 500–599; anything else would not fit the badge's four characters.
  const text =
    Number.isInteger(failure.status) && failure.status >= 100 && failure.status <= 999 ? String(failure.status) : 'ERR';
  return { text, color: isEdgeCode ? EDGE_ORANGE : SERVER_RED, titleKey: 'badgeTitleHttp', icon: 'error' };
}
