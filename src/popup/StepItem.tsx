import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  checkAboutKey,
  checkTitleKey,
  isSendingStep,
  outcomeKey,
  type CheckId,
  type CheckOutcome,
  type CheckState,
} from '../model/checks';
import type { Incident } from '../model/incident';
import { lazyComponent } from '../ui/lazy';
import { t } from '../ui/i18n';
import { formatDuration } from '../knowledge/format';
import { uiLocale } from '../platform/ui-locale';
import type { PopupActions } from './actions';
import { hostnameOf } from '../model/url-parts';

// Only the steps that contact a third party show it, and only before they run: loaded after the popup is up.
const SendPreview = lazyComponent(() => import('./SendPreview').then((m) => m.SendPreview));

const OUTCOME_ICON: Record<CheckOutcome, string> = {
  fixed: '✓',
  pass: '✓',
  'still-failing': '✕',
  fail: '✕',
  inconclusive: '?',
  skipped: '–',
};

/** One step: what it does, its live state, and its result with the evidence behind it. */
export function StepItem({
  id,
  url,
  state,
  recommended,
  actions,
  incident,
}: {
  id: CheckId;
  url: string;
  state: CheckState | undefined;
  recommended: boolean;
  actions: PopupActions | null;
  incident?: Pick<Incident, 'url' | 'ip' | 'fingerprint'>;
}) {
  const [confirming, setConfirming] = useState(false);
  const running = state?.state === 'running';
  const start = () => (id === 'clear-site-data' ? setConfirming(true) : actions?.runCheck(id));
  const focusTarget = useConfirmFocus(confirming);

  return (
    <li
      ref={focusTarget}
      class={`step step--${state?.state ?? 'idle'}${state?.state === 'done' ? ` step--${state.result.outcome}` : ''}`}
      data-step={id}
    >
      <div class="step-row">
        <StateIcon state={state} />
        <div class="step-text">
          <span class="step-title" title={recommended ? undefined : t(checkAboutKey(id))}>
            {t(checkTitleKey(id))}
          </span>
          <StateLine state={state} id={id} showAbout={recommended} />
        </div>
        {!actions ? null : running ? (
          <button type="button" onClick={() => actions.cancel(id)}>
            {t('cancelStep')}
          </button>
        ) : state?.state !== 'waiting-for-user' && !confirming ? (
          <button
            type="button"
            onClick={start}
            aria-label={`${t(state ? 'runAgain' : 'runStep')}: ${t(checkTitleKey(id))}`}
          >
            {t(state ? 'runAgain' : 'runStep')}
          </button>
        ) : null}
      </div>
      {actions && incident && !running && isSendingStep(id) && <SendPreview step={id} incident={incident} />}
      {actions && confirming && (
        <div
          class="step-confirm"
          role="group"
          aria-label={t('clearConfirmLabel')}
          onKeyDown={onEscape(() => setConfirming(false))}
        >
          <p>{t('clearConfirmText', [hostnameOf(url)])}</p>
          <div class="buttons">
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                actions.runCheck(id, false);
              }}
            >
              {t('clearWithoutCookies')}
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirming(false);
                actions.runCheck(id, true);
              }}
            >
              {t('clearWithCookies')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancelStep')}
            </button>
          </div>
        </div>
      )}
      {actions && state?.state === 'waiting-for-user' && (
        <div class="step-confirm" role="group" aria-label={t(state.prompt)}>
          <p>{t(state.prompt)}</p>
          <div class="buttons">
            <button type="button" onClick={() => actions.answer(id, 'loaded')}>
              {t('answerLoaded')}
            </button>
            <button type="button" onClick={() => actions.answer(id, 'same-error')}>
              {t('answerSameError')}
            </button>
          </div>
        </div>
      )}
      {state?.state === 'done' && state.result.evidence.length > 0 && (
        <details class="evidence">
          <summary>{t('evidenceToggle', [formatDuration(state.result.durationMs, uiLocale())])}</summary>
          <dl>
            {state.result.evidence.map((e, i) =>
              // An empty value means the label is a whole sentence.
              e.value === '' ? (
                <div key={i} class="evidence-sentence">
                  {t(e.label)}
                </div>
              ) : (
                <div key={i}>
                  <dt>{t(e.label)}</dt>
                  <dd>{e.value}</dd>
                </div>
              ),
            )}
          </dl>
        </details>
      )}
    </li>
  );
}

/** Escape closes the confirmation, not the whole popup (the browser closes a popup on an unhandled Escape). */
const onEscape = (close: () => void) => (e: KeyboardEvent) => {
  if (e.key !== 'Escape') return;
  e.preventDefault();
  close();
};

/**
 * Keyboard users stay in place: the confirmation takes focus when it opens (its Run button is gone), and
 * focus returns to the step's own button when it closes (Escape, Cancel, or a choice). A layout effect, so the
 * focus moves in the same task that removes the focused confirmation: with a plain effect the focus sat on
 * <body> for a frame, which a screen reader announces and which made the keyboard e2e test flaky.
 */
function useConfirmFocus(confirming: boolean) {
  const item = useRef<HTMLLIElement>(null);
  const wasOpen = useRef(false);
  useLayoutEffect(() => {
    const selector = confirming ? '.step-confirm button' : '.step-row button';
    if (confirming || wasOpen.current) item.current?.querySelector<HTMLButtonElement>(selector)?.focus();
    wasOpen.current = confirming;
  }, [confirming]);
  return item;
}

function StateIcon({ state }: { state: CheckState | undefined }) {
  if (state?.state === 'running') return <span class="step-icon step-icon--running" aria-hidden="true" />;
  const icon =
    state?.state === 'done'
      ? OUTCOME_ICON[state.result.outcome]
      : state?.state === 'interrupted'
        ? '!'
        : state?.state === 'waiting-for-user'
          ? '…'
          : '';
  return (
    <span class="step-icon" aria-hidden="true">
      {icon}
    </span>
  );
}

/** Recommended steps say what they do; the others keep to their title until run (the popup is ≤ 600 px tall). */
function StateLine({ state, id, showAbout }: { state: CheckState | undefined; id: CheckId; showAbout: boolean }) {
  switch (state?.state) {
    case undefined:
      return <span class={showAbout ? 'step-about' : 'visually-hidden'}>{t(checkAboutKey(id))}</span>;
    case 'running':
      return <span class="step-result">{t(state.progress ?? 'stepRunning')}</span>;
    case 'waiting-for-user':
      return <span class="step-result">{t('stepWaitingForYou')}</span>;
    case 'interrupted':
      return <span class="step-result">{t('stepInterrupted')}</span>;
    case 'done':
      return (
        <span class="step-result">
          <span class="visually-hidden">{t(outcomeKey(state.result.outcome))}: </span>
          {t(state.result.summary, state.result.summaryArgs)}
        </span>
      );
  }
}
