import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { parseEuro } from '../../../functions/core/money.ts';
import { formatAmount, formatShare, type Num, parseShare, parseWhole } from '../sketch-form.ts';
import { texts } from '../texts.de.ts';

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
      <span class="visually-hidden">{texts.sketchForm.errorPrefix} </span>
      {error}
    </p>
  );
}

export function Counter({ id, length, max }: { id: string; length: number; max: number }) {
  return (
    <p id={`${id}-counter`} class={length > max ? 'counter counter--over' : 'counter'}>
      {texts.sketchForm.counter(length, max)}
    </p>
  );
}

interface FieldShell {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  /** A short addition to the label, e.g. "(freiwillig)". */
  labelNote?: string | undefined;
  class?: string;
}

function Shell({
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

type NumberKind = 'money' | 'share' | 'whole';
const parsers: Record<NumberKind, (text: string) => number | undefined> = {
  money: parseEuro,
  share: parseShare,
  whole: parseWhole,
};
const formatters: Record<NumberKind, (value: number) => string> = {
  money: formatAmount,
  share: formatShare,
  whole: String,
};

/** What typed text means: a number when it is one, else the text itself (kept, and shown as a mistake). */
const readNumber = (kind: NumberKind, text: string): Num =>
  text.trim() === '' ? undefined : (parsers[kind](text) ?? text);
const showNumber = (kind: NumberKind, value: Num): string =>
  typeof value === 'number' ? formatters[kind](value) : (value ?? '');

/**
 * A bare number input, German style ("1.234,56"). It keeps the text as typed while focused and
 * tidies it on leaving; a value changed from outside (another version loaded) replaces the text.
 */
export function NumberInput({
  id,
  kind,
  value,
  onValue,
  onBlur,
  error,
  describedBy: described,
  class: extra,
}: {
  id: string;
  kind: NumberKind;
  value: Num;
  onValue: (value: Num) => void;
  onBlur?: (() => void) | undefined;
  error?: boolean;
  describedBy?: string | undefined;
  class?: string;
}) {
  const [text, setText] = useState(() => showNumber(kind, value));
  useEffect(() => {
    if (readNumber(kind, text) !== value) setText(showNumber(kind, value));
  }, [value, kind]);
  return (
    <input
      id={id}
      name={id}
      type="text"
      inputMode={kind === 'whole' ? 'numeric' : 'decimal'}
      autoComplete="off"
      class={`input input--${kind}${error ? ' input--error' : ''}${extra ? ` ${extra}` : ''}`}
      value={text}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={described}
      onInput={(event) => {
        const raw = (event.currentTarget as HTMLInputElement).value;
        setText(raw);
        onValue(readNumber(kind, raw));
      }}
      onBlur={() => {
        if (typeof value === 'number') setText(showNumber(kind, value));
        onBlur?.();
      }}
    />
  );
}

export function NumberField(
  props: FieldShell & {
    kind: NumberKind;
    value: Num;
    onValue: (value: Num) => void;
    onBlur?: () => void;
    /** Shown after the input: "€", "%". */
    unit?: string;
  },
) {
  const { id, error } = props;
  return (
    <Shell {...props}>
      <div class="with-unit">
        <NumberInput
          id={id}
          kind={props.kind}
          value={props.value}
          onValue={props.onValue}
          onBlur={props.onBlur}
          error={Boolean(error)}
          describedBy={describedBy(props.hint !== undefined && `${id}-hint`, error && `${id}-error`)}
        />
        {props.unit ? (
          <span class="unit" aria-hidden="true">
            {props.unit}
          </span>
        ) : null}
      </div>
    </Shell>
  );
}

export function SelectField(
  props: FieldShell & {
    value: string;
    options: readonly { value: string; label: string }[];
    placeholder: string;
    onValue: (value: string) => void;
  },
) {
  const { id, error } = props;
  return (
    <Shell {...props}>
      <select
        id={id}
        name={id}
        class={`input${error ? ' input--error' : ''}`}
        value={props.value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.hint !== undefined && `${id}-hint`, error && `${id}-error`)}
        onChange={(event) => props.onValue((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
  error,
  hint,
}: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <div class={`choice${error ? ' field--error' : ''}`}>
      <ErrorText id={id} error={error} />
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="hint choice__hint">
          {hint}
        </p>
      ) : null}
    </div>
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
