import { checkVoteTrail } from '../../app/trail.ts';
import * as route from '../../core/contract/trail.ts';
import { handle } from '../stack.ts';

/** The office checks a vote's audit trail: unchanged, or its first broken event. */
export default handle(route.checkVoteTrail)(async ({ params }) => {
  const { check } = await checkVoteTrail(params.id);
  return { status: 200, body: check };
});
