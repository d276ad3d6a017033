// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import type { WatchState } from '../../../src/model/watch';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { WatchView, countdown } = await import('../../../src/popup/WatchPanel');

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const watch = (over: Partial<WatchState> = {}): WatchState => ({
  id: 'w',
  incidentId: 'i',
  url: 'https://a.test/',
  status: 'watching',
  startedAt: NOW,
  tries: 0,
  nextTryAt: NOW + 12_000,
  reload: false,
  ...over,
});
const actions = () => ({ start: vi.fn(), stop: vi.fn(), reloadTab: vi.fn() });

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string, args?: string[]) => [key, ...(args ?? [])].join('|') });
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('WatchView', () => {
  it('offers to start, with "reload when back" ticked from the settings', () => {
    const a = actions();
    render(<WatchView watch={undefined} settings={{ ...DEFAULT_SETTINGS, reloadWhenBack: true }} actions={a} />);
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByText('watchStart'));
    expect(a.start).toHaveBeenCalledWith(false);
  });
  it('shows a live countdown to the next try and a stop button', async () => {
    const a = actions();
    render(<WatchView watch={watch()} settings={DEFAULT_SETTINGS} actions={a} />);
    expect(screen.getByRole('timer').textContent).toContain('watchNextTry|0:12');
    await vi.advanceTimersByTimeAsync(3000);
    expect(screen.getByRole('timer').textContent).toContain('watchNextTry|0:09');
    fireEvent.click(screen.getByText('watchStop'));
    expect(a.stop).toHaveBeenCalled();
  });
  it('says when the site is back and offers a reload when it will not reload itself', () => {
    const a = actions();
    render(
      <WatchView
        watch={watch({ status: 'back', endedAt: NOW, lastTry: { at: NOW, status: 200 } })}
        settings={DEFAULT_SETTINGS}
        actions={a}
      />,
    );
    expect(screen.getByText(/^watchBack\|200/)).toBeTruthy();
    fireEvent.click(screen.getByText('watchReloadNow'));
    expect(a.reloadTab).toHaveBeenCalled();
  });
  it('says it gave up and offers to watch again', () => {
    render(
      <WatchView
        watch={watch({ status: 'gave-up', tries: 15, lastTry: { at: NOW, status: 503 } })}
        settings={DEFAULT_SETTINGS}
        actions={actions()}
      />,
    );
    expect(screen.getByText('watchGaveUp|15')).toBeTruthy();
    expect(screen.getByText('watchAgain')).toBeTruthy();
  });
});

describe('countdown', () => {
  it('is m:ss, never negative', () => {
    expect(countdown(12_000)).toBe('0:12');
    expect(countdown(125_400)).toBe('2:06');
    expect(countdown(-5)).toBe('0:00');
  });
});
