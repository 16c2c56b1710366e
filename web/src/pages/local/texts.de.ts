/*
 * The local step's texts in the web: the statements as sketches show them, the local alliances'
 * workspace and the office's page of their accounts. Verdicts come from the shared catalogue
 * (functions/core/local.de.ts).
 */
import type { ProfileNames } from '../../../../functions/core/profile.ts';

export const localTexts = {
  statements: {
    heading: 'Stellungnahmen der lokalen Allianzen',
    pending: 'Stellungnahme steht aus',
    given: (date: string) => `abgegeben am ${date}`,
    note: 'Anmerkung:',
  },
  workspace: {
    title: 'Skizzen meiner Teilräume',
    intro: (regions: string) =>
      `Sie nehmen für folgende Teilräume Stellung: ${regions}. Eingereichte Skizzen, die einen davon berühren, erscheinen hier.`,
    none: (n: ProfileNames) =>
      `Für Ihren Zugang ist kein Teilraum eingetragen. Bitte wenden Sie sich an ${n.office.accusative}.`,
    due: 'Ihre Stellungnahme steht aus',
    dueNone: 'Zurzeit wartet keine Skizze auf Ihre Stellungnahme.',
    dueNoneSoFar:
      'Unter den bisher geladenen Skizzen wartet keine auf Ihre Stellungnahme. Die weiteren eingereichten Skizzen laden Sie unten.',
    given: 'Stellungnahme abgegeben, in Prüfung',
    earlier: 'Frühere Projekte in Ihren Teilräumen',
    earlierHint: 'Zum Abgleich mit neuen Skizzen, damit keine Doppelstrukturen entstehen.',
    earlierNone: 'Noch keine früheren Projekte.',
    moreOpen: 'Weitere eingereichte Skizzen laden',
    moreEarlier: 'Weitere frühere Projekte laden',
    columns: {
      title: 'Titel',
      organisation: 'Projektträger',
      period: 'Laufzeit',
      status: 'Status',
      regions: 'Teilräume',
    },
    periodUnknown: 'ohne Angabe',
  },
  sketch: {
    back: 'Zurück zu den Skizzen meiner Teilräume',
    content: 'Inhalt der Skizze',
    formHeading: (region: string) => `Stellungnahme für ${region}`,
    verdict: 'Ihre Stellungnahme',
    note: 'Anmerkung',
    noteHint: 'Bei Auflagen oder Ablehnung bitte die Auflagen oder Gründe nennen (mindestens 10 Zeichen).',
    submit: 'Stellungnahme abgeben',
    busy: 'Wird abgegeben …',
    done: (n: ProfileNames) =>
      `Ihre Stellungnahme ist abgegeben. Der Projektträger und ${n.office.nominative} erhalten sie per E-Mail.`,
    closed: 'Eine Stellungnahme ist nur möglich, solange die Skizze eingereicht ist und geprüft wird.',
  },
  accounts: {
    title: 'Lokale Allianzen',
    intro:
      'Wer hier mit Teilraum eingetragen und aktiv ist, meldet sich mit einem Link per E-Mail an und nimmt zu den Skizzen dieses Teilraums Stellung.',
    noLocalStep: 'Dieses Bündnis hat keinen Schritt der lokalen Allianzen.',
    region: 'Teilraum',
    alliance: 'Lokale Allianz',
    name: 'Name',
    email: 'E-Mail',
    active: 'Aktiv',
    yes: 'ja',
    no: 'nein',
    edit: (name: string) => `${name} bearbeiten`,
    add: 'Zugang hinzufügen',
    addHeading: 'Neuer Zugang',
    editHeading: (name: string) => `Zugang von ${name}`,
    save: 'Speichern',
    saving: 'Wird gespeichert …',
    cancel: 'Abbrechen',
    saved: (name: string) => `Der Zugang von ${name} ist gespeichert.`,
    none: 'Noch keine Zugänge.',
    summaryHeading: 'Bitte prüfen Sie die markierten Felder.',
  },
} as const;
