// Browser, version and OS for the copied report. Gathered while the popup opens, with its other reads
// (src/popup/use-tab-state.ts): before the click, so the copy runs within the click's user activation, and
// never after the popup shows, so no answer is left in flight when it closes.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { ReportEnv } from '../knowledge/report';

interface UADataBrand {
  brand: string;
  version: string;
}
interface UAData {
  brands?: UADataBrand[];
  getHighEntropyValues?(hints: string[]): Promise<{ fullVersionList?: UADataBrand[] }>;
}

/** The brand people know: not the GREASE entry, and Chromium only when nothing more specific is listed. */
function pickBrand(brands: UADataBrand[]): UADataBrand | undefined {
  const real = brands.filter((b) => !/not.?a.?brand/i.test(b.brand));
  return real.find((b) => b.brand !== 'Chromium') ?? real[0];
}

/** Browser, version and OS: runtime.getBrowserInfo in Firefox, User-Agent Client Hints in Chrome. */
async function readReportEnv(): Promise<ReportEnv> {
  // Called inside then(): an API that throws instead of rejecting (missing on a platform, a test's fake)
  // also just leaves the OS out.
  const getBrowserInfo = (browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> })
    .getBrowserInfo;
  // Both asked at once: each is a round trip to the browser's parent process (Firefox).
  const [platform, info] = await Promise.all([
    Promise.resolve()
      .then(() => browser.runtime.getPlatformInfo())
      .catch(() => undefined),
    getBrowserInfo?.().catch(() => undefined),
  ]);
  const base = { os: platform?.os ?? '', ...(platform?.arch ? { arch: platform.arch } : {}) };
  if (info) return { ...base, browserName: info.name, browserVersion: info.version };
  const uaData = (navigator as Navigator & { userAgentData?: UAData }).userAgentData;
  const full = await uaData?.getHighEntropyValues?.(['fullVersionList']).catch(() => undefined);
  const brand = pickBrand(full?.fullVersionList ?? uaData?.brands ?? []);
  if (brand) return { ...base, browserName: brand.brand, browserVersion: brand.version };
  const match = /(Firefox|Edg|Chrome)\/([\d.]+)/.exec(navigator.userAgent);
  return { ...base, browserName: match?.[1] ?? 'unknown', browserVersion: match?.[2] ?? '' };
}

let gathered: Promise<ReportEnv> | null = null;
let known: ReportEnv | undefined;

/** Starts gathering once per page; later calls share the answer. */
export function gatherReportEnv(): Promise<ReportEnv> {
  gathered ??= readReportEnv().then((env) => (known = env));
  return gathered;
}

/** The gathered environment (at once when the popup gathered it while opening). */
export function useReportEnv(): ReportEnv | undefined {
  const [env, setEnv] = useState(known);
  useEffect(() => {
    if (!env) void gatherReportEnv().then(setEnv);
  }, [env]);
  return env;
}
