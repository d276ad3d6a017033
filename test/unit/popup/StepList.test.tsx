// @vitest-environment happy-dom
// The guided steps on a browser that lacks an API a step needs (Firefox for Android: no `windows`): the
// step is not offered; one short line says why, in the person's language.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { StepList } from '../../../src/popup/StepList';
import type { PopupActions } from '../../../src/popup/actions';
import { CHECK_IDS } from '../../../src/model/checks';
import { getMessage } from '../support/locale-messages';
import { nginxIncident } from '../support/popup-fixtures';
import { withoutApi } from '../support/without-api';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
afterEach(cleanup);

const actions: PopupActions = { runCheck: vi.fn(), runAll: vi.fn(), opened: vi.fn(), cancel: vi.fn(), answer: vi.fn() };
const offered = (root: Element) =>
  [...root.querySelectorAll('li[data-step]')].map((li) => li.getAttribute('data-step'));

describe('StepList', () => {
  it('offers every step where the browser has every API', () => {
    const { container } = render(
      <StepList incident={nginxIncident()} recommended={['reload', 'private-window']} actions={actions} />,
    );
    expect(offered(container).sort()).toEqual([...CHECK_IDS].sort());
    expect(container.querySelector('.steps-unavailable')).toBeNull();
  });

  it('without windows (Firefox for Android): no private-window step, recommended or not, and the reason instead', () => {
    withoutApi('windows', () => {
      for (const recommended of [['reload', 'private-window'] as const, ['reload'] as const]) {
        const { container, unmount } = render(
          <StepList incident={nginxIncident()} recommended={[...recommended]} actions={actions} />,
        );
        expect(offered(container)).not.toContain('private-window');
        expect(offered(container)).toHaveLength(CHECK_IDS.length - 1);
        const reason = container.querySelector('[data-step-unavailable="private-window"]');
        expect(reason?.textContent).toBe(
          getMessage('stepUnavailable_windows', [getMessage('check_private_window_title')]),
        );
        expect(reason?.textContent).toContain('Open in a private window');
        unmount();
      }
    });
  });

  it('read-only (an ended incident) says nothing about steps it could not offer', () => {
    withoutApi('windows', () => {
      const { container } = render(<StepList incident={nginxIncident()} recommended={['reload']} actions={null} />);
      expect(container.querySelector('.steps-unavailable')).toBeNull();
    });
  });
});
