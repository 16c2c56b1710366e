import { useEffect, useState } from 'preact/hooks';
import { formTexts } from '../form.texts.de.ts';
import type { Section } from '../sketch-form.ts';

export type SectionState = 'done' | 'errors' | 'open';

/** Where the steps stand beside the form (wider) or above it (narrower): the CSS's breakpoint. */
const narrowQuery = '(max-width: 60rem)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => matchMedia(narrowQuery).matches);
  useEffect(() => {
    const list = matchMedia(narrowQuery);
    const changed = () => setNarrow(list.matches);
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, []);
  return narrow;
}

/**
 * The steps of the sketch form: where the person is (aria-current), which sections are complete
 * and which show errors (in words, not colour alone), and every section one link away.
 */
export function SectionNav({
  sections,
  current,
  states,
  hrefFor,
  reviewHref,
  onReview,
}: {
  /** The profile's steps (sectionsOf). */
  sections: readonly Section[];
  /** Index of the section shown; -1 on the review page. */
  current: number;
  /** Each step's state; undefined while the form's checks load (the steps show no state then). */
  states: readonly SectionState[] | undefined;
  hrefFor: (slug: string) => string;
  reviewHref: string;
  onReview?: (event: MouseEvent) => void;
}) {
  const t = formTexts.form;
  const done = states?.filter((s) => s === 'done').length ?? 0;
  const progressText = states ? t.progress(done, sections.length) : '';
  const narrow = useNarrow();
  const progress = (
    <>
      <p class="section-nav__progress" id="section-nav-progress">
        {progressText}
      </p>
      <div class="progress-bar" aria-hidden="true">
        <div class="progress-bar__done" style={{ width: `${(done / sections.length) * 100}%` }} />
      </div>
    </>
  );
  const list = (
    <ol class="section-nav__list" aria-busy={states ? undefined : true}>
      {sections.map((section, i) => {
        const state = states ? (states[i] ?? 'open') : undefined;
        return (
          <li key={section.key} class={`section-nav__item section-nav__item--${state ?? 'unknown'}`}>
            <a href={hrefFor(section.slug)} aria-current={i === current ? 'step' : undefined}>
              <span class="section-nav__number" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'errors' ? '!' : i + 1}
              </span>
              <span class="section-nav__title">
                <span class="visually-hidden">{i + 1}. </span>
                {section.title}
              </span>
              <span class="section-nav__state">{state ? t.state[state] : null}</span>
            </a>
          </li>
        );
      })}
      <li class="section-nav__item section-nav__item--review">
        <a href={reviewHref} aria-current={current === -1 ? 'step' : undefined} onClick={onReview}>
          <span class="section-nav__number" aria-hidden="true">
            ➔
          </span>
          <span class="section-nav__title">{t.review}</span>
        </a>
      </li>
    </ol>
  );
  // On a phone the ten steps would fill the first screen: one line says where the person is, and
  // opens the list (the first field of the section stays on the first screen).
  const step = current === -1 ? sections.length + 1 : current + 1;
  const here = current === -1 ? t.review : sections[current]?.title;
  return (
    <nav class="section-nav no-print" aria-label={t.navLabel}>
      {narrow ? (
        <details class="section-nav__disclosure">
          <summary>
            <span class="section-nav__step">{t.stepOfAll(step, sections.length + 1)}</span>
            {here ? `: ${here}` : ''}
            {states ? <span class="section-nav__summary-progress"> · {progressText}</span> : null}
          </summary>
          {progress}
          {list}
        </details>
      ) : (
        <>
          {progress}
          {list}
        </>
      )}
    </nav>
  );
}
