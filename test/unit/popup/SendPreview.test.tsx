// @vitest-environment happy-dom
// "What this step sends": before a third-party step runs, the popup lists exactly its requests with the
// current settings — the page's path only once the person allowed it, never the query.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/model/settings';
import { outgoingRequests } from '../../../src/knowledge/outgoing-requests';
import { siteScopeOf } from '../../../src/knowledge/site-scope';
import { SendPreview } from '../../../src/popup/SendPreview';
import { getMessage } from '../support/locale-messages';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const incident = {
  url: 'https://shop.example.com/reset-password/tok123/confirm?token=secret',
  ip: '93.184.216.34',
  fingerprint: { edge: 'cloudflare' as const, server: null, traceIds: [] },
};

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
afterEach(cleanup);

async function shown(step: 'dns' | 'status-page' | 'archived-copy' | 'other-locations', settings: Partial<Settings>) {
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, ...settings } });
  const { container } = render(<SendPreview step={step} incident={incident} />);
  const details = container.querySelector('details')!;
  details.open = true;
  details.dispatchEvent(new Event('toggle'));
  await waitFor(() => expect(container.querySelector('details > ul, details > p')).not.toBeNull());
  return container;
}
const lines = (container: Element) => [...container.querySelectorAll('li')].map((li) => li.textContent ?? '');

describe('SendPreview', () => {
  it.each([false, true])('the archive look-up as sent (path allowed: %s), never the query', async (sharePagePath) => {
    const container = await shown('archived-copy', { thirdPartyLookups: true, sharePagePath });
    const [request] = outgoingRequests('archived-copy', {
      url: incident.url,
      ip: incident.ip,
      edge: 'cloudflare',
      scope: null,
      settings: { ...DEFAULT_SETTINGS, thirdPartyLookups: true, sharePagePath },
    });
    expect(lines(container)).toEqual([`GET ${request!.url}`]);
    expect(lines(container)[0]!.includes('tok123')).toBe(sharePagePath);
    expect(container.textContent).not.toContain('secret');
    expect(container.textContent).toContain(getMessage(sharePagePath ? 'sendsHint_pathOn' : 'sendsHint_pathOff'));
  });

  it('Globalping: the measurement body exactly as posted', async () => {
    const container = await shown('other-locations', { thirdPartyLookups: true });
    const [request] = outgoingRequests('other-locations', {
      url: incident.url,
      ip: incident.ip,
      edge: 'cloudflare',
      scope: null,
      settings: { ...DEFAULT_SETTINGS, thirdPartyLookups: true },
    });
    expect(container.querySelector('code')?.textContent).toBe(`POST ${request!.url}`);
    expect(JSON.parse(container.querySelector('pre')?.textContent ?? '')).toEqual(JSON.parse(request!.body!));
  });

  it("the status pages, the site's own by the Public Suffix List", async () => {
    const container = await shown('status-page', { thirdPartyLookups: true });
    const expected = outgoingRequests('status-page', {
      url: incident.url,
      ip: incident.ip,
      edge: 'cloudflare',
      scope: siteScopeOf('shop.example.com'),
      settings: { ...DEFAULT_SETTINGS, thirdPartyLookups: true },
    });
    expect(lines(container)).toEqual(expected.map((r) => `GET ${r.url}`));
    expect(lines(container)).toContain('GET https://status.example.com/api/v2/summary.json');
  });

  it('the DNS questions to the resolver of the settings, with look-ups off too', async () => {
    const container = await shown('dns', {
      thirdPartyLookups: false,
      endpoints: { ...DEFAULT_SETTINGS.endpoints, dohResolver: 'https://dns.quad9.net/dns-query' },
    });
    expect(lines(container)).toEqual([
      'GET https://dns.quad9.net/dns-query?name=shop.example.com&type=A',
      'GET https://dns.quad9.net/dns-query?name=shop.example.com&type=AAAA',
    ]);
  });

  it('look-ups off: it says nothing is sent, and why', async () => {
    const container = await shown('archived-copy', { thirdPartyLookups: false });
    expect(lines(container)).toEqual([]);
    expect(container.textContent).toContain(getMessage('sendsNothing_off'));
  });
});
