import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { addDays, formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import { de } from '../../../../functions/core/messages.de.ts';
import { formatEuro } from '../../../../functions/core/money.ts';
import type { ProfileNames } from '../../../../functions/core/profile.ts';
import { type BallotChoice, ballotChoices, choiceLabels, holderOf } from '../../../../functions/core/vote.ts';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, type ApiError, call, href, isAbort } from '../../lib/api.ts';
import { Confirm } from '../../lib/confirm.tsx';
import { DateField, describedBy } from '../../lib/controls.tsx';
import {
  classify,
  fieldMessage,
  type Loaded,
  NotLoaded,
  useAction,
  useAnnouncement,
} from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { clockTime } from '../votes/shared.tsx';
import { voteTexts } from '../votes/texts.de.ts';
import { TrailCheck } from './TrailCheck.tsx';
import { OutcomeView } from './VoteOutcome.tsx';
import { voteStatus } from './Votes.tsx';

const t = voteTexts.vote;
const holder = voteTexts.common.holder;

/** How often an open vote's progress is fetched again while the page is visible. */
const pollMs = 15_000;

type VoteDoc = AnswerOf<'getVote'>;
type Seat = VoteDoc['seats'][number];

/** Ballots and recusals that are new or changed from `before` to `after`: what a refresh brings. */
export function changesBetween(before: VoteDoc, after: VoteDoc): number {
  const ballots = new Set(before.ballots.map((b) => `${b.seatId}|${b.sketchId}|${b.revision}`));
  const recusals = new Set(before.seats.flatMap((s) => s.recusedSketchIds.map((id) => `${s.id}|${id}`)));
  return (
    after.ballots.filter((b) => !ballots.has(`${b.seatId}|${b.sketchId}|${b.revision}`)).length +
    after.seats.flatMap((s) => s.recusedSketchIds.filter((id) => !recusals.has(`${s.id}|${id}`))).length
  );
}

const holderName = (seat: Seat, names: ProfileNames) =>
  seat.holder === 'deputy'
    ? `${holder.deputy}: ${holderOf(seat, seat).name}${seat.handedOverBy ? ` (${t.handedByOffice(names, seat.handOverReason ?? '')})` : ''}`
    : `${holder.member}: ${seat.member.name}`;

function Overview({ doc }: { doc: VoteDoc }) {
  const names = useNames();
  const rows: [string, string][] = [
    [t.status, voteStatus(doc, names)],
    [t.deadline, t.deadlineValue(formatDate(doc.deadline))],
    [t.openedAt, t.openedBy(formatDateTime(doc.openedAt), doc.openedBy)],
    ...(doc.closedAt ? [[t.closedAt, formatDateTime(doc.closedAt)] as [string, string]] : []),
  ];
  return (
    <dl class="details">
      {rows.map(([term, value]) => (
        <div key={term} class="details__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Sketches({ doc }: { doc: VoteDoc }) {
  return (
    <section class="vote-section" aria-labelledby="vote-sketches-heading">
      <h2 id="vote-sketches-heading">{t.sketchesHeading}</h2>
      <ul class="plain-list">
        {doc.sketches.map((sketch) => (
          <li key={sketch.id}>
            <a href={`/verwaltung/skizzen/${encodeURIComponent(sketch.id)}`}>{sketch.title}</a>
            {` – ${sketch.organisation}; ${t.cost(formatEuro(sketch.costCents), formatEuro(sketch.esfCents))}; ${t.sketchStatus(de.status[sketch.status])}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Per seat and sketch: who voted how (member or deputy), who is recused, what is still open. */
function Progress({
  doc,
  updatedAt,
  refreshing,
  onRefresh,
  liveNote,
}: {
  doc: VoteDoc;
  updatedAt: Date;
  refreshing: boolean;
  onRefresh: () => void;
  liveNote: string;
}) {
  const names = useNames();
  const ballotOf = (seatId: string, sketchId: string) =>
    doc.ballots.find((b) => b.seatId === seatId && b.sketchId === sketchId);
  return (
    <section class="vote-section" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t.progressHeading}</h2>
      <div class="actions">
        <p>
          {doc.status === 'open'
            ? t.lastUpdate(clockTime(updatedAt))
            : t.lastUpdateClosed(clockTime(updatedAt))}
        </p>
        <button
          type="button"
          class="button button--quiet button--small"
          onClick={onRefresh}
          disabled={refreshing}
        >
          {refreshing ? t.refreshing : t.refresh}
        </button>
      </div>
      {/* Polite: a refresh that brings news is read out when the reader is idle, never interrupting. */}
      <p role="status" class="live" aria-live="polite">
        {liveNote}
      </p>
      <ul class="plain-list">
        {doc.sketches.map((sketch) => {
          const recused = doc.seats.filter((s) => s.recusedSketchIds.includes(sketch.id)).length;
          const voted = doc.ballots.filter((b) => b.sketchId === sketch.id).length;
          return (
            <li key={sketch.id}>
              {t.sketchProgress(sketch.title, voted, doc.seats.length - recused, recused)}
            </li>
          );
        })}
      </ul>
      <div class="table-wrap">
        <table class="progress">
          <caption>{t.progressCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.seatColumn}</th>
              <th scope="col">{t.holderColumn}</th>
              {doc.sketches.map((sketch) => (
                <th key={sketch.id} scope="col">
                  {sketch.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {doc.seats.map((seat) => (
              <tr key={seat.id}>
                <th scope="row">{seat.institution}</th>
                <td>{holderName(seat, names)}</td>
                {doc.sketches.map((sketch) => {
                  const ballot = ballotOf(seat.id, sketch.id);
                  if (seat.recusedSketchIds.includes(sketch.id))
                    return (
                      <td key={sketch.id} class="progress--recused">
                        {t.recused}
                      </td>
                    );
                  if (!ballot)
                    return (
                      <td key={sketch.id} class="progress--open">
                        {doc.status === 'open' ? t.notVoted : t.silent}
                      </td>
                    );
                  return (
                    <td key={sketch.id}>
                      {t.voted(choiceLabels[ballot.choice], holder[ballot.castAs])}
                      {ballot.recordedBecause
                        ? ` (${t.recordedByOffice(names, ballot.recordedBecause)})`
                        : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Objections' reasons and comments, per sketch, with the seat that gave them. */
function Comments({ doc, seatName }: { doc: VoteDoc; seatName: (id: string) => string }) {
  const said = doc.ballots.filter((b) => b.reason || b.comment);
  return (
    <section class="vote-section" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t.commentsHeading}</h2>
      {said.length === 0 ? (
        <p>{t.noComments}</p>
      ) : (
        doc.sketches.map((sketch) => {
          const here = said.filter((b) => b.sketchId === sketch.id);
          if (here.length === 0) return null;
          return (
            <div key={sketch.id}>
              <h3>{sketch.title}</h3>
              <ul class="timeline">
                {here.map((b) => (
                  <li key={b.seatId} class="timeline__event">
                    <p>
                      <strong>{seatName(b.seatId)}</strong>
                      {` – ${t.voted(choiceLabels[b.choice], holder[b.castAs])}, ${formatDateTime(b.at)}`}
                    </p>
                    {b.reason ? (
                      <p class="pre">
                        <strong>{t.reason}</strong> {b.reason}
                      </p>
                    ) : null}
                    {b.comment ? (
                      <p class="pre">
                        <strong>{t.comment}</strong> {b.comment}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}

interface ActionProps {
  doc: VoteDoc;
  /** The vote after an action, with the sentence to announce. */
  onDone: (doc: VoteDoc | undefined, announcement: string) => void;
  /** A refusal that means the page shows an old state: reload it. */
  onStale: (error: ApiError) => void;
}

/** A refusal because the page shows an old state (someone else changed or closed the vote). */
const isStale = (error: ApiError | undefined): boolean =>
  error?.status === 409 && (error.code === 'vote_conflict' || error.code === 'closed');

/** The refusal to show beside the action's control: stale ones are announced above instead. */
const beside = (error: ApiError | undefined) => (isStale(error) ? undefined : error);

/** One action on the vote: a refusal for an old state reloads the page (and is announced there). */
function useVoteAction(onStale: (error: ApiError) => void) {
  const action = useAction();
  useEffect(() => {
    if (action.error && isStale(action.error)) onStale(action.error);
  }, [action.error]);
  return { ...action, beside: beside(action.error) };
}

function ErrorBeside({ id, error }: { id: string; error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <p id={id} class="field-error" role="alert">
      {error.message}
    </p>
  );
}

function Remind({ doc, onDone, onStale }: ActionProps) {
  const r = t.remind;
  const action = useVoteAction(onStale);
  const send = async () => {
    const answer = await action.run(() => call('remindVote', { params: { id: doc.id } }));
    if (answer) onDone(undefined, r.done(answer.reminded));
  };
  return (
    <div class="review-block">
      <h3>{r.heading}</h3>
      <p id="remind-hint" class="hint">
        {r.hint}
      </p>
      <ErrorBeside id="remind-error" error={action.beside} />
      <button
        type="button"
        class="button"
        onClick={send}
        disabled={action.busy}
        aria-describedby={describedBy(action.beside && 'remind-error', 'remind-hint')}
      >
        {action.busy ? r.busy : r.button}
      </button>
    </div>
  );
}

function Extend({ doc, onDone, onStale }: ActionProps) {
  const x = t.extend;
  const [deadline, setDeadline] = useState<string>(addDays(doc.deadline, 7));
  const [missing, setMissing] = useState(false);
  const action = useVoteAction(onStale);
  const submit = async (event: Event) => {
    event.preventDefault();
    setMissing(!deadline);
    if (!deadline) {
      document.getElementById('extend-deadline')?.focus();
      return;
    }
    const next = await action.run(() => call('extendVote', { params: { id: doc.id }, body: { deadline } }));
    if (next) onDone(next, x.done(formatDate(next.deadline)));
  };
  const fieldError = missing ? x.missing : fieldMessage(action.error, 'deadline');
  const other = action.error && !action.error.fields.length ? action.beside : undefined;
  return (
    <form class="review-block" onSubmit={submit} noValidate aria-labelledby="extend-heading">
      <h3 id="extend-heading">{x.heading}</h3>
      <p class="hint">{x.hint}</p>
      <div class="inline-form">
        <DateField
          id="extend-deadline"
          label={x.label}
          value={deadline}
          min={addDays(doc.deadline, 1)}
          onInput={setDeadline}
          error={fieldError}
        />
        <button
          type="submit"
          class="button button--quiet"
          disabled={action.busy}
          aria-describedby={other ? 'extend-error' : undefined}
        >
          {action.busy ? x.busy : x.button}
        </button>
      </div>
      <ErrorBeside id="extend-error" error={other} />
    </form>
  );
}

function Recuse({ doc, onDone, onStale }: ActionProps) {
  const r = t.recuse;
  const [seatId, setSeatId] = useState('');
  const [sketchId, setSketchId] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useVoteAction(onStale);
  const submit = async (event: Event) => {
    event.preventDefault();
    const incomplete = !seatId || !sketchId;
    setMissing(incomplete);
    if (incomplete) {
      document.getElementById(seatId ? 'recuse-sketch' : 'recuse-seat')?.focus();
      return;
    }
    const next = await action.run(() =>
      call('recuseSeat', { params: { id: doc.id }, body: { seatId, sketchId } }),
    );
    if (next) {
      const seat = doc.seats.find((s) => s.id === seatId)?.institution ?? seatId;
      const sketch = doc.sketches.find((s) => s.id === sketchId)?.title ?? sketchId;
      setSeatId('');
      setSketchId('');
      onDone(next, r.done(seat, sketch));
    }
  };
  const error = missing ? r.missing : action.beside?.message;
  return (
    <form class="review-block" onSubmit={submit} noValidate aria-labelledby="recuse-heading">
      <h3 id="recuse-heading">{r.heading}</h3>
      <p class="hint">{r.hint}</p>
      <div class="inline-form">
        <div class="field">
          <label for="recuse-seat">{r.seat}</label>
          <select
            id="recuse-seat"
            class="input"
            value={seatId}
            aria-invalid={missing && !seatId ? 'true' : undefined}
            aria-describedby={describedBy(error && 'recuse-error')}
            onChange={(event) => setSeatId(event.currentTarget.value)}
          >
            <option value="">{r.choose}</option>
            {doc.seats.map((seat) => (
              <option key={seat.id} value={seat.id}>
                {seat.institution}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="recuse-sketch">{r.sketch}</label>
          <select
            id="recuse-sketch"
            class="input"
            value={sketchId}
            aria-invalid={missing && !sketchId ? 'true' : undefined}
            aria-describedby={describedBy(error && 'recuse-error')}
            onChange={(event) => setSketchId(event.currentTarget.value)}
          >
            <option value="">{r.choose}</option>
            {doc.sketches.map((sketch) => (
              <option key={sketch.id} value={sketch.id}>
                {sketch.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--quiet" disabled={action.busy}>
          {action.busy ? r.busy : r.button}
        </button>
      </div>
      {error ? (
        <p id="recuse-error" class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** The office acts for a seat whose member cannot: hands it to a deputy, or records its ballot, saying why. */
function ActForSeat({ doc, onDone, onStale }: ActionProps) {
  const a = t.actFor;
  const names = useNames();
  const [seatId, setSeatId] = useState('');
  const [what, setWhat] = useState<'ballot' | 'handOver'>('ballot');
  const [deputy, setDeputy] = useState('');
  const [sketchId, setSketchId] = useState('');
  const [choice, setChoice] = useState<BallotChoice | ''>('');
  const [reason, setReason] = useState('');
  const [because, setBecause] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useVoteAction(onStale);
  const seat = doc.seats.find((s) => s.id === seatId);
  const submit = async (event: Event) => {
    event.preventDefault();
    const incomplete = !seatId || !because.trim() || (what === 'ballot' && (!sketchId || !choice));
    setMissing(incomplete);
    if (incomplete) {
      document.getElementById(seatId ? 'act-because' : 'act-seat')?.focus();
      return;
    }
    const institution = seat?.institution ?? seatId;
    if (what === 'handOver') {
      const next = await action.run(() =>
        call('officeHandOver', {
          params: { id: doc.id, seatId },
          body: { ...(deputy ? { deputy } : {}), because: because.trim() },
        }),
      );
      if (next) onDone(next, a.handedOver(institution));
      return;
    }
    const next = await action.run(() =>
      call('recordBallot', {
        params: { id: doc.id },
        body: {
          seatId,
          sketchId,
          choice: choice as BallotChoice,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          because: because.trim(),
        },
      }),
    );
    if (next) onDone(next, a.recorded(institution, doc.sketches.find((s) => s.id === sketchId)?.title ?? ''));
  };
  const error = missing ? a.missing : action.beside?.message;
  const select = (
    id: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: { value: string; label: string }[],
  ) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        class="input"
        value={value}
        aria-describedby={describedBy(error && 'act-error')}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{a.choose}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form class="review-block" onSubmit={submit} noValidate aria-labelledby="act-heading">
      <h3 id="act-heading">{a.heading}</h3>
      <p class="hint">{a.hint(names)}</p>
      <div class="inline-form">
        {select(
          'act-seat',
          a.seat,
          seatId,
          setSeatId,
          doc.seats.map((s) => ({ value: s.id, label: s.institution })),
        )}
        {select('act-what', a.what, what, (v) => setWhat(v === 'handOver' ? 'handOver' : 'ballot'), [
          { value: 'ballot', label: a.ballot },
          { value: 'handOver', label: a.handOver },
        ])}
        {what === 'handOver'
          ? select(
              'act-deputy',
              a.deputy,
              deputy,
              setDeputy,
              (seat?.deputies ?? []).map((d) => ({ value: d.email, label: d.name })),
            )
          : [
              select(
                'act-sketch',
                a.sketch,
                sketchId,
                setSketchId,
                doc.sketches.map((s) => ({ value: s.id, label: s.title })),
              ),
              select(
                'act-choice',
                a.choice,
                choice,
                (v) => setChoice(v as BallotChoice | ''),
                ballotChoices.map((c) => ({ value: c, label: choiceLabels[c] })),
              ),
            ]}
      </div>
      {what === 'ballot' && choice === 'object' ? (
        <Field
          id="act-reason"
          label={a.reason}
          value={reason}
          onInput={setReason}
          error={fieldMessage(action.error, 'reason')}
        />
      ) : null}
      <Field
        id="act-because"
        label={a.because}
        value={because}
        onInput={setBecause}
        error={fieldMessage(action.error, 'because')}
      />
      <button type="submit" class="button button--quiet" disabled={action.busy}>
        {action.busy ? a.busy : a.button}
      </button>
      {error ? (
        <p id="act-error" class="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** "Abstimmung beenden" asks first: the first button only opens the question. */
function Close({ doc, onDone, onStale }: ActionProps) {
  const c = t.close;
  const action = useVoteAction(onStale);
  const confirm = async () => {
    const next = await action.run(() => call('closeVote', { params: { id: doc.id } }));
    if (next) onDone(next, c.done);
  };
  return (
    <div class="review-block">
      <h3>{c.heading}</h3>
      <p class="hint">{c.hint}</p>
      <Confirm
        id="close"
        opener={c.button}
        question={c.question}
        consequence={c.consequence}
        confirm={c.confirm}
        busyLabel={c.busy}
        busy={action.busy}
        error={action.beside?.message}
        onOpen={() => action.setError(undefined)}
        onConfirm={confirm}
      />
    </div>
  );
}

function Outcomes({ doc, seatName }: { doc: VoteDoc; seatName: (id: string) => string }) {
  return (
    <section class="vote-section" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t.outcomesHeading}</h2>
      {doc.sketches.map((sketch) => {
        const outcome = doc.outcomes?.find((o) => o.sketchId === sketch.id);
        return (
          <article key={sketch.id} aria-labelledby={`outcome-${sketch.id}`} class="vote-sketch">
            <h3 id={`outcome-${sketch.id}`}>{sketch.title}</h3>
            {outcome ? (
              <OutcomeView outcome={outcome} title={sketch.title} seatName={seatName} />
            ) : (
              <p>{t.noOutcome}</p>
            )}
            {doc.status === 'closed' && outcome ? (
              <p>
                <a href={href('circulationRecord', { params: { id: sketch.id }, query: { vote: doc.id } })}>
                  {t.circulationRecord(sketch.title)}
                </a>
              </p>
            ) : null}
            {sketch.status === 'vote_closed' && outcome ? (
              <p>
                <a class="button" href={`/verwaltung/skizzen/${encodeURIComponent(sketch.id)}/votum`}>
                  {t.writeVotum(sketch.title)}
                </a>
              </p>
            ) : outcome ? (
              <p>{t.votumWritten(de.status[sketch.status])}</p>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

/**
 * `/verwaltung/abstimmungen/:id`: one circulation vote for the office. While it is open the progress
 * refreshes itself every 15 seconds (and on "Aktualisieren"); news is announced politely.
 */
export function Vote() {
  const { params } = useRoute();
  const { path, query } = useLocation();
  const id = params.id ?? '';
  const [loaded, setLoaded] = useState<Loaded<VoteDoc>>({ state: 'loading' });
  const [updatedAt, setUpdatedAt] = useState(() => new Date());
  const [refreshing, setRefreshing] = useState(false);
  const [liveNote, setLiveNote] = useState('');
  const { announce, region } = useAnnouncement(loaded);
  const current = useRef<VoteDoc | undefined>(undefined);
  const started = query.eroeffnet === '1';

  const show = (doc: VoteDoc) => {
    current.current = doc;
    setLoaded({ state: 'loaded', data: doc });
    setUpdatedAt(new Date());
  };

  /** Fetches the vote; `how` says whether (and how) the news is announced. */
  const fetchVote = async (how: 'quiet' | 'poll' | 'manual', signal?: AbortSignal) => {
    try {
      const doc = await call('getVote', { params: { id } }, { signal });
      const before = current.current;
      show(doc);
      if (!before || how === 'quiet') return;
      const changes = changesBetween(before, doc);
      if (how === 'manual' || changes > 0)
        setLiveNote(t.refreshed(clockTime(new Date()), t.changes(changes)));
    } catch (error) {
      if (isAbort(error)) return;
      // A failed poll keeps what is shown; only the first load shows the error instead of the page.
      if (!current.current) setLoaded(classify(error));
      else if (how === 'manual') setLiveNote((error as Error).message);
    }
  };

  useEffect(() => {
    const abort = new AbortController();
    current.current = undefined;
    setLoaded({ state: 'loading' });
    void fetchVote('quiet', abort.signal);
    return () => abort.abort();
  }, [id]);

  const open = loaded.state === 'loaded' && loaded.data.status === 'open';
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      if (!document.hidden) void fetchVote('poll');
    }, pollMs);
    return () => clearInterval(timer);
  }, [open, id]);

  const refresh = async () => {
    setRefreshing(true);
    await fetchVote('manual');
    setRefreshing(false);
  };

  const done = (doc: VoteDoc | undefined, announcement: string) => {
    announce(announcement);
    if (doc) show(doc);
    else void fetchVote('quiet');
  };
  const stale = (error: ApiError) => {
    announce(error.code === 'vote_conflict' ? voteTexts.myVote.conflict : error.message, 'error');
    void fetchVote('quiet');
  };

  const doc = loaded.state === 'loaded' ? loaded.data : undefined;
  const seatName = (seatId: string) => doc?.seats.find((s) => s.id === seatId)?.institution ?? seatId;
  const title = doc ? voteTexts.votes.voteName(formatDateTime(doc.openedAt)) : t.fallbackTitle;
  return (
    <div class="page--wide">
      <Page title={title}>
        <OfficeNav current="votes" />
        <p>
          <a href="/verwaltung/abstimmungen">{t.backToList}</a>
        </p>
        {started ? (
          <div class="notice notice--success" data-focus tabIndex={-1}>
            <p>{voteTexts.votes.started}</p>
          </div>
        ) : null}
        {region}
        {!doc ? (
          <NotLoaded loaded={loaded as Exclude<Loaded<VoteDoc>, { state: 'loaded' }>} path={path} />
        ) : (
          <>
            <Overview doc={doc} />
            <Sketches doc={doc} />
            {doc.status === 'closed' ? <Outcomes doc={doc} seatName={seatName} /> : null}
            <Progress
              doc={doc}
              updatedAt={updatedAt}
              refreshing={refreshing}
              onRefresh={refresh}
              liveNote={liveNote}
            />
            <Comments doc={doc} seatName={seatName} />
            <TrailCheck kind="vote" id={doc.id} />
            {doc.status === 'open' ? (
              <section class="vote-section" aria-labelledby="vote-actions-heading">
                <h2 id="vote-actions-heading">{t.actionsHeading}</h2>
                <Remind doc={doc} onDone={done} onStale={stale} />
                <Extend key={doc.deadline} doc={doc} onDone={done} onStale={stale} />
                <Recuse doc={doc} onDone={done} onStale={stale} />
                <ActForSeat doc={doc} onDone={done} onStale={stale} />
                <Close doc={doc} onDone={done} onStale={stale} />
              </section>
            ) : null}
          </>
        )}
      </Page>
    </div>
  );
}
