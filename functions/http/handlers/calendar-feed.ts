import { collectOverviewItems } from '../../app/followup.ts';
import * as route from '../../core/contract/followup.ts';
import { formatDate } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import { calendarTexts } from '../../core/followup.de.ts';
import * as followUpErrors from '../../core/followup-texts/errors.de.ts';
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
  // The token's shape is the route's (core/contract/followup.ts): only a well-formed one is looked up.
  const feed = await findCalendarFeed(await tokenHash(params.token));
  if (!feed || !(await isAdmin(feed.email))) throw new NotFoundError(followUpErrors.unknownCalendar);
  const { profile, PUBLIC_URL } = config();
  const host = new URL(PUBLIC_URL).host;
  // Every deadline someone still waits on, however far ahead: a calendar shows the future.
  const items = await collectOverviewItems(now);
  const text = icalendar({
    name: calendarTexts.name(profile.name),
    stamp: now,
    events: items.map((item) => ({
      uid: `${item.id}@${host}`,
      date: item.due,
      summary: `${item.label}: ${item.title}`,
      description: [
        calendarTexts.due(formatDate(item.due), item.overdue),
        calendarTexts.waiting(item.waiting.by.name, item.waiting.on.name, item.waiting.what),
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
