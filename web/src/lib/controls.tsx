import type { ComponentChildren } from 'preact';
import { describedBy, FieldError } from './radio-group.tsx';

export { describedBy, FieldError, type Option, RadioGroup } from './radio-group.tsx';

/*
 * The form controls of the office's and the steering group's pages that components/Field.tsx does not cover: a date,
 * a group of radio buttons, a checkbox. Each ties its hint and error to the control (aria-describedby)
 * and shows the error between label and control, as Field does.
 */

export function DateField({
  id,
  label,
  value,
  onInput,
  hint,
  error,
  min,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  min?: string | undefined;
}) {
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        name={id}
        type="date"
        class={error ? 'input input--date input--error' : 'input input--date'}
        value={value}
        min={min}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}

/**
 * A form's submit button (and the buttons beside it) with the error that is not a field's (a
 * conflict, the network) above them: announced when it appears, and describing the button, so a
 * screen reader hears why the form failed.
 */
export function SubmitButton({
  id,
  error,
  busy,
  label,
  busyLabel,
  children,
}: {
  /** The error paragraph's id. */
  id: string;
  error: string | undefined;
  busy: boolean;
  label: string;
  busyLabel: string;
  children?: ComponentChildren;
}) {
  return (
    <>
      {error ? (
        <p id={id} class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="button" disabled={busy} aria-describedby={error ? id : undefined}>
          {busy ? busyLabel : label}
        </button>
        {children}
      </div>
    </>
  );
}
