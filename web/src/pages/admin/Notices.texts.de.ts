/* The office's notice settings (`/verwaltung/benachrichtigungen`). */
export const noticeTexts = {
  title: 'Benachrichtigungen',
  intro: (office: string) =>
    `Wie Sie (${office}) von eingereichten und erneut eingereichten Projektskizzen erfahren. Bei einer erneuten Einreichung steht in der E-Mail, was sich laut Antragsteller geändert hat.`,
  legend: 'E-Mails zu Einreichungen',
  each: 'Eine E-Mail je Einreichung',
  eachHint: 'Sofort nach jeder Einreichung und erneuten Einreichung.',
  digest: 'Eine tägliche Übersicht',
  digestHint:
    'Einmal am Tag um 7 Uhr alle Einreichungen seit der letzten Übersicht; an Tagen ohne Einreichung keine E-Mail.',
  save: 'Speichern',
  saving: 'Wird gespeichert …',
  saved: 'Die Einstellung ist gespeichert.',
  changed: (by: string, at: string) => `Zuletzt geändert von ${by} am ${at}.`,
} as const;
