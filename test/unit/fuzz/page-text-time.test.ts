// Every reader of page text runs in time linear in its capped input: a page is written by whoever runs the
// failing site, and the background worker parses it. Adversarial pages (64 KiB of '<', unclosed comments and
// scripts, long entity runs, markers repeated without end) must each be read in a bounded time, and input
// beyond the cap must change nothing. Each input's time is the fastest of three runs, so a busy machine's
// pause is not taken for a slow parser: quadratic work on these inputs takes seconds every time.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { BODY_SCAN_LIMIT, extractBodyReason, extractTextReason, pageText } from '../../../src/knowledge/error-body';
import { pageReason } from '../../../src/knowledge/page-reason';
import { INFRASTRUCTURE } from '../../../src/knowledge/infrastructure';

vi.setConfig({ testTimeout: 120_000 });

const BOUND_MS = 250;
const KIB64 = 64 * 1024;

/** Headers that make every platform's reader run on the text. */
const EVERY_PLATFORM = {
  server: 'cloudflare',
  'cf-ray': '87d2c9a4e8f1a2b3-FRA',
  'x-vercel-id': 'fra1::abc',
  'akamai-grn': '0.1.2',
  'x-amz-cf-id': 'abcdefghijklmnopqrstuvwx==',
  via: '1.1 vegur, 1.1 abc.cloudfront.net (CloudFront)',
};
const incident = {
  failure: { type: 'http' as const, status: 502, statusLine: 'HTTP/1.1 502' },
  headers: EVERY_PLATFORM,
};

const PARSERS: [string, (input: string) => unknown][] = [
  ['pageText', (s) => pageText(s)],
  ['extractBodyReason', (s) => extractBodyReason(s, EVERY_PLATFORM, 502)],
  ['extractTextReason', (s) => extractTextReason(s, EVERY_PLATFORM, 502)],
  ['pageReason (the tab reading)', (s) => pageReason(s, incident)],
];

function fastestMs(work: () => unknown): number {
  let fastest = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const fill = (unit: string, length = KIB64): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** The inputs that made the old tag regex take seconds, and their relatives. */
const KNOWN_HARD: [string, string][] = [
  ["64 KiB of '<'", fill('<')],
  ["'<a' without '>'", fill('<a')],
  ['an unclosed comment', `<!--${fill('a', KIB64 - 4)}`],
  ["'<!--' repeated", fill('<!--')],
  ['an unclosed script', `<script>${fill('x<', KIB64 - 8)}`],
  ["'<script>' repeated", fill('<script>')],
  ["'<style' and '</style' runs", fill('<style>') + fill('</style')],
  ['an entity run without ;', `&${fill('a', KIB64 - 1)}`],
  ["'&#' repeated", fill('&#')],
  ["'&#x1' repeated", fill('&#x1')],
  ["'&amp' repeated", fill('&amp')],
  ['Akamai reference prefixes', fill('Reference #1.')],
  ['a digit run after a reference', `Reference #1.a.${fill('1', KIB64 - 15)}`],
  ['Cloudflare error prefixes', fill('Error ')],
  ['Vercel id segments', `ID: abc1${fill('::x')}`],
  ['whitespace', fill(' \n\t')],
];

describe('page-text readers are linear in their capped input', () => {
  for (const [name, parse] of PARSERS) {
    it(`${name}: each known hard page in < ${BOUND_MS} ms`, () => {
      for (const [what, input] of KNOWN_HARD) {
        const ms = fastestMs(() => parse(input));
        expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
      }
    });
  }

  const PIECES = [
    '<',
    '<a',
    '<!--',
    '-->',
    '<script',
    '</script',
    '<style>',
    '>',
    '&',
    '&#',
    '&#x',
    '&amp',
    ';',
    'Reference #1.',
    '1.',
    'a',
    ' ',
    'Error ',
    '1016',
    'ID: abc1::',
    '::',
    'Code: A',
    'Ray ID: ',
  ];
  const page = fc
    .tuple(
      fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 }),
      fc.constantFrom(KIB64, 4 * KIB64),
    )
    .map(([unit, length]) => fill(unit.join('') || '<', length));

  it(`any page made of repeated hard pieces, up to 256 KiB: every reader in < ${BOUND_MS} ms`, () => {
    fc.assert(
      fc.property(page, (input) => {
        for (const [name, parse] of PARSERS) {
          const ms = fastestMs(() => parse(input));
          if (ms >= BOUND_MS)
            throw new Error(
              `${name} took ${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 40))}… (${input.length} chars)`,
            );
        }
      }),
      { numRuns: 25 },
    );
  });

  it('input beyond the cap changes nothing: only the first 64 KiB are read', () => {
    fc.assert(
      fc.property(page, fc.string({ maxLength: 200 }), (input, tail) => {
        const long = fill(input, BODY_SCAN_LIMIT) + tail + 'Error 1016 Ray ID: 87d2c9a4e8f1a2b3';
        expect(pageText(long)).toBe(pageText(long.slice(0, BODY_SCAN_LIMIT)));
        expect(extractTextReason(long, EVERY_PLATFORM, 530)).toEqual(
          extractTextReason(long.slice(0, BODY_SCAN_LIMIT), EVERY_PLATFORM, 530),
        );
        expect(extractBodyReason(long, EVERY_PLATFORM, 530)).toEqual(
          extractBodyReason(long.slice(0, BODY_SCAN_LIMIT), EVERY_PLATFORM, 530),
        );
      }),
      { numRuns: 25 },
    );
  });
});

/** Every pattern the knowledge entries test against a page's visible text. */
const ENTRY_PATTERNS: [string, RegExp][] = INFRASTRUCTURE.flatMap((entry) => [
  ...(entry.page?.proves ?? []).map((p): [string, RegExp] => [`${entry.id} proves`, p]),
  ...(entry.page?.code ?? []).map((p): [string, RegExp] => [`${entry.id} code`, p]),
  ...(entry.page?.reference ?? []).map((p): [string, RegExp] => [`${entry.id} reference`, p]),
  ...(entry.codes ?? []).flatMap((c) => (c.text ? [[`${entry.id} ${c.code} text`, c.text] as [string, RegExp]] : [])),
]);

describe("the knowledge entries' page patterns are linear too", () => {
  it(`each pattern on each known hard page in < ${BOUND_MS} ms`, () => {
    expect(ENTRY_PATTERNS.length, 'no page pattern found: the entries changed shape').toBeGreaterThan(0);
    const slow: string[] = [];
    for (const [name, pattern] of ENTRY_PATTERNS) {
      const once = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      for (const [what, input] of KNOWN_HARD) {
        const started = performance.now();
        once.exec(input);
        // Only a slow run is timed again (fastest of three): a busy machine's pause is not a slow pattern.
        const ms = performance.now() - started < BOUND_MS ? 0 : fastestMs(() => once.exec(input));
        if (ms >= BOUND_MS) slow.push(`${name} /${pattern.source}/ on ${what}: ${ms.toFixed(0)} ms`);
      }
    }
    expect(slow).toEqual([]);
  });
});
