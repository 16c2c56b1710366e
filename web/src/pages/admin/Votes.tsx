import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { addDays, berlinDate, formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import type { SketchStatus } from '../../../../functions/core/lifecycle.ts';
import { formatEuro } from '../../../../functions/core/money.ts';
import type { ProfileNames } from '../../../../functions/core/profile.ts';
import { Checkbox } from '../../components/ChoiceFields.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import { DateField, describedBy, FieldError, SubmitButton } from '../../lib/controls.tsx';
import { classify, fieldMessage, type Loaded, NotLoaded, useAction } from '../../lib/load.tsx';
import { MoreButton, usePaged } from '../../lib/paged.tsx';
import { useNames } from '../../names.ts';
import { useProfile } from '../../profile.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { voteTexts } from '../votes/texts.de.ts';

const t = voteTexts.votes;

type VoteSummary = AnswerOf<'listVotes'>['items'][number];

/** A sketch as the office's list shows it. */
export type ListedSketch = AnswerOf<'listSketches'>['items'][number];

export const voteStatus = (vote: { status: string; closedBecause?: string | undefined }, n: ProfileNames) =>
  vote.status === 'open' ? t.open : (t.closedBecause(n)[vote.closedBecause ?? ''] ?? t.closed);

export const votePath = (id: string) => `/verwaltung/abstimmungen/${encodeURIComponent(id)}`;

/** Every sketch in one state, following the list's cursor (a handful of pages at most). */
export async function sketchesIn(status: SketchStatus, signal?: AbortSignal): Promise<ListedSketch[]> {
  const items: ListedSketch[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const answer = await call('listSketches', { query: { status, cursor } }, { signal });
    items.push(...answer.items);
    cursor = answer.cursor;
    if (!cursor) break;
  }
  return items;
}

const voteRowId = (vote: VoteSummary) => `vote-row-${vote.id}`;

function VoteTable({ votes }: { votes: VoteSummary[] }) {
  const names = useNames();
  const c = t.columns;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.openedAt}</th>
            <th scope="col" class="num">
              {c.sketches}
            </th>
            <th scope="col">{c.deadline}</th>
            <th scope="col">{c.status}</th>
            <th scope="col" class="num">
              {c.seats}
            </th>
          </tr>
        </thead>
        <tbody>
          {votes.map((vote) => (
            <tr key={vote.id}>
              <th scope="row">
                <a id={voteRowId(vote)} href={votePath(vote.id)}>
                  {t.voteName(formatDateTime(vote.openedAt))}
                </a>
              </th>
              <td class="num">{vote.sketchIds.length}</td>
              <td>
                <time dateTime={vote.deadline}>{formatDate(vote.deadline)}</time>
              </td>
              <td>{voteStatus(vote, names)}</td>
              <td class="num">{vote.seatCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Umlaufverfahren starten": the ready sketches to choose, the deadline, and the POST. */
function StartVote({
  circulationDays,
  caseNeeded,
}: {
  circulationDays: number;
  /** The profile allows decisions in writing only in individual cases: the office states the case. */
  caseNeeded: boolean;
}) {
  const names = useNames();
  const { route } = useLocation();
  const [ready, setReady] = useState<Loaded<ListedSketch[]>>({ state: 'loading' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [deadline, setDeadline] = useState<string>(() => addDays(berlinDate(new Date()), circulationDays));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ sketchIds?: string; deadline?: string; reason?: string }>({});
  const action = useAction();
  const sketchesRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    Promise.all([sketchesIn('ready_for_vote', abort.signal), sketchesIn('deferred', abort.signal)]).then(
      ([ready, deferred]) => setReady({ state: 'loaded', data: [...deferred, ...ready] }),
      (error: unknown) => {
        if (!abort.signal.aborted) setReady(classify(error));
      },
    );
    return () => abort.abort();
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const local = {
      ...(chosen.length ? {} : { sketchIds: t.chooseOne }),
      ...(deadline ? {} : { deadline: t.deadlineMissing }),
      ...(caseNeeded && !reason.trim() ? { reason: t.reasonMissing } : {}),
    };
    setProblems(local);
    if (local.sketchIds) {
      sketchesRef.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
      return;
    }
    if (local.deadline) {
      document.getElementById('vote-deadline')?.focus();
      return;
    }
    if (local.reason) {
      document.getElementById('vote-reason')?.focus();
      return;
    }
    const vote = await action.run(() =>
      call('openVote', {
        body: { sketchIds: chosen, deadline, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      }),
    );
    if (vote) route(`${votePath(vote.id)}?eroeffnet=1`);
  };

  const sketchError = problems.sketchIds ?? fieldMessage(action.error, 'sketchIds');
  const deadlineError = problems.deadline ?? fieldMessage(action.error, 'deadline');
  const reasonError = problems.reason ?? fieldMessage(action.error, 'reason');
  const otherError = action.error && !action.error.fields.length ? action.error.message : undefined;
  if (ready.state !== 'loaded') return <NotLoaded loaded={ready} path="/verwaltung/abstimmungen" />;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="start-heading" class="panel">
      <h2 id="start-heading">{t.startHeading}</h2>
      <p>{t.startHint}</p>
      {ready.data.length === 0 ? (
        <p class="notice">{t.noReady}</p>
      ) : (
        <>
          <fieldset
            id="vote-sketches"
            class={sketchError ? 'group field--error' : 'group'}
            ref={sketchesRef}
            aria-describedby={describedBy(sketchError && 'vote-sketches-error')}
          >
            <legend>{t.sketchesLegend}</legend>
            <FieldError id="vote-sketches-error" message={sketchError} />
            {ready.data.map((sketch) => (
              <Checkbox
                key={sketch.id}
                id={`vote-sketch-${sketch.id}`}
                label={sketch.title}
                hint={
                  sketch.statementsMissing.length === 0
                    ? t.sketchFacts(sketch.organisation, formatEuro(sketch.costCents))
                    : `${t.sketchFacts(sketch.organisation, formatEuro(sketch.costCents))}. ${t.notEndorsed}`
                }
                disabled={sketch.statementsMissing.length > 0}
                checked={chosen.includes(sketch.id)}
                onChange={(on) =>
                  setChosen(on ? [...chosen, sketch.id] : chosen.filter((id) => id !== sketch.id))
                }
              />
            ))}
          </fieldset>
          <DateField
            id="vote-deadline"
            label={t.deadline}
            hint={t.deadlineHint(circulationDays)}
            value={deadline}
            min={berlinDate(new Date())}
            onInput={setDeadline}
            error={deadlineError}
          />
          {caseNeeded ? (
            <Field
              id="vote-reason"
              label={t.reason}
              hint={t.reasonHint(names)}
              multiline
              value={reason}
              onInput={setReason}
              error={reasonError}
            />
          ) : null}
          <SubmitButton
            id="start-error"
            error={otherError}
            busy={action.busy}
            label={t.start}
            busyLabel={t.starting}
          />
        </>
      )}
    </form>
  );
}

/** `/verwaltung/abstimmungen`: the circulation votes, and starting a new one. */
export function Votes() {
  const names = useNames();
  const { path } = useLocation();
  const votes = usePaged('listVotes', { query: {} }, voteRowId);
  const loaded = votes.first;
  const profile = useProfile();
  return (
    <div class="page--wide">
      <Page title={t.title(names)}>
        <OfficeNav current="votes" />
        {loaded.state !== 'loaded' ? (
          <NotLoaded loaded={loaded} path={path} />
        ) : (
          <>
            <p class="lead">{t.intro}</p>
            {votes.items.length === 0 ? <p>{t.empty}</p> : <VoteTable votes={votes.items} />}
            <MoreButton paged={votes} label={t.more} />
            {profile.state === 'loaded' ? (
              <StartVote
                circulationDays={profile.profile.steeringGroup.circulationDays}
                caseNeeded={profile.profile.steeringGroup.circulationAllowed === 'individual_cases'}
              />
            ) : profile.state === 'failed' ? (
              <div class="notice notice--error" role="alert">
                <p>{profile.message}</p>
              </div>
            ) : (
              <p role="status">{voteTexts.common.loading}</p>
            )}
          </>
        )}
      </Page>
    </div>
  );
}
