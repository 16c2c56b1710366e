import * as z from 'zod/mini';
import { sketchStatuses } from '../../core/lifecycle.ts';
import { listSketchesByStatus } from '../../store/sketches.ts';
import { parse } from '../parse.ts';
import { routes } from '../routes.ts';
import { httpHandler } from '../stack.ts';

const listQuery = z.object({
  status: z._default(z.enum(sketchStatuses, { error: 'Status: unbekannter Wert.' }), 'submitted'),
  limit: z._default(
    z.coerce
      .number({ error: 'limit: Bitte eine Zahl angeben.' })
      .check(
        z.multipleOf(1, 'limit: Bitte eine ganze Zahl angeben.'),
        z.gte(1, 'limit: mindestens 1.'),
        z.lte(100, 'limit: höchstens 100.'),
      ),
    50,
  ),
  cursor: z.optional(
    z.string().check(z.regex(/^[\w-]+$/, 'cursor: ungültig.'), z.maxLength(2000, 'cursor: ungültig.')),
  ),
});

/** Sketches in one state for the office, newest first, a page at a time. */
export const handler = httpHandler(routes.listSketches, async ({ event }) => {
  const query = parse(listQuery, event.queryStringParameters ?? {});
  const page = await listSketchesByStatus(query.status, query.limit, query.cursor);
  return {
    status: 200,
    body: {
      items: page.items.map(({ id, title, organisation, contactName, status, submittedAt, updatedAt }) => ({
        id,
        title,
        organisation,
        contactName,
        status,
        submittedAt,
        updatedAt,
      })),
      cursor: page.cursor,
    },
  };
});
