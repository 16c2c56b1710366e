/*
 * The sketch's German words: the titles of its sections in the form's steps and in the record (PDF,
 * pages) and its fields' names. What its schema says about them is in sketch-input.de.ts: the
 * form draws its first step with these words, and loads the schema's messages after that.
 */

/** The form's steps, short, as the step list and the addresses' pages show them. */
export const stepTitles = {
  applicant: 'Antragsteller',
  project: 'Projekt',
  strategy: 'Strategie',
  space: 'Räumliche Wirkung',
  continuation: 'Verstetigung',
  runtime: 'Laufzeit',
  finance: 'Kosten- und Finanzierungsplan',
  localAlliance: 'Lokale Allianz',
  declarations: 'Erklärungen',
} as const;

/** The numbered sections of the sketch record (the PDF and the read-only pages). */
export const recordSections = {
  applicant: '1. Antragsteller',
  project: '2. Projekt',
  strategy: '3. Einordnung in die Strategie',
  space: '4. Räumliche Wirkung',
  continuation: '5. Verstetigung',
  runtime: '6. Laufzeit',
  finance: '7. Kosten- und Finanzierungsplan',
  localAlliance: '8. Lokale Allianz',
} as const;

/** What the sketch's fields are called, in error messages, documents, mails and the form. */
export const sketchLabels = {
  organisation: 'Organisation',
  legalForm: 'Rechtsform',
  street: 'Straße und Hausnummer',
  postalCode: 'Postleitzahl',
  city: 'Ort',
  contactName: 'Name der Ansprechperson',
  contactAddress: 'Anrede der Ansprechperson',
  contactRole: 'Funktion der Ansprechperson',
  contactEmail: 'E-Mail der Ansprechperson',
  contactPhone: 'Telefon der Ansprechperson',
  partnerName: 'Name des Partners',
  partnerRole: 'Rolle des Partners',
  title: 'Projekttitel',
  summary: 'Kurzbeschreibung',
  situation: 'Ausgangslage und Bedarf',
  goals: 'Ziele',
  targetGroups: 'Zielgruppen',
  activityTitle: 'Arbeitspaket',
  activityDescription: 'Beschreibung des Arbeitspakets',
  startMonth: 'Beginn (Projektmonat)',
  endMonth: 'Ende (Projektmonat)',
  result: 'Erwartetes Ergebnis',
  indicator: 'Indikator',
  targetValue: 'Zielwert',
  priorities: 'Handlungsschwerpunkte',
  themes: 'Querschnittsthemen',
  subRegions: 'Teilräume',
  share: 'Anteil am Budget',
  districts: 'Landkreise',
  spatialRationale: 'Begründung der räumlichen Wirkung',
  continuation: 'Verstetigung nach der Förderung',
  modelCharacter: 'Modellcharakter und Übertragbarkeit',
  start: 'Projektbeginn',
  end: 'Projektende',
  category: 'Kostenart',
  costDescription: 'Beschreibung der Kosten',
  year: 'Jahr',
  amount: 'Betrag',
  esf: 'Beantragte ESF-Mittel',
  own: 'Eigenmittel',
  thirdPartySource: 'Quelle der Drittmittel',
  capJustification: 'Begründung für Gesamtkosten über der Obergrenze',
  localAlliance: 'Lokale Allianz',
  presentedOn: 'Datum der Vorstellung in der lokalen Allianz',
  statement: 'Aussage der lokalen Allianz',
  privacy: 'Datenschutzhinweis',
  truthful: 'Richtigkeit der Angaben',
} as const;

/** The forms of address an applicant may choose for the contact person (sketch-fields.ts). */
export const formOfAddressLabels = {
  neutral: 'Ohne Anrede („Guten Tag Vorname Nachname“)',
  frau: 'Frau',
  herr: 'Herr',
} as const;

/**
 * How a formal letter greets the contact person: "Sehr geehrte Frau Meier," with the chosen form
 * of address, else with the full name, which assumes nothing ("Guten Tag Jana Meier,").
 */
export function salutation(address: string | undefined, name: string): string {
  const surname = name.trim().split(/\s+/).at(-1) ?? name;
  if (address === 'frau') return `Sehr geehrte Frau ${surname},`;
  if (address === 'herr') return `Sehr geehrter Herr ${surname},`;
  return `Guten Tag ${name.trim()},`;
}

/** The cost plan's categories (sketch-fields.ts's costCategories). */
export const costCategoryLabels = {
  personnel: 'Personalkosten',
  material: 'Sachkosten',
  services: 'Honorare und Dienstleistungen',
  travel: 'Reisekosten',
  flat_rate: 'Pauschalen',
} as const;
