import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { formatDateTime } from '../../../functions/core/dates.ts';
import { de, httpMessages } from '../../../functions/core/messages.de.ts';
import { sketchFacts } from '../../../functions/core/sketch-doc.ts';
import { Page } from '../components/Page.tsx';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { SketchView } from '../components/SketchView.tsx';
import { WithdrawSketch } from '../components/WithdrawSketch.tsx';
import { useNames } from '../names.ts';
import { useProfile } from '../profile.ts';
import { isAdmin, useSession } from '../session.ts';
import { sketchTexts } from '../sketch.texts.de.ts';
import { type SketchDoc, useSketch } from '../sketch-loading.tsx';
import { sketchStatusText } from '../status.ts';
import {
  AcceptAction,
  allows,
  EndorsementBlock,
  ReturnAction,
  ReturnedNotice,
} from './admin/ReviewActions.tsx';
import { listAddress, type PublicProfile } from './admin/shared.ts';
import { Timeline } from './admin/Timeline.tsx';
import { TrailCheck } from './admin/TrailCheck.tsx';
import { adminTexts } from './admin/texts.de.ts';
import { Versions, VersionView } from './admin/Versions.tsx';
import { VotumView } from './admin/VotumView.tsx';
import { followUpStates, OfficeFollowUpSlot } from './followup/slots.tsx';
import { votumTexts } from './votes/votum.texts.de.ts';

const t = adminTexts.sketch;

function Overview({ doc, title }: { doc: SketchDoc; title: string }) {
  const facts = sketchFacts(doc.draft);
  const rows: [string, string][] = [
    [t.status, sketchStatusText(doc)],
    ...(doc.reference ? [[t.reference, doc.reference] as [string, string]] : []),
    [t.organisation, facts.organisation || '–'],
    [t.owner, doc.ownerEmail],
    [t.submittedAt, doc.submittedAt ? formatDateTime(doc.submittedAt) : t.notSubmitted],
    [t.submissions, String(doc.submissions.length)],
    [t.nextStep, doc.nextStep.text],
  ];
  return (
    <dl class="details" aria-label={`${t.overview}: ${title}`}>
      {rows.map(([term, value]) => (
        <div key={term} class="details__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function WithdrawnNotice({ doc }: { doc: SketchDoc }) {
  if (!doc.withdrawn) return null;
  return (
    <div class="notice">
      <p>{t.withdrawnNotice(formatDateTime(doc.withdrawn.at), doc.withdrawn.by)}</p>
      {doc.withdrawn.reason ? (
        <p>
          <strong>{t.withdrawnReason}</strong> {doc.withdrawn.reason}
        </p>
      ) : null}
    </div>
  );
}

/** Accept, return or withdraw: only what the sketch's state allows (lifecycle.ts) is offered. */
function Review({
  doc,
  title,
  onDone,
}: {
  doc: SketchDoc;
  title: string;
  onDone: (announcement: string) => void;
}) {
  const names = useNames();
  const canAccept = allows('accept', doc);
  const canReturn = allows('return', doc);
  const canWithdraw = allows('withdraw', doc);
  return (
    <section aria-labelledby="review-heading" id="pruefung">
      <h2 id="review-heading">{t.review}</h2>
      {!canAccept && !canReturn && !canWithdraw ? (
        <p>{t.reviewClosed(names, de.status[doc.status] ?? doc.status)}</p>
      ) : null}
      {canAccept ? <AcceptAction doc={doc} onDone={onDone} /> : null}
      {canReturn ? <ReturnAction doc={doc} onDone={onDone} /> : null}
      {canWithdraw ? (
        <div class="review-block">
          <h3 id="withdraw-heading">{t.withdrawHeading}</h3>
          <p class="hint">{t.withdrawHint}</p>
          <WithdrawSketch
            sketchId={doc.id}
            title={title}
            idPrefix="admin"
            onWithdrawn={() => onDone(sketchTexts.withdraw.done(title))}
          />
        </div>
      ) : null}
    </section>
  );
}

/** The sketch to read: the current content, or a submitted version chosen in the list of versions. */
function Content({
  doc,
  profile,
  shown,
  onShowCurrent,
  headingRef,
}: {
  doc: SketchDoc;
  profile: PublicProfile;
  shown: number | undefined;
  onShowCurrent: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const version = shown === undefined ? undefined : doc.submissions.find((s) => s.n === shown);
  return (
    <section aria-labelledby="content-heading" id="inhalt">
      <h2 id="content-heading" tabIndex={-1} ref={headingRef}>
        {t.content}
      </h2>
      {version ? (
        <>
          <p class="actions">
            <span>{t.showing.version(version.n, formatDateTime(version.submittedAt))}</span>
            <button type="button" class="button button--quiet button--small" onClick={onShowCurrent}>
              {t.showCurrent}
            </button>
          </p>
          <VersionView key={version.n} sketchId={doc.id} n={version.n} profile={profile} />
        </>
      ) : (
        <>
          <p>{t.showing.current}</p>
          <SketchView draft={doc.draft} profile={profile} headingLevel={3} idPrefix="current" />
        </>
      )}
    </section>
  );
}

function Loaded({
  doc,
  profile,
  onDone,
  atFollowUp,
}: {
  doc: SketchDoc;
  profile: PublicProfile;
  onDone: (announcement: string) => void;
  atFollowUp: boolean;
}) {
  const names = useNames();
  const title = sketchFacts(doc.draft).title;
  const followUp = followUpStates.includes(doc.status);
  const [shown, setShown] = useState<number>();
  const contentRef = useRef<HTMLHeadingElement>(null);
  /** Reading a version (or going back to the current one) moves focus to where it begins. */
  const show = (n: number | undefined) => {
    setShown(n);
    requestAnimationFrame(() => contentRef.current?.focus());
  };
  return (
    <>
      <Overview doc={doc} title={title} />
      <ReturnedNotice doc={doc} />
      <WithdrawnNotice doc={doc} />
      <VotumView doc={doc} profile={profile} />
      {doc.status === 'vote_closed' && doc.outcome ? (
        <div class="notice notice--info">
          <p id="votum-write-hint">{votumTexts.writeHint(names)}</p>
          <p>
            <a
              class="button"
              href={`/verwaltung/skizzen/${encodeURIComponent(doc.id)}/votum`}
              aria-describedby="votum-write-hint"
            >
              {votumTexts.write}
            </a>
          </p>
        </div>
      ) : null}
      <nav aria-label={t.onThisPage} class="page-nav">
        <ul>
          {followUp ? (
            <li>
              <a href="#foerderung">{t.followUp}</a>
            </li>
          ) : null}
          <li>
            <a href="#befuerwortung">
              {profile.localStatements.required ? t.endorsement.heading : t.endorsement.attachments}
            </a>
          </li>
          <li>
            <a href="#pruefung">{t.review}</a>
          </li>
          <li>
            <a href="#fassungen">{t.versions.heading}</a>
          </li>
          <li>
            <a href="#verlauf">{t.timeline.heading}</a>
          </li>
          <li>
            <a href="#inhalt">{t.content}</a>
          </li>
        </ul>
      </nav>
      {/* After an endorsing Votum: the decision, the end and the reports, a chunk loaded only then. */}
      {followUp ? <OfficeFollowUpSlot sketchId={doc.id} focus={atFollowUp} onDone={onDone} /> : null}
      <EndorsementBlock doc={doc} profile={profile} />
      <Review doc={doc} title={title} onDone={onDone} />
      <Versions sketchId={doc.id} submissions={doc.submissions} onRead={show} />
      <Timeline events={doc.events} />
      <TrailCheck kind="sketch" id={doc.id} />
      <Content
        doc={doc}
        profile={profile}
        shown={shown}
        onShowCurrent={() => show(undefined)}
        headingRef={contentRef}
      />
    </>
  );
}

/** One sketch for the office: its state, the completeness check's actions, versions and history. */
export function AdminSketch() {
  const { params } = useRoute();
  const { path } = useLocation();
  const id = params.id ?? '';
  const profileState = useProfile();
  const names = useNames();
  const session = useSession();
  const [reloads, setReloads] = useState(0);
  const loaded = useSketch(id, reloads);
  const [announcement, setAnnouncement] = useState('');
  const announceRef = useRef<HTMLDivElement>(null);
  /** Set by an action: once the sketch is reloaded, focus goes to the announcement if its control is gone. */
  const refocus = useRef(false);

  useEffect(() => {
    setAnnouncement('');
  }, [id]);

  useEffect(() => {
    if (!refocus.current || loaded.state === 'loading') return;
    refocus.current = false;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) announceRef.current?.focus();
  }, [loaded]);

  const done = (message: string) => {
    setAnnouncement(message);
    refocus.current = true;
    setReloads((n) => n + 1);
  };

  const title = loaded.state === 'loaded' ? sketchFacts(loaded.data.draft).title : t.fallbackTitle;
  return (
    <div class="page--wide">
      <Page title={title}>
        <p>
          <a href={listAddress.current}>{t.backToList}</a>
        </p>
        {/* Always in the page, so screen readers announce what is put into it after an action. */}
        <div
          role="status"
          class={announcement ? 'notice notice--success' : 'live'}
          tabIndex={-1}
          ref={announceRef}
        >
          {announcement ? <p>{announcement}</p> : null}
        </div>
        {/* The owner may read the sketch too, but the office's actions are not theirs. */}
        {session.state === 'signed-in' && !isAdmin(session) ? (
          <div class="notice notice--error" role="alert">
            <p>{adminTexts.list.forbidden(names)}</p>
          </div>
        ) : loaded.state === 'loading' ? (
          <p role="status">{t.loading}</p>
        ) : loaded.state === 'signed-out' ? (
          <SignInPrompt path={path} />
        ) : loaded.state === 'failed' || loaded.state === 'forbidden' ? (
          <div class="notice notice--error" role="alert">
            <p>{loaded.state === 'failed' ? loaded.message : httpMessages.forbidden}</p>
          </div>
        ) : profileState.state === 'failed' ? (
          <div class="notice notice--error" role="alert">
            <p>{adminTexts.list.profileFailed(profileState.message)}</p>
          </div>
        ) : profileState.state === 'loading' ? (
          <p role="status">{t.loading}</p>
        ) : (
          <Loaded
            doc={loaded.data}
            profile={profileState.profile}
            onDone={done}
            atFollowUp={path.endsWith('/foerderung')}
          />
        )}
      </Page>
    </div>
  );
}
