import { formatDateTime } from '../../../../functions/core/dates.ts';
import type { SketchDoc } from '../../../../functions/core/sketch-doc.ts';
import { href } from '../../lib/api.ts';
import { useNames } from '../../names.ts';
import type { PublicProfile } from '../../sketch-form.ts';
import { votumTexts as t } from '../votes/votum.texts.de.ts';

/**
 * The steering group's Votum on a sketch (the last one counts) with the link to its letter (PDF).
 * Shown on the applicant's sketch page and the office's sketch view; small, so both load it.
 */
export function VotumView({
  doc,
  profile,
  headingLevel = 2,
}: {
  doc: SketchDoc;
  profile: PublicProfile;
  headingLevel?: 2 | 3;
}) {
  const names = useNames();
  const vota = doc.vota ?? [];
  const votum = vota[vota.length - 1];
  if (!votum) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const criterionName = (id: string) => profile.criteria.find((c) => c.id === id)?.name ?? id;
  return (
    <section aria-labelledby="votum-heading" id="votum" class="votum">
      <Heading id="votum-heading">{t.heading(names)}</Heading>
      <dl class="details">
        <div class="details__row">
          <dt>{t.decision}</dt>
          <dd>
            <strong>{t.decisions[votum.decision] ?? votum.decision}</strong>
          </dd>
        </div>
        <div class="details__row">
          <dt>{t.writtenAt}</dt>
          <dd>{formatDateTime(votum.writtenAt)}</dd>
        </div>
        {votum.conditions ? (
          <div class="details__row">
            <dt>{t.conditions}</dt>
            <dd>{votum.conditions}</dd>
          </div>
        ) : null}
        {votum.criteria.length ? (
          <div class="details__row">
            <dt>{t.criteria}</dt>
            <dd>
              <ul class="plain-list">
                {votum.criteria.map((c) => (
                  <li key={c.id}>
                    {criterionName(c.id)}: {t.assessments[c.assessment] ?? c.assessment}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        <div class="details__row">
          <dt>{t.justification}</dt>
          <dd>{votum.justification}</dd>
        </div>
      </dl>
      {votum.decision === 'deferred' && doc.status === 'deferred' ? (
        <p class="notice">{t.deferredNote(names)}</p>
      ) : null}
      {vota.length > 1 ? <p>{t.earlier(vota.length - 1)}</p> : null}
      {doc.letterFailed ? <p class="field-error">{t.letterFailed}</p> : null}
      <p>
        <a
          class="button button--quiet"
          href={href('votumLetter', { params: { id: doc.id } })}
          aria-describedby="votum-letter-hint"
        >
          {t.letter}
        </a>
      </p>
      <p id="votum-letter-hint" class="hint">
        {t.letterHint[votum.decision](names)}
      </p>
      {votum.outcome.source === 'circulation' && votum.outcome.voteId ? (
        <p>
          <a
            class="button button--quiet"
            href={href('circulationRecord', {
              params: { id: doc.id },
              query: { vote: votum.outcome.voteId },
            })}
          >
            {t.circulationRecord(names)}
          </a>
        </p>
      ) : null}
    </section>
  );
}
