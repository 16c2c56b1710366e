import { useLocation } from 'preact-iso';
import { formatDate } from '../../../../functions/core/dates.ts';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, href } from '../../lib/api.ts';
import { NotLoaded, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { voteTexts } from '../votes/texts.de.ts';
import { meetingPlanTexts } from './MeetingPlans.texts.de.ts';
import { MeetingPlans } from './MeetingPlans.tsx';

const t = voteTexts.meetings;

type Meeting = AnswerOf<'listMeetings'>['items'][number];

function MeetingTable({ meetings }: { meetings: Meeting[] }) {
  const c = t.columns;
  return (
    <div class="table-wrap">
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.date}</th>
            <th scope="col">{c.place}</th>
            <th scope="col" class="num">
              {c.present}
            </th>
            <th scope="col" class="num">
              {c.decisions}
            </th>
            <th scope="col">{c.minutes}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => {
            const date = formatDate(meeting.date);
            const present = meeting.attendance.filter((a) => a.presence !== 'absent').length;
            return (
              <tr key={meeting.id}>
                <th scope="row">
                  <time dateTime={meeting.date}>{date}</time>
                </th>
                <td>{meeting.place || voteTexts.common.none}</td>
                <td class="num">{t.present(present, meeting.attendance.length)}</td>
                <td class="num">{meeting.decisions.length}</td>
                <td>
                  <a href={href('meetingMinutes', { params: { id: meeting.id } })}>{t.minutes(date)}</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** `/verwaltung/sitzungen`: the recorded meetings with their minutes, and recording a new one. */
export function Meetings() {
  const names = useNames();
  const { path, query } = useLocation();
  const loaded = useLoad('listMeetings');
  const recorded = query.erfasst === '1';
  return (
    <div class="page--wide">
      <Page title={t.title(names)}>
        <OfficeNav current="meetings" />
        {recorded ? (
          <div class="notice notice--success" data-focus tabIndex={-1}>
            <p>{t.recorded}</p>
          </div>
        ) : null}
        <p class="lead">{t.intro(names)}</p>
        <p>
          <a class="button" href="/verwaltung/sitzungen/neu">
            {t.record}
          </a>
        </p>
        <MeetingPlans />
        <h2>{meetingPlanTexts.recordedHeading}</h2>
        {loaded.state !== 'loaded' ? (
          <NotLoaded loaded={loaded} path={path} />
        ) : loaded.data.items.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <MeetingTable meetings={loaded.data.items} />
        )}
      </Page>
    </div>
  );
}
