import { useLocation, useRoute } from 'preact-iso';
import { formatDate, formatDateTime } from '../../../functions/core/dates.ts';
import { sketchFacts } from '../../../functions/core/sketch-doc.ts';
import { AttachmentsSlot } from '../components/AttachmentsSlot.tsx';
import { draftSubRegions, LocalStatements } from '../components/LocalStatements.tsx';
import { Page } from '../components/Page.tsx';
import { SketchView } from '../components/SketchView.tsx';
import { useProfile } from '../profile.ts';
import { isAdmin, useSession } from '../session.ts';
import { sketchTexts } from '../sketch.texts.de.ts';
import type { PublicProfile } from '../sketch-form.ts';
import { Loading, type SketchDoc, useSketch } from '../sketch-loading.tsx';
import { editPath, printPath } from '../sketch-paths.ts';
import { sketchStatusText } from '../status.ts';
import { VotumView } from './admin/VotumView.tsx';
import { ApplicantFollowUpSlot, followUpStates } from './followup/slots.tsx';

function Status({
  doc,
  profile,
  atFollowUp,
}: {
  doc: SketchDoc;
  profile: PublicProfile;
  atFollowUp: boolean;
}) {
  const current = useSession();
  const id = encodeURIComponent(doc.id);
  const t = sketchTexts.sketchPage;
  const isOwner = current.state === 'signed-in' && current.me.email === doc.ownerEmail;
  return (
    <>
      <dl class="details">
        <div class="details__row">
          <dt>{t.status}</dt>
          <dd>{sketchStatusText(doc)}</dd>
        </div>
        {/* What happens next is said to the applicant; a member reading the sketch is not meant. */}
        {isOwner ? (
          <div class="details__row">
            <dt>{t.nextStep}</dt>
            <dd>
              {doc.nextStep.text}
              {doc.nextStep.due ? ` ${t.due(formatDate(doc.nextStep.due))}` : ''}
            </dd>
          </div>
        ) : null}
        <div class="details__row">
          <dt>{t.submittedAt}</dt>
          <dd>{doc.submittedAt ? formatDateTime(doc.submittedAt) : t.notSubmitted}</dd>
        </div>
      </dl>
      {doc.returned && doc.status === 'draft' ? (
        <div class="notice notice--info">
          <h2 class="notice__heading">{t.returnedHeading}</h2>
          <p class="pre">{doc.returned.note}</p>
        </div>
      ) : null}
      <VotumView doc={doc} profile={profile} />
      <p class="actions no-print">
        {doc.status === 'draft' && !isAdmin(current) ? (
          <a class="button" href={editPath(doc.id)}>
            {t.edit}
          </a>
        ) : null}
        <a class="button button--quiet" href={printPath(doc.id)}>
          {t.print}
        </a>
        {isAdmin(current) ? (
          <a class="button button--quiet" href="/verwaltung">
            {t.backToList}
          </a>
        ) : null}
      </p>
      {/* After an endorsing Votum: the funding decision and the reports, loaded only then. */}
      {followUpStates.includes(doc.status) ? (
        isAdmin(current) ? (
          <p class="no-print">
            <a href={`/verwaltung/skizzen/${id}/foerderung`}>{t.followUpOffice}</a>
          </p>
        ) : (
          <ApplicantFollowUpSlot sketchId={doc.id} focus={atFollowUp} />
        )
      ) : null}
      <LocalStatements
        profile={profile}
        subRegionIds={draftSubRegions(doc.draft)}
        statements={doc.localStatements}
      />
      <h2>{t.content}</h2>
      <SketchView draft={doc.draft} profile={profile} headingLevel={3} />
      {isOwner ? <AttachmentsSlot sketchId={doc.id} /> : null}
    </>
  );
}

/** `/skizzen/:id`: one sketch as its applicant (or the office) sees it, with the confirmation after submitting. */
export function Sketch() {
  const { params } = useRoute();
  const { query, url, path } = useLocation();
  const id = params.id ?? '';
  const loaded = useSketch(id);
  const profile = useProfile();
  const submitted = query.eingereicht === '1';
  // A member who came from their vote finds the way back (the id only makes a link; the vote checks access).
  const fromVote = query.abstimmung && /^[\w-]{1,64}$/.test(query.abstimmung) ? query.abstimmung : undefined;
  const title =
    loaded.state === 'loaded' ? sketchFacts(loaded.data.draft).title : sketchTexts.sketchPage.title;
  return (
    <Page title={title}>
      {fromVote ? (
        <p>
          <a href={`/abstimmungen/${encodeURIComponent(fromVote)}`}>{sketchTexts.sketchPage.backToVote}</a>
        </p>
      ) : null}
      {submitted ? (
        <div class="notice notice--success" data-focus tabIndex={-1}>
          <p>{sketchTexts.sketchPage.submittedBanner}</p>
        </div>
      ) : null}
      <Loading loaded={loaded} profile={profile} path={url || path}>
        {(doc, p) => <Status doc={doc} profile={p} atFollowUp={path.endsWith('/foerderung')} />}
      </Loading>
    </Page>
  );
}
