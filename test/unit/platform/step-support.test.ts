// Steps that need an API the browser lacks are left out: on Firefox for Android (no `windows`) the
// private window; every other step needs only what every supported browser has.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { unavailableStepsHere, unavailableStepsIn } from '../../../src/platform/step-support';
import { withoutApi } from '../support/without-api';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

describe('unavailableStepsIn', () => {
  it('a browser with windows can run every step', () => {
    expect(unavailableStepsIn({ windows: {} }).size).toBe(0);
  });

  it('without windows, the private window is left out, for lack of windows', () => {
    expect([...unavailableStepsIn({})]).toEqual([['private-window', 'windows']]);
    expect([...unavailableStepsIn({ windows: undefined })]).toEqual([['private-window', 'windows']]);
  });
});

describe('unavailableStepsHere', () => {
  it('reads the browser itself: the fake browser has windows', () => {
    expect(unavailableStepsHere().size).toBe(0);
  });

  it('a browser without windows (Firefox for Android) leaves out the private window only', () => {
    withoutApi('windows', () => expect([...unavailableStepsHere().keys()]).toEqual(['private-window']));
  });
});
