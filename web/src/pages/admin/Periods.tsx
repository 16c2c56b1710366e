import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDate } from '../../../../functions/core/dates.ts';
import { formatAmount, formatEuro, formatPercent, parseEuro } from '../../../../functions/core/money.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import { SubmitButton } from '../../lib/controls.tsx';
import { NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useProfile } from '../../profile.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { periodTexts as t } from './Periods.texts.de.ts';
import './budget.css';
import { DateField } from '../../lib/controls.tsx';

/*
 * `/verwaltung/budget/perioden`: the funding periods (openPeriod), and the projects approved
 * before the portal was used (recordPriorProject), which the budget counts from day one.
 */

type Period = AnswerOf<'listPeriods'>['items'][number];
type Region = { id: string; name: string };
type FieldError = { field: string; message: string };
const periodName = (p: { start: string; end: string }) => `${formatDate(p.start)}–${formatDate(p.end)}`;
/** "33,34" → 3334 basis points. */
const parsePercent = (text: string) => {
  const cents = parseEuro(text);
  return cents === undefined || cents < 0 ? undefined : cents;
};

/** A form's field errors: local ones first, then the API's, shown in a summary and beside each field. */
function useFieldErrors(apiError: ReturnType<typeof useAction>['error']) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (apiError?.fields.length) setErrors([...apiError.fields]);
  }, [apiError]);
  useEffect(() => {
    if (errors.length) summaryRef.current?.focus();
  }, [errors]);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return { errors, setErrors, summaryRef, error };
}

function OpenPeriod({
  regions,
  latest,
  onDone,
}: {
  regions: Region[];
  latest: Period | undefined;
  onDone: (p: string) => void;
}) {
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [budget, setBudget] = useState(latest ? formatAmount(latest.budgetCents) : '');
  const [shares, setShares] = useState(
    regions.map((r) => {
      const bp = latest?.shares.find((s) => s.subRegionId === r.id)?.shareBp ?? 0;
      return formatPercent(bp).replace(/\u00a0%$/, '');
    }),
  );
  const action = useAction();
  const { errors, setErrors, summaryRef, error } = useFieldErrors(action.error);
  const idFor = (field: string) =>
    field.startsWith('shares.')
      ? `period-share-${field.split('.')[1]}`
      : field === 'shares'
        ? 'period-share-0'
        : `period-${field}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const local: FieldError[] = [];
    if (!start) local.push({ field: 'start', message: t.invalidDate(t.start) });
    if (!end) local.push({ field: 'end', message: t.invalidDate(t.end) });
    const budgetCents = parseEuro(budget);
    if (budgetCents === undefined)
      local.push({ field: 'budgetCents', message: t.invalidEuro(t.budgetLabel) });
    const bps = shares.map(parsePercent);
    bps.forEach((bp, i) => {
      if (bp === undefined)
        local.push({
          field: `shares.${i}.shareBp`,
          message: t.invalidPercent(t.shareLabel(regions[i]?.name ?? '')),
        });
    });
    setErrors(local);
    if (local.length) return;
    const body = {
      start,
      end,
      budgetCents: budgetCents ?? 0,
      shares: regions.map((r, i) => ({ subRegionId: r.id, shareBp: bps[i] ?? 0 })),
    };
    const opened = await action.run(() => call('openPeriod', { body }));
    if (opened) onDone(t.opened(periodName(opened)));
  };
  const other = action.error && !action.error.fields.length ? action.error.message : undefined;
  return (
    <section aria-labelledby="open-period-heading" class="panel">
      <h2 id="open-period-heading">{t.openHeading}</h2>
      <form onSubmit={submit} noValidate>
        {errors.length ? (
          <ErrorSummary errors={errors} idFor={idFor} summaryRef={summaryRef} heading={t.summaryHeading} />
        ) : null}
        <DateField
          id="period-start"
          label={t.start}
          value={start}
          onInput={setStart}
          error={error('start')}
        />
        <DateField id="period-end" label={t.end} value={end} onInput={setEnd} error={error('end')} />
        <Field
          id="period-budgetCents"
          label={t.budgetLabel}
          value={budget}
          onInput={setBudget}
          error={error('budgetCents')}
        />
        <fieldset class="group" id="period-shares">
          <legend>{t.sharesLegend}</legend>
          {error('shares') ? <p class="field-error">{error('shares')}</p> : null}
          {regions.map((r, i) => (
            <Field
              key={r.id}
              id={`period-share-${i}`}
              label={t.shareLabel(r.name)}
              value={shares[i] ?? ''}
              onInput={(v) => setShares(shares.map((s, n) => (n === i ? v : s)))}
              error={error(`shares.${i}.shareBp`) ?? error(`shares.${i}.subRegionId`)}
            />
          ))}
        </fieldset>
        <SubmitButton
          id="open-period-error"
          error={other}
          busy={action.busy}
          label={t.openButton}
          busyLabel={t.opening}
        />
      </form>
    </section>
  );
}

function RecordPrior({
  regions,
  periods,
  onDone,
}: {
  regions: Region[];
  periods: Period[];
  onDone: (m: string) => void;
}) {
  const [periodId, setPeriodId] = useState(periods.find((p) => p.current)?.id ?? periods.at(-1)?.id ?? '');
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [approvedOn, setApprovedOn] = useState('');
  const [amounts, setAmounts] = useState(regions.map(() => ''));
  const [note, setNote] = useState('');
  const action = useAction();
  const { errors, setErrors, summaryRef, error } = useFieldErrors(action.error);
  const idFor = (field: string) =>
    field.startsWith('amounts.')
      ? `prior-amount-${field.split('.')[1]}`
      : field === 'amounts'
        ? 'prior-amount-0'
        : `prior-${field}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const cents = amounts.map((a) => (a.trim() ? parseEuro(a) : 0));
    const local: FieldError[] = cents.flatMap((c, i) =>
      c === undefined
        ? [
            {
              field: `amounts.${i}.amountCents`,
              message: t.invalidEuro(t.amountLabel(regions[i]?.name ?? '')),
            },
          ]
        : [],
    );
    setErrors(local);
    if (local.length) return;
    const body = {
      title,
      ...(organisation.trim() ? { organisation } : {}),
      ...(approvedOn ? { approvedOn } : {}),
      amounts: regions.map((r, i) => ({ subRegionId: r.id, amountCents: cents[i] ?? 0 })),
      ...(note.trim() ? { note } : {}),
    };
    const recorded = await action.run(() => call('recordPriorProject', { params: { periodId }, body }));
    if (recorded) {
      setTitle('');
      setOrganisation('');
      setApprovedOn('');
      setAmounts(regions.map(() => ''));
      setNote('');
      onDone(t.priorRecorded(recorded.title));
    }
  };
  const other = action.error && !action.error.fields.length ? action.error.message : undefined;
  return (
    <section aria-labelledby="prior-heading" class="panel">
      <h2 id="prior-heading">{t.priorHeading}</h2>
      <form onSubmit={submit} noValidate>
        {errors.length ? (
          <ErrorSummary errors={errors} idFor={idFor} summaryRef={summaryRef} heading={t.summaryHeading} />
        ) : null}
        <div class="field">
          <label for="prior-period">{t.priorPeriod}</label>
          <select
            id="prior-period"
            class="input"
            value={periodId}
            onChange={(e) => setPeriodId((e.currentTarget as HTMLSelectElement).value)}
          >
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {periodName(p)}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="prior-title"
          label={t.priorTitle}
          value={title}
          onInput={setTitle}
          error={error('title')}
        />
        <Field
          id="prior-organisation"
          label={t.priorOrganisation}
          value={organisation}
          onInput={setOrganisation}
          error={error('organisation')}
        />
        <DateField
          id="prior-approvedOn"
          label={t.priorApprovedOn}
          value={approvedOn}
          onInput={setApprovedOn}
          error={error('approvedOn')}
        />
        <fieldset class="group" id="prior-amounts">
          <legend>{t.amountsLegend}</legend>
          {error('amounts') ? <p class="field-error">{error('amounts')}</p> : null}
          {regions.map((r, i) => (
            <Field
              key={r.id}
              id={`prior-amount-${i}`}
              label={t.amountLabel(r.name)}
              value={amounts[i] ?? ''}
              onInput={(v) => setAmounts(amounts.map((a, n) => (n === i ? v : a)))}
              error={error(`amounts.${i}.amountCents`) ?? error(`amounts.${i}.subRegionId`)}
            />
          ))}
        </fieldset>
        <Field
          id="prior-note"
          label={t.priorNote}
          value={note}
          onInput={setNote}
          multiline
          error={error('note')}
        />
        <SubmitButton
          id="prior-error"
          error={other}
          busy={action.busy}
          label={t.priorButton}
          busyLabel={t.priorBusy}
        />
      </form>
    </section>
  );
}

function PeriodList({
  periods,
  regions,
  onRemoved,
}: {
  periods: Period[];
  regions: Region[];
  onRemoved: (m: string) => void;
}) {
  const action = useAction();
  const name = (id: string) => regions.find((r) => r.id === id)?.name ?? id;
  return (
    <>
      {periods.map((p) => (
        <section key={p.id} aria-labelledby={`period-${p.id}`}>
          <h2 id={`period-${p.id}`}>
            {t.period(periodName(p))} {p.current ? t.current : ''}
          </h2>
          <p>
            {t.budget(formatEuro(p.budgetCents))} ·{' '}
            {t.shares(p.shares.map((s) => `${name(s.subRegionId)} ${formatPercent(s.shareBp)}`).join(', '))}
          </p>
          {p.prior.length === 0 ? (
            <p>{t.noPrior}</p>
          ) : (
            <div class="table-wrap">
              <table class="prior-projects">
                <caption>{t.priorCaption(periodName(p))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.columns.title}</th>
                    <th scope="col">{t.columns.approvedOn}</th>
                    <th scope="col">{t.columns.amounts}</th>
                    <th scope="col" class="num">
                      {t.columns.total}
                    </th>
                    <th scope="col">{t.columns.note}</th>
                    <th scope="col">{t.columns.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.prior.map((project) => (
                    <tr key={project.id}>
                      <th scope="row">
                        {project.title}
                        {project.organisation ? <div class="hint">{project.organisation}</div> : null}
                      </th>
                      <td>{project.approvedOn ? formatDate(project.approvedOn) : '–'}</td>
                      <td>
                        {project.amounts
                          .map((a) => `${name(a.subRegionId)}: ${formatEuro(a.amountCents)}`)
                          .join('; ')}
                      </td>
                      <td class="num">
                        {formatEuro(project.amounts.reduce((sum, a) => sum + a.amountCents, 0))}
                      </td>
                      <td>{project.note ?? '–'}</td>
                      <td>
                        <button
                          type="button"
                          class="button button--secondary"
                          aria-label={t.remove(project.title)}
                          disabled={action.busy}
                          onClick={async () => {
                            const done = await action.run(() =>
                              call('deletePriorProject', {
                                params: { periodId: p.id, projectId: project.id },
                              }),
                            );
                            if (done !== undefined || !action.error) onRemoved(t.removed(project.title));
                          }}
                        >
                          {t.removeLabel}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {action.error ? (
        <p class="field-error" role="alert">
          {action.error.message}
        </p>
      ) : null}
    </>
  );
}

/** `/verwaltung/budget/perioden`. */
export function Periods() {
  const { path } = useLocation();
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad('listPeriods', {}, reloads);
  const profile = useProfile();
  const announcement = useAnnouncement(loaded);
  const done = (message: string) => {
    announcement.announce(message);
    setReloads((n) => n + 1);
  };
  return (
    <div class="page--wide">
      <Page title={t.title}>
        <OfficeNav current="budget" />
        <p>
          <a href="/verwaltung/budget">{t.back}</a>
        </p>
        <p class="lead">{t.intro}</p>
        {announcement.region}
        {loaded.state !== 'loaded' ? (
          <NotLoaded loaded={loaded} path={path} />
        ) : profile.state !== 'loaded' ? null : (
          <>
            <PeriodList periods={loaded.data.items} regions={profile.profile.subRegions} onRemoved={done} />
            <RecordPrior regions={profile.profile.subRegions} periods={loaded.data.items} onDone={done} />
            <OpenPeriod
              regions={profile.profile.subRegions}
              latest={loaded.data.items.at(-1)}
              onDone={done}
            />
          </>
        )}
      </Page>
    </div>
  );
}
