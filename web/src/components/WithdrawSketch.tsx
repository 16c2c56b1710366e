import { useEffect, useRef, useState } from 'preact/hooks';
import { formTexts } from '../form.texts.de.ts';
import { type AnswerOf, call } from '../lib/api.ts';
import { sketchTexts } from '../sketch.texts.de.ts';

// As the API allows (withdrawSketch's body, functions/core/contract/sketches.ts).
const reasonMax = 1000;

/**
 * "Zurückziehen" with a confirmation step: the first button only opens the question, so a slip of
 * the keyboard never withdraws a sketch. Used by the applicant's status page and the office console.
 * The error of a failed attempt stays next to the button that caused it.
 */
export function WithdrawSketch({
  sketchId,
  title,
  idPrefix,
  onWithdrawn,
}: {
  sketchId: string;
  title: string;
  /** Makes the ids unique when several sketches are on one page. */
  idPrefix: string;
  onWithdrawn: (doc: AnswerOf<'withdrawSketch'>) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  /** Set when the question closes by "Abbrechen": focus then returns to the button that opened it. */
  const refocus = useRef(false);

  useEffect(() => {
    if (open) questionRef.current?.focus();
    else if (refocus.current) {
      refocus.current = false;
      openerRef.current?.focus();
    }
  }, [open]);

  const ids = {
    question: `${idPrefix}-withdraw-question`,
    reason: `${idPrefix}-withdraw-reason`,
    counter: `${idPrefix}-withdraw-counter`,
    error: `${idPrefix}-withdraw-error`,
  };

  if (!open) {
    return (
      <button
        type="button"
        class="button button--quiet button--danger"
        ref={openerRef}
        // Names the sketch where several are listed; starts with the visible text (WCAG 2.5.3).
        aria-label={`${sketchTexts.withdraw.button}: ${title}`}
        onClick={() => {
          setError(undefined);
          setOpen(true);
        }}
      >
        {sketchTexts.withdraw.button}
      </button>
    );
  }

  const confirm = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const trimmed = reason.trim();
      const doc = await call('withdrawSketch', {
        params: { id: sketchId },
        body: trimmed ? { reason: trimmed } : {},
      });
      setOpen(false);
      onWithdrawn(doc);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const over = reason.length > reasonMax;
  return (
    <form class="confirm" onSubmit={confirm} aria-labelledby={ids.question} noValidate>
      <p id={ids.question} class="confirm__question" tabIndex={-1} ref={questionRef}>
        {sketchTexts.withdraw.question(title)}
      </p>
      <p>{sketchTexts.withdraw.consequence}</p>
      <div class="field">
        <label for={ids.reason}>{sketchTexts.withdraw.reason}</label>
        <textarea
          id={ids.reason}
          class={over ? 'input input--error' : 'input'}
          rows={3}
          value={reason}
          aria-describedby={ids.counter}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        <p id={ids.counter} class={over ? 'counter counter--over' : 'counter'}>
          {formTexts.sketchForm.counter(reason.length, reasonMax)}
        </p>
      </div>
      {error ? (
        <p id={ids.error} class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <p class="actions">
        <button
          type="submit"
          class="button button--danger"
          disabled={busy || over}
          aria-describedby={error ? ids.error : undefined}
        >
          {busy ? sketchTexts.withdraw.busy : sketchTexts.withdraw.confirm}
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
          {sketchTexts.withdraw.cancel}
        </button>
      </p>
    </form>
  );
}
