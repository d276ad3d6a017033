// The guided steps, in the order the popup offers them. Adding a step = one file + one line here.
import type { CheckId } from '../model/checks';
import type { Check } from './check';
import { cleanRequest } from './clean-request';
import { clearSiteData } from './clear-site-data';
import { dns } from './dns';
import { network } from './network';
import { privateWindow } from './private-window';
import { reload } from './reload';
import { statusPage } from './status-page';
import { archivedCopy } from './archived-copy';
import { otherLocations } from './other-locations';

export const CHECKS: Check[] = [
  reload,
  cleanRequest,
  clearSiteData,
  privateWindow,
  network,
  dns,
  statusPage,
  archivedCopy,
  otherLocations,
];

export function checkById(id: CheckId): Check | undefined {
  return CHECKS.find((check) => check.id === id);
}
