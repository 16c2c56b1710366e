import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDate, formatDateTime } from '../../../../functions/core/dates.ts';
import type { OverviewItem } from '../../../../functions/core/followup.ts';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, call } from '../../lib/api.ts';
import { NotLoaded, useAction, useAnnouncement, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { deadlinesTexts as t } from './Deadlines.texts.de.ts';
import '../followup/followup.css';

/*
 * `/verwaltung/fristen`: what is overdue and what falls due in the next weeks (listDeadlines), each
 * with who waits on whom and a link to where it is dealt with; overdue is said in words. Below it,
 * the admin's calendar subscription (calendarFeedStatus, createCalendarFeed, revokeCalendarFeed).
 */

const weekChoices = [2, 4, 8, 13, 26, 52] as const;

const berlinDay = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function When({ item }: { item: OverviewItem }) {
  const days = item.daysLeft;
  return (
    <>
      <time dateTime={item.due}>{formatDate(item.due)}</time>
      <br />
      {item.overdue ? (
        <strong class="followup-overdue">{t.overdueSince(Math.max(0, -days))}</strong>
      ) : (
        <span>{days <= 0 ? t.dueToday : t.dueIn(days)}</span>
      )}
    </>
  );
}

function ItemsTable({ items, caption }: { items: readonly OverviewItem[]; caption: string }) {
  const c = t.columns;
  const names = useNames();
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.due}</th>
            <th scope="col">{c.what}</th>
            <th scope="col">{c.project}</th>
            <th scope="col">{c.waiting}</th>
            <th scope="col">{c.reminders}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <When item={item} />
              </td>
              <td>{item.label}</td>
              <th scope="row">
                <a href={item.path}>{item.title}</a>
              </th>
              <td>{t.waiting(item.waiting.by.name, item.waiting.on.name, item.waiting.what)}</td>
              <td>
                {item.escalated ? <p>{t.escalated(names)}</p> : null}
                {item.nextActionAt ? (
                  <p>
                    {/* A reminder whose day has come goes out with the deadline job's next run. */}
                    {new Date(item.nextActionAt).getTime() <= Date.now()
                      ? t.actionDue(berlinDay.format(new Date(item.nextActionAt)))
                      : t.nextAction(berlinDay.format(new Date(item.nextActionAt)))}
                  </p>
                ) : item.escalated ? null : (
                  t.noAction
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The range: every future deadline (the default: a final report years ahead too), or the next weeks. */
function Range({ weeks }: { weeks: number | undefined }) {
  const { route } = useLocation();
  const [chosen, setChosen] = useState(weeks === undefined ? '' : String(weeks));
  return (
    <form
      class="filters deadlines-range"
      aria-label={t.range}
      onSubmit={(event) => {
        event.preventDefault();
        route(chosen ? `/verwaltung/fristen?wochen=${encodeURIComponent(chosen)}` : '/verwaltung/fristen');
      }}
    >
      <div class="filters__fields">
        <div class="field">
          <label for="deadlines-weeks">{t.range}</label>
          <select
            id="deadlines-weeks"
            class="input"
            value={chosen}
            onChange={(event) => setChosen((event.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t.allAhead}</option>
            {[...new Set([...weekChoices, ...(weeks === undefined ? [] : [weeks])])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={String(n)}>
                  {t.weeks(n)}
                </option>
              ))}
          </select>
        </div>
      </div>
      <button type="submit" class="button button--quiet">
        {t.show}
      </button>
    </form>
  );
}

function OverviewView({ overview }: { overview: AnswerOf<'listDeadlines'> }) {
  const until = overview.until ? formatDate(overview.until) : undefined;
  const names = useNames();
  const run = overview.lastRun;
  return (
    <>
      <p role="status">{t.summary(overview.overdue.length, overview.upcoming.length, until)}</p>
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t.overdueHeading(overview.overdue.length)}</h2>
        {overview.overdue.length ? (
          <ItemsTable items={overview.overdue} caption={t.overdueCaption} />
        ) : (
          <p>{t.overdueNone}</p>
        )}
      </section>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t.upcomingHeading(until)}</h2>
        {overview.upcoming.length ? (
          <ItemsTable items={overview.upcoming} caption={t.upcomingCaption(until)} />
        ) : (
          <p>{t.upcomingNone(until)}</p>
        )}
      </section>
      {run ? (
        <p class="hint">
          {t.lastRun(names, formatDateTime(run.finishedAt), run.counts.reminded, run.counts.escalated)}
        </p>
      ) : null}
    </>
  );
}

/** The admin's calendar address: made (and shown) once, replaced, or revoked. */
function CalendarFeed() {
  const c = t.calendar;
  const [reloads, setReloads] = useState(0);
  const status = useLoad('calendarFeedStatus', {}, reloads);
  const [created, setCreated] = useState<AnswerOf<'createCalendarFeed'>>();
  const [asking, setAsking] = useState(false);
  const [copyNote, setCopyNote] = useState('');
  const { announce, region } = useAnnouncement(status);
  const action = useAction();
  const urlRef = useRef<HTMLInputElement>(null);

  const create = async () => {
    const answer = await action.run(() => call('createCalendarFeed'));
    if (!answer) return;
    setCreated(answer);
    setCopyNote('');
    setReloads((n) => n + 1);
    announce(c.created);
    // The address is what comes next: read out with its label, ready to copy.
    requestAnimationFrame(() => urlRef.current?.focus());
  };
  const revoke = async () => {
    const done = await action.run(() => call('revokeCalendarFeed').then(() => true));
    if (!done) return;
    setCreated(undefined);
    setAsking(false);
    setReloads((n) => n + 1);
    announce(c.revoked);
  };
  const copy = async () => {
    const url = created?.url ?? '';
    try {
      await navigator.clipboard.writeText(url);
      setCopyNote(c.copied);
    } catch {
      // No clipboard permission (or an old browser): the address is selected for Ctrl+C instead.
      urlRef.current?.focus();
      urlRef.current?.select();
      setCopyNote(c.selected);
    }
  };

  const active = status.state === 'loaded' && status.data.active;
  return (
    <section aria-labelledby="calendar-heading" class="followup-block">
      <h2 id="calendar-heading">{c.heading}</h2>
      <p>{c.intro}</p>
      <p>
        <strong>{c.secret}</strong>
      </p>
      {region}
      {status.state !== 'loaded' ? (
        <NotLoaded loaded={status} path="/verwaltung/fristen" />
      ) : (
        <>
          <p>{status.data.active ? c.active(formatDateTime(status.data.createdAt)) : c.none}</p>
          {created ? (
            <div class="field">
              <label for="calendar-url">{c.url}</label>
              <p id="calendar-url-hint" class="hint">
                {c.urlHint}
              </p>
              <div class="calendar-url">
                <input
                  id="calendar-url"
                  ref={urlRef}
                  type="text"
                  class="input"
                  readOnly
                  value={created.url}
                  aria-describedby="calendar-url-hint"
                  spellcheck={false}
                  onFocus={(event) => (event.currentTarget as HTMLInputElement).select()}
                />
                <button type="button" class="button button--quiet" onClick={() => void copy()}>
                  {c.copy}
                </button>
              </div>
              <p role="status" class="hint">
                {copyNote}
              </p>
            </div>
          ) : null}
          {action.error ? (
            <p class="field-error" role="alert">
              {action.error.message}
            </p>
          ) : null}
          {asking ? (
            <div class="confirm">
              <p class="confirm__question">{c.revokeQuestion}</p>
              <p class="actions">
                <button
                  type="button"
                  class="button button--danger"
                  disabled={action.busy}
                  onClick={() => void revoke()}
                >
                  {action.busy ? c.revoking : c.revokeConfirm}
                </button>
                <button type="button" class="button button--quiet" onClick={() => setAsking(false)}>
                  {c.cancel}
                </button>
              </p>
            </div>
          ) : (
            <p class="actions">
              <button type="button" class="button" disabled={action.busy} onClick={() => void create()}>
                {action.busy ? c.creating : active ? c.replace : c.create}
              </button>
              {active ? (
                <button
                  type="button"
                  class="button button--quiet button--danger"
                  onClick={() => setAsking(true)}
                >
                  {c.revoke}
                </button>
              ) : null}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** `/verwaltung/fristen`. */
export function Deadlines() {
  const { path, query } = useLocation();
  const asked = Number(query.wochen);
  const weeks = query.wochen && Number.isInteger(asked) && asked >= 0 && asked <= 104 ? asked : undefined;
  const loaded = useLoad('listDeadlines', { query: weeks === undefined ? {} : { weeks } });
  return (
    <div class="page--wide">
      <Page title={t.title}>
        <OfficeNav current="deadlines" />
        <p class="lead">{t.intro}</p>
        <Range key={weeks} weeks={weeks} />
        {loaded.state === 'loaded' ? (
          <OverviewView overview={loaded.data} />
        ) : (
          <NotLoaded loaded={loaded} path={path} />
        )}
        <CalendarFeed />
      </Page>
    </div>
  );
}
