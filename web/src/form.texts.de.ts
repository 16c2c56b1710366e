import { formatWhole } from '../../functions/core/money.ts';

/*
 * The sketch form's texts: the editor around the steps, its first step and the fields. Steps 2 to 9
 * have theirs in steps.texts.de.ts, loaded with their code.
 */

export const formTexts = {
  sketchForm: {
    title: 'Neue Projektskizze',
    intro:
      'Beschreiben Sie Ihr Vorhaben in wenigen Angaben. Fehlt etwas, erhalten Sie eine Rückfrage. Alle Felder sind Pflichtfelder.',
    hints: {
      title: undefined,
      organisation: 'Der Träger, der die Förderung beantragen wird.',
      contactName: 'Vor- und Nachname der Person, die Rückfragen beantwortet.',
      contactEmail: 'An diese Adresse gehen Rückfragen zur Skizze.',
      summary: 'Worum geht es, für wen und mit welchem Ziel? Einige Sätze genügen.',
    },
    limits: (min: number, max: number) =>
      `Mindestens ${formatWhole(min)}, höchstens ${formatWhole(max)} Zeichen.`,
    counter: (length: number, max: number) =>
      length > max
        ? `${formatWhole(length)} von ${formatWhole(max)} Zeichen – ${formatWhole(length - max)} zu viel`
        : `${formatWhole(length)} von ${formatWhole(max)} Zeichen`,
    submit: 'Projektskizze einreichen',
    sending: 'Wird eingereicht …',
    summaryHeading: 'Bitte prüfen Sie Ihre Angaben',
    errorPrefix: 'Fehler:',
    sessionEnded:
      'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; Ihre Eingaben bleiben in diesem Fenster erhalten.',
  },
  form: {
    navLabel: 'Abschnitte der Projektskizze',
    progress: (done: number, total: number) => `${done} von ${total} Abschnitten vollständig`,
    state: { done: 'vollständig', errors: 'mit Fehlern', open: 'noch offen' },
    review: 'Prüfen und einreichen',
    stepOf: (n: number, total: number) => `Abschnitt ${n} von ${total}`,
    /** The steps on a phone, the review counted as the last: „Schritt 3 von 10“. */
    stepOfAll: (n: number, total: number) => `Schritt ${n} von ${total}`,
    summaryHeading: (n: number) =>
      n === 1 ? 'Bitte prüfen Sie diese Angabe' : `Bitte prüfen Sie diese ${n} Angaben`,
    back: 'Zurück',
    next: 'Weiter',
    toReview: 'Weiter zur Prüfung',
    saving: 'Wird gespeichert …',
    save: {
      saved: (time: string) => `Gespeichert um ${time} Uhr`,
      saving: 'Wird gespeichert …',
      offline:
        'Nicht gespeichert: Der Server ist gerade nicht erreichbar. Ihre Eingaben bleiben in diesem Fenster erhalten; wir versuchen es gleich erneut.',
      notSaved: 'Nicht gespeichert',
      clean: 'Ihr Entwurf wird automatisch gespeichert.',
      retry: 'Jetzt speichern',
    },
    restored:
      'Ungespeicherte Eingaben aus diesem Fenster wurden wiederhergestellt und werden jetzt gespeichert.',
    returnedHeading: 'Bitte überarbeiten Sie die Skizze',
    conflict: {
      heading: 'Die Skizze wurde in einem anderen Fenster geändert',
      text: (time: string) =>
        `In einem anderen Tab oder Fenster wurde diese Skizze um ${time} Uhr gespeichert. Ihre Änderungen in diesem Fenster sind noch nicht gespeichert, und nichts wurde überschrieben. Welche Fassung soll gelten?`,
      load: 'Die andere Fassung laden (meine Änderungen hier verwerfen)',
      keep: 'Meine Fassung behalten und die andere überschreiben',
      loaded: 'Die Fassung aus dem anderen Fenster ist geladen.',
    },
    signedOut:
      'Ihre Anmeldung ist abgelaufen. Ihre Eingaben bleiben in diesem Fenster erhalten: Melden Sie sich in einem neuen Fenster an, kehren Sie hierher zurück, und wir speichern sie.',
    added: (n: number) => `Eintrag ${n} hinzugefügt.`,
    removed: (label: string) => `${label} entfernt.`,
    /** What a number field holding text gets told (sketch-form.ts), in words that fit the mistake. */
    notPercent: (label: string) => `${label}: Bitte einen Anteil in Prozent angeben, z. B. 40 oder 33,33.`,
    notWhole: (label: string) => `${label}: Bitte eine ganze Zahl eingeben.`,
    remove: 'Entfernen',
    optional: '(freiwillig)',
    choose: 'Bitte wählen',
    contactLegend: 'Ansprechperson',
    partners: 'Partner',
    partner: 'Partner',
    addPartner: 'Partner hinzufügen',
    hints: {
      legalForm: 'Zum Beispiel eingetragener Verein, gGmbH, Körperschaft des öffentlichen Rechts.',
      contactAddress:
        'So beginnt das Schreiben zum Votum: „Sehr geehrte Frau …“, „Sehr geehrter Herr …“ oder, ohne Anrede, „Guten Tag“ mit dem vollen Namen.',
      contact: 'Die Person, die Rückfragen zur Skizze beantwortet.',
      partners: 'Organisationen, die am Projekt mitwirken. Wenn es keine gibt, lassen Sie die Liste leer.',
    },
  },
} as const;
