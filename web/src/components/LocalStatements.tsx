import { berlinDate, formatDate } from '../../../functions/core/dates.ts';
import { localMessages } from '../../../functions/core/local.de.ts';
import type { LocalStatement } from '../../../functions/core/local.ts';
import { localTexts } from '../pages/local/texts.de.ts';
import type { PublicProfile } from '../profile.ts';

const t = localTexts.statements;

/** The sub-regions a draft names (read tolerantly: a draft may be half filled in). */
export function draftSubRegions(draft: unknown): string[] {
  const space = (draft as { space?: { subRegions?: unknown } } | undefined)?.space;
  const list = Array.isArray(space?.subRegions) ? (space.subRegions as unknown[]) : [];
  return list.flatMap((s) => {
    const id = (s as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id ? [id] : [];
  });
}

/**
 * The local alliances' statements on a sketch, one per sub-region it touches, given or still due;
 * nothing where the profile has no local step (or the sketch touches no sub-region yet).
 */
export function LocalStatements({
  profile,
  subRegionIds,
  statements,
  headingLevel = 2,
}: {
  profile: PublicProfile;
  subRegionIds: readonly string[];
  statements: readonly LocalStatement[] | undefined;
  headingLevel?: 2 | 3;
}) {
  if (!profile.localStatements.required || subRegionIds.length === 0) return null;
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby="local-statements-heading" id="stellungnahmen" class="review-block">
      <Heading id="local-statements-heading">{t.heading}</Heading>
      <dl class="details">
        {subRegionIds.map((id) => {
          const region = profile.subRegions.find((r) => r.id === id);
          const statement = statements?.find((s) => s.subRegionId === id);
          return (
            <div class="details__row" key={id}>
              <dt>{region?.localAlliance ?? id}</dt>
              <dd>
                {statement ? (
                  <>
                    <strong>{localMessages.verdicts[statement.verdict]}</strong>{' '}
                    <span class="hint">({t.given(formatDate(berlinDate(new Date(statement.givenAt))))})</span>
                    {statement.note ? (
                      <p>
                        {t.note} {statement.note}
                      </p>
                    ) : null}
                  </>
                ) : (
                  t.pending
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
