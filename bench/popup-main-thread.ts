// Where the popup's time goes on its page's main thread (issue 15): a few traced opens of the popup and of the
// trivial-module page (the browser's floor), each from navigation start to the explanation mark. Chrome's trace
// events of that thread are cut into kinds by the innermost known event (a style recalculation inside a script
// call counts as style); what no known event covers is the browser's own task work, and what no task covers is
// waiting (for the extension's files, the storage answers, the next frame). Medians over the opens, in ms.
import type { BrowserContext } from 'playwright-core';
import { POPUP_MARKS } from '../src/popup/timing-marks';
import { markSeen } from './mark-seen';
import { spread } from './stats';

/** Trace event names → the kind of work they are (the innermost one wins). */
const KINDS: Record<string, string> = {
  'DocumentLoader::CommitNavigation': 'document and script context set-up',
  'Frame::Detach': 'document and script context set-up',
  ParseHTML: 'HTML parsing',
  'v8.compileModule': 'module compile + evaluate',
  'v8.evaluateModule': 'module compile + evaluate',
  FunctionCall: 'our JS after start-up (render, effects, answers)',
  TimerFire: 'our JS after start-up (render, effects, answers)',
  FireAnimationFrame: 'our JS after start-up (render, effects, answers)',
  'v8.callFunction': 'our JS after start-up (render, effects, answers)',
  // The promise callbacks of the extension API's answers (the popup's render after its reads runs here).
  RunMicrotasks: 'our JS after start-up (render, effects, answers)',
  'NativeExtensionBindingsSystem::SendRequest': 'extension API calls (sending)',
  'ResourceFetcher::requestResource': 'requesting files',
  'URLLoader::Context::OnReceivedResponse': 'requesting files',
  UpdateLayoutTree: 'style, layout, paint',
  Layout: 'style, layout, paint',
  PrePaint: 'style, layout, paint',
  Paint: 'style, layout, paint',
  'Blink.Paint.UpdateTime': 'style, layout, paint',
  Layerize: 'style, layout, paint',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
};
export const OTHER_TASK_WORK = 'other browser task work';
export const WAITING = 'waiting (files, storage answers, next frame)';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { documentLoaderURL?: string } };
}

/** Pure: ms of each kind of work on `thread` between `from` and `to` (µs), innermost known event first. */
export function mainThreadKinds(events: TraceEvent[], pid: number, tid: number, from: number, to: number) {
  const spans = events
    .filter(
      (e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + e.dur! > from,
    )
    .map((e) => ({ name: e.name, start: Math.max(e.ts, from), end: Math.min(e.ts + e.dur!, to) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kinds = new Map<string, number>();
  const add = (kind: string, us: number) => kinds.set(kind, (kinds.get(kind) ?? 0) + us / 1000);
  // Trace events of one thread nest: each one's own time (minus its children's) goes to its kind, or to the
  // kind of the nearest known event around it; outside any known event it is the browser's own task work.
  const stack: { end: number; length: number; kind: string | null; children: number }[] = [];
  const pop = () => {
    const span = stack.pop()!;
    add(span.kind ?? OTHER_TASK_WORK, span.length - span.children);
    if (stack.length) stack.at(-1)!.children += span.length;
  };
  let busy = 0;
  for (const span of spans) {
    while (stack.length && stack.at(-1)!.end <= span.start) pop();
    if (stack.length === 0) busy += span.end - span.start;
    const kind = KINDS[span.name] ?? stack.at(-1)?.kind ?? null;
    stack.push({ end: span.end, length: span.end - span.start, kind, children: 0 });
  }
  while (stack.length) pop();
  add(WAITING, to - from - busy);
  return kinds;
}

async function traceOpen(context: BrowserContext, url: string): Promise<Map<string, number>> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 390, height: 600 });
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,v8,v8.execute,blink,loading,blink.user_timing,extensions',
      transferMode: 'ReportEvents',
    });
    await page.goto(url);
    await page.evaluate(markSeen, POPUP_MARKS.explanation);
    await cdp.send('Tracing.end');
    await complete;
    const path = new URL(url).pathname;
    const start = events
      .filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(path))
      .at(-1);
    const mark = events.find((e) => e.name === POPUP_MARKS.explanation && e.pid === start?.pid);
    if (!start || !mark) return new Map();
    return mainThreadKinds(events, start.pid, start.tid, start.ts, mark.ts);
  } finally {
    await page.close();
  }
}

export type MainThreadWork = Record<string, number>;

/** Median ms per kind over `opens` traced opens of `url` (to the explanation mark). */
export async function traceMainThread(context: BrowserContext, url: string, opens = 3): Promise<MainThreadWork> {
  const runs: Map<string, number>[] = [];
  for (let i = 0; i < opens; i += 1) runs.push(await traceOpen(context, url));
  const kinds = new Set(runs.flatMap((run) => [...run.keys()]));
  return Object.fromEntries([...kinds].map((kind) => [kind, spread(runs.map((run) => run.get(kind) ?? 0)).median]));
}
