/**
 * A file reference („Aktenzeichen“) from the profile's pattern: `{year}` becomes the year, `{counter}`
 * the count, `{counter:3}` the count zero-padded to three digits ("FKB-LW-{year}-{counter:3}" →
 * "FKB-LW-2026-007"). Pure: the store assigns the count, atomically (store/references.ts).
 */
export function fileReference(pattern: string, year: number, counter: number): string {
  return pattern
    .replaceAll('{year}', String(year))
    .replace(/\{counter(?::(\d))?\}/g, (_all, width: string | undefined) =>
      String(counter).padStart(Number(width ?? 0), '0'),
    );
}
