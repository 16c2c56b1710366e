import { useState } from 'preact/hooks';
import { trailTexts as t } from '../../../../functions/core/trail.de.ts';
import { type AnswerOf, call, href } from '../../lib/api.ts';
import { useAction } from '../../lib/load.tsx';

type Check = AnswerOf<'checkSketchTrail'>;

/**
 * The office's check of a sketch's or a vote's audit trail (core/trail.ts): the server recomputes
 * the hash chain and says whether it is unchanged or where it first breaks; the CSV beside it lets
 * an auditor recompute it without the portal.
 */
export function TrailCheck({ kind, id }: { kind: 'sketch' | 'vote'; id: string }) {
  const action = useAction();
  const [result, setResult] = useState<Check>();
  const check = async () => {
    setResult(undefined);
    const answer = await action.run(() =>
      kind === 'sketch'
        ? call('checkSketchTrail', { params: { id } })
        : call('checkVoteTrail', { params: { id } }),
    );
    if (answer) setResult(answer);
  };
  const text = !result
    ? undefined
    : result.ok
      ? t.unchanged(result.length)
      : t.broken(result.position ?? result.length, result.at, result.reason ?? 'altered');
  const heading = `trail-${kind}-heading`;
  return (
    <section
      aria-labelledby={heading}
      id="protokollpruefung"
      class={kind === 'vote' ? 'vote-section' : undefined}
    >
      <h2 id={heading}>{t.heading}</h2>
      <p class="hint">{t.intro}</p>
      <div role="status" aria-live="polite">
        {text ? <p class={`notice ${result?.ok ? 'notice--success' : 'notice--error'}`}>{text}</p> : null}
      </div>
      {action.error ? (
        <p class="field-error" role="alert">
          {action.error.status === 0 ? t.failed : action.error.message}
        </p>
      ) : null}
      <p>
        <button type="button" class="button button--quiet" onClick={check} disabled={action.busy}>
          {action.busy ? t.checking : t.check}
        </button>{' '}
        <a
          href={href(kind === 'sketch' ? 'exportSketchTrail' : 'exportVoteTrail', { params: { id } })}
          download
        >
          {t.download}
        </a>
      </p>
    </section>
  );
}
