import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { berlinDate } from '../../../../functions/core/dates.ts';
import type { FieldError as ApiFieldError } from '../../../../functions/core/sketch.ts';
import type { SketchSummary } from '../../../../functions/core/sketch-doc.ts';
import {
  type BallotChoice,
  ballotChoices,
  choiceLabels,
  type Presence,
  type Seat,
} from '../../../../functions/core/vote.ts';
import { Checkbox } from '../../components/ChoiceFields.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { call } from '../../lib/api.ts';
import { DateField, FieldError, RadioGroup, SubmitButton } from '../../lib/controls.tsx';
import { classify, type Loaded, NotLoaded, useAction } from '../../lib/load.tsx';
import { useProfile } from '../../profile.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { voteTexts } from '../votes/texts.de.ts';
import { sketchesIn } from './Votes.tsx';

const t = voteTexts.meeting;

/** The counts only: the result is computed from them under the profile's rule (never chosen here). */
interface Decision {
  decided: boolean;
  counts: Record<BallotChoice, string>;
  recused: string[];
  note: string;
}

const noDecision: Decision = {
  decided: false,
  counts: { approve: '', object: '', abstain: '' },
  recused: [],
  note: '',
};

/** A seat's presence as the form holds it: by member, by one of its deputies (by email), or absent. */
type PresenceChoice = 'member' | 'absent' | `deputy:${string}`;

interface Data {
  seats: Seat[];
  sketches: SketchSummary[];
}

/** A count as typed: empty is none (0), else a whole number from 0. */
const countOf = (text: string): number | 'invalid' => {
  if (!text.trim()) return 0;
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : 'invalid';
};

const presenceOf = (choice: PresenceChoice): { presence: Presence; deputy?: string } =>
  choice.startsWith('deputy:')
    ? { presence: 'deputy', deputy: choice.slice('deputy:'.length) }
    : { presence: choice as Presence };

function MeetingForm({ data, place: defaultPlace }: { data: Data; place: string }) {
  const { route } = useLocation();
  const [date, setDate] = useState<string>(() => berlinDate(new Date()));
  const [place, setPlace] = useState(defaultPlace);
  const [invitedOn, setInvitedOn] = useState('');
  const [chair, setChair] = useState('');
  const [presence, setPresence] = useState<Record<string, PresenceChoice>>(() =>
    Object.fromEntries(data.seats.map((s) => [s.id, 'member' as PresenceChoice])),
  );
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [errors, setErrors] = useState<ApiFieldError[]>([]);
  const action = useAction();
  const summaryRef = useRef<HTMLDivElement>(null);

  const decisionOf = (id: string) => decisions[id] ?? noDecision;
  const setDecision = (id: string, change: Partial<Decision>) =>
    setDecisions({ ...decisions, [id]: { ...decisionOf(id), ...change } });
  const chosen = data.sketches.filter((s) => decisionOf(s.id).decided);

  /** The form's ids for the API's dotted paths (indices as the body below orders them). */
  const idFor = (field: string) => {
    const [head, index, leaf] = field.split('.');
    if (head === 'attendance') return `presence-${data.seats[Number(index)]?.id ?? ''}`;
    if (head === 'decisions') {
      const sketch = chosen[Number(index)];
      if (!sketch) return 'meeting-decisions';
      return leaf && ballotChoices.includes(leaf as BallotChoice)
        ? `decision-${sketch.id}-${leaf}`
        : `decision-${sketch.id}-approve`;
    }
    if (head === 'agenda') {
      const sketch = chosen[Number(index)];
      return sketch ? `decision-${sketch.id}-note` : 'meeting-decisions';
    }
    const ids: Record<string, string> = {
      place: 'meeting-place',
      chair: 'meeting-chair',
      invitedOn: 'meeting-invited-on',
    };
    return ids[head ?? ''] ?? 'meeting-date';
  };
  const error = (id: string) => errors.find((e) => idFor(e.field) === id)?.message;

  useEffect(() => {
    if (errors.length) summaryRef.current?.focus();
  }, [errors]);
  useEffect(() => {
    if (action.error?.fields.length) setErrors([...action.error.fields]);
  }, [action.error]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const local: ApiFieldError[] = [];
    if (!date) local.push({ field: 'date', message: t.dateMissing });
    chosen.forEach((sketch, i) => {
      const decision = decisionOf(sketch.id);
      for (const choice of ballotChoices)
        if (countOf(decision.counts[choice]) === 'invalid')
          local.push({
            field: `decisions.${i}.${choice}`,
            message: `${sketch.title}: ${t.countInvalid(choiceLabels[choice])}`,
          });
    });
    setErrors(local);
    if (local.length) return;
    const count = (text: string) => {
      const n = countOf(text);
      return typeof n === 'number' ? n : 0; // invalid counts were refused above
    };
    const body = {
      date,
      ...(place.trim() ? { place: place.trim() } : {}),
      ...(invitedOn ? { invitedOn } : {}),
      ...(chair.trim() ? { chair: chair.trim() } : {}),
      // One agenda item per sketch decided, with the note taken on it.
      agenda: chosen.map((sketch) => {
        const note = decisionOf(sketch.id).note.trim();
        return { title: sketch.title, sketchId: sketch.id, ...(note ? { note } : {}) };
      }),
      attendance: data.seats.map((seat) => ({
        seatId: seat.id,
        ...presenceOf(presence[seat.id] ?? 'absent'),
      })),
      decisions: chosen.map((sketch) => {
        const d = decisionOf(sketch.id);
        return {
          sketchId: sketch.id,
          approve: count(d.counts.approve),
          object: count(d.counts.object),
          abstain: count(d.counts.abstain),
          recusedSeatIds: d.recused,
        };
      }),
    };
    const meeting = await action.run(() => call('recordMeeting', { body }));
    if (meeting) route('/verwaltung/sitzungen?erfasst=1');
  };

  const otherError = action.error && !action.error.fields.length ? action.error.message : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label={t.title}>
      {errors.length ? (
        <ErrorSummary
          errors={errors}
          idFor={idFor}
          summaryRef={summaryRef}
          heading={voteTexts.common.summaryHeading}
        />
      ) : null}
      <DateField
        id="meeting-date"
        label={t.date}
        value={date}
        onInput={setDate}
        error={error('meeting-date')}
      />
      <Field
        id="meeting-place"
        label={`${t.place} ${voteTexts.common.optional}`}
        value={place}
        onInput={setPlace}
        error={error('meeting-place')}
      />
      <DateField
        id="meeting-invited-on"
        label={`${t.invitedOn} ${voteTexts.common.optional}`}
        value={invitedOn}
        onInput={setInvitedOn}
        error={error('meeting-invited-on')}
      />
      <Field
        id="meeting-chair"
        label={`${t.chair} ${voteTexts.common.optional}`}
        value={chair}
        onInput={setChair}
        error={error('meeting-chair')}
      />
      <section class="vote-section" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t.attendanceHeading}</h2>
        <p>{t.attendanceHint}</p>
        <div class="seat-grid">
          {data.seats.map((seat) => (
            <RadioGroup
              key={seat.id}
              id={`presence-${seat.id}`}
              legend={seat.institution}
              value={presence[seat.id]}
              onChange={(value) => setPresence({ ...presence, [seat.id]: value as PresenceChoice })}
              error={error(`presence-${seat.id}`)}
              options={[
                { value: 'member', label: t.presenceLabel(t.presence.member ?? '', seat.member.name) },
                ...seat.deputies.map((deputy) => ({
                  value: `deputy:${deputy.email}`,
                  label: t.presenceLabel(t.presence.deputy ?? '', deputy.name),
                })),
                { value: 'absent', label: t.presence.absent ?? '' },
              ]}
            />
          ))}
        </div>
      </section>
      <section class="vote-section" aria-labelledby="decisions-heading" id="meeting-decisions" tabIndex={-1}>
        <h2 id="decisions-heading">{t.decisionsHeading}</h2>
        <p>{t.decisionsHint}</p>
        {data.sketches.length === 0 ? <p class="notice">{t.noSketches}</p> : null}
        {data.sketches.map((sketch) => {
          const d = decisionOf(sketch.id);
          const prefix = `decision-${sketch.id}`;
          return (
            <div key={sketch.id} class="vote-sketch">
              <Checkbox
                id={`${prefix}-decided`}
                label={t.decided(sketch.title)}
                checked={d.decided}
                onChange={(decided) => setDecision(sketch.id, { decided })}
              />
              {d.decided ? (
                <div class="field--nested">
                  <fieldset class="group">
                    <legend>{t.counts}</legend>
                    <div class="counts">
                      {ballotChoices.map((choice) => (
                        <div
                          key={choice}
                          class={error(`${prefix}-${choice}`) ? 'field field--error' : 'field'}
                        >
                          <label for={`${prefix}-${choice}`}>{choiceLabels[choice]}</label>
                          <FieldError
                            id={`${prefix}-${choice}-error`}
                            message={error(`${prefix}-${choice}`)}
                          />
                          <input
                            id={`${prefix}-${choice}`}
                            class="input input--short"
                            inputMode="numeric"
                            value={d.counts[choice]}
                            aria-invalid={error(`${prefix}-${choice}`) ? 'true' : undefined}
                            aria-describedby={
                              error(`${prefix}-${choice}`) ? `${prefix}-${choice}-error` : undefined
                            }
                            onInput={(event) =>
                              setDecision(sketch.id, {
                                counts: { ...d.counts, [choice]: event.currentTarget.value },
                              })
                            }
                          />
                        </div>
                      ))}
                    </div>
                  </fieldset>
                  <Field
                    id={`${prefix}-note`}
                    label={`${t.note(sketch.title)} ${voteTexts.common.optional}`}
                    value={d.note}
                    multiline
                    onInput={(note) => setDecision(sketch.id, { note })}
                    error={error(`${prefix}-note`)}
                  />
                  <fieldset class="group">
                    <legend>{t.recusedLegend}</legend>
                    {data.seats.map((seat) => (
                      <Checkbox
                        key={seat.id}
                        id={`${prefix}-recused-${seat.id}`}
                        label={seat.institution}
                        checked={d.recused.includes(seat.id)}
                        onChange={(on) =>
                          setDecision(sketch.id, {
                            recused: on ? [...d.recused, seat.id] : d.recused.filter((id) => id !== seat.id),
                          })
                        }
                      />
                    ))}
                  </fieldset>
                </div>
              ) : null}
            </div>
          );
        })}
      </section>
      <SubmitButton
        id="meeting-error"
        error={otherError}
        busy={action.busy}
        label={t.save}
        busyLabel={t.saving}
      />
    </form>
  );
}

/** `/verwaltung/sitzungen/neu`: a meeting's date, place, attendance per seat and decisions per sketch. */
export function MeetingNew() {
  const { path } = useLocation();
  const profile = useProfile();
  const [loaded, setLoaded] = useState<Loaded<Data>>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    Promise.all([
      call('listSeats', {}, { signal: abort.signal }),
      sketchesIn('ready_for_vote', abort.signal),
      sketchesIn('deferred', abort.signal),
      sketchesIn('vote_closed', abort.signal),
    ]).then(
      ([seats, ready, deferred, decided]) =>
        setLoaded({
          state: 'loaded',
          // Decided ones first: a circulation without consensus goes to the next meeting.
          data: { seats: seats.items.filter((s) => s.active), sketches: [...decided, ...deferred, ...ready] },
        }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoaded(classify(error));
      },
    );
    return () => abort.abort();
  }, []);
  return (
    <div class="page--wide">
      <Page title={t.title}>
        <OfficeNav current="meetings" />
        <p>
          <a href="/verwaltung/sitzungen">{t.backToList}</a>
        </p>
        {loaded.state !== 'loaded' ? (
          <NotLoaded loaded={loaded} path={path} />
        ) : profile.state === 'loading' ? (
          <p role="status">{voteTexts.common.loading}</p>
        ) : (
          <MeetingForm
            data={loaded.data}
            place={profile.state === 'loaded' ? (profile.profile.office.place ?? '') : ''}
          />
        )}
      </Page>
    </div>
  );
}
