import { summary } from '../../app/summary.ts';
import * as route from '../../core/contract/sketches.ts';
import { type SketchStatus, sketchStatuses } from '../../core/lifecycle.ts';
import { listSketches } from '../../store/sketches.ts';
import { handle } from '../stack.ts';

/**
 * Without a status filter the office sees everything submitted at least once: every state past the
 * draft, and the drafts it gave back for revision (the store lists no other draft to the office).
 */
const officeStates: readonly SketchStatus[] = sketchStatuses;

/** Sketches for the office, newest submission first, filtered, a page at a time. */
export default handle(route.listSketches)(async ({ query }) => {
  // A filter applies after DynamoDB's page limit, so a page may come back short: read on (a few
  // rounds at most) until the page is full or nothing is left.
  const statuses =
    query.status === 'returned' ? ['draft' as const] : query.status ? [query.status] : officeStates;
  const filter = { subRegion: query.subRegion, priority: query.priority };
  let page = await listSketches(statuses, query.limit, query.cursor, filter);
  for (let round = 1; round < 5 && page.cursor && page.items.length < query.limit; round++) {
    const more = await listSketches(statuses, query.limit - page.items.length, page.cursor, filter);
    page = { items: [...page.items, ...more.items], ...(more.cursor ? { cursor: more.cursor } : {}) };
  }
  return {
    status: 200,
    body: { items: page.items.map(summary), ...(page.cursor ? { cursor: page.cursor } : {}) },
  };
});
