import * as z from 'zod/mini';
import { listItemNames } from './validation.de.ts';
import * as validation from './validation-messages.de.ts';

/*
 * Field schemas whose messages name the field in German, and zod's issues flattened to one error per
 * field: shared by the sketch schema (sketch-full.ts), the API's inputs and the form.
 */

const t = validation;

/** A required, trimmed text field whose messages name the field in German. */
export function text(label: string, min: number, max: number) {
  return z
    .string({ error: t.required(label) })
    .check(
      z.trim(),
      z.minLength(1, t.required(label)),
      z.minLength(min, t.tooShort(label, min)),
      z.maxLength(max, t.tooLong(label, max)),
    );
}

export function email(label: string) {
  return z.pipe(
    z
      .string({ error: t.required(label) })
      .check(z.trim(), z.minLength(1, t.required(label)), z.maxLength(254, t.tooLong(label, 254))),
    z.email({ error: t.email(label) }).check(z.toLowerCase()),
  );
}

export interface FieldError {
  field: string;
  message: string;
}

/** Flattens zod issues (classic or mini) to one message per field path, in the order of the form. */
export function fieldErrors(error: {
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>;
}): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: inItem(issue.path, issue.message) });
  }
  return out;
}

/**
 * A message about a field inside an item of a list, with the item named in front ("Arbeitspaket 2 –
 * Ende (Projektmonat): …"): the same field of two items would otherwise read alike.
 */
export function inItem(path: readonly PropertyKey[], message: string): string {
  const [section, list, index] = path;
  const name = listItemNames[`${String(section)}.${String(list)}`];
  const n = typeof index === 'number' ? index : Number(String(index));
  if (!name || !Number.isInteger(n) || path.length < 4) return message;
  const item = `${name} ${n + 1}`;
  return message.startsWith(item) ? message : `${item} – ${message}`;
}
