import type { ComponentChildren } from 'preact';
import { kitTexts } from './texts.de.ts';

/*
 * The parts every control shares (its error, what describes it) and the group of radio buttons: a
 * module of its own, because the sketch form's first step, which is in the first script, uses only
 * these; the other controls (controls.tsx, which re-exports these) load with the pages that use them.
 */

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
