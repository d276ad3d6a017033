// Browser-neutral popup assertions: `snapshotPopup` runs inside the popup page (Playwright's and
// Puppeteer's `page.evaluate` both take it as is), the checks run in node on the plain data it returns.
import { mkdir } from 'node:fs/promises';
import { expect } from 'vitest';
import { CF_RAY } from './failing-server';
import { message } from './messages';
import { withDeadline } from './wait-for';

/** A page as Playwright's and Puppeteer's both offer it: the popup, to read in-page and to photograph. */
export interface PopupPage {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  evaluate<R>(fn: () => R): Promise<Awaited<R>>;
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
}

export interface PopupSnapshot {
  /** Texts exclude decorative `aria-hidden` parts (icons). */
  title: string;
  summary: string;
  context: string | null;
  /** Names of the chain's hops, in order. */
  hops: string[];
  /** Everything rendered as text (what a reader sees; `innerText`). */
  text: string;
  /** Elements that would mean header text was parsed as markup. */
  injected: number;
}

/** Runs in the page: must stay self-contained. */
export const snapshotPopup = (): PopupSnapshot => {
  const textOf = (selector: string): string | null => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
    return (copy.textContent ?? '').trim();
  };
  return {
    title: textOf('h1.title') ?? '',
    summary: textOf('.summary') ?? '',
    context: textOf('.context'),
    hops: [...document.querySelectorAll('.chain .hop-name')].map((e) => e.textContent?.trim() ?? ''),
    text: document.body.innerText,
    injected: document.querySelectorAll('#app script, #app img, #app iframe, #app object, #app embed').length,
  };
};

/** The popup as shown now (see snapshotPopup); a page that does not answer fails with a name. */
export const readPopup = (popup: PopupPage): Promise<PopupSnapshot> =>
  withDeadline('the popup snapshot', popup.evaluate(snapshotPopup));

const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);

/** Saves the whole popup as test-results/screenshots/<file>. */
export async function savePopupScreenshot(popup: PopupPage, file: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await popup.screenshot({ path: new URL(file, SCREENSHOTS).pathname, fullPage: true });
}

/** Where alert() and the like show up: Playwright's browser context, or a Puppeteer page. */
export interface DialogSource<D extends { message(): string; dismiss(): Promise<void> }> {
  on(event: 'dialog', listener: (dialog: D) => void): unknown;
  off(event: 'dialog', listener: (dialog: D) => void): unknown;
}

/** Dialogs opened while `during` ran (markup executed somewhere), each dismissed. */
export async function dialogsDuring<T, D extends { message(): string; dismiss(): Promise<void> }>(
  source: DialogSource<D>,
  during: () => Promise<T>,
): Promise<{ value: T; dialogs: string[] }> {
  const dialogs: string[] = [];
  const onDialog = (d: D) => {
    dialogs.push(d.message());
    void d.dismiss();
  };
  source.on('dialog', onDialog);
  try {
    return { value: await during(), dialogs };
  } finally {
    source.off('dialog', onDialog);
  }
}

export interface PopupExpectation {
  title: string;
  summary: string;
  context?: string;
  gateway?: string;
  texts?: string[];
}

/** An i18n key rendered as-is (t() falls back to the key): `http502_title`, `fixer_site_owner`. */
const RAW_KEY = /\b[a-z][A-Za-z0-9]*_[A-Za-z0-9_]*[a-z][A-Za-z0-9_]*\b/g;

export function expectNoRawKeys(snapshot: PopupSnapshot): void {
  expect(snapshot.text.match(RAW_KEY) ?? [], 'i18n keys shown instead of text').toEqual([]);
}

export function expectPopup(snapshot: PopupSnapshot, expected: PopupExpectation): void {
  expect(snapshot.title).toBe(expected.title);
  expect(snapshot.summary).toBe(expected.summary);
  // The context box may open with what the page itself says (its heading, code and reference) before the sentence.
  if (expected.context === undefined) expect(snapshot.context).toBeNull();
  else expect(snapshot.context).toContain(expected.context);
  if (expected.gateway) expect(snapshot.hops).toContain(expected.gateway);
  for (const text of expected.texts ?? []) expect(snapshot.text).toContain(text);
  expectNoRawKeys(snapshot);
}

/** What Copy report's text says: how report.ts writes the first-seen time. */
export const utc = (epochMs: number): string => `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/**
 * Copy report's preview of the failing server's Cloudflare 522 at `url` (with a query, and a cookie sent):
 * URL without the query, status, Cloudflare and its ray id, first-seen time in UTC; never a cookie.
 */
export function expectReportPreview(text: string, url: string, seenAt: number): string[] {
  const { origin, pathname, searchParams } = new URL(url);
  const lines = text.split('\n');
  expect(lines).toContain(`${message('reportUrl')}: ${origin}${pathname}`);
  for (const [key, value] of searchParams) {
    expect(text).not.toContain(`${key}=${value}`);
    // A value on its own only where it is long enough to mean something (`en` is in any text).
    if (value.length >= 6) expect(text).not.toContain(value);
  }
  expect(lines.find((l) => l.startsWith(`${message('reportStatus')}: `))).toMatch(/\b522\b/);
  expect(text).toContain('Cloudflare');
  expect(text).toContain(CF_RAY);
  expect(lines).toContain(`${message('reportTime')}: ${utc(seenAt)}`);
  expect(text).not.toMatch(/session|big-and-broken/);
  return lines;
}
