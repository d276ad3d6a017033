// Every key the options page and the history line build from data exists in the English locale.
import { describe, expect, it } from 'vitest';
import { ENDPOINT_FIELDS } from '../../../src/options/endpoint-fields';
import { contactedHosts } from '../../../src/options/contacted-hosts';
import { NETWORK_ERROR_KINDS } from '../../../src/model/failure';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import messages from '../../../public/_locales/en/messages.json';

describe('options and history locale keys', () => {
  it('has a label and a hint for every endpoint field', () => {
    for (const f of ENDPOINT_FIELDS) {
      expect(messages, f.id).toHaveProperty(`endpoint_${f.id}_label`);
      expect(messages, f.id).toHaveProperty(`endpoint_${f.id}_hint`);
    }
  });
  it('has every host purpose and "when"', () => {
    const keys = [true, false].flatMap((on) =>
      contactedHosts({ ...DEFAULT_SETTINGS, thirdPartyLookups: on }).flatMap((h) => [...h.purposes.map((p) => `hostPurpose_${p}`), `hostWhen_${h.when}`]),
    );
    for (const key of keys) expect(messages).toHaveProperty(key);
  });
  it('has a short label for every network failure kind', () => {
    for (const kind of NETWORK_ERROR_KINDS) expect(messages).toHaveProperty(`historyNet_${kind}`);
  });
});
