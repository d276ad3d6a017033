// Reads the corpus of real captures in test/fixtures/captures/<infrastructure-id>/<slug>.{http,json}.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const CAPTURES_DIR = new URL('../../../fixtures/captures/', import.meta.url);

export interface CaptureExpectation {
  alarm: boolean;
  failedLayer: string | null;
  layers: string[];
  traceIds: string[];
  pageCode: string | null;
  pageReference: string | null;
}

export interface Capture {
  /** '<infrastructure-id>/<slug>' */
  name: string;
  infra: string;
  status: number;
  /** Lower-case names; a header sent twice is joined with ', ' (RFC 9110 §5.3). */
  headers: Record<string, string>;
  body: string;
  source: string;
  reproduced: string;
  expect: CaptureExpectation;
}

/** An .http file: status line, headers one per line, a blank line, the body. */
export function parseHttp(text: string): { status: number; headers: Record<string, string>; body: string } {
  const normalised = text.replace(/\r\n/g, '\n');
  const blank = normalised.indexOf('\n\n');
  const head = blank === -1 ? normalised : normalised.slice(0, blank);
  const body = blank === -1 ? '' : normalised.slice(blank + 2);
  const [statusLine = '', ...lines] = head.split('\n');
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) throw new Error(`not a status line: ${statusLine}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: ${line}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status, headers, body };
}

export function captureDirs(): string[] {
  return existsSync(CAPTURES_DIR)
    ? readdirSync(CAPTURES_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
}

export function loadCaptures(): Capture[] {
  const captures: Capture[] = [];
  for (const infra of captureDirs()) {
    const dir = new URL(`${infra}/`, CAPTURES_DIR);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.http'))
      .sort()) {
      const slug = file.slice(0, -'.http'.length);
      const meta = JSON.parse(readFileSync(new URL(`${slug}.json`, dir), 'utf8')) as Pick<
        Capture,
        'source' | 'reproduced' | 'expect'
      >;
      captures.push({
        name: `${infra}/${slug}`,
        infra,
        ...parseHttp(readFileSync(new URL(file, dir), 'utf8')),
        ...meta,
      });
    }
  }
  return captures;
}
