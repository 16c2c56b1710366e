import * as route from '../../core/contract/votes.ts';
import { listMeetings, sketchTitles } from '../../store/votes.ts';
import { handle } from '../stack.ts';

/** The recorded meetings, newest first, with the titles of the sketches decided. */
export default handle(route.listMeetings)(async () => {
  const meetings = await listMeetings(100);
  const titles = await sketchTitles(meetings.flatMap((m) => m.decisions.map((d) => d.sketchId)));
  return {
    status: 200,
    body: {
      items: meetings.map((m) => ({
        ...m,
        decisions: m.decisions.map((d) => ({ ...d, title: titles.get(d.sketchId) ?? '' })),
      })),
    },
  };
});
