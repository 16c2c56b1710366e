import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { localMessages } from '../../../../functions/core/local.de.ts';
import { type LocalVerdict, localVerdicts, noteRequired } from '../../../../functions/core/local.ts';
import { de } from '../../../../functions/core/messages.de.ts';
import { Field } from '../../components/Field.tsx';
import { draftSubRegions, LocalStatements } from '../../components/LocalStatements.tsx';
import { Page } from '../../components/Page.tsx';
import { SketchView } from '../../components/SketchView.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import { RadioGroup, SubmitButton } from '../../lib/controls.tsx';
import { fieldMessage, NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { type PublicProfile, useProfile } from '../../profile.ts';
import { localTexts } from './texts.de.ts';

const t = localTexts.sketch;
type Doc = AnswerOf<'localSketch'>;

/** The statement for one sub-region: a verdict and a note (required for conditions and refusals). */
function StatementForm({
  doc,
  subRegionId,
  profile,
  onGiven,
}: {
  doc: Doc;
  subRegionId: string;
  profile: PublicProfile;
  onGiven: () => void;
}) {
  const [verdict, setVerdict] = useState<LocalVerdict>();
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<{ verdict?: string; note?: string }>({});
  const action = useAction();
  const region = profile.subRegions.find((r) => r.id === subRegionId);
  const prefix = `statement-${subRegionId}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const problems = {
      ...(verdict ? {} : { verdict: localMessages.fields.verdict }),
      ...(verdict && noteRequired(verdict) && note.trim().length < 10
        ? { note: localMessages.fields.noteRequired }
        : {}),
    };
    setLocal(problems);
    if (!verdict || Object.keys(problems).length) {
      document.getElementById(problems.verdict ? prefix : `${prefix}-note`)?.focus();
      return;
    }
    const body = { subRegionId, verdict, note: note.trim() };
    if (await action.run(() => call('giveStatement', { params: { id: doc.id }, body }))) onGiven();
  };
  const otherError = action.error && !action.error.fields.length ? action.error.message : undefined;
  return (
    <form class="review-block" onSubmit={submit} noValidate aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t.formHeading(region?.localAlliance ?? subRegionId)}</h2>
      <RadioGroup
        id={prefix}
        legend={t.verdict}
        options={localVerdicts.map((value) => ({ value, label: localMessages.verdicts[value] }))}
        value={verdict}
        onChange={(value) => setVerdict(value as LocalVerdict)}
        error={local.verdict ?? fieldMessage(action.error, 'verdict')}
      />
      <Field
        id={`${prefix}-note`}
        label={t.note}
        hint={t.noteHint}
        multiline
        value={note}
        onInput={setNote}
        error={local.note ?? fieldMessage(action.error, 'note') ?? fieldMessage(action.error, 'subRegionId')}
      />
      <SubmitButton
        id={`${prefix}-error`}
        error={otherError}
        busy={action.busy}
        label={t.submit}
        busyLabel={t.busy}
      />
    </form>
  );
}

/** `/allianz/skizzen/:id`: one sketch of the local alliance's sub-regions, read-only, with its statement form. */
export function LocalSketch() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad('localSketch', { params: { id } }, reloads);
  const profileState = useProfile();
  const names = useNames();
  const { announce, region } = useAnnouncement(loaded);
  const path = `/allianz/skizzen/${encodeURIComponent(id)}`;
  if (loaded.state !== 'loaded' || profileState.state !== 'loaded')
    return (
      <Page title={localTexts.workspace.title}>
        {loaded.state !== 'loaded' ? (
          <NotLoaded loaded={loaded} path={path} />
        ) : (
          <p role="status">
            {profileState.state === 'failed' ? profileState.message : localTexts.workspace.title}
          </p>
        )}
      </Page>
    );
  const doc = loaded.data;
  const profile = profileState.profile;
  const title = (doc.draft.project as { title?: string } | undefined)?.title ?? '';
  const open = doc.mySubRegionIds.filter((r) => !doc.localStatements.some((s) => s.subRegionId === r));
  return (
    <Page title={title}>
      <p>
        <a href="/allianz">{t.back}</a>
      </p>
      <p>
        <strong>{de.status[doc.status]}</strong>
      </p>
      {region}
      <LocalStatements
        profile={profile}
        subRegionIds={draftSubRegions(doc.draft)}
        statements={doc.localStatements}
      />
      {doc.status === 'submitted' ? (
        open.map((subRegionId) => (
          <StatementForm
            key={subRegionId}
            doc={doc}
            subRegionId={subRegionId}
            profile={profile}
            onGiven={() => {
              announce(t.done(names));
              setReloads((n) => n + 1);
            }}
          />
        ))
      ) : open.length ? (
        <p class="notice">{t.closed}</p>
      ) : null}
      <h2>{t.content}</h2>
      <SketchView draft={doc.draft} profile={profile} headingLevel={3} idPrefix="local-sketch" />
    </Page>
  );
}
