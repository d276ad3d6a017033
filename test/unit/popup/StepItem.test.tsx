// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { StepItem } from '../../../src/popup/StepItem';
import type { PopupActions } from '../../../src/popup/actions';
import { getMessage } from '../support/locale-messages';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
afterEach(cleanup);

const actions: PopupActions = { runCheck: vi.fn(), runAll: vi.fn(), opened: vi.fn(), cancel: vi.fn(), answer: vi.fn() };

/** Where focus is at the moment the confirmation enters or leaves the DOM (a microtask after that commit). */
function focusWhen(container: Element, event: 'added' | 'removed'): Promise<Element | null> {
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      const hit = records.some((r) =>
        [...(event === 'added' ? r.addedNodes : r.removedNodes)].some(
          (n) => n instanceof Element && n.matches('.step-confirm'),
        ),
      );
      if (!hit) return;
      observer.disconnect();
      resolve(document.activeElement);
    });
    observer.observe(container, { childList: true, subtree: true });
  });
}

// Raw DOM events, not testing-library's act(): act flushes every effect before returning, which would hide
// the frame in which focus sits on <body> (the race that made the keyboard e2e test fail in CI).
describe('the clear-data confirmation keeps keyboard focus in place', () => {
  it('moves focus into the confirmation as it opens, and back to the step button as Escape closes it', async () => {
    const { container } = render(
      <StepItem id="clear-site-data" url="https://example.org/a" state={undefined} recommended actions={actions} />,
    );
    const runButton = container.querySelector<HTMLButtonElement>('.step-row button')!;
    runButton.focus();

    const opened = focusWhen(container, 'added');
    runButton.click();
    const inside = await opened;
    expect(inside?.closest('.step-confirm')).not.toBeNull();

    const closed = focusWhen(container, 'removed');
    inside!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    const after = await closed;
    expect(after).toBe(container.querySelector('.step-row button'));
    expect(actions.runCheck).not.toHaveBeenCalled();
  });
});
