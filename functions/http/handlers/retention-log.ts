import * as route from '../../core/contract/privacy.ts';
import { retentionLog } from '../../store/retention.ts';
import { handle } from '../stack.ts';

/** What retention and erasures did, newest first. */
export default handle(route.retentionLog)(async () => ({
  status: 200,
  body: { items: await retentionLog(100) },
}));
