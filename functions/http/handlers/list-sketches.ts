import { z } from 'zod';
import { sketchStatuses } from '../../core/lifecycle.ts';
import { listSketchesByStatus } from '../../store/sketches.ts';
import { parse } from '../parse.ts';
import { routes } from '../routes.ts';
import { httpHandler } from '../stack.ts';

const listQuery = z.object({
  status: z.enum(sketchStatuses, { error: 'Status: unbekannter Wert.' }).default('submitted'),
  limit: z.coerce.number({ error: 'limit: Bitte eine Zahl angeben.' }).int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^[\w-]+$/, 'cursor: ungültig.')
    .max(2000)
    .optional(),
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
