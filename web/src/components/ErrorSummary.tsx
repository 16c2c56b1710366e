import type { Ref } from 'preact';
import type { FieldError } from '../../../functions/core/sketch.ts';
import { texts } from '../texts.de.ts';

/**
 * The failed submit's errors at the top of the form, each a link that moves focus to its field.
 * It takes focus itself (tabIndex -1) and is an alert, so the errors are read out at once.
 */
export function ErrorSummary({
  errors,
  idFor,
  summaryRef,
}: {
  errors: readonly FieldError[];
  idFor: (field: string) => string;
  summaryRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-heading"
      tabIndex={-1}
      ref={summaryRef}
    >
      <h2 id="error-summary-heading">{texts.sketchForm.summaryHeading}</h2>
      <ul>
        {errors.map(({ field, message }) => (
          <li key={field}>
            <a
              href={`#${idFor(field)}`}
              onClick={(event) => {
                const input = document.getElementById(idFor(field));
                if (!input) return;
                event.preventDefault();
                input.focus();
                input.scrollIntoView({ block: 'center' });
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
