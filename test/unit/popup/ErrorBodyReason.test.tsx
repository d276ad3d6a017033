// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { bodyReasonFacts } from '../../../src/knowledge/body-reason';

import { nginxIncident, resetWithKeyMessages } from '../support/popup-fixtures';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { ErrorBodyReason } = await import('../../../src/popup/ErrorBodyReason');

const incident = nginxIncident;

beforeEach(resetWithKeyMessages);
afterEach(() => cleanup());

describe('ErrorBodyReason', () => {
  it('renders nothing before the clean request read the page', () => {
    const { container } = render(<ErrorBodyReason incident={incident()} />);
    expect(container.innerHTML).toBe('');
  });
  it('renders the code, the reference and the explanation as text (never HTML)', () => {
    const facts = {
      reachable: true,
      ...bodyReasonFacts({
        platform: 'vercel',
        name: 'Vercel',
        role: 'platform' as const,
        code: 'FUNCTION_INVOCATION_TIMEOUT',
        reference: '<img src=x onerror=alert(1)>',
        meaningKey: 'bodyReason_vercel_FUNCTION_INVOCATION_TIMEOUT',
      }),
    };
    const { container } = render(<ErrorBodyReason incident={incident(facts)} />);
    expect(screen.getByText('FUNCTION_INVOCATION_TIMEOUT')).toBeTruthy();
    expect(
      screen.getByText('bodyReason_vercel_FUNCTION_INVOCATION_TIMEOUT|FUNCTION_INVOCATION_TIMEOUT|Vercel'),
    ).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
  it("shows what the tab's own page said before any step ran, and prefers it to the clean request's", () => {
    const read = {
      ...incident(),
      page: {
        readAt: 2,
        reason: {
          platform: 'cloudflare' as const,
          name: 'Cloudflare',
          role: 'cdn' as const,
          code: '1016',
          reference: '87d2c9a4e8f1a2b3',
        },
      },
    };
    render(<ErrorBodyReason incident={read} />);
    expect(screen.getByText('1016')).toBeTruthy();
    expect(screen.getByText('87d2c9a4e8f1a2b3')).toBeTruthy();
    cleanup();
    const both = {
      ...incident({
        reachable: true,
        ...bodyReasonFacts({
          platform: 'vercel',
          name: 'Vercel',
          role: 'platform' as const,
          code: 'FUNCTION_INVOCATION_TIMEOUT',
        }),
      }),
      page: read.page,
    };
    render(<ErrorBodyReason incident={both} />);
    expect(screen.getByText('1016')).toBeTruthy();
    expect(screen.queryByText('FUNCTION_INVOCATION_TIMEOUT')).toBeNull();
  });
});
