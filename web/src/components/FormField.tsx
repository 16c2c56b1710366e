import type { ComponentChildren } from 'preact';
import { formTexts } from '../form.texts.de.ts';

/*
 * The sketch form's inputs. Each ties its hint, character counter and error to the input with
 * aria-describedby; the error sits above the input, where a magnifier's user looks, and starts with
 * a hidden "Fehler:" for screen readers.
 */

export const describedBy = (...ids: (string | false | undefined)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;

export function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} class="field-error">
      <span class="visually-hidden">{formTexts.sketchForm.errorPrefix} </span>
      {error}
    </p>
  );
}

export function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  return (
    <p id={`${id}-counter`} class={length > max ? 'counter counter--over' : 'counter'}>
      {formTexts.sketchForm.counter(length, max)}
    </p>
  );
}

export interface FieldShell {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  /** A short addition to the label, e.g. "(freiwillig)". */
  labelNote?: string | undefined;
  class?: string;
}

export function Shell({
  id,
  label,
  labelNote,
  error,
  hint,
  children,
  after,
  class: extra,
}: FieldShell & { children: ComponentChildren; after?: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field--error' : ''}${extra ? ` ${extra}` : ''}`}>
      <label for={id}>
        {label}
        {labelNote ? <span class="label-note"> {labelNote}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
      {children}
      {after}
    </div>
  );
}

export function TextField(
  props: FieldShell & {
    value: string;
    onValue: (value: string) => void;
    onBlur?: () => void;
    max?: number | undefined;
    multiline?: boolean;
    rows?: number;
    type?: 'text' | 'email' | 'tel' | 'date';
    autoComplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'text';
    width?: 'short' | 'medium';
  },
) {
  const { id, value, error, max } = props;
  const aria = {
    id,
    name: id,
    value,
    class: `input${error ? ' input--error' : ''}${props.width ? ` input--${props.width}` : ''}`,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(
      props.hint !== undefined && `${id}-hint`,
      max !== undefined && `${id}-counter`,
      error && `${id}-error`,
    ),
    onInput: (event: Event) => props.onValue((event.currentTarget as HTMLInputElement).value),
    onBlur: props.onBlur,
  };
  return (
    <Shell {...props} after={max !== undefined ? <Counter id={id} length={value.length} max={max} /> : null}>
      {props.multiline ? (
        <textarea {...aria} rows={props.rows ?? 6} />
      ) : (
        <input
          {...aria}
          // (one union member is enough for the checker; the browser takes any of the four)
          type={(props.type ?? 'text') as 'text'}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          spellcheck={props.type === 'email' ? false : undefined}
        />
      )}
    </Shell>
  );
}

/** A group of choices with its legend, hint and the group's own error (e.g. "at least one"). */
export function Group({
  id,
  legend,
  hint,
  error,
  children,
  class: extra,
}: {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <fieldset
      id={id}
      class={`group${error ? ' field--error' : ''}${extra ? ` ${extra}` : ''}`}
      aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
      {children}
    </fieldset>
  );
}
