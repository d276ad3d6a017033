// "Copy report": the incident as plain text or Markdown for a site owner or support desk.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { Incident } from '../model/incident';
import { buildReport, type ReportEnv } from '../knowledge/report';
import { t } from '../ui/i18n';

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
async function reportEnv(): Promise<ReportEnv> {
  const platform = await browser.runtime.getPlatformInfo().catch(() => undefined);
  const base = { os: platform?.os ?? '', ...(platform?.arch ? { arch: platform.arch } : {}) };
  const getBrowserInfo = (browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> }).getBrowserInfo;
  const info = await getBrowserInfo?.().catch(() => undefined);
  if (info) return { ...base, browserName: info.name, browserVersion: info.version };
  const uaData = (navigator as Navigator & { userAgentData?: UAData }).userAgentData;
  const full = await uaData?.getHighEntropyValues?.(['fullVersionList']).catch(() => undefined);
  const brand = pickBrand(full?.fullVersionList ?? uaData?.brands ?? []);
  if (brand) return { ...base, browserName: brand.brand, browserVersion: brand.version };
  const match = /(Firefox|Edg|Chrome)\/([\d.]+)/.exec(navigator.userAgent);
  return { ...base, browserName: match?.[1] ?? 'unknown', browserVersion: match?.[2] ?? '' };
}

type Feedback = 'idle' | 'copied' | 'failed';

export function ReportButton({ incident }: { incident: Incident }) {
  const [env, setEnv] = useState<ReportEnv | undefined>(undefined);
  const [keepQuery, setKeepQuery] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>('idle');
  // Gathered before the click, so the copy runs within the click's user activation.
  useEffect(() => void reportEnv().then(setEnv), []);
  if (!env) return null;

  const report = buildReport(incident, env, { keepQuery, translate: t });
  const hasQuery = /\?./.test(incident.url.split('#')[0] ?? '');
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setFeedback('copied'),
      () => setFeedback('failed'),
    );

  return (
    <section class="report" aria-labelledby="report-heading">
      <h2 id="report-heading" class="visually-hidden">{t('reportHeading')}</h2>
      <div class="buttons">
        <button type="button" onClick={() => void copy(report.text)}>{t('reportCopyText')}</button>
        <button type="button" onClick={() => void copy(report.markdown)}>{t('reportCopyMarkdown')}</button>
      </div>
      {hasQuery && (
        <label class="report-query">
          <input type="checkbox" checked={keepQuery} onChange={(e) => { setKeepQuery((e.target as HTMLInputElement).checked); setFeedback('idle'); }} />{' '}
          {t('reportKeepQuery')}
        </label>
      )}
      <p class="report-feedback" role="status" aria-live="polite">
        {feedback === 'copied' ? t('reportCopied') : feedback === 'failed' ? t('reportCopyFailed') : ''}
      </p>
      <details class="report-preview" open={feedback === 'failed'}>
        <summary>{t('reportPreview')}</summary>
        <textarea readOnly rows={8} value={report.text} aria-label={t('reportHeading')} />
      </details>
    </section>
  );
}
