import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatAmount, formatShare, parseEuro } from '../../../functions/core/money.ts';
import type { Num } from '../sketch-form.ts';
import { describedBy, ErrorText, type FieldShell, Shell } from './FormField.tsx';

/*
 * The inputs of the sketch form's later steps and its cost plan: numbers typed the German way,
 * choices and checkboxes. Apart from FormField.tsx so that the first step does not load them.
 */

/** "33,5" or "33.5" → 3350 basis points; undefined when it is not a percentage with up to two decimals. */
function parseShare(input: string): number | undefined {
  const text = input.replace(/\s|%/g, '').replace('.', ',');
  const match = /^(\d{1,3})(?:,(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A whole number as typed ("12"); undefined when it is not one. */
function parseWhole(input: string): number | undefined {
  const text = input.trim();
  return /^\d{1,6}$/.test(text) ? Number(text) : undefined;
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
  disabled,
}: {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
}) {
  return (
    <div class={`choice${error ? ' field--error' : ''}`}>
      <ErrorText id={id} error={error} />
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
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
