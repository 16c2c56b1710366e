import { capitalised } from '../../../../functions/core/names.ts';
import type { ProfileNames } from '../../../../functions/core/profile.ts';

/* The meeting cycle on the meetings page: planned meetings, their deadlines and invitations. */
export const meetingPlanTexts = {
  heading: 'Geplante Sitzungen',
  recordedHeading: 'Erfasste Sitzungen',
  rhythm: (n: ProfileNames, perYear: number, days: number) =>
    `${capitalised(n.decisionBody.nominative)} tagt mindestens ${perYear === 2 ? 'zwei Mal' : `${perYear} Mal`} im Jahr. Einreichungsfrist: ${days} Tage vor der Sitzung (anpassbar).`,
  short: (year: number, planned: number, perYear: number) =>
    `Für ${year} ${planned === 1 ? 'ist eine Sitzung' : `sind ${planned} Sitzungen`} geplant, vorgesehen sind mindestens ${perYear}.`,
  none: 'Noch keine Sitzungen geplant.',
  caption: 'Geplante Sitzungen mit Einreichungsfrist und Tagesordnung',
  columns: {
    date: 'Termin',
    deadline: 'Einreichungsfrist',
    place: 'Ort',
    agenda: 'Zur Entscheidung',
    invitation: 'Einladung',
  },
  noAgenda: 'keine Skizze',
  invitedOn: (at: string, n: number) => `versandt am ${at} an ${n} Personen`,
  invite: (date: string) => `Einladung zum ${date} mit Unterlagen versenden`,
  inviteShort: 'Einladung versenden',
  inviting: 'Wird versandt …',
  invited: (date: string) =>
    `Die Einladung zur Sitzung am ${date} ist versandt; die Unterlagen folgen als PDF im Anhang.`,
  planHeading: 'Sitzungen planen',
  suggest: (year: number) => `Termine für ${year} nach dem Sitzungsrhythmus vorschlagen`,
  date: (i: number) => `Termin ${i + 1}`,
  deadline: (i: number) => `Einreichungsfrist ${i + 1}`,
  place: (i: number) => `Ort ${i + 1} (optional)`,
  add: 'Weiteren Termin hinzufügen',
  plan: 'Sitzungen planen',
  planning: 'Wird geplant …',
  planned: (n: number) => (n === 1 ? 'Eine Sitzung ist geplant.' : `${n} Sitzungen sind geplant.`),
  summaryHeading: 'Bitte korrigieren Sie Folgendes:',
  missingDate: (label: string) => `${label}: Bitte ein Datum angeben.`,
} as const;
