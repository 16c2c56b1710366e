import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { dueAt, formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import { formatEuro } from '../../../../functions/core/money.ts';
import {
  type BallotChoice,
  ballotChoices,
  choiceLabels,
  holderOf,
  type Person,
} from '../../../../functions/core/vote.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, type ApiError, call } from '../../lib/api.ts';
import { Confirm } from '../../lib/confirm.tsx';
import { describedBy, RadioGroup } from '../../lib/controls.tsx';
import { fieldMessage, NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { useSession } from '../../session.ts';
import { voteTexts } from './texts.de.ts';

const t = voteTexts.myVote;
const holder = voteTexts.common.holder;

type VoteDoc = AnswerOf<'getVote'>;
type Seat = VoteDoc['seats'][number];
type Sketch = VoteDoc['sketches'][number];

/** The limits cast-ballot.ts applies to a reason and a comment. */
const textMax = 2000;

/** Whether ballots can still be cast: open, and the deadline's day in Berlin not over. */
const votingOpen = (doc: VoteDoc) => doc.status === 'open' && Date.now() < dueAt(doc.deadline).getTime();

interface BlockProps {
  doc: VoteDoc;
  seat: Seat;
  /** Whether the signed-in person is this seat's member (else its deputy). */
  asMember: boolean;
  onChanged: (doc: VoteDoc) => void;
  /** A refusal that means the page shows an old state: load the vote again. */
  onStale: () => void;
}

/** What the API's 409 means for the person: a conflict is explained in our words, the rest in the API's. */
const refusal = (error: ApiError) => (error.code === 'vote_conflict' ? t.conflict : error.message);

/** The seat, who holds its vote, and handing it over to the deputy or taking it back. */
function SeatBlock({ doc, seat, asMember, onChanged, onStale }: BlockProps) {
  const h = t.handOver;
  const names = useNames();
  const action = useAction();
  const { announce, region } = useAnnouncement(doc);
  const open = votingOpen(doc);
  useEffect(() => {
    if (action.error?.status !== 409) return;
    announce(refusal(action.error), 'error');
    onStale();
  }, [action.error]);

  const handOver = async (deputy: Person) => {
    const next = await action.run(() =>
      call('handOver', { params: { id: doc.id, seatId: seat.id }, body: { deputy: deputy.email } }),
    );
    if (next) {
      onChanged(next);
      announce(h.done(deputy.name));
    }
  };
  const takeBack = async () => {
    const next = await action.run(() => call('takeBack', { params: { id: doc.id, seatId: seat.id } }));
    if (next) {
      onChanged(next);
      announce(h.takenBack);
    }
  };

  const errorId = `seat-${seat.id}-error`;
  // A refusal for an old state is announced above (the control may be gone after the reload).
  const error =
    action.error && action.error.status !== 409 ? (
      <p id={errorId} class="field-error" role="alert">
        {refusal(action.error)}
      </p>
    ) : null;
  let body: ComponentChildren;
  if (!asMember) {
    body = (
      <p class="notice notice--info">
        {seat.holder === 'deputy' ? t.deputy.holds(seat.member.name) : t.deputy.waits(seat.member.name)}
      </p>
    );
  } else if (seat.holder === 'member') {
    body = seat.deputies.length ? (
      open ? (
        <>
          <p id={`seat-${seat.id}-hint`}>
            {h.hint(seat.deputies.map((d) => `${d.name}, ${d.email}`).join('; '))}
          </p>
          {error}
          {/* One button per deputy: with several, the member chooses who represents them. */}
          {seat.deputies.map((deputy) => (
            <button
              key={deputy.email}
              type="button"
              class="button button--quiet"
              onClick={() => handOver(deputy)}
              disabled={action.busy}
              aria-describedby={describedBy(error ? errorId : undefined, `seat-${seat.id}-hint`)}
            >
              {action.busy ? h.busy : seat.deputies.length > 1 ? h.buttonTo(deputy.name) : h.button}
            </button>
          ))}
        </>
      ) : null
    ) : (
      <p>{h.noDeputy}</p>
    );
  } else {
    body = (
      <>
        <p class="notice notice--info">{h.given(holderOf(seat, seat).name)}</p>
        {seat.handedOverBy ? <p>{h.byOffice(names, seat.handOverReason ?? '')}</p> : null}
        {seat.deputyVoted ? (
          <p>{h.deputyVoted}</p>
        ) : open ? (
          <>
            {error}
            <button
              type="button"
              class="button button--quiet"
              onClick={takeBack}
              disabled={action.busy}
              aria-describedby={error ? errorId : undefined}
            >
              {action.busy ? h.takingBack : h.takeBack}
            </button>
          </>
        ) : null}
      </>
    );
  }
  return (
    <section class="vote-section" aria-labelledby={`seat-${seat.id}-heading`}>
      <h2 id={`seat-${seat.id}-heading`}>{t.seatHeading(seat.institution)}</h2>
      <p>{t.actingAs(asMember ? holder.member : holder.deputy)}</p>
      {region}
      {body}
    </section>
  );
}

/** "Befangenheit erklären", asked first because it cannot be undone. */
function Recusal({
  doc,
  seat,
  sketch,
  idPrefix,
  onChanged,
  onStale,
  announce,
}: Omit<BlockProps, 'asMember'> & {
  sketch: Sketch;
  idPrefix: string;
  announce: (text: string, as?: 'success' | 'error') => void;
}) {
  const r = t.recuse;
  const action = useAction();
  useEffect(() => {
    if (action.error?.status !== 409) return;
    announce(refusal(action.error), 'error');
    onStale();
  }, [action.error]);
  const failed = action.error && action.error.status !== 409 ? action.error : undefined;
  const confirm = async () => {
    const next = await action.run(() =>
      call('recuseSeat', { params: { id: doc.id }, body: { seatId: seat.id, sketchId: sketch.id } }),
    );
    if (next) {
      onChanged(next);
      announce(r.done(sketch.title));
    }
  };
  return (
    <Confirm
      id={`${idPrefix}-recuse`}
      opener={r.button}
      openerLabel={`${r.button}: ${sketch.title}`}
      question={r.question(sketch.title)}
      consequence={r.consequence}
      confirm={r.confirm}
      busyLabel={r.busy}
      busy={action.busy}
      error={failed?.message}
      onOpen={() => action.setError(undefined)}
      onConfirm={confirm}
    />
  );
}

/** One seat's ballot on one sketch: the current one, the form to cast or change it, the recusal. */
function BallotBlock({
  doc,
  seat,
  sketch,
  asMember,
  showSeat,
  onChanged,
  onStale,
}: BlockProps & { sketch: Sketch; showSeat: boolean }) {
  const ballot = doc.ballots.find((b) => b.seatId === seat.id && b.sketchId === sketch.id);
  const [choice, setChoice] = useState<BallotChoice | undefined>(ballot?.choice);
  const [reason, setReason] = useState(ballot?.reason ?? '');
  const [comment, setComment] = useState(ballot?.comment ?? '');
  const [problem, setProblem] = useState<{ choice?: string; reason?: string }>({});
  const action = useAction();
  const { announce, region } = useAnnouncement(doc);
  const idPrefix = `ballot-${seat.id}-${sketch.id}`;
  const ids = {
    choice: `${idPrefix}-choice`,
    reason: `${idPrefix}-reason`,
    comment: `${idPrefix}-comment`,
    error: `${idPrefix}-error`,
  };
  useEffect(() => {
    if (action.error?.status !== 409) return;
    announce(refusal(action.error), 'error');
    onStale();
  }, [action.error]);

  const recused = seat.recusedSketchIds.includes(sketch.id);
  const holds = seat.holder === (asMember ? 'member' : 'deputy');
  const open = votingOpen(doc);
  const deadline = formatDate(doc.deadline);

  const submit = async (event: Event) => {
    event.preventDefault();
    const local = {
      ...(choice ? {} : { choice: t.choiceMissing }),
      ...(choice === 'object' && !reason.trim() ? { reason: t.reasonMissing } : {}),
    };
    setProblem(local);
    if (!choice || local.reason) {
      const first = local.choice ? `${ids.choice}-${ballotChoices[0]}` : ids.reason;
      document.getElementById(first)?.focus();
      return;
    }
    const next = await action.run(() =>
      call('castBallot', {
        params: { id: doc.id },
        body: {
          seatId: seat.id,
          sketchId: sketch.id,
          choice,
          ...(choice === 'object' ? { reason: reason.trim() } : {}),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
      }),
    );
    if (next) {
      onChanged(next);
      announce(t.castDone(sketch.title, choiceLabels[choice]));
    }
  };

  // The ballot as it stands, as plain text: the green box after voting is the announcement's alone.
  const current = ballot ? (
    <p class="ballot-current">
      {t.current(
        choiceLabels[ballot.choice],
        formatDateTime(ballot.at),
        ballot.castBy,
        holder[ballot.castAs],
      )}
      {open && holds ? ` ${t.changeable(deadline)}` : ''}
    </p>
  ) : (
    <p>{t.noBallot}</p>
  );

  const legend = t.ballotLegend(sketch.title, showSeat ? seat.institution : undefined);
  let body: ComponentChildren;
  if (recused) body = <p class="notice notice--info">{t.recused}</p>;
  else if (!open) body = current;
  else if (!holds)
    body = (
      <>
        {current}
        <p>{asMember ? t.notYourTurn.member : t.notYourTurn.deputy}</p>
      </>
    );
  else {
    const reasonError = problem.reason ?? fieldMessage(action.error, 'reason');
    const choiceError = problem.choice ?? fieldMessage(action.error, 'choice');
    const other =
      action.error && !action.error.fields.length && action.error.status !== 409 ? action.error : undefined;
    body = (
      <>
        {current}
        <form onSubmit={submit} noValidate aria-label={legend}>
          <RadioGroup
            id={ids.choice}
            legend={legend}
            options={ballotChoices.map((c) => ({ value: c, label: choiceLabels[c] }))}
            value={choice}
            onChange={(value) => {
              setChoice(value as BallotChoice);
              setProblem({ ...problem, choice: undefined });
            }}
            error={choiceError}
          />
          <Field
            id={ids.reason}
            label={t.reason}
            hint={t.reasonHint}
            multiline
            value={reason}
            onInput={(value) => {
              setReason(value);
              if (problem.reason && value.trim()) setProblem({ ...problem, reason: undefined });
            }}
            error={reasonError ?? (reason.length > textMax ? t.tooLong(t.reason, textMax) : undefined)}
          />
          <Field
            id={ids.comment}
            label={`${t.comment} ${voteTexts.common.optional}`}
            multiline
            value={comment}
            onInput={setComment}
            error={comment.length > textMax ? t.tooLong(t.comment, textMax) : undefined}
          />
          {other ? (
            <p id={ids.error} class="field-error" role="alert">
              {other.message}
            </p>
          ) : null}
          <p class="actions">
            <button
              type="submit"
              class="button"
              disabled={action.busy}
              aria-describedby={other ? ids.error : undefined}
            >
              {action.busy ? t.busy : ballot ? t.change : t.cast}
            </button>
          </p>
        </form>
        <Recusal
          doc={doc}
          seat={seat}
          sketch={sketch}
          idPrefix={idPrefix}
          onChanged={onChanged}
          onStale={onStale}
          announce={announce}
        />
      </>
    );
  }
  return (
    <div class="ballot">
      {showSeat ? <h4>{seat.institution}</h4> : null}
      {region}
      {body}
    </div>
  );
}

function SketchBlock({
  doc,
  sketch,
  seats,
  me,
  onChanged,
  onStale,
}: {
  doc: VoteDoc;
  sketch: Sketch;
  seats: Seat[];
  me: string;
  onChanged: (doc: VoteDoc) => void;
  onStale: () => void;
}) {
  const headingId = `sketch-${sketch.id}-heading`;
  return (
    <article class="vote-sketch" aria-labelledby={headingId}>
      <h3 id={headingId}>{sketch.title}</h3>
      <dl class="details">
        <div class="details__row">
          <dt>{t.organisation}</dt>
          <dd>{sketch.organisation}</dd>
        </div>
        <div class="details__row">
          <dt>{t.cost}</dt>
          <dd>{t.costValue(formatEuro(sketch.costCents), formatEuro(sketch.esfCents))}</dd>
        </div>
        <div class="details__row">
          <dt>{t.summary}</dt>
          <dd>{sketch.summary}</dd>
        </div>
      </dl>
      <p>
        {/* The vote goes along, so the sketch's page can lead back to it. */}
        <a href={`/skizzen/${encodeURIComponent(sketch.id)}?abstimmung=${encodeURIComponent(doc.id)}`}>
          {t.fullSketch(sketch.title)}
        </a>
      </p>
      {seats.map((seat) => (
        <BallotBlock
          key={seat.id}
          doc={doc}
          seat={seat}
          sketch={sketch}
          asMember={seat.member.email === me}
          showSeat={seats.length > 1}
          onChanged={onChanged}
          onStale={onStale}
        />
      ))}
    </article>
  );
}

/**
 * `/abstimmungen/:id`, where the vote's mails lead after signing in: the seats the person acts for
 * (hand over, take back) and per sketch its summary and the ballot, changeable until the deadline.
 */
export function MyVote() {
  const names = useNames();
  const { params } = useRoute();
  const { path } = useLocation();
  const session = useSession();
  const id = params.id ?? '';
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad('getVote', { params: { id } }, reloads);
  /** The vote as an action answered it; replaced by the next load. */
  const [changed, setChanged] = useState<VoteDoc>();
  useEffect(() => setChanged(undefined), [loaded]);

  const me = session.state === 'signed-in' ? session.me.email : '';
  const doc = changed ?? (loaded.state === 'loaded' ? loaded.data : undefined);
  const reload = () => setReloads((n) => n + 1);
  if (!doc || loaded.state !== 'loaded')
    return (
      <Page title={t.title(names)}>
        {loaded.state === 'loaded' ? null : (
          <NotLoaded loaded={loaded} path={path} forbidden={voteTexts.common.memberOnly(names)} />
        )}
      </Page>
    );

  const seats = doc.seats.filter((s) => doc.mySeatIds?.includes(s.id));
  const open = votingOpen(doc);
  return (
    <Page title={t.title(names)}>
      <p>
        <a href="/abstimmungen">{t.backToList}</a>
      </p>
      {open ? (
        <p class="notice notice--info">{t.deadline(formatDate(doc.deadline))}</p>
      ) : (
        <div class="notice notice--error">
          <p>{t.closed(formatDate(doc.deadline))}</p>
        </div>
      )}
      {doc.mySeatIds === undefined ? (
        // An admin without a seat: the office's own page shows the vote.
        <p>
          <a href={`/verwaltung/abstimmungen/${encodeURIComponent(doc.id)}`}>
            {voteTexts.vote.fallbackTitle}
          </a>
        </p>
      ) : null}
      {seats.map((seat) => (
        <SeatBlock
          key={seat.id}
          doc={doc}
          seat={seat}
          asMember={seat.member.email === me}
          onChanged={setChanged}
          onStale={reload}
        />
      ))}
      <section class="vote-section" aria-labelledby="sketches-heading">
        <h2 id="sketches-heading">{t.sketchesHeading}</h2>
        {doc.sketches.map((sketch) => (
          <SketchBlock
            key={sketch.id}
            doc={doc}
            sketch={sketch}
            seats={seats}
            me={me}
            onChanged={setChanged}
            onStale={reload}
          />
        ))}
      </section>
    </Page>
  );
}
