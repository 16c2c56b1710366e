import { summary } from '../../app/summary.ts';
import * as route from '../../core/contract/sketches.ts';
import { mailsTo } from '../../store/outbox.ts';
import { listSketchesByOwner } from '../../store/sketches.ts';
import { handle } from '../stack.ts';

/** The applicant's status page: every sketch of theirs with what happens next, and their mails. */
export default handle(route.mySketches)(async ({ caller }) => {
  const [sketches, mails] = await Promise.all([listSketchesByOwner(caller.email), mailsTo(caller.email, 50)]);
  return { status: 200, body: { sketches: sketches.map(summary).reverse(), mails } };
});
