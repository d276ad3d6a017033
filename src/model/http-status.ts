// What a status code means for "does the site answer", and which link of the chain it points at.
import type { Hop } from './infrastructure';

/** The site answered normally: 2xx, or a 3xx redirect to its content. */
export const isOkStatus = (status: number | undefined): boolean =>
  status !== undefined && status >= 200 && status < 400;

/** Where a status code alone points, before any layer is known: 511 comes from a captive portal on the person's own network, any other from the site's side. */
export const statusHop = (status: number): Hop => (status === 511 ? 'network' : 'origin');
