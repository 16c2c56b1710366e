import { useLocation } from 'preact-iso';
import { formatDate } from '../../../../functions/core/dates.ts';
import { Page } from '../../components/Page.tsx';
import type { AnswerOf } from '../../lib/api.ts';
import { NotLoaded, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { voteTexts } from './texts.de.ts';

const t = voteTexts.myVotes;
const holder = voteTexts.common.holder;

type MyVote = AnswerOf<'myVotes'>['items'][number];

export const myVotePath = (id: string) => `/abstimmungen/${encodeURIComponent(id)}`;

function SeatTodo({ vote, seat }: { vote: MyVote; seat: MyVote['seats'][number] }) {
  let todo: string;
  if (vote.status === 'closed') todo = t.closed;
  else if (seat.holds) todo = t.todo(seat.pendingSketchIds.length, vote.sketchIds.length);
  else todo = seat.as === 'member' ? t.handedOver : t.notHandedOver;
  return (
    <div class="details__row">
      <dt>{t.seat(seat.institution, holder[seat.as])}</dt>
      <dd>{todo}</dd>
    </div>
  );
}

/** `/abstimmungen`: the open votes a member or deputy takes part in, with what is still to do. */
export function MyVotes() {
  const names = useNames();
  const { path } = useLocation();
  const loaded = useLoad('myVotes');
  return (
    <Page title={t.title}>
      {loaded.state !== 'loaded' ? (
        <NotLoaded loaded={loaded} path={path} forbidden={voteTexts.common.memberOnly(names)} />
      ) : (
        <>
          <p class="lead">{t.intro(names)}</p>
          {loaded.data.items.length === 0 ? (
            <p class="notice">{t.empty}</p>
          ) : (
            <ul class="cards">
              {loaded.data.items.map((vote) => {
                const deadline = formatDate(vote.deadline);
                return (
                  <li key={vote.id} class="card">
                    <article aria-labelledby={`vote-${vote.id}`}>
                      <h2 id={`vote-${vote.id}`} class="card__title">
                        {vote.status === 'closed' ? t.closedHeading(deadline) : t.voteHeading(deadline)}
                      </h2>
                      <dl class="details">
                        <div class="details__row">
                          <dt>{t.deadline}</dt>
                          <dd>
                            <time dateTime={vote.deadline}>{deadline}</time>
                          </dd>
                        </div>
                        {vote.seats.map((seat) => (
                          <SeatTodo key={seat.seatId} vote={vote} seat={seat} />
                        ))}
                      </dl>
                      <a class="button" href={myVotePath(vote.id)} aria-label={t.openNamed(deadline)}>
                        {t.open}
                      </a>
                    </article>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
