// The capture corpus: every real capture in test/fixtures/captures/ through the whole pipeline — headers → layers →
// the layer that generated the error; page text → the page's own code and reference; and whether it deserves an alarm.
import { describe, expect, it } from 'vitest';
import { pageText } from '../../../../src/knowledge/error-body';
import { analyseResponse } from '../../../../src/knowledge/infrastructure/analyse-response';
import { readPage } from '../../../../src/knowledge/infrastructure/read-page';
import { resolveChain } from '../../../../src/knowledge/chain';
import { isAlarmResponse } from '../../../../src/knowledge/classify-navigation';
import { pickDiagnosticHeaders } from '../../../../src/knowledge/diagnostic-headers';
import { loadCaptures } from './captures';

const captures = loadCaptures();

describe('capture corpus', () => {
  it('holds captures', () => expect(captures.length).toBeGreaterThan(0));

  describe.each(captures.map((c) => [c.name, c] as const))('%s', (_name, capture) => {
    it('cites a public source and says what was reproduced', () => {
      expect(capture.source).toMatch(/^https:\/\//);
      expect(capture.reproduced.trim()).not.toBe('');
    });

    it('is explained as expected', () => {
      // What the background keeps of the headers is what the engine sees in the extension.
      const kept = pickDiagnosticHeaders(Object.entries(capture.headers).map(([name, value]) => ({ name, value })));
      const fingerprint = analyseResponse(kept, capture.status);
      const page = readPage(
        pageText(capture.body),
        capture.status,
        fingerprint.layers?.map((l) => l.id),
      );
      const chain = resolveChain(fingerprint, page);
      const { expect: wanted } = capture;
      expect({
        alarm: isAlarmResponse(capture.status, kept),
        failedLayer: chain.failed?.id ?? null,
        layers: chain.layers.map((l) => l.id),
        traceIds: fingerprint.traceIds.map((t) => t.header).sort(),
        pageCode: page?.code ?? null,
        pageReference: page?.reference ?? null,
      }).toEqual({ ...wanted, traceIds: [...wanted.traceIds].sort() });
    });
  });
});
