import { useRef, useState } from 'preact/hooks';
import type { SettingsChange } from '../model/settings';
import { storage } from '../storage/storage';
import { t } from '../ui/i18n';
import { useStored } from '../ui/use-stored';
import { StepSettings } from './StepSettings';
import { WhenBackSettings } from './WhenBackSettings';
import { EndpointSettings } from './EndpointSettings';
import { HistorySettings } from './HistorySettings';
import { ContactedHosts } from './ContactedHosts';
import { NoticeSettings } from './NoticeSettings';
import { ShortcutLine } from './ShortcutLine';

export function OptionsPage() {
  const settings = useStored(storage.settings);
  const history = useStored(storage.history);
  // One polite live region says what just happened ("Saved"), so a screen reader hears every change land.
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = (message: string) => {
    clearTimeout(timer.current);
    // Emptied first so the same message twice is announced twice; gone again after a few seconds.
    setStatus('');
    timer.current = setTimeout(() => {
      setStatus(message);
      timer.current = setTimeout(() => setStatus(''), 4000);
    }, 50);
  };
  const save = (change: SettingsChange) =>
    void storage.settings.update(change).then(
      () => announce(t('optionsSaved')),
      () => announce(t('optionsSaveFailed')),
    );

  return (
    <main class="options" aria-busy={settings ? undefined : true}>
      <h1>{t('optionsTitle')}</h1>
      <p class="hint">{t('optionsIntro')}</p>
      <ShortcutLine />
      {settings && (
        <>
          <NoticeSettings settings={settings} save={save} />
          <StepSettings settings={settings} save={save} />
          <WhenBackSettings settings={settings} save={save} />
          <EndpointSettings settings={settings} save={save} />
          <HistorySettings settings={settings} entries={history ?? []} save={save} announce={announce} />
          <ContactedHosts settings={settings} />
        </>
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
