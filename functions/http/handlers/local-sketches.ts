import { callerSubRegions } from '../../app/caller.ts';
import * as route from '../../core/contract/local.ts';
import { localSketchPage } from '../../store/local.ts';
import { handle } from '../stack.ts';

/** A local alliance's workspace, one section a page at a time: open for statements, or earlier. */
export default handle(route.localSketches)(async ({ caller, query }) => {
  const subRegionIds = await callerSubRegions(caller);
  const page = await localSketchPage(subRegionIds, query.section, query.limit, query.cursor);
  return { status: 200, body: { subRegionIds, ...page } };
});
