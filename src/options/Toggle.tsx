import { t } from '../ui/i18n';

/** A labelled checkbox; its hint (`option_<id>_hint`, when given) is tied to it with aria-describedby. */
export function Toggle({
  id,
  checked,
  hint,
  onChange,
}: {
  id: string;
  checked: boolean;
  hint?: boolean;
  onChange(checked: boolean): void;
}) {
  const hintId = `${id}-hint`;
  return (
    <div class="toggle">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{t(`option_${id}_label`)}</label>
      {hint && (
        <p id={hintId} class="hint">
          {t(`option_${id}_hint`)}
        </p>
      )}
    </div>
  );
}
