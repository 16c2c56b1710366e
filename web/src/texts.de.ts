/*
 * The interface's own German texts. Field labels, status names and the API's messages come from the
 * shared catalogue (functions/core/messages.de.ts); this file holds only what the pages add.
 */
const number = new Intl.NumberFormat('de-DE');

export const texts = {
  portal: {
    name: 'Votum',
    tagline: 'Portal für Fachkräfteprojekte',
    skipLink: 'Zum Inhalt springen',
    mainNav: 'Hauptnavigation',
    signedInAs: 'Angemeldet als',
    signOut: 'Abmelden',
    signingOut: 'Abmelden …',
    newSketch: 'Neue Projektskizze',
    admin: 'Verwaltung',
    footer: (alliance: string | undefined) =>
      alliance
        ? `${alliance} – Projektskizzen, Votum der Lenkungsgruppe und Fristen an einem Ort.`
        : 'Projektskizzen, Votum der Lenkungsgruppe und Fristen an einem Ort.',
    footerNote: 'Fragen zum Verfahren beantwortet die Koordinierungsstelle Ihres Fachkräftebündnisses.',
    documentTitle: (page: string) => `${page} – Votum`,
  },
  start: {
    title: 'Willkommen im Projektportal',
    intro: (alliance: string | undefined) =>
      `Hier reichen Projektträger ihre Skizzen für Fachkräfteprojekte ${
        alliance ? `beim ${alliance}` : 'bei ihrem regionalen Fachkräftebündnis'
      } ein. Die Koordinierungsstelle prüft jede Skizze auf Vollständigkeit, die Lenkungsgruppe gibt ihr Votum ab – und Sie sehen hier jederzeit, wo Ihre Skizze steht, von der Einreichung bis zum Abschlussbericht.`,
    signInHeading: 'Anmelden',
    signInHint:
      'Sie brauchen kein Passwort: Wir schicken Ihnen einen Link, mit dem Sie sich anmelden. Er gilt 15 Minuten und nur für eine Anmeldung.',
    submit: 'Anmeldelink anfordern',
    sending: 'Wird gesendet …',
    sentHeading: 'Bitte prüfen Sie Ihr Postfach',
    sent: (email: string) =>
      `Wir haben Ihnen einen Anmeldelink an ${email} geschickt. Öffnen Sie ihn innerhalb von 15 Minuten in diesem Browser.`,
    sentHelp:
      'Keine E-Mail erhalten? Sehen Sie bitte auch im Spam-Ordner nach und prüfen Sie die Schreibweise der Adresse.',
    again: 'Neuen Link anfordern',
    signedIn: (email: string) => `Sie sind angemeldet als ${email}.`,
    continueApplicant: 'Neue Projektskizze einreichen',
    continueAdmin: 'Zur Verwaltung',
  },
  signIn: {
    title: 'Anmeldung',
    working: 'Sie werden angemeldet …',
    noToken:
      'Dieser Anmeldelink ist unvollständig. Bitte öffnen Sie den Link direkt aus der E-Mail oder fordern Sie einen neuen an.',
    requestNew: 'Neuen Anmeldelink anfordern',
  },
  prompt: {
    heading: 'Bitte melden Sie sich an',
    text: 'Diese Seite steht nur angemeldeten Personen zur Verfügung.',
    link: 'Zur Anmeldung',
    linkNewWindow: 'Erneut anmelden (öffnet ein neues Fenster)',
  },
  sketchForm: {
    title: 'Neue Projektskizze',
    intro:
      'Beschreiben Sie Ihr Vorhaben in wenigen Angaben. Die Koordinierungsstelle meldet sich, wenn etwas fehlt. Alle Felder sind Pflichtfelder.',
    hints: {
      title: undefined,
      organisation: 'Der Träger, der die Förderung beantragen wird.',
      contactName: 'Vor- und Nachname der Person, die Rückfragen beantwortet.',
      contactEmail: 'An diese Adresse richtet die Koordinierungsstelle ihre Rückfragen.',
      summary: 'Worum geht es, für wen und mit welchem Ziel? Einige Sätze genügen.',
    },
    limits: (min: number, max: number) =>
      `Mindestens ${number.format(min)}, höchstens ${number.format(max)} Zeichen.`,
    counter: (length: number, max: number) =>
      length > max
        ? `${number.format(length)} von ${number.format(max)} Zeichen – ${number.format(length - max)} zu viel`
        : `${number.format(length)} von ${number.format(max)} Zeichen`,
    submit: 'Projektskizze einreichen',
    sending: 'Wird eingereicht …',
    summaryHeading: 'Bitte prüfen Sie Ihre Angaben',
    errorPrefix: 'Fehler:',
    sessionEnded:
      'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an; Ihre Eingaben bleiben in diesem Fenster erhalten.',
  },
  sketch: {
    title: 'Projektskizze',
    loading: 'Die Projektskizze wird geladen …',
    submittedBanner: 'Ihre Projektskizze ist eingegangen. Eine Bestätigung ist per E-Mail unterwegs.',
    status: 'Stand',
    submittedAt: 'Eingereicht am',
    notSubmitted: 'noch nicht eingereicht',
    another: 'Weitere Projektskizze einreichen',
    backToList: 'Zurück zur Übersicht',
  },
  admin: {
    title: 'Verwaltung',
    intro: 'Eingereichte Projektskizzen, die auf die Prüfung durch die Koordinierungsstelle warten.',
    caption: 'Eingereichte Projektskizzen, neueste zuerst',
    columns: {
      title: 'Titel',
      organisation: 'Organisation',
      contact: 'Ansprechperson',
      submittedAt: 'Eingereicht am',
    },
    loading: 'Die Liste wird geladen …',
    empty: 'Zurzeit liegen keine eingereichten Projektskizzen vor.',
    more: 'Weitere laden',
    loadingMore: 'Wird geladen …',
    count: (n: number) =>
      n === 1 ? '1 Projektskizze angezeigt' : `${number.format(n)} Projektskizzen angezeigt`,
    forbidden: 'Dieser Bereich ist der Koordinierungsstelle vorbehalten.',
  },
  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Diese Adresse gibt es im Portal nicht. Vielleicht ist der Link veraltet oder unvollständig.',
    home: 'Zur Startseite',
  },
  error: {
    network:
      'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    chunk: 'Dieser Teil des Portals konnte nicht geladen werden. Bitte laden Sie die Seite neu.',
    loading: 'Wird geladen …',
  },
} as const;
