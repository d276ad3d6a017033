import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import type { FieldError } from './validation';

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  /** The stored value; a change from outside (restore defaults, another page) replaces the draft. */
  value: string;
  validate(value: string): FieldError | null;
  /** Called on change (blur or Enter) with a value that passed `validate` and differs from `value`. */
  onCommit(value: string): void;
  multiline?: boolean;
  /** Addresses stay `text` (with inputMode url): the page's own validation says what is wrong. */
  type?: 'text' | 'number';
  inputMode?: 'url' | 'numeric' | 'text';
  min?: number;
  max?: number;
}

/** A text input that saves only valid values and says, inline, what is wrong with an invalid one. */
export function TextField(props: TextFieldProps) {
  const { id, label, hint, value, validate, onCommit, multiline } = props;
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<FieldError | null>(null);
  // Only a change of the stored value replaces the draft (not the first render: typing may come first).
  const shown = useRef(value);
  useEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    setDraft(value);
    setError(null);
  }, [value]);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const onInput = (next: string) => {
    setDraft(next);
    // Once an error shows, it follows the typing so it disappears as soon as the value is fixed.
    if (error) setError(validate(next));
  };
  // Reads the element, not `draft`: a change can follow an input before the re-render.
  const commit = (current: string) => {
    setDraft(current);
    const problem = validate(current);
    setError(problem);
    if (!problem && current !== value) onCommit(current);
  };
  const shared = {
    id,
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (e: Event) => commit((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    spellcheck: false,
  } as const;

  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...shared}
          rows={Math.max(3, draft.split('\n').length)}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      ) : (
        <input
          {...shared}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          min={props.min}
          max={props.max}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      {error && (
        <p id={errorId} class="error">
          {t(error.key, error.args)} {t('optionsErrorNotSaved')}
        </p>
      )}
    </div>
  );
}
