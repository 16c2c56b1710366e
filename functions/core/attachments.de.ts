/*
 * What the input of an upload's start (core/contract/attachments.ts) says about a field that does
 * not fit, in German, naming the field. The form shows it next to the file input; the tests read
 * it word for word.
 */
export const attachmentInput = {
  kind: (kinds: readonly string[]) => `Art des Anhangs: Bitte eine der Arten ${kinds.join(', ')} angeben.`,
  fileNameMissing: 'Dateiname: Bitte angeben.',
  fileNameTooLong: (max: number) => `Dateiname: zu lang (höchstens ${max} Zeichen).`,
  contentTypeMissing: 'Dateityp: Bitte angeben.',
  contentTypeInvalid: 'Dateityp: ungültig (z. B. application/pdf).',
  size: 'Dateigröße: Bitte in Bytes angeben.',
  sizeInvalid: 'Dateigröße: ungültig.',
  /** The body is not an object of these fields, or has others too. */
  body: (unknown: readonly string[] = []) =>
    unknown.length
      ? `Unbekannte Angabe: ${unknown.join(', ')}. Erwartet: Art, Dateiname, Dateityp und Dateigröße.`
      : 'Bitte Art, Dateiname, Dateityp und Dateigröße des Anhangs angeben.',
} as const;
