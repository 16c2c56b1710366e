/* The German texts of the office's access page (Verwaltung → Zugänge). */
import type { ProfileNames } from '../../../../functions/core/profile.ts';
export const accessTexts = {
  title: 'Zugänge',
  intro: (n: ProfileNames) =>
    `Wer auf der Liste ${n.office.genitive} steht, kann die Verwaltung öffnen. Änderungen an der Liste werden protokolliert. Wer hinzukommt, erhält den Zugang mit der nächsten Anmeldung; wer entfernt wird, verliert ihn mit der nächsten Anfrage.`,
  admins: {
    heading: (n: ProfileNames) => n.office.name,
    caption: 'Personen mit Zugang zur Verwaltung',
    email: 'E-Mail-Adresse',
    name: 'Name',
    addedAt: 'Eingetragen',
    actions: 'Aktionen',
    unknownDate: 'vor Einführung der Liste',
    remove: (name: string) => `${name} entfernen`,
    removeLabel: 'Entfernen',
    sessions: (name: string) => `Sitzungen von ${name} anzeigen`,
    sessionsLabel: 'Sitzungen',
    removed: (email: string) => `${email} wurde von der Liste genommen.`,
  },
  add: {
    heading: 'Person hinzufügen',
    email: 'E-Mail-Adresse',
    name: 'Name',
    submit: 'Hinzufügen',
    busy: 'Wird hinzugefügt …',
    added: (email: string) =>
      `${email} steht jetzt auf der Liste. Der Zugang gilt ab der nächsten Anmeldung.`,
  },
  events: {
    heading: 'Letzte Änderungen',
    none: 'Noch keine Änderungen über das Portal.',
    added: (email: string, by: string, at: string) => `${at}: ${email} hinzugefügt von ${by}`,
    removed: (email: string, by: string, at: string) => `${at}: ${email} entfernt von ${by}`,
  },
  sessions: {
    heading: 'Sitzungen eines Kontos',
    intro:
      'Zeigt die aktiven Sitzungen einer E-Mail-Adresse (jedes angemeldete Gerät). Eine beendete Sitzung ist bei ihrer nächsten Anfrage abgemeldet.',
    email: 'E-Mail-Adresse des Kontos',
    show: 'Sitzungen anzeigen',
    caption: (email: string) => `Aktive Sitzungen von ${email}`,
    none: (email: string) => `${email} hat keine aktive Sitzung.`,
    createdAt: 'Angemeldet',
    idleUntil: 'Ohne Aktivität gültig bis',
    absoluteUntil: 'Spätestens gültig bis',
    roles: 'Rollen',
    current: 'Diese Sitzung (Sie)',
    end: 'Sitzung beenden',
    endLabel: (createdAt: string) => `Sitzung beenden (angemeldet ${createdAt})`,
    ended: 'Die Sitzung wurde beendet.',
    roleNames: (n: ProfileNames) => ({
      applicant: 'Antragstellend',
      member: n.decisionBody.name,
      admin: n.office.name,
      local: 'Lokale Allianz',
    }),
  },
} as const;
