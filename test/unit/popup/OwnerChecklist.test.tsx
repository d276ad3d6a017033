// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';

import { nginxIncident, resetWithKeyMessages } from '../support/popup-fixtures';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { OwnerChecklist } = await import('../../../src/popup/OwnerChecklist');

const incident = nginxIncident;

beforeEach(resetWithKeyMessages);
afterEach(() => cleanup());

describe('OwnerChecklist', () => {
  it('owner mode off: only the toggle, unticked, no checklist', async () => {
    render(<OwnerChecklist incident={incident()} />);
    const toggle = (await screen.findByLabelText('ownerModeToggle')) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    expect(screen.queryByRole('heading')).toBeNull();
  });
  it('reads owner mode from the settings and lists the nginx 502 items as checkboxes', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, ownerMode: true } });
    render(<OwnerChecklist incident={incident()} />);
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe('ownerChecklistHeading'));
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.length).toBeGreaterThan(5);
    expect(screen.getByLabelText('owner_nginx_upstream_down')).toBeTruthy();
    expect(screen.getByText('ownerWhere_nginx_error_log')).toBeTruthy();
  });
  it('the toggle saves owner mode (keeping the other settings) and the checklist appears', async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, historyEnabled: false } });
    render(<OwnerChecklist incident={incident()} />);
    fireEvent.click(await screen.findByLabelText('ownerModeToggle'));
    await waitFor(() => expect(screen.getByLabelText('owner_nginx_upstream_down')).toBeTruthy());
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as typeof DEFAULT_SETTINGS;
    expect(stored).toMatchObject({ ownerMode: true, historyEnabled: false });
  });
});
