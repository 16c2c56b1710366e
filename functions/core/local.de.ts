import type { LocalVerdict } from './local.ts';

/*
 * What the local step says, in German: the statements' verdicts, the inputs of the local routes
 * (contract/local.ts) naming their fields, and the refusals. The mails are in mail/templates.de.ts.
 */
export const localMessages = {
  verdicts: {
    supports: 'Unterstützt',
    supports_with_conditions: 'Unterstützt mit Auflagen',
    does_not_support: 'Unterstützt nicht',
  } satisfies Record<LocalVerdict, string>,
  /** Lower case, inside a sentence („… unterstützt mit Auflagen“). */
  verdictsInline: {
    supports: 'unterstützt das Projekt',
    supports_with_conditions: 'unterstützt das Projekt mit Auflagen',
    does_not_support: 'unterstützt das Projekt nicht',
  } satisfies Record<LocalVerdict, string>,
  statementHeading: 'Stellungnahmen der lokalen Allianzen',
  statementMissing: 'Stellungnahme steht aus',
  givenOn: (date: string) => `abgegeben am ${date}`,
  fields: {
    subRegion: 'Teilraum',
    verdict:
      'Stellungnahme: Bitte „Unterstützt“, „Unterstützt mit Auflagen“ oder „Unterstützt nicht“ wählen.',
    noteNotText: 'Anmerkung: Bitte als Text angeben.',
    noteTooLong: 'Anmerkung: Bitte höchstens 3000 Zeichen eingeben.',
    noteRequired: 'Anmerkung: Bitte nennen Sie die Auflagen oder Gründe (mindestens 10 Zeichen).',
    account: 'Zugang: nur Kleinbuchstaben, Ziffern und Bindestriche (höchstens 60).',
    nameLabel: 'Name',
    emailLabel: 'E-Mail',
    active: 'Aktiv: Bitte ja oder nein angeben.',
    section: 'section: Bitte „open“ (offen für Stellungnahmen) oder „earlier“ (frühere) angeben.',
    unknownSubRegion: (id: string) => `Teilraum: Den Teilraum „${id}“ gibt es nicht.`,
  },
  refusals: {
    statementsMissing: (alliances: string) =>
      `Die Stellungnahme folgender lokaler Allianzen fehlt noch: ${alliances}. Erst danach kann die Skizze zur Abstimmung gestellt werden.`,
    notOpen: (status: string) =>
      `Eine Stellungnahme ist nur möglich, solange die Skizze eingereicht ist und geprüft wird (Status: „${status}“).`,
    notYours: 'Teilraum: Für diesen Teilraum können Sie zu dieser Skizze nicht Stellung nehmen.',
    given: 'Für diesen Teilraum liegt die Stellungnahme schon vor.',
    noLocalStep: 'Dieses Bündnis hat keinen Schritt der lokalen Allianzen; Zugänge für sie gibt es nicht.',
  },
} as const;
