/*
 * The office's German texts for what follows the Votum, in the office's follow-up chunk only.
 */

import type { ProfileNames } from '../../../../functions/core/profile.ts';

export const officeFollowUpTexts = {
  waiting: 'Wer wartet auf wen',
  waitingText: (by: string, on: string, what: string) => `${by} wartet auf ${on}: ${what}.`,
  reminders: 'Erinnerungen an den Projektträger',
  reminder: (at: string, state: 'done' | 'due' | 'planned') =>
    `${at} (${state === 'done' ? 'versendet' : state === 'due' ? 'noch nicht versendet' : 'geplant'})`,
  escalation: (n: ProfileNames) => `Meldung an ${n.office.accusative}`,
  escalationValue: (at: string, state: 'done' | 'due' | 'planned') =>
    `${at} (${state === 'done' ? 'erfolgt' : state === 'due' ? 'steht aus' : 'geplant, falls nichts eingeht'})`,
  confirm: {
    heading: 'Förderentscheidung bestätigen',
    approvedHint: (finalDue: string | undefined) =>
      finalDue
        ? `Mit der Bestätigung läuft das Projekt. Der Abschlussbericht ist dann am ${finalDue} fällig; der Projektträger erhält eine E-Mail.`
        : 'Mit der Bestätigung läuft das Projekt, und die Frist für den Abschlussbericht beginnt; der Projektträger erhält eine E-Mail.',
    rejectedHint:
      'Mit der Bestätigung der Ablehnung ist das Verfahren für diese Skizze beendet (Status „Nicht bewilligt“); der Projektträger erhält eine E-Mail.',
    budgetChecking: 'Das Budget wird geprüft …',
    budgetFailed: (message: string) => `Das Budget konnte nicht geprüft werden: ${message}`,
    budgetOk:
      'Das Budget reicht: Die Bewilligung überschreitet weder den Anteil eines Teilraums noch das Gesamtbudget.',
    budgetWarning: 'Budgetwarnung',
    budgetWarningHint:
      'Mit dieser Bewilligung wäre das Budget überzeichnet. Sie können die Förderentscheidung trotzdem bestätigen.',
    note: 'Vermerk',
    button: 'Bestätigen',
    buttonAnyway: 'Trotz Budgetwarnung bestätigen',
    busy: 'Wird bestätigt …',
    done: (approved: boolean) =>
      approved
        ? 'Die Förderentscheidung ist bestätigt; das Projekt läuft. Der Projektträger erhält eine E-Mail.'
        : 'Die Ablehnung ist bestätigt. Der Projektträger erhält eine E-Mail.',
  },
  end: {
    heading: 'Projektende ändern',
    current: (end: string, finalDue: string | undefined) =>
      finalDue
        ? `Das Projekt endet am ${end}; der Abschlussbericht ist am ${finalDue} fällig.`
        : `Das Projekt endet am ${end}.`,
    field: 'Neues Projektende',
    missing: 'Neues Projektende: Bitte ein Datum angeben.',
    moves:
      'Alle Fristen, die vom Projektende abhängen, verschieben sich mit: der Abschlussbericht und seine Erinnerungen. Der Projektträger erhält eine E-Mail.',
    preview: (end: string, finalDue: string) =>
      `Mit dem Ende am ${end} wäre der Abschlussbericht am ${finalDue} fällig.`,
    note: 'Begründung',
    noteHint: (n: ProfileNames) => `Zum Beispiel: Änderungsbescheid ${n.bank.genitive} vom …`,
    button: 'Projektende ändern',
    busy: 'Wird geändert …',
    done: (end: string, finalDue: string | undefined) =>
      finalDue
        ? `Das Projektende ist jetzt der ${end}; der Abschlussbericht ist am ${finalDue} fällig.`
        : `Das Projektende ist jetzt der ${end}.`,
  },
  interim: {
    heading: 'Zwischenbericht anlegen',
    hint: 'Ein Zwischenbericht, den Sie mit dem Projekt vereinbart haben, mit eigener Frist. Der Projektträger erhält eine E-Mail und wird wie beim Abschlussbericht erinnert.',
    due: 'Fällig am',
    missing: 'Fällig am: Bitte ein Datum angeben.',
    label: 'Bezeichnung',
    labelHint: (fallback: string) => `Ohne Angabe: „${fallback}“.`,
    fallback: (n: number) => `Zwischenbericht ${n}`,
    button: 'Zwischenbericht anlegen',
    busy: 'Wird angelegt …',
    done: (label: string, due: string) =>
      `„${label}“ ist angelegt, fällig am ${due}. Der Projektträger erhält eine E-Mail.`,
  },
  review: {
    heading: (label: string) => `${label} prüfen`,
    note: 'Hinweis an den Projektträger',
    noteMissing: 'Hinweis: Bitte mindestens 10 Zeichen eingeben: Was fehlt im Bericht?',
    noteHint: 'Für eine Nachforderung erforderlich (mindestens 10 Zeichen): Was fehlt im Bericht?',
    due: 'Neue Frist bei Nachforderung',
    dueHint:
      'Ohne Angabe gilt die bisherige Frist, solange sie noch nicht abgelaufen ist, sonst zwei Wochen ab heute.',
    accept: 'Annehmen',
    more: 'Nachforderung stellen',
    finalHint:
      'Mit der Annahme des Abschlussberichts ist das Projekt abgeschlossen; noch offene Zwischenberichte entfallen.',
    busy: 'Wird gespeichert …',
    accepted: (label: string) => `${label} ist angenommen. Der Projektträger erhält eine E-Mail.`,
    closed:
      'Der Abschlussbericht ist angenommen; das Projekt ist abgeschlossen. Der Projektträger erhält eine E-Mail.',
    asked: (label: string) => `Die Nachforderung zu „${label}“ ist versandt; der Bericht ist wieder offen.`,
  },
  toDeadlines: 'Alle Fristen im Überblick',
} as const;
