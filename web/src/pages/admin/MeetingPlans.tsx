import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import { suggestedMeetings, yearsShort } from '../../../../functions/core/meetings.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import { DateField, SubmitButton } from '../../lib/controls.tsx';
import { useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { useProfile } from '../../profile.ts';
import { meetingPlanTexts as t } from './MeetingPlans.texts.de.ts';

/*
 * The meeting cycle on `/verwaltung/sitzungen` (listMeetingPlans, planMeetings, inviteToMeeting):
 * planned meetings with their deadline and the agenda they would have now, the invitation with the
 * dossier, and planning at the profile's rhythm.
 */

type Plan = AnswerOf<'listMeetingPlans'>['items'][number];
type Row = { date: string; submissionDeadline: string; place: string };
type FieldError = { field: string; message: string };

function PlanForm({
  rhythm,
  onPlanned,
}: {
  rhythm: { perYear: number; submissionDaysBefore: number } | undefined;
  onPlanned: (m: string) => void;
}) {
  const [rows, setRows] = useState<Row[]>([{ date: '', submissionDeadline: '', place: '' }]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const action = useAction();
  const year = new Date().getFullYear() + 1;
  useEffect(() => {
    if (action.error?.fields.length) setErrors([...action.error.fields]);
  }, [action.error]);
  useEffect(() => {
    if (errors.length) summaryRef.current?.focus();
  }, [errors]);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const idFor = (field: string) => {
    const [, i, name] = field.split('.');
    return `plan-${name === 'submissionDeadline' ? 'deadline' : (name ?? 'date')}-${i ?? 0}`;
  };
  const set = (i: number, key: keyof Row) => (value: string) =>
    setRows(rows.map((r, n) => (n === i ? { ...r, [key]: value } : r)));
  const submit = async (event: Event) => {
    event.preventDefault();
    const local = rows.flatMap((r, i) => [
      ...(r.date ? [] : [{ field: `meetings.${i}.date`, message: t.missingDate(t.date(i)) }]),
      ...(r.submissionDeadline
        ? []
        : [{ field: `meetings.${i}.submissionDeadline`, message: t.missingDate(t.deadline(i)) }]),
    ]);
    setErrors(local);
    if (local.length) return;
    const body = {
      meetings: rows.map((r) => ({
        date: r.date,
        submissionDeadline: r.submissionDeadline,
        ...(r.place.trim() ? { place: r.place } : {}),
      })),
    };
    const planned = await action.run(() => call('planMeetings', { body }));
    if (planned) {
      setRows([{ date: '', submissionDeadline: '', place: '' }]);
      onPlanned(t.planned(planned.items.length));
    }
  };
  return (
    <section aria-labelledby="plan-heading" class="panel">
      <h3 id="plan-heading">{t.planHeading}</h3>
      <form onSubmit={submit} noValidate>
        {errors.length ? (
          <ErrorSummary errors={errors} idFor={idFor} summaryRef={summaryRef} heading={t.summaryHeading} />
        ) : null}
        {rhythm ? (
          <p>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setRows(suggestedMeetings(year, rhythm).map((s) => ({ ...s, place: '' })))}
            >
              {t.suggest(year)}
            </button>
          </p>
        ) : null}
        {rows.map((row, i) => (
          <fieldset class="group" key={i}>
            <legend>{t.date(i)}</legend>
            <DateField
              id={`plan-date-${i}`}
              label={t.date(i)}
              value={row.date}
              onInput={set(i, 'date')}
              error={error(`meetings.${i}.date`)}
            />
            <DateField
              id={`plan-deadline-${i}`}
              label={t.deadline(i)}
              value={row.submissionDeadline}
              onInput={set(i, 'submissionDeadline')}
              error={error(`meetings.${i}.submissionDeadline`)}
            />
            <Field
              id={`plan-place-${i}`}
              label={t.place(i)}
              value={row.place}
              onInput={set(i, 'place')}
              error={error(`meetings.${i}.place`)}
            />
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            class="button button--quiet"
            onClick={() => setRows([...rows, { date: '', submissionDeadline: '', place: '' }])}
          >
            {t.add}
          </button>
        </p>
        <SubmitButton
          id="plan-error"
          error={action.error && !action.error.fields.length ? action.error.message : undefined}
          busy={action.busy}
          label={t.plan}
          busyLabel={t.planning}
        />
      </form>
    </section>
  );
}

function PlanRow({ plan, onInvited }: { plan: Plan; onInvited: (m: string) => void }) {
  const action = useAction();
  const date = formatDate(plan.date);
  return (
    <tr>
      <th scope="row">
        <time dateTime={plan.date}>{date}</time>
      </th>
      <td>{formatDate(plan.submissionDeadline)}</td>
      <td>{plan.place ?? '–'}</td>
      <td>{plan.agendaNow.length ? plan.agendaNow.map((a) => a.title).join('; ') : t.noAgenda}</td>
      <td>
        {plan.invitation ? (
          t.invitedOn(formatDateTime(plan.invitation.sentAt), plan.invitation.recipients)
        ) : (
          <>
            <button
              type="button"
              class="button button--secondary"
              aria-label={t.invite(date)}
              disabled={action.busy}
              onClick={async () => {
                if (await action.run(() => call('inviteToMeeting', { params: { id: plan.id } })))
                  onInvited(t.invited(date));
              }}
            >
              {action.busy ? t.inviting : t.inviteShort}
            </button>
            {action.error ? (
              <p class="field-error" role="alert">
                {action.error.message}
              </p>
            ) : null}
          </>
        )}
      </td>
    </tr>
  );
}

export function MeetingPlans() {
  const names = useNames();
  const profile = useProfile();
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad('listMeetingPlans', {}, reloads);
  const announcement = useAnnouncement(loaded);
  const done = (message: string) => {
    announcement.announce(message);
    setReloads((n) => n + 1);
  };
  const rhythm = profile.state === 'loaded' ? profile.profile.steeringGroup.meetings : undefined;
  const plans = loaded.state === 'loaded' ? loaded.data.items : [];
  return (
    <section aria-labelledby="meeting-plans-heading">
      <h2 id="meeting-plans-heading">{t.heading}</h2>
      {rhythm ? <p>{t.rhythm(names, rhythm.perYear, rhythm.submissionDaysBefore)}</p> : null}
      {rhythm
        ? yearsShort(plans, rhythm.perYear).map((y) => (
            <p key={y.year} class="notice notice--info">
              {t.short(y.year, y.planned, rhythm.perYear)}
            </p>
          ))
        : null}
      {announcement.region}
      {loaded.state === 'loaded' && plans.length === 0 ? <p>{t.none}</p> : null}
      {plans.length ? (
        <div class="table-wrap">
          <table>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.date}</th>
                <th scope="col">{t.columns.deadline}</th>
                <th scope="col">{t.columns.place}</th>
                <th scope="col">{t.columns.agenda}</th>
                <th scope="col">{t.columns.invitation}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <PlanRow key={plan.id} plan={plan} onInvited={done} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PlanForm rhythm={rhythm} onPlanned={done} />
    </section>
  );
}
