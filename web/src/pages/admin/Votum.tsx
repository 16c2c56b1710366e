import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { de } from '../../../../functions/core/messages.de.ts';
import type { FieldError as ApiFieldError } from '../../../../functions/core/sketch.ts';
import { sketchFacts } from '../../../../functions/core/sketch-doc.ts';
import {
  type Assessment,
  aboveCostCap,
  assessments,
  type SketchOutcome,
  type VotumDecision,
  votumDecisionOf,
} from '../../../../functions/core/vote.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field } from '../../components/Field.tsx';
import { Page } from '../../components/Page.tsx';
import { call } from '../../lib/api.ts';
import { RadioGroup, SubmitButton } from '../../lib/controls.tsx';
import { NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { useProfile } from '../../profile.ts';
import type { PublicProfile } from '../../sketch-form.ts';
import { type SketchDoc, useSketch } from '../../sketch-loading.tsx';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { voteTexts } from '../votes/texts.de.ts';
import { votumTexts } from '../votes/votum.texts.de.ts';
import { OutcomeView } from './VoteOutcome.tsx';
import { votumBudgetTexts } from './VotumBudget.texts.de.ts';
import { VotumView } from './VotumView.tsx';

const t = voteTexts.votum;

/** What an endorsement would bind of the budget of the sketch's period (budgetCheck), shown while the Votum is written. */
function VotumBudget({ sketchId }: { sketchId: string }) {
  const b = votumBudgetTexts;
  const check = useLoad('budgetCheck', { params: { id: sketchId }, query: {} });
  return (
    <section aria-labelledby="votum-budget-heading" class="votum-budget">
      <h2 id="votum-budget-heading">{b.heading}</h2>
      {check.state === 'loading' ? (
        <p role="status">{b.checking}</p>
      ) : check.state !== 'loaded' ? null : check.data.warnings.length === 0 ? (
        <p class="notice notice--success">{b.fits}</p>
      ) : (
        <div class="notice notice--error" role="alert">
          <p>{b.warnings}</p>
          <ul>
            {check.data.warnings.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
          <p>{b.hint}</p>
        </div>
      )}
    </section>
  );
}

/**
 * The Votum's decision, as the outcome gives it (core/vote.ts): the office cannot choose it; a
 * decision the vote could not make is deferred to the next round.
 */
export const suggestedDecision = (outcome: SketchOutcome | undefined): VotumDecision =>
  outcome ? votumDecisionOf(outcome.result) : 'deferred';

const justificationMax = 5000;
const conditionsMax = 3000;

function VotumForm({
  doc,
  profile,
  onSaved,
}: {
  doc: SketchDoc;
  profile: PublicProfile;
  onSaved: (doc: SketchDoc) => void;
}) {
  const names = useNames();
  const decision = suggestedDecision(doc.outcome);
  // Above the cost cap the criteria weigh heavily: every one is to be assessed (the API checks it too).
  const aboveCap = aboveCostCap(profile, sketchFacts(doc.draft).costCents);
  const [conditions, setConditions] = useState('');
  const [criteria, setCriteria] = useState<Record<string, Assessment>>(() =>
    Object.fromEntries(profile.criteria.map((c) => [c.id, 'not_assessed' as Assessment])),
  );
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<ApiFieldError[]>([]);
  const action = useAction();
  const summaryRef = useRef<HTMLDivElement>(null);

  const idFor = (field: string) => {
    const [head, index] = field.split('.');
    if (head === 'criteria') return `votum-criterion-${profile.criteria[Number(index)]?.id ?? ''}`;
    if (head === 'decision') return 'votum-decision';
    if (head === 'conditions') return 'votum-conditions';
    return 'votum-justification';
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
    if (!justification.trim()) local.push({ field: 'justification', message: t.justificationMissing });
    if (justification.length > justificationMax)
      local.push({
        field: 'justification',
        message: de.validation.tooLong(t.justification, justificationMax),
      });
    if (aboveCap)
      profile.criteria.forEach((c, i) => {
        if ((criteria[c.id] ?? 'not_assessed') === 'not_assessed')
          local.push({ field: `criteria.${i}.assessment`, message: t.criterionAboveCap(c.name) });
      });
    if (conditions.length > conditionsMax)
      local.push({ field: 'conditions', message: de.validation.tooLong(t.conditions, conditionsMax) });
    setErrors(local);
    if (local.length) return;
    const saved = await action.run(() =>
      call('writeVotum', {
        params: { id: doc.id },
        body: {
          ...(conditions.trim() ? { conditions: conditions.trim() } : {}),
          criteria: profile.criteria.map((c) => ({ id: c.id, assessment: criteria[c.id] ?? 'not_assessed' })),
          justification: justification.trim(),
        },
      }),
    );
    if (saved) onSaved(saved);
  };

  const otherError = action.error && !action.error.fields.length ? action.error.message : undefined;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="votum-form-heading">
      <h2 id="votum-form-heading">{t.formHeading}</h2>
      {errors.length ? (
        <ErrorSummary
          errors={errors}
          idFor={idFor}
          summaryRef={summaryRef}
          heading={voteTexts.common.summaryHeading}
        />
      ) : null}
      <div id="votum-decision" class="details" tabIndex={-1}>
        <p>
          <strong>{t.decision}:</strong> {t.decisions[decision] ?? decision}
        </p>
        <p class="hint">{t.decisionHint(names)}</p>
        {error('votum-decision') ? <p class="field-error">{error('votum-decision')}</p> : null}
      </div>
      {decision === 'endorsed' ? <VotumBudget sketchId={doc.id} /> : null}
      <Field
        id="votum-conditions"
        label={`${t.conditions} ${voteTexts.common.optional}`}
        hint={t.conditionsHint(names)}
        multiline
        value={conditions}
        onInput={setConditions}
        error={error('votum-conditions')}
      />
      <fieldset class="group" aria-describedby="votum-criteria-hint">
        <legend>{t.criteriaHeading}</legend>
        {aboveCap ? (
          <p class="notice notice--info" id="votum-above-cap">
            {t.aboveCap}
          </p>
        ) : null}
        <p id="votum-criteria-hint" class="hint">
          {t.criteriaHint}
        </p>
        {profile.criteria.map((criterion) => (
          <RadioGroup
            key={criterion.id}
            id={`votum-criterion-${criterion.id}`}
            class="group--nested"
            legend={criterion.name}
            inline
            value={criteria[criterion.id]}
            onChange={(value) => setCriteria({ ...criteria, [criterion.id]: value as Assessment })}
            error={error(`votum-criterion-${criterion.id}`)}
            options={assessments.map((a) => ({ value: a, label: votumTexts.assessments[a] ?? a }))}
          />
        ))}
      </fieldset>
      <Field
        id="votum-justification"
        label={t.justification}
        hint={t.justificationHint}
        multiline
        value={justification}
        onInput={setJustification}
        error={error('votum-justification')}
      />
      <SubmitButton
        id="votum-error"
        error={otherError}
        busy={action.busy}
        label={t.save}
        busyLabel={t.saving}
      />
    </form>
  );
}

/** `/verwaltung/skizzen/:id/votum`: the outcome of the vote, and the Votum written from it. */
export function Votum() {
  const { params } = useRoute();
  const { path } = useLocation();
  const id = params.id ?? '';
  const loaded = useSketch(id);
  const seats = useLoad('listSeats');
  const profile = useProfile();
  const [saved, setSaved] = useState<SketchDoc>();
  const doc = saved ?? (loaded.state === 'loaded' ? loaded.data : undefined);
  const { announce, region } = useAnnouncement(doc);

  const title = doc ? t.title(sketchFacts(doc.draft).title) : t.fallbackTitle;
  const seatName = (seatId: string) =>
    (seats.state === 'loaded' ? seats.data.items.find((s) => s.id === seatId)?.institution : undefined) ??
    seatId;
  const sketchTitle = doc ? sketchFacts(doc.draft).title : '';
  // A deferred Votum took the outcome off the sketch for its next round; the Votum keeps it.
  const decided = doc?.outcome ?? doc?.vota?.at(-1)?.outcome;
  return (
    <div class="page--wide">
      <Page title={title}>
        <OfficeNav current="votes" />
        <p>
          <a href={`/verwaltung/skizzen/${encodeURIComponent(id)}`}>{t.backToSketch}</a>
        </p>
        {region}
        {!doc ? (
          loaded.state === 'loaded' ? null : (
            <NotLoaded loaded={loaded} path={path} />
          )
        ) : profile.state !== 'loaded' ? (
          <NotLoaded
            loaded={
              profile.state === 'failed'
                ? { state: 'failed', message: profile.message }
                : { state: 'loading' }
            }
            path={path}
          />
        ) : (
          <>
            <section class="vote-section" aria-labelledby="votum-outcome-heading">
              <h2 id="votum-outcome-heading">{t.outcomeHeading}</h2>
              {decided ? (
                <OutcomeView outcome={decided} title={sketchTitle} seatName={seatName} />
              ) : (
                <p class="notice">{t.noOutcome}</p>
              )}
            </section>
            <VotumView doc={doc} profile={profile.profile} />
            {doc.status === 'vote_closed' && doc.outcome ? (
              <VotumForm
                doc={doc}
                profile={profile.profile}
                onSaved={(next) => {
                  setSaved(next);
                  announce(t.saved);
                }}
              />
            ) : !doc.vota?.length ? (
              <p class="notice">{t.notInVote(de.status[doc.status] ?? doc.status)}</p>
            ) : null}
          </>
        )}
      </Page>
    </div>
  );
}
