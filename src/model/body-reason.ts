// What an error page's own text said (its vendor, code, reference and what that means), as stored with the
// incident (the tab's reading) or in the clean-request step's facts.
import type { Fixer, Hop, InfraId, Role } from './infrastructure';

export interface BodyReason {
  /** The infrastructure whose page it is. */
  platform: InfraId;
  /** Its product name ("Cloudflare"), never translated. */
  name: string;
  role: Role;
  /** The vendor's code as the page prints it ('1016', 'FUNCTION_INVOCATION_TIMEOUT', '502.3'); null when it prints none. */
  code: string | null;
  /** An id the vendor's support or logs know the request by (Ray ID, Akamai's reference). */
  reference?: string;
  /** i18n key of what it means in plain words ($1 = the code, $2 = the name); absent when we cannot say. */
  meaningKey?: string;
  fixer?: Fixer;
  hop?: Hop;
}
