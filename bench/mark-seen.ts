// Waits inside the page for a performance mark, with one evaluate that a PerformanceObserver answers.
// Playwright's waitForFunction first injects its own script into the page (Chromium: ~4–20 ms of the page's main
// thread, seen in a trace of a popup open, between the popup's reads and its render), and Puppeteer over BiDi
// polls every 20 ms: both put the bench's own work on the thread the popup renders on. An observer costs nothing
// until the mark is set. Passed to `page.evaluate` as is (Playwright and Puppeteer), so it imports nothing.
export function markSeen(mark: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const seen = () => performance.getEntriesByName(mark).length > 0;
    if (seen()) return resolve();
    const observer = new PerformanceObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    observer.observe({ type: 'mark' });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no ${mark} mark within 10 s`));
    }, 10_000);
  });
}
