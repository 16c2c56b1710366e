import type { ComponentChildren } from 'preact';
import { kitTexts } from './texts.de.ts';

/** An error beside its field, announced with the field through aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="field-error">
      <span class="visually-hidden">{kitTexts.errorPrefix} </span>
      {message}
    </p>
  );
}

export const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

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

export interface Option {
  value: string;
  label: ComponentChildren;
  disabled?: boolean;
}

/** Radio buttons in a fieldset: arrow keys move between them, Tab leaves the group (native behaviour). */
export function RadioGroup({
  id,
  legend,
  options,
  value,
  onChange,
  hint,
  error,
  inline = false,
  class: extra,
}: {
  id: string;
  legend: ComponentChildren;
  options: readonly Option[];
  value: string | undefined;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  inline?: boolean;
  class?: string;
}) {
  return (
    <fieldset
      id={id}
      class={`group${error ? ' field--error' : ''}${extra ? ` ${extra}` : ''}`}
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div key={option.value} class={inline ? 'choice choice--inline' : 'choice'}>
            <input
              id={optionId}
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              disabled={option.disabled}
              aria-invalid={error ? 'true' : undefined}
              onChange={() => onChange(option.value)}
            />
            <label for={optionId}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
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
