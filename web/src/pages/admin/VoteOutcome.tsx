import { formatDateTime } from '../../../../functions/core/dates.ts';
import {
  type BallotChoice,
  ballotChoices,
  choiceLabels,
  type Outcome,
  outcomeLabels,
  type SketchOutcome,
} from '../../../../functions/core/vote.ts';
import { voteTexts } from '../votes/texts.de.ts';

const t = voteTexts.outcome;

function SeatList({ names }: { names: string[] }) {
  if (names.length === 0) return <>{t.nobody}</>;
  return (
    <ul class="plain-list">
      {names.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  );
}

/**
 * The outcome of one sketch, from a circulation vote or a meeting: the result under the profile's
 * rule, the count per choice, which seats voted how, who was recused and who stayed silent.
 */
export function OutcomeView({
  outcome,
  title,
  seatName,
}: {
  outcome: Outcome | SketchOutcome;
  title: string;
  /** A seat's institution for its id (the id itself when the seat is unknown). */
  seatName: (id: string) => string;
}) {
  const decided = 'source' in outcome ? outcome : undefined;
  const holder = voteTexts.common.holder;
  return (
    <div class="outcome">
      <p class="outcome__result">
        {t.result}: {outcomeLabels[outcome.result] ?? outcome.result}
      </p>
      {decided ? (
        <p>{t.decided(t.source[decided.source] ?? decided.source, formatDateTime(decided.decidedAt))}</p>
      ) : null}
      <div class="table-wrap">
        <table class="table--compact sums-table">
          <caption>{t.countsCaption(title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.choice}</th>
              <th scope="col" class="num">
                {t.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {ballotChoices.map((choice: BallotChoice) => (
              <tr key={choice}>
                <th scope="row">{choiceLabels[choice]}</th>
                <td class="num">{outcome.counts[choice]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl class="details">
        <div class="details__row">
          <dt>{t.eligible}</dt>
          <dd>{outcome.eligible}</dd>
        </div>
        <div class="details__row">
          <dt>{t.quorum}</dt>
          <dd>{outcome.quorumMet ? t.quorumMet : t.quorumMissed}</dd>
        </div>
        {decided?.source !== 'meeting' ? (
          <>
            <div class="details__row">
              <dt>{t.votedHeading}</dt>
              <dd>
                <SeatList
                  names={outcome.voted.map(
                    (v) => `${seatName(v.seatId)}: ${t.as(choiceLabels[v.choice], holder[v.castAs])}`,
                  )}
                />
              </dd>
            </div>
            <div class="details__row">
              <dt>{t.silentHeading}</dt>
              <dd>
                <SeatList names={outcome.silentSeatIds.map(seatName)} />
              </dd>
            </div>
          </>
        ) : null}
        <div class="details__row">
          <dt>{t.recusedHeading}</dt>
          <dd>
            <SeatList names={outcome.recusedSeatIds.map(seatName)} />
          </dd>
        </div>
      </dl>
    </div>
  );
}
