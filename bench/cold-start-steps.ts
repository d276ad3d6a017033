// Where a cold worker's time goes (issue 15, row 7), from the prologue's and epilogue's events
// (background-probe.ts): each step in ms from the worker's start (its performance.timeOrigin) — its first
// statement, its top level run to the end, the failing response's listener called, every API call and
// fetch it makes (start → settled, the start-up's included), the badge and the record stored.
import type { ProbeEvent } from './background-probe';
import { spread, type Spread } from './stats';

/** Step name → ms from the worker's start, medians over the rounds that had the step. */
export type ColdStartSteps = Record<string, Spread>;

/** One round's steps, in order of time: name → ms from the worker's start. */
export function coldStepsOfRound(events: ProbeEvent[], url: string): Map<string, number> {
  const steps = new Map<string, number>();
  const started = events.find((e) => e.kind === 'started');
  if (started?.kind !== 'started') return steps;
  const at = (ms: number) => Math.round((ms - started.timeOrigin) * 10) / 10;
  const note = (name: string, ms: number) => void (steps.has(name) || steps.set(name, at(ms)));
  const times = new Map<string, number>();
  note('first statement', started.at);
  // A call's span is posted when it settles, which can be after the record shows: every step up to the
  // recorded moment counts, in whatever order its event arrived.
  const stored = events.find((e) => e.kind === 'stored' && e.url === url)?.at ?? Infinity;
  for (const e of events) {
    if (e.kind === 'evaluated') note('top level run', e.at);
    else if (e.kind === 'response' && e.url === url) note('failing response (webRequest timeStamp)', e.timeStamp);
    else if (e.kind === 'handler' && e.url === url) note('onHeadersReceived called', e.calledAt);
    else if (e.kind === 'span') {
      const what = e.what === 'session.get' && e.keys.length === 0 ? 'session.get (all)' : e.what;
      const count = (times.get(what) ?? 0) + 1;
      times.set(what, count);
      const name = count > 1 ? `${what} #${count}` : what;
      if (e.start <= stored) note(`${name} starts`, e.start);
      if (e.at <= stored) note(`${name} settled`, e.at);
    } else if (e.kind === 'stored' && e.url === url) note('recorded (storage.onChanged)', e.at);
  }
  return new Map([...steps].sort((a, b) => a[1] - b[1]));
}

export function coldStartSteps(rounds: { events: ProbeEvent[]; url: string }[]): ColdStartSteps {
  const all = new Map<string, number[]>();
  for (const { events, url } of rounds)
    for (const [name, ms] of coldStepsOfRound(events, url)) all.set(name, [...(all.get(name) ?? []), ms]);
  const steps = [...all].map(([name, values]) => [name, spread(values)] as const);
  return Object.fromEntries(steps.sort((a, b) => a[1].median - b[1].median));
}

/** The four parts a cold start is made of, the last split at the record's write; each measured per round (ms, medians). */
export const COLD_START_PARTS = {
  compile: 'worker start → first statement (the script read and compiled)',
  topLevel: 'first statement → top level run (listeners registered)',
  dispatch: 'top level run → onHeadersReceived called (the event handed to the worker)',
  handling: 'listener called → recorded (the extension’s own work and its API round trips)',
  beforeWrite: 'of which listener called → the record’s storage.session.set sent (JS before the write)',
  afterWrite: 'of which set sent → recorded (the write, its onChanged, and what the worker runs meanwhile)',
} as const;

export type ColdStartParts = Record<keyof typeof COLD_START_PARTS, Spread>;

export function coldStartParts(rounds: { events: ProbeEvent[]; url: string }[]): ColdStartParts {
  const per = rounds.map(({ events, url }) => {
    const steps = coldStepsOfRound(events, url);
    const at = (name: string) => steps.get(name) ?? NaN;
    return {
      compile: at('first statement'),
      topLevel: at('top level run') - at('first statement'),
      dispatch: at('onHeadersReceived called') - at('top level run'),
      handling: at('recorded (storage.onChanged)') - at('onHeadersReceived called'),
      beforeWrite: at('session.set starts') - at('onHeadersReceived called'),
      afterWrite: at('recorded (storage.onChanged)') - at('session.set starts'),
    };
  });
  const of = (key: keyof typeof COLD_START_PARTS) => spread(per.map((p) => p[key]).filter(Number.isFinite));
  return {
    compile: of('compile'),
    topLevel: of('topLevel'),
    dispatch: of('dispatch'),
    handling: of('handling'),
    beforeWrite: of('beforeWrite'),
    afterWrite: of('afterWrite'),
  };
}
