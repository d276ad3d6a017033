// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { nginxIncident, resetWithKeyMessages } from '../support/popup-fixtures';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { IncidentView } = await import('../../../src/popup/IncidentView');

beforeEach(resetWithKeyMessages);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('IncidentView as a sample (the welcome page)', () => {
  it('tells the background nothing: no port, no message (Firefox keeps its event page up while a port is open)', async () => {
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const { container } = render(<IncidentView tabId={-1} incident={nginxIncident()} sample />);
    await new Promise((r) => setTimeout(r, 20));
    expect(container.querySelector('.incident-header .code')?.textContent).toBe('502');
    // Explained like the popup, but without a button that would act on a tab.
    expect(container.querySelector('section.verdict button')).toBeNull();
    expect(connect).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('the popup itself does tell the background it opened (the check above would notice a missing call)', async () => {
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect');
    render(<IncidentView tabId={7} incident={nginxIncident()} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(connect).toHaveBeenCalled();
  });
});
