// "Tell me when it's back": start/stop the background watch and show its next try with a countdown.
import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { post } from './background-port';
import { storage } from '../storage/storage';
import { useStored } from '../ui/use-stored';
import type { Settings } from '../model/settings';
import type { WatchState } from '../model/watch';
import { t } from '../ui/i18n';
import { formatCount, formatTime } from '../knowledge/format';
import { uiLocale } from '../platform/ui-locale';
import { useNow } from '../ui/use-now';

export interface WatchActions {
  start(reload: boolean): void;
  stop(): void;
  reloadTab(): void;
}

/**
 * `watch`: the tab's current watch (from the record the popup already follows, src/popup/use-tab-state.ts);
 * it re-checks the incident (or refusal, a 429) the popup shows.
 */
export function WatchPanel({ tabId, watch }: { tabId: number; watch: WatchState | undefined }) {
  const settings = useStored(storage.settings);
  const actions: WatchActions = {
    start: (reload) => post({ type: 'watch-start', tabId, reload }),
    stop: () => post({ type: 'watch-stop', tabId }),
    reloadTab: () => void browser.tabs.reload(tabId).catch(() => undefined),
  };
  if (!settings) return null;
  return <WatchView watch={watch} settings={settings} actions={actions} />;
}

/** m:ss until the next try. */
export function countdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function lastTryLine(watch: WatchState): string | null {
  const last = watch.lastTry;
  if (!last) return null;
  const at = formatTime(last.at, uiLocale());
  if (last.error === 'timeout') return t('watchLastTryTimeout', [at]);
  if (last.error) return t('watchLastTryNetwork', [at]);
  return t('watchLastTryStatus', [at, String(last.status)]);
}

export function WatchView({
  watch,
  settings,
  actions,
}: {
  watch: WatchState | undefined;
  settings: Settings;
  actions: WatchActions;
}) {
  const [reload, setReload] = useState(settings.reloadWhenBack);
  const watching = watch?.status === 'watching';
  const now = useNow(watching);
  const trying = watching && watch.tryingSince !== undefined && now < watch.nextTryAt;

  return (
    <section class="watch" aria-labelledby="watch-heading">
      <h2 id="watch-heading">{t('watchHeading')}</h2>
      <div aria-live="polite">
        {!watch && <p class="watch-about">{t('watchAbout')}</p>}
        {watch && watch.status !== 'back' && watch.lastTry && <p class="watch-last">{lastTryLine(watch)}</p>}
        {watch?.status === 'back' && (
          <p class="watch-back">
            {t('watchBack', [String(watch.lastTry?.status ?? ''), formatTime(watch.endedAt ?? now, uiLocale())])}
          </p>
        )}
        {watch?.status === 'gave-up' && (
          <p class="watch-gave-up">{t('watchGaveUp', [formatCount(watch.tries, uiLocale())])}</p>
        )}
      </div>
      {watching && (
        <p class="watch-next" role="timer">
          {trying ? t('watchTrying') : t('watchNextTry', [countdown(watch.nextTryAt - now)])}
          {watch.notBefore !== undefined && watch.notBefore >= watch.nextTryAt - 1000 && !trying && (
            <span class="watch-hint"> · {t('watchSiteAskedToWait')}</span>
          )}
        </p>
      )}
      {watching && watch.reload && <p class="watch-reload-note">{t('watchWillReload')}</p>}
      {(watching || !watch) && !settings.notifyWhenBack && <p class="watch-note">{t('watchNotifyOff')}</p>}
      {(!watch || watch.status === 'gave-up') && (
        <label class="watch-reload">
          <input type="checkbox" checked={reload} onChange={(e) => setReload((e.target as HTMLInputElement).checked)} />{' '}
          {t('watchReloadLabel')}
        </label>
      )}
      <div class="buttons">
        {!watch && (
          <button type="button" class="primary" onClick={() => actions.start(reload)}>
            {t('watchStart')}
          </button>
        )}
        {watch?.status === 'gave-up' && (
          <button type="button" onClick={() => actions.start(reload)}>
            {t('watchAgain')}
          </button>
        )}
        {watching && (
          <button type="button" onClick={actions.stop}>
            {t('watchStop')}
          </button>
        )}
        {watch?.status === 'back' && !watch.reload && (
          <button type="button" class="primary" onClick={actions.reloadTab}>
            {t('watchReloadNow')}
          </button>
        )}
      </div>
    </section>
  );
}
