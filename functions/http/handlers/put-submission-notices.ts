import * as route from '../../core/contract/notices.ts';
import { setSubmissionNoticeSetting } from '../../store/notices.ts';
import { handle } from '../stack.ts';

/**
 * The office chooses a mail per submission or a daily digest. Submissions already waiting for a
 * digest still go out with it; from now on each submission follows the new choice.
 */
export default handle(route.putSubmissionNotices)(async ({ body, caller, now }) => {
  const setting = { mode: body.mode, changedBy: caller.email, changedAt: now.toISOString() };
  await setSubmissionNoticeSetting(setting);
  return { status: 200, body: setting };
});
