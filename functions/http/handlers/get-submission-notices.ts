import * as route from '../../core/contract/notices.ts';
import { submissionNoticeSetting } from '../../store/notices.ts';
import { handle } from '../stack.ts';

/** How the office hears of submissions (default: a mail for each). */
export default handle(route.getSubmissionNotices)(async () => ({
  status: 200,
  body: await submissionNoticeSetting(),
}));
