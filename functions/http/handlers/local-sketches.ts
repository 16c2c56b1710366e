import { callerSubRegions } from '../../app/caller.ts';
import * as route from '../../core/contract/local.ts';
import { localSketchRows } from '../../store/local.ts';
import { handle } from '../stack.ts';

/** A local alliance's workspace: the sketches of its sub-regions, those awaiting its statement and earlier ones. */
export default handle(route.localSketches)(async ({ caller }) => {
  const subRegionIds = await callerSubRegions(caller);
  return { status: 200, body: { subRegionIds, sketches: await localSketchRows(subRegionIds) } };
});
