// Appends failures to the local incident history (storage.local → `history`). Called only when a
// failure was recorded, so a healthy navigation never writes; a private window's incident never does.
import type { Incident } from '../model/incident';
import { addToHistory } from '../model/history';
import { storage } from '../storage/storage';

// Two tabs can fail at once: each read-modify-write must see the previous one. Only ordering lives here.
let queue: Promise<unknown> = Promise.resolve();

export function appendToHistory(incident: Incident): Promise<void> {
  // Decided before anything is read, so nothing about a private window's page even reaches the queue.
  if (incident.incognito) return Promise.resolve();
  const work = queue.then(async () => {
    const settings = await storage.settings.get();
    if (!settings.historyEnabled) return;
    const next = addToHistory(await storage.history.get(), incident, Date.now());
    if (next) await storage.history.set(next);
  });
  // History is a convenience: a failure to write it must never break the badge or the popup.
  queue = work.catch((error: unknown) => console.warn('history not saved', error));
  return queue.then(() => undefined);
}
