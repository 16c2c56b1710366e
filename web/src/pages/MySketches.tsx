import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDate, formatDateTime } from '../../../functions/core/dates.ts';
import { type SketchStatus, transitions } from '../../../functions/core/lifecycle.ts';
import { httpMessages } from '../../../functions/core/messages.de.ts';
import { Page } from '../components/Page.tsx';
import { SignInPrompt } from '../components/SignInPrompt.tsx';
import { WithdrawSketch } from '../components/WithdrawSketch.tsx';
import type { AnswerOf } from '../lib/api.ts';
import { useLoad } from '../lib/load.tsx';
import { sketchTexts } from '../sketch.texts.de.ts';
import { sketchStatusText } from '../status.ts';

type MyOverview = AnswerOf<'mySketches'>;

const t = sketchTexts.mySketches;
const withdrawable = (status: SketchStatus) =>
  (transitions.withdraw.from as readonly string[]).includes(status);

function SketchCard({
  sketch,
  onWithdrawn,
}: {
  sketch: MyOverview['sketches'][number];
  onWithdrawn: (title: string) => void;
}) {
  const headingId = `sketch-${sketch.id}-title`;
  const href = `/skizzen/${encodeURIComponent(sketch.id)}`;
  return (
    <li class="card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} class="card__title">
          {sketch.title}
        </h2>
        <dl class="details">
          <div class="details__row">
            <dt>{t.status}</dt>
            <dd>
              <span class={`status status--${sketch.status}`}>{sketchStatusText(sketch)}</span>
            </dd>
          </div>
          <div class="details__row">
            <dt>{t.nextStep}</dt>
            <dd>{sketch.nextStep.text}</dd>
          </div>
          {sketch.nextStep.due ? (
            <div class="details__row">
              <dt>{t.due}</dt>
              <dd>
                <time dateTime={sketch.nextStep.due}>{formatDate(sketch.nextStep.due)}</time>
              </dd>
            </div>
          ) : null}
        </dl>
        <div class="actions">
          {sketch.status === 'draft' ? (
            <a class="button" href={`${href}/bearbeiten`} aria-label={`${t.edit}: ${sketch.title}`}>
              {t.edit}
            </a>
          ) : null}
          <a class="button button--quiet" href={href} aria-label={`${t.view}: ${sketch.title}`}>
            {t.view}
          </a>
        </div>
        {withdrawable(sketch.status) ? (
          <div class="card__withdraw">
            <WithdrawSketch
              sketchId={sketch.id}
              title={sketch.title}
              idPrefix={`sketch-${sketch.id}`}
              onWithdrawn={() => onWithdrawn(sketch.title)}
            />
          </div>
        ) : null}
      </article>
    </li>
  );
}

function Mails({ mails }: { mails: MyOverview['mails'] }) {
  return (
    <section aria-labelledby="mails-heading">
      <h2 id="mails-heading">{t.mailsHeading}</h2>
      {mails.length === 0 ? (
        <p>{t.mailsEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t.mailsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.mailColumns.date}</th>
                <th scope="col">{t.mailColumns.subject}</th>
                <th scope="col">{t.mailColumns.status}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td>
                    <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
                  </td>
                  <th scope="row">{mail.subject}</th>
                  <td>{t.mailStatus[mail.status] ?? mail.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The applicant's status page: every sketch, its state in plain German, what comes next, the mails. */
export function MySketches() {
  const { path } = useLocation();
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad('mySketches', {}, reloads);
  const [announcement, setAnnouncement] = useState('');
  const announceRef = useRef<HTMLDivElement>(null);

  // After a withdrawal the withdraw form is gone; the announcement takes the focus in its place.
  useEffect(() => {
    if (announcement && loaded.state === 'loaded') announceRef.current?.focus();
  }, [announcement, loaded]);

  const withdrawn = (title: string) => {
    setAnnouncement(sketchTexts.withdraw.done(title));
    setReloads((n) => n + 1);
  };

  return (
    <Page title={t.title}>
      <div
        role="status"
        class={announcement ? 'notice notice--success' : 'live'}
        tabIndex={-1}
        ref={announceRef}
      >
        {announcement ? <p>{announcement}</p> : null}
      </div>
      {loaded.state === 'loading' ? (
        <p role="status">{t.loading}</p>
      ) : loaded.state === 'signed-out' ? (
        <SignInPrompt path={path} />
      ) : loaded.state === 'failed' || loaded.state === 'forbidden' ? (
        <div class="notice notice--error" role="alert">
          <p>{loaded.state === 'failed' ? loaded.message : httpMessages.forbidden}</p>
        </div>
      ) : (
        <>
          <p class="lead">{t.intro}</p>
          {loaded.data.sketches.length === 0 ? (
            <p class="notice">{t.empty}</p>
          ) : (
            <ul class="cards">
              {loaded.data.sketches.map((sketch) => (
                <SketchCard key={sketch.id} sketch={sketch} onWithdrawn={withdrawn} />
              ))}
            </ul>
          )}
          <p>
            <a class="button button--quiet" href="/skizzen/neu">
              {t.newSketch}
            </a>
          </p>
          <Mails mails={loaded.data.mails} />
        </>
      )}
    </Page>
  );
}
