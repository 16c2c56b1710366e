import { formTexts } from '../form.texts.de.ts';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** Shows "n von max Zeichen" and the limits as a hint. */
  limits?: { min: number; max: number } | undefined;
  multiline?: boolean;
  type?: 'text' | 'email';
  autoComplete?: string;
}

/**
 * A labelled input with its hint, character counter and error, all tied to it by aria-describedby;
 * the error sits between label and input, where a screen magnifier's user looks.
 */
export function Field(props: FieldProps) {
  const { id, label, value, error, hint, limits } = props;
  const hintText = [hint, limits ? formTexts.sketchForm.limits(limits.min, limits.max) : undefined]
    .filter(Boolean)
    .join(' ');
  const describedBy = [
    hintText ? `${id}-hint` : undefined,
    limits ? `${id}-counter` : undefined,
    error ? `${id}-error` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: id,
    value,
    class: error ? 'input input--error' : 'input',
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
    onBlur: props.onBlur,
  };
  const over = limits ? value.length > limits.max : false;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hintText ? (
        <p id={`${id}-hint`} class="hint">
          {hintText}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="field-error">
          <span class="visually-hidden">{formTexts.sketchForm.errorPrefix} </span>
          {error}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} rows={8} />
      ) : props.type === 'email' ? (
        <input {...common} type="email" autoComplete={props.autoComplete} spellcheck={false} />
      ) : (
        <input {...common} type="text" autoComplete={props.autoComplete} />
      )}
      {limits ? (
        <p id={`${id}-counter`} class={over ? 'counter counter--over' : 'counter'}>
          {formTexts.sketchForm.counter(value.length, limits.max)}
        </p>
      ) : null}
    </div>
  );
}
