import * as httpMessages from './http-messages.de.ts';
import { capitalised } from './names.ts';
import type { ProfileNames } from './profile.ts';
import { listItemNames, validation } from './validation.de.ts';
// The German catalogue: every text a user reads comes from here, so an English one can follow.
// Each part is its own export too, so a bundle that needs one part leaves the others out; `de`
// gathers them for the code that reads several. The parts the web client's first load needs
// (validation, the HTTP statuses) are modules of their own: a module shared with other pages comes
// whole into the form's chunk.

export const fieldNames = {
  title: 'Projekttitel',
  organisation: 'Organisation des Projektträgers',
  contactName: 'Name der Ansprechperson',
  contactEmail: 'E-Mail der Ansprechperson',
  summary: 'Kurzbeschreibung',
  email: 'E-Mail-Adresse',
} as const;

/** What the ids in a route's path name. */
export const paramLabels = {
  sketch: 'Skizze',
  attachment: 'Anhang',
  report: 'Bericht',
} as const;

export const statusLabels = {
  draft: 'Entwurf',
  submitted: 'Eingereicht',
  ready_for_vote: 'Bereit zur Abstimmung',
  in_vote: 'In der Abstimmung',
  vote_closed: 'Abgestimmt – Votum folgt',
  endorsed: 'Positives Votum',
  not_endorsed: 'Kein positives Votum',
  deferred: 'Zurückgestellt',
  withdrawn: 'Zurückgezogen',
  funded: 'Bewilligt',
  rejected: 'Nicht bewilligt',
  running: 'Laufend',
  report_due: 'Abschlussbericht fällig',
  closed: 'Abgeschlossen',
} as const;

/** States whose words depend on more than the state (core/status.ts). */
export const statusWords = {
  startsOn: (date: string) => `Bewilligt – beginnt am ${date}`,
} as const;

/** What the HTTP layer and the application layer answer (./http-messages.de.ts). */
export { httpMessages, listItemNames, validation };

/** What the sign-in routes say. */
export const authMessages = {
  /** The same for every valid address, so the answer tells nothing about who has an account. */
  linkRequested: 'Wenn die Adresse gültig ist, ist ein Anmeldelink unterwegs.',
} as const;

/** What happens next, per status, on the applicant's status page (core/sketch-doc.ts). */
export const nextSteps = {
  draft: 'Füllen Sie die Skizze aus und reichen Sie sie ein. Ihr Entwurf wird automatisch gespeichert.',
  returned: (n: ProfileNames, note: string) =>
    `${capitalised(n.office.nominative)} hat die Skizze zur Überarbeitung zurückgegeben: „${note}“ Bitte überarbeiten Sie sie und reichen Sie sie erneut ein.`,
  submitted: (n: ProfileNames) => `${capitalised(n.office.nominative)} prüft die Skizze auf Vollständigkeit.`,
  submittedAwaitingStatements: (n: ProfileNames) =>
    `Die lokalen Allianzen der Teilräume nehmen zur Skizze Stellung; ${n.office.nominative} prüft sie auf Vollständigkeit.`,
  ready_for_vote: (n: ProfileNames) =>
    `Die Skizze ist vollständig und wird ${n.decisionBody.dative} zur Abstimmung vorgelegt.`,
  in_vote: (n: ProfileNames) =>
    `${capitalised(n.decisionBody.nominative)} stimmt über die Skizze ab. Sie erhalten das Votum per E-Mail.`,
  endorsed: (n: ProfileNames) =>
    `${capitalised(n.decisionBody.nominative)} hat ein positives Votum abgegeben. Stellen Sie den Förderantrag bei ${n.bank.dative} und melden Sie hier die Förderentscheidung.`,
  not_endorsed: (n: ProfileNames) =>
    `${capitalised(n.decisionBody.nominative)} hat kein positives Votum abgegeben. Die Begründung steht im Votum.`,
  vote_closed: (n: ProfileNames) =>
    `${capitalised(n.decisionBody.nominative)} hat über die Skizze entschieden. ${capitalised(n.office.nominative)} schreibt nun das Votum; Sie erhalten es per E-Mail.`,
  deferred: (n: ProfileNames) =>
    `${capitalised(n.decisionBody.nominative)} hat die Entscheidung zurückgestellt (die Gründe stehen im Votum). Die Skizze wird ${n.decisionBody.dative} in einer der nächsten Runden erneut vorgelegt.`,
  withdrawn: 'Die Skizze wurde zurückgezogen. Es ist nichts mehr zu tun.',
  funded: 'Das Projekt ist bewilligt. Reichen Sie nach Projektende den Abschlussbericht ein.',
  rejected: (n: ProfileNames) => `${capitalised(n.bank.nominative)} hat den Antrag nicht bewilligt.`,
  report_due: 'Bitte reichen Sie den Abschlussbericht ein.',
  closed: 'Das Projekt ist abgeschlossen.',
} as const;

export const de = {
  field: fieldNames,
  validation,
  status: statusLabels,
  http: httpMessages,
  auth: authMessages,
} as const;

export type Catalogue = typeof de;
