// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { OptionsPage } from '../../../src/options/OptionsPage';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../../src/model/settings';
import { HISTORY_KEY, type HistoryEntry } from '../../../src/model/history';
import { getMessage } from '../support/locale-messages';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const storedSettings = async () =>
  (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
afterEach(cleanup);

describe('options page', () => {
  it('refuses a bad address with a message tied to the field, and saves it once fixed', async () => {
    render(<OptionsPage />);
    const input = (await screen.findByLabelText('DNS-over-HTTPS resolver (JSON API)')) as HTMLInputElement;
    expect(input.value).toBe(DEFAULT_SETTINGS.endpoints.dohResolver);

    fireEvent.input(input, { target: { value: 'file:///etc/hosts' } });
    fireEvent.change(input);
    const error = await screen.findByText(
      /Enter a full address starting with https:\/\/\. Plain http:\/\/ is only for this computer/,
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(await storedSettings()).toBeUndefined();

    fireEvent.input(input, { target: { value: 'http://127.0.0.1:9/dns-query' } });
    expect(screen.queryByText(/Enter a full address/)).toBeNull();
    fireEvent.change(input);
    await waitFor(async () =>
      expect((await storedSettings())?.endpoints.dohResolver).toBe('http://127.0.0.1:9/dns-query'),
    );
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('saves a switch at once and follows changes made elsewhere', async () => {
    render(<OptionsPage />);
    const auto = (await screen.findByLabelText(/Run the automatic checks/)) as HTMLInputElement;
    expect(auto.checked).toBe(false);
    fireEvent.click(auto);
    await waitFor(async () => expect((await storedSettings())?.autoRunChecks).toBe(true));

    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, ownerMode: true } });
    await waitFor(() => expect((screen.getByLabelText(/Owner mode/) as HTMLInputElement).checked).toBe(true));
  });

  it('restores the default addresses, dropping an invalid draft', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: {
        ...DEFAULT_SETTINGS,
        endpoints: { ...DEFAULT_SETTINGS.endpoints, archive: 'http://127.0.0.1:9/{url}' },
      },
    });
    render(<OptionsPage />);
    const connectivity = (await screen.findByLabelText(/Connectivity test addresses/)) as HTMLTextAreaElement;
    fireEvent.input(connectivity, { target: { value: '' } });
    fireEvent.change(connectivity);
    await screen.findByText(/Enter at least one address/);

    fireEvent.click(screen.getByRole('button', { name: 'Restore default addresses' }));
    await waitFor(async () => expect((await storedSettings())?.endpoints).toEqual(DEFAULT_SETTINGS.endpoints));
    await waitFor(() => expect(screen.queryByText(/Enter at least one address/)).toBeNull());
    // Restoring remounts the field: look it up again.
    const restored = screen.getByLabelText(/Connectivity test addresses/) as HTMLTextAreaElement;
    expect(restored.value).toBe(DEFAULT_SETTINGS.endpoints.connectivity.join('\n'));
  });

  it('lists the history by site and clears it', async () => {
    const now = Date.now();
    const history: HistoryEntry[] = [
      { site: 'https://a.test', at: now - 60_000, failure: { type: 'http', status: 502 } },
      { site: 'https://b.test', at: now - 30_000, failure: { type: 'network', kind: 'dns' } },
      { site: 'https://a.test', at: now, failure: { type: 'http', status: 503 } },
    ];
    await fakeBrowser.storage.local.set({ [HISTORY_KEY]: history });
    render(<OptionsPage />);
    const list = await screen.findByRole('list', { name: 'Recent failures' });
    const sites = within(list)
      .getAllByText(/^https:\/\//)
      .map((el) => el.textContent);
    expect(sites).toEqual(['https://a.test', 'https://b.test']);
    expect(within(list).getByText(/2 failures · last: 503/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await screen.findByText('No failures recorded.');
    expect((await fakeBrowser.storage.local.get(HISTORY_KEY))[HISTORY_KEY]).toBeUndefined();
  });

  it('lists the hosts the current addresses would contact', async () => {
    render(<OptionsPage />);
    const table = await screen.findByRole('table');
    expect(within(table).getByText('cloudflare-dns.com')).toBeTruthy();
    expect(within(table).getByText('status.{domain}')).toBeTruthy();
    const archiveRow = within(table).getByText('archive.org').closest('tr') as HTMLElement;
    expect(within(archiveRow).getByText('Never: third-party look-ups are off')).toBeTruthy();
  });
});
