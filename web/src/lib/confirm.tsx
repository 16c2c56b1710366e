import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { kitTexts } from './texts.de.ts';

/**
 * An action that cannot be undone, asked first: the opener only opens the question, so a slip of
 * the keyboard never does it. The question takes the focus when it opens; "Abbrechen" closes it and
 * gives the focus back to the opener. A refusal of the action stays beside its button, which it
 * describes. The question stays open after the action: the page shows what it changed.
 */
export function Confirm({
  id,
  opener,
  openerLabel,
  question,
  consequence,
  confirm,
  busyLabel,
  busy,
  error,
  onOpen,
  onConfirm,
  children,
}: {
  /** Prefix of the question's and the error's ids (`<id>-question`, `<id>-error`). */
  id: string;
  /** The opener's text; `openerLabel` names it for screen readers where several are on a page. */
  opener: string;
  openerLabel?: string | undefined;
  question: ComponentChildren;
  consequence: ComponentChildren;
  /** The confirming button's text, and its text while the action runs. */
  confirm: string;
  busyLabel: string;
  busy: boolean;
  /** Why the action was refused, shown beside its button. */
  error?: string | undefined;
  /** When the question opens (a page clears an earlier refusal). */
  onOpen?: () => void;
  onConfirm: () => void;
  /** Fields the action takes, between the consequence and the buttons. */
  children?: ComponentChildren;
}) {
  const [open, setOpen] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  /** Set when the question closes by "Abbrechen": the focus then returns to the opener. */
  const refocus = useRef(false);
  useEffect(() => {
    if (open) questionRef.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      openerRef.current?.focus();
    }
  }, [open]);

  if (!open)
    return (
      <button
        type="button"
        class="button button--quiet button--danger"
        ref={openerRef}
        aria-label={openerLabel}
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
      >
        {opener}
      </button>
    );
  const ids = { question: `${id}-question`, error: `${id}-error` };
  return (
    <form
      class="confirm"
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm();
      }}
      aria-labelledby={ids.question}
      noValidate
    >
      <p id={ids.question} class="confirm__question" tabIndex={-1} ref={questionRef}>
        {question}
      </p>
      <p>{consequence}</p>
      {children}
      {error ? (
        <p id={ids.error} class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="actions">
        <button
          type="submit"
          class="button button--danger"
          disabled={busy}
          aria-describedby={error ? ids.error : undefined}
        >
          {busy ? busyLabel : confirm}
        </button>
        <button
          type="button"
          class="button button--quiet"
          disabled={busy}
          onClick={() => {
            refocus.current = true;
            setOpen(false);
          }}
        >
          {kitTexts.cancel}
        </button>
      </p>
    </form>
  );
}
