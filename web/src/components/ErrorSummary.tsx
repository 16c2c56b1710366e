import type { Ref } from 'preact';
import type { FieldError } from '../../../functions/core/sketch.ts';
import { formTexts } from '../form.texts.de.ts';

const focusable = 'input:not([type=hidden]), select, textarea, button, a[href], [tabindex]';

/** Focuses a field by id; for a group (fieldset, list) its first control. */
export function focusField(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const control = target.matches(focusable) ? target : target.querySelector<HTMLElement>(focusable);
  (control ?? target).focus();
  target.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * Focuses a field once it is there: the form's sections load as a chunk of their own, so a field
 * named in the address (a link from the review's error list) may appear a moment after the page.
 */
export function focusWhenShown(id: string, tries = 60): void {
  requestAnimationFrame(() => {
    if (!focusField(id) && tries > 0) setTimeout(() => focusWhenShown(id, tries - 1), 50);
  });
}

/**
 * The errors at the top of a form, each a link that moves focus to its field. After a failed
 * submit it is an alert and takes focus (tabIndex -1), so the errors are read out at once; while
 * the person is typing (`live` false) it is a plain region, which does not interrupt on each change.
 */
export function ErrorSummary({
  errors,
  idFor,
  hrefFor,
  summaryRef,
  heading = formTexts.sketchForm.summaryHeading,
  live = true,
}: {
  errors: readonly FieldError[];
  idFor: (field: string) => string;
  /** Where a link leads when its field is on another page; default `#id`. */
  hrefFor?: (field: string) => string;
  summaryRef?: Ref<HTMLDivElement>;
  heading?: string;
  live?: boolean;
}) {
  const content = (
    <>
      <h2 id="error-summary-heading">{heading}</h2>
      <ul>
        {errors.map(({ field, message }) => (
          <li key={field}>
            <a
              href={hrefFor ? hrefFor(field) : `#${idFor(field)}`}
              onClick={(event) => {
                if (focusField(idFor(field))) event.preventDefault();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
  return live ? (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-heading"
      tabIndex={-1}
      ref={summaryRef}
    >
      {content}
    </div>
  ) : (
    <section
      class="error-summary"
      aria-labelledby="error-summary-heading"
      tabIndex={-1}
      ref={summaryRef as unknown as Ref<HTMLElement>}
    >
      {content}
    </section>
  );
}
