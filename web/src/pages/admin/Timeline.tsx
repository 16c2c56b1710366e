import { formatDateTime } from '../../../../functions/core/dates.ts';
import { de } from '../../../../functions/core/messages.de.ts';
import type { SketchEventView } from '../../../../functions/core/sketch-doc.ts';
import { useNames } from '../../names.ts';
import { adminTexts } from './texts.de.ts';

const t = adminTexts.sketch;

/** What happened to the sketch, oldest first: who, when, what, and the note that came with it. */
export function Timeline({ events }: { events: SketchEventView[] }) {
  const roles = t.roles(useNames());
  return (
    <section aria-labelledby="timeline-heading" id="verlauf">
      <h2 id="timeline-heading">{t.timeline.heading}</h2>
      {events.length === 0 ? (
        <p>{t.timeline.empty}</p>
      ) : (
        <ol class="timeline">
          {events.map((event) => (
            <li key={`${event.at}-${event.transition}`} class="timeline__event">
              <p class="timeline__head">
                <strong>{t.transitions[event.transition] ?? de.status[event.to]}</strong>
                {' – '}
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </p>
              <p class="timeline__meta">
                {t.timeline.by(event.actor, roles[event.role] ?? event.role)}
                {event.from && event.from !== event.to ? (
                  <>
                    {'. '}
                    {t.timeline.change(de.status[event.from], de.status[event.to])}
                  </>
                ) : null}
              </p>
              {event.note ? (
                <div class="timeline__note">
                  <p>
                    <strong>{t.timeline.note}</strong> {event.note}
                  </p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
