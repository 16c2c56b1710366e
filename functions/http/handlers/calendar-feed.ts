import { collectOverviewItems } from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { formatDate } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import { icalendar } from '../../core/ical.ts';
import { config } from '../../platform/config.ts';
import { tokenHash } from '../../platform/secret.ts';
import { isAdmin } from '../../store/auth.ts';
import { findCalendarFeed } from '../../store/followup.ts';
import { handle } from '../stack.ts';

/**
 * The admin's deadlines as an iCalendar feed, for a calendar app to subscribe to: public, as an app
 * sends no cookie, but only for a token whose hash is stored for an admin still on the allow-list.
 */
export default handle(route.calendarFeed)(async ({ params, now }) => {
  const token = params.token ?? '';
  const unknown = () => new NotFoundError('Diesen Kalender gibt es nicht (mehr).');
  if (!/^[\w-]{43}$/.test(token)) throw unknown();
  const feed = await findCalendarFeed(await tokenHash(token));
  if (!feed || !(await isAdmin(feed.email))) throw unknown();
  const { profile, PUBLIC_URL } = config();
  const host = new URL(PUBLIC_URL).host;
  // Every deadline someone still waits on, however far ahead: a calendar shows the future.
  const items = await collectOverviewItems(now);
  const text = icalendar({
    name: `Fristen – ${profile.name}`,
    stamp: now,
    events: items.map((item) => ({
      uid: `${item.id}@${host}`,
      date: item.due,
      summary: `${item.label}: ${item.title}`,
      description: [
        `Fällig am ${formatDate(item.due)}${item.overdue ? ' (überfällig)' : ''}.`,
        `${item.waiting.by.name} wartet auf ${item.waiting.on.name}: ${item.waiting.what}.`,
        `${PUBLIC_URL}${item.path}`,
      ].join('\n'),
      url: `${PUBLIC_URL}${item.path}`,
    })),
  });
  return {
    status: 200,
    file: {
      bytes: new TextEncoder().encode(text),
      contentType: 'text/calendar; charset=utf-8',
      fileName: 'fristen.ics',
    },
  };
});
