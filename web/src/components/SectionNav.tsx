import { formTexts } from '../form.texts.de.ts';
import type { Section } from '../sketch-form.ts';

export type SectionState = 'done' | 'errors' | 'open';

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
  states: readonly SectionState[];
  hrefFor: (slug: string) => string;
  reviewHref: string;
  onReview?: (event: MouseEvent) => void;
}) {
  const t = formTexts.form;
  const done = states.filter((s) => s === 'done').length;
  return (
    <nav class="section-nav no-print" aria-label={t.navLabel}>
      <p class="section-nav__progress" id="section-nav-progress">
        {t.progress(done, sections.length)}
      </p>
      <div class="progress-bar" aria-hidden="true">
        <div class="progress-bar__done" style={{ width: `${(done / sections.length) * 100}%` }} />
      </div>
      <ol class="section-nav__list">
        {sections.map((section, i) => {
          const state = states[i] ?? 'open';
          return (
            <li key={section.key} class={`section-nav__item section-nav__item--${state}`}>
              <a href={hrefFor(section.slug)} aria-current={i === current ? 'step' : undefined}>
                <span class="section-nav__number" aria-hidden="true">
                  {state === 'done' ? '✓' : state === 'errors' ? '!' : i + 1}
                </span>
                <span class="section-nav__title">
                  <span class="visually-hidden">{i + 1}. </span>
                  {section.title}
                </span>
                <span class="section-nav__state">{t.state[state]}</span>
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
    </nav>
  );
}
