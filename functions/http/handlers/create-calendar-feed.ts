import { randomBytes } from 'node:crypto';
import * as route from '../../core/contract/followup.ts';
import { ConflictError } from '../../core/errors.ts';
import * as followUpErrors from '../../core/followup-texts/errors.de.ts';
import { config } from '../../platform/config.ts';
import { tokenHash } from '../../platform/secret.ts';
import { calendarOf, replaceCalendarFeed } from '../../store/followup.ts';
import { handle } from '../stack.ts';

/**
 * A new calendar feed for the admin: a random token in the URL (a calendar app sends no cookie),
 * stored only as its keyed hash. It replaces the admin's previous feed, which stops working.
 */
export default handle(route.createCalendarFeed)(async ({ caller, now }) => {
  const token = randomBytes(32).toString('base64url');
  const previous = await calendarOf(caller.email);
  if (!(await replaceCalendarFeed(caller.email, await tokenHash(token), previous?.hash, now)))
    throw new ConflictError(followUpErrors.calendarChanged, 'calendar_conflict');
  return {
    status: 201,
    body: { url: `${config().PUBLIC_URL}/api/calendar/${token}/fristen.ics`, createdAt: now.toISOString() },
  };
});
