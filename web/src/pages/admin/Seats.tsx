import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { FieldError as ApiFieldError } from '../../../../functions/core/sketch.ts';
import type { Seat } from '../../../../functions/core/vote.ts';
import { Checkbox } from '../../components/ChoiceFields.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import { SubmitButton } from '../../lib/controls.tsx';
import { NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { voteTexts } from '../votes/texts.de.ts';

const t = voteTexts.seats;

/**
 * The id of a new seat, derived from its institution: lower case, umlauts spelled out, words joined
 * by hyphens (the API accepts [a-z0-9-], at most 60), made unique against the seats there are.
 */
export function seatSlug(institution: string, taken: readonly string[]): string {
  const base =
    institution
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 52)
      .replace(/-+$/, '') || t.fallbackId;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

interface Draft {
  institution: string;
  memberName: string;
  memberEmail: string;
  deputyName: string;
  deputyEmail: string;
  /** A second deputy (the universities' seat has two). */
  deputy2Name: string;
  deputy2Email: string;
  active: boolean;
}

const emptyDraft: Draft = {
  institution: '',
  memberName: '',
  memberEmail: '',
  deputyName: '',
  deputyEmail: '',
  deputy2Name: '',
  deputy2Email: '',
  active: true,
};

const draftOf = (seat: Seat): Draft => ({
  institution: seat.institution,
  memberName: seat.member.name,
  memberEmail: seat.member.email,
  deputyName: seat.deputies[0]?.name ?? '',
  deputyEmail: seat.deputies[0]?.email ?? '',
  deputy2Name: seat.deputies[1]?.name ?? '',
  deputy2Email: seat.deputies[1]?.email ?? '',
  active: seat.active,
});

/** The API's dotted paths (put-seat.ts) and the form's field ids. */
const fieldIds: Record<string, string> = {
  institution: 'seat-institution',
  'member.name': 'seat-member-name',
  'member.email': 'seat-member-email',
  member: 'seat-member-name',
  'deputies.0.name': 'seat-deputy-name',
  'deputies.0.email': 'seat-deputy-email',
  'deputies.1.name': 'seat-deputy2-name',
  'deputies.1.email': 'seat-deputy2-email',
  deputies: 'seat-deputy-name',
  active: 'seat-active',
};
const idFor = (field: string) => fieldIds[field] ?? 'seat-institution';

type Editing = { mode: 'edit'; seat: Seat } | { mode: 'add' };

function SeatForm({
  editing,
  seats,
  onSaved,
  onCancel,
}: {
  editing: Editing;
  seats: Seat[];
  onSaved: (seat: Seat) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(editing.mode === 'edit' ? draftOf(editing.seat) : emptyDraft);
  const [errors, setErrors] = useState<ApiFieldError[]>([]);
  const action = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const id =
    editing.mode === 'edit'
      ? editing.seat.id
      : draft.institution.trim()
        ? seatSlug(
            draft.institution,
            seats.map((s) => s.id),
          )
        : '';

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (errors.length) summaryRef.current?.focus();
  }, [errors]);

  const set = (key: keyof Draft) => (value: string | boolean) => setDraft({ ...draft, [key]: value });
  const error = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    const local: ApiFieldError[] = [];
    if (!draft.institution.trim()) local.push({ field: 'institution', message: t.requiredName });
    const given = [
      { name: draft.deputyName.trim(), email: draft.deputyEmail.trim() },
      { name: draft.deputy2Name.trim(), email: draft.deputy2Email.trim() },
    ];
    given.forEach((d, i) => {
      if ((d.name || d.email) && !d.name)
        local.push({ field: `deputies.${i}.name`, message: t.deputyIncomplete });
      if ((d.name || d.email) && !d.email)
        local.push({ field: `deputies.${i}.email`, message: t.deputyIncomplete });
    });
    // The API's field paths count the deputies given, so the second is sent second only after a first.
    const deputies = given.filter((d) => d.name && d.email);
    if (local.length) {
      setErrors(local);
      return;
    }
    setErrors([]);
    const body = {
      institution: draft.institution.trim(),
      member: { name: draft.memberName.trim(), email: draft.memberEmail.trim() },
      deputies,
      active: draft.active,
    };
    const saved = await action.run(() => call('putSeat', { params: { id }, body }));
    if (saved) onSaved(saved);
  };

  // The API's field errors appear beside their fields and in the summary, like the local ones.
  useEffect(() => {
    if (action.error?.fields.length) setErrors([...action.error.fields]);
  }, [action.error]);
  const otherError = action.error && !action.error.fields.length ? action.error.message : undefined;

  return (
    <section aria-labelledby="seat-form-heading" class="panel">
      <h2 id="seat-form-heading" tabIndex={-1} ref={headingRef}>
        {editing.mode === 'edit' ? t.editHeading(editing.seat.institution) : t.addHeading}
      </h2>
      <form onSubmit={submit} noValidate>
        {errors.length ? (
          <ErrorSummary
            errors={errors}
            idFor={idFor}
            summaryRef={summaryRef}
            heading={voteTexts.common.summaryHeading}
          />
        ) : null}
        <Field
          id="seat-institution"
          label={t.institution}
          value={draft.institution}
          onInput={set('institution')}
          hint={t.id(id)}
          error={error('institution')}
          autoComplete="organization"
        />
        <fieldset class="group">
          <legend>{t.memberLegend}</legend>
          <Field
            id="seat-member-name"
            label={t.name}
            value={draft.memberName}
            onInput={set('memberName')}
            error={error('member.name') ?? error('member')}
            autoComplete="off"
          />
          <Field
            id="seat-member-email"
            label={t.email}
            type="email"
            value={draft.memberEmail}
            onInput={set('memberEmail')}
            error={error('member.email')}
            autoComplete="off"
          />
        </fieldset>
        <fieldset class="group" aria-describedby="seat-deputy-hint">
          <legend>
            {t.deputyLegend} <span class="label-note">{voteTexts.common.optional}</span>
          </legend>
          <p id="seat-deputy-hint" class="hint">
            {t.deputyHint}
          </p>
          <Field
            id="seat-deputy-name"
            label={t.name}
            value={draft.deputyName}
            onInput={set('deputyName')}
            error={error('deputies.0.name') ?? error('deputies')}
            autoComplete="off"
          />
          <Field
            id="seat-deputy-email"
            label={t.email}
            type="email"
            value={draft.deputyEmail}
            onInput={set('deputyEmail')}
            error={error('deputies.0.email')}
            autoComplete="off"
          />
        </fieldset>
        <fieldset class="group" aria-describedby="seat-deputy2-hint">
          <legend>
            {t.deputy2Legend} <span class="label-note">{voteTexts.common.optional}</span>
          </legend>
          <p id="seat-deputy2-hint" class="hint">
            {t.deputy2Hint}
          </p>
          <Field
            id="seat-deputy2-name"
            label={t.name}
            value={draft.deputy2Name}
            onInput={set('deputy2Name')}
            error={error('deputies.1.name')}
            autoComplete="off"
          />
          <Field
            id="seat-deputy2-email"
            label={t.email}
            type="email"
            value={draft.deputy2Email}
            onInput={set('deputy2Email')}
            error={error('deputies.1.email')}
            autoComplete="off"
          />
        </fieldset>
        <Checkbox id="seat-active" label={t.active} checked={draft.active} onChange={set('active')} />
        <p class="hint">{t.note}</p>
        <SubmitButton
          id="seat-form-error"
          error={otherError}
          busy={action.busy}
          label={t.save}
          busyLabel={t.saving}
        >
          <button type="button" class="button button--quiet" onClick={onCancel} disabled={action.busy}>
            {voteTexts.common.cancel}
          </button>
        </SubmitButton>
      </form>
    </section>
  );
}

type Undeliverable = AnswerOf<'listSeats'>['undeliverable'];

/** The mark beside an address mail no longer reaches (a permanent bounce or a complaint). */
function Reach({ address, undeliverable }: { address: string; undeliverable: Undeliverable }) {
  const mark = undeliverable.find((u) => u.address === address.toLowerCase());
  return mark ? (
    <>
      <br />
      <span class="field-error">{t.undeliverable[mark.reason]}</span>
    </>
  ) : null;
}

function SeatTable({
  seats,
  undeliverable,
  onEdit,
}: {
  seats: Seat[];
  undeliverable: Undeliverable;
  onEdit: (seat: Seat) => void;
}) {
  const names = useNames();
  const c = t.columns;
  return (
    <div class="table-wrap">
      <table class="seat-table">
        <caption>{t.caption(names)}</caption>
        <thead>
          <tr>
            <th scope="col">{c.institution}</th>
            <th scope="col">{c.member}</th>
            <th scope="col">{c.deputy}</th>
            <th scope="col">{c.active}</th>
            <th scope="col">{c.actions}</th>
          </tr>
        </thead>
        <tbody>
          {seats.map((seat) => (
            <tr key={seat.id}>
              <th scope="row">{seat.institution}</th>
              <td>
                {seat.member.name}
                <br />
                {seat.member.email}
                <Reach address={seat.member.email} undeliverable={undeliverable} />
              </td>
              <td>
                {seat.deputies.length
                  ? seat.deputies.map((deputy, i) => (
                      <span key={deputy.email}>
                        {i > 0 ? <br /> : null}
                        {deputy.name}
                        <br />
                        {deputy.email}
                        <Reach address={deputy.email} undeliverable={undeliverable} />
                      </span>
                    ))
                  : t.noDeputy}
              </td>
              <td>{seat.active ? voteTexts.common.yes : voteTexts.common.no}</td>
              <td>
                <button
                  type="button"
                  id={`edit-${seat.id}`}
                  class="button button--quiet button--small"
                  aria-label={`${t.edit}: ${seat.institution}`}
                  onClick={() => onEdit(seat)}
                >
                  {t.edit}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/verwaltung/sitze`: the steering group's seats, edited one at a time. */
export function Seats() {
  const names = useNames();
  const { path } = useLocation();
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad('listSeats', {}, reloads);
  const [editing, setEditing] = useState<Editing>();
  /** The list with the seat just saved, until the reloaded list arrives: table and announcement agree. */
  const [merged, setMerged] = useState<Seat[]>();
  useEffect(() => setMerged(undefined), [loaded]);
  const { announce, clear, region } = useAnnouncement(loaded);
  /** Where focus returns when the form is cancelled: the button that opened it. */
  const opener = useRef<string | undefined>(undefined);

  const open = (next: Editing, from: string) => {
    clear();
    opener.current = from;
    setEditing(next);
  };
  const cancel = () => {
    setEditing(undefined);
    const from = opener.current;
    requestAnimationFrame(() => (from ? document.getElementById(from)?.focus() : undefined));
  };
  const saved = (seat: Seat) => {
    const items = loaded.state === 'loaded' ? loaded.data.items : [];
    setMerged(
      items.some((s) => s.id === seat.id)
        ? items.map((s) => (s.id === seat.id ? seat : s))
        : [...items, seat],
    );
    setEditing(undefined);
    announce(t.saved(seat.institution));
    setReloads((n) => n + 1);
  };

  return (
    <div class="page--wide">
      <Page title={t.title(names)}>
        <OfficeNav current="seats" />
        {region}
        {loaded.state !== 'loaded' ? (
          <NotLoaded loaded={loaded} path={path} />
        ) : (
          <>
            <p class="lead">{t.intro}</p>
            <p class="notice notice--info">{t.note}</p>
            {(merged ?? loaded.data.items).length === 0 ? (
              <p>{t.empty}</p>
            ) : (
              <SeatTable
                seats={merged ?? loaded.data.items}
                undeliverable={loaded.data.undeliverable}
                onEdit={(seat) => open({ mode: 'edit', seat }, `edit-${seat.id}`)}
              />
            )}
            {editing ? (
              <SeatForm
                key={editing.mode === 'edit' ? editing.seat.id : 'new'}
                editing={editing}
                seats={loaded.data.items}
                onSaved={saved}
                onCancel={cancel}
              />
            ) : (
              <p>
                <button
                  type="button"
                  id="add-seat"
                  class="button"
                  onClick={() => open({ mode: 'add' }, 'add-seat')}
                >
                  {t.add}
                </button>
              </p>
            )}
          </>
        )}
      </Page>
    </div>
  );
}
