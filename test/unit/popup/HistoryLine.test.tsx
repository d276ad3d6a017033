// @vitest-environment happy-dom
// The popup's history line, read from the local history (the options page lists the same entries).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { HistoryLine } from '../../../src/popup/HistoryLine';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/model/settings';
import { HISTORY_KEY, type HistoryEntry } from '../../../src/model/history';
import { getMessage } from '../support/locale-messages';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
afterEach(cleanup);

describe('HistoryLine', () => {
  const now = Date.now();
  const history: HistoryEntry[] = [
    { site: 'https://a.test', at: now - 1000, failure: { type: 'http', status: 502 } },
    { site: 'https://a.test', at: now, failure: { type: 'network', kind: 'timeout' } },
  ];

  it('says how often this site failed today', async () => {
    await fakeBrowser.storage.local.set({ [HISTORY_KEY]: history });
    render(<HistoryLine url="https://a.test/page" />);
    expect((await screen.findByText(/This site failed 2 times today/)).textContent).toMatch(/last: timeout at /);
  });

  it('says nothing for another site, or when history is off', async () => {
    await fakeBrowser.storage.local.set({
      [HISTORY_KEY]: history,
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, historyEnabled: false },
    });
    const { container } = render(
      <>
        <HistoryLine url="https://a.test/page" />
        <HistoryLine url="https://other.test/" />
      </>,
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
  });
});
