import * as z from 'zod/mini';
import { fieldNames, validation } from './messages.de.ts';

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

/** Character limits the form shows as counters; the schema enforces them. */
export const sketchLimits = {
  title: { min: 5, max: 150 },
  organisation: { min: 2, max: 200 },
  contactName: { min: 2, max: 120 },
  summary: { min: 20, max: 2000 },
} as const;

const f = fieldNames;
const l = sketchLimits;

/** The sketch's first fields, as the applicant enters them (the whole sketch: sketch-full.ts). */
const inputSchema = () =>
  z.strictObject(
    {
      title: text(f.title, l.title.min, l.title.max),
      organisation: text(f.organisation, l.organisation.min, l.organisation.max),
      contactName: text(f.contactName, l.contactName.min, l.contactName.max),
      contactEmail: email(f.contactEmail),
      summary: text(f.summary, l.summary.min, l.summary.max),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `Unbekannte Felder: ${issue.keys.join(', ')}` : undefined,
    },
  );
// Pure: a bundle that never validates with it (every function, the web) leaves it out unbuilt.
export const sketchInput = /* @__PURE__ */ inputSchema();

export type SketchInput = z.infer<typeof sketchInput>;
export type SketchField = keyof SketchInput;

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
    out.push({ field, message: issue.message });
  }
  return out;
}
