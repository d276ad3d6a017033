// Where a failing load's time goes in Firefox's event page, from the prologue's events (background-probe.ts):
// each step after the failing response, in ms from the response's own webRequest timeStamp — its delivery
// to the event page, every API call the background makes for that tab (start → settled), the page's
// webNavigation events, the badge and the two storage writes.
import type { ProbeEvent } from './background-probe';
import { round, spread, type Spread } from './stats';

/** Step name → ms from the response's timeStamp, medians over the rounds that had the step. */
export type DetectionSteps = Record<string, Spread>;

type Span = Extract<ProbeEvent, { kind: 'span' }>;

/** One round's steps, in order of time: name → ms from the response. */
export function stepsOfRound(events: ProbeEvent[], url: string): Map<string, number> {
  const steps = new Map<string, number>();
  const response = events.find((e) => e.kind === 'response' && e.url === url);
  if (response?.kind !== 'response') return steps;
  const { tabId, timeStamp } = response;
  const at = (ms: number) => Math.round((ms - timeStamp) * 10) / 10;
  const note = (name: string, ms: number) => void (steps.has(name) || steps.set(name, at(ms)));
  // The same call made again for the tab (a second storage read, the record's own badge) is its own step.
  const times = new Map<string, number>();
  const nth = (what: string, e: ProbeEvent) => {
    const count = (times.get(what) ?? 0) + (e.kind === 'span' ? 1 : 0);
    times.set(what, count);
    return count > 1 ? `${what} #${count}` : what;
  };
  note('delivered to the event page', response.at);
  for (const e of events.slice(0, events.indexOf(response)))
    if (e.kind === 'stall' && e.at >= timeStamp) note(`event page busy ${e.ms} ms, until`, e.at);
  const after = events.slice(events.indexOf(response) + 1);
  for (const e of after) {
    if (e.kind === 'span' && (e.tabId === tabId || e.tabId === undefined)) {
      const name = nth(spanName(e), e);
      note(`${name} starts`, e.start);
      note(`${name} settled`, e.at);
    } else if (e.kind === 'stall') {
      note(`event page busy ${e.ms} ms, until`, e.at);
    } else if (e.kind === 'navigation' && e.tabId === tabId) {
      note(`webNavigation.${e.event} (timeStamp)`, e.timeStamp);
      note(`webNavigation.${e.event} delivered`, e.at);
    } else if (e.kind === 'call' && e.what === 'action.setBadgeText' && e.tabId === tabId && e.text) {
      note('badge text set (call)', e.at);
    } else if (e.kind === 'stored' && e.url === url) {
      note(e.withPage ? 'stored with the page' : 'stored (incident)', e.at);
      if (e.withPage) break;
    }
  }
  return new Map([...steps].sort((a, b) => a[1] - b[1]));
}

const spanName = (e: Span) => (e.what === 'session.get' && e.keys.length === 0 ? 'session.get (all)' : e.what);

export function describeRound(events: ProbeEvent[], url: string): string {
  const steps = stepsOfRound(events, url);
  return `${[...steps].map(([name, ms]) => `${name} ${round(ms, 0)}`).join(' · ')}`;
}

export function detectionSteps(rounds: { events: ProbeEvent[]; url: string }[]): DetectionSteps {
  const all = new Map<string, number[]>();
  for (const { events, url } of rounds)
    for (const [name, ms] of stepsOfRound(events, url)) all.set(name, [...(all.get(name) ?? []), ms]);
  const steps = [...all].map(([name, values]) => [name, spread(values)] as const);
  return Object.fromEntries(steps.sort((a, b) => a[1].median - b[1].median));
}
