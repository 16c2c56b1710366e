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
    mySketches: 'Meine Skizzen',
    votes: 'Abstimmungen',
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
    continueMySketches: 'Meine Projektskizzen und ihr Stand',
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
    nextStep: 'Wie es weitergeht',
    due: (date: string) => `(bis zum ${date})`,
    returnedHeading: 'Zur Überarbeitung zurückgegeben',
    edit: 'Skizze bearbeiten',
    print: 'Druckansicht',
    content: 'Inhalt der Skizze',
    followUpOffice: 'Förderentscheidung und Berichte in der Verwaltung',
  },
  newSketch: {
    title: 'Neue Projektskizze',
    intro:
      'Eine Projektskizze beschreibt Ihr Vorhaben so, dass die Lenkungsgruppe des Fachkräftebündnisses es beurteilen kann. Sie füllen sie in neun Abschnitten aus, in beliebiger Reihenfolge.',
    sectionsHeading: 'Die Abschnitte',
    prepare:
      'Halten Sie bereit: den Kosten- und Finanzierungsplan nach Kostenart und Jahr, die Teilräume mit ihrem Anteil am Budget und das Datum, an dem Sie das Projekt in der lokalen Allianz vorgestellt haben.',
    heading: 'Skizze anlegen',
    autosave:
      'Ihr Entwurf wird beim Tippen automatisch gespeichert. Wir schicken Ihnen einen Link, mit dem Sie ihn später weiter bearbeiten können.',
    create: 'Projektskizze anlegen',
    creating: 'Wird angelegt …',
  },
  form: {
    title: 'Projektskizze bearbeiten',
    navLabel: 'Abschnitte der Projektskizze',
    progress: (done: number, total: number) => `${done} von ${total} Abschnitten vollständig`,
    state: { done: 'vollständig', errors: 'mit Fehlern', open: 'noch offen' },
    review: 'Prüfen und einreichen',
    stepOf: (n: number, total: number) => `Abschnitt ${n} von ${total}`,
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
    returnedHeading: 'Die Koordinierungsstelle bittet um Überarbeitung',
    conflict: {
      heading: 'Die Skizze wurde in einem anderen Fenster geändert',
      text: (time: string) =>
        `In einem anderen Tab oder Fenster wurde diese Skizze um ${time} Uhr gespeichert. Ihre Änderungen in diesem Fenster sind noch nicht gespeichert, und nichts wurde überschrieben. Welche Fassung soll gelten?`,
      load: 'Die andere Fassung laden (meine Änderungen hier verwerfen)',
      keep: 'Meine Fassung behalten und die andere überschreiben',
      loaded: 'Die Fassung aus dem anderen Fenster ist geladen.',
    },
    notEditable: {
      heading: 'Diese Skizze ist eingereicht',
      text: 'Die Skizze wurde inzwischen eingereicht und kann nicht mehr bearbeitet werden. Ihre letzten Änderungen in diesem Fenster wurden nicht gespeichert.',
      submittedText: 'Eine eingereichte Skizze kann nicht mehr bearbeitet werden.',
      link: 'Zur eingereichten Skizze',
    },
    signedOut:
      'Ihre Anmeldung ist abgelaufen. Ihre Eingaben bleiben in diesem Fenster erhalten: Melden Sie sich in einem neuen Fenster an, kehren Sie hierher zurück, und wir speichern sie.',
    added: (n: number) => `Eintrag ${n} hinzugefügt.`,
    removed: (label: string) => `${label} entfernt.`,
    remove: 'Entfernen',
    optional: '(freiwillig)',
    choose: 'Bitte wählen',
    contactLegend: 'Ansprechperson',
    partners: 'Partner',
    partner: 'Partner',
    addPartner: 'Partner hinzufügen',
    activities: 'Arbeitspakete',
    addActivity: 'Arbeitspaket hinzufügen',
    results: 'Erwartete Ergebnisse',
    addResult: 'Ergebnis hinzufügen',
    goalsOf: (id: string) => `Ziele in Handlungsschwerpunkt ${id}`,
    subRegionsLegend: 'Teilräume und Anteil am Budget',
    shareOf: (name: string) => `Anteil ${name} in Prozent`,
    shareSum: (sum: string) => `Summe der Anteile: ${sum} (erforderlich: 100 %)`,
    chooseRegionFirst: 'Wählen Sie zuerst oben einen Teilraum.',
    runtimeIs: (months: number) => `Laufzeit: ${months === 1 ? '1 Monat' : `${months} Monate`}`,
    privacyHeading: 'Datenschutzhinweis',
    privacyText:
      'Die Angaben dieser Skizze werden zur Beurteilung durch die Koordinierungsstelle, die lokale Allianz und die Lenkungsgruppe des Fachkräftebündnisses verarbeitet und an sie weitergegeben. Personenbezogene Daten (Ansprechperson) werden nur für Rückfragen und Mitteilungen zum Verfahren genutzt und nach Abschluss des Verfahrens gelöscht, soweit keine Aufbewahrungspflicht besteht.',
    declarationsLegend: 'Erklärungen',
    privacyLabel: 'Ich habe den Datenschutzhinweis gelesen.',
    truthfulLabel: 'Ich versichere, dass die Angaben in dieser Skizze richtig und vollständig sind.',
    row: (n: number) => `Zeile ${n}`,
    costLine: (n: number) => `Kostenzeile ${n}`,
    amountEuro: 'Betrag in Euro',
    byCategory: 'Summe nach Kostenart',
    byYear: 'Summe nach Jahr',
    noYears: 'Noch keine Beträge.',
    costLines: 'Kostenzeilen',
    lines: (n: number) => (n === 1 ? '1 Zeile' : `${number.format(n)} Zeilen`),
    number: 'Nr.',
    actions: 'Aktionen',
    addCost: 'Kostenzeile hinzufügen',
    capInfo: (total: string, cap: string, over: boolean) =>
      over
        ? `Gesamtkosten ${total}: über der Obergrenze von ${cap}. Bitte begründen Sie das unten.`
        : `Gesamtkosten ${total} (Obergrenze ohne Begründung: ${cap})`,
    financing: 'Finanzierung',
    thirdParty: 'Drittmittel',
    addThirdParty: 'Drittmittel hinzufügen',
    tooMuch: (amount: string) => `${amount} zu viel`,
    missing: (amount: string) => `es fehlen ${amount}`,
    requiredAboveCap: '(erforderlich, da die Gesamtkosten über der Obergrenze liegen)',
    onlyAboveCap: (cap: string) => `(nur erforderlich bei Gesamtkosten über ${cap})`,
    hints: {
      legalForm: 'Zum Beispiel eingetragener Verein, gGmbH, Körperschaft des öffentlichen Rechts.',
      contact: 'Die Person, die Rückfragen der Koordinierungsstelle beantwortet.',
      partners: 'Organisationen, die am Projekt mitwirken. Wenn es keine gibt, lassen Sie die Liste leer.',
      title: 'Ein kurzer, sprechender Titel, mindestens 5 Zeichen.',
      summary: 'Worum geht es, für wen und mit welchem Ziel? Mindestens 50 Zeichen.',
      situation:
        'Welcher Fachkräftebedarf besteht in der Region, und warum braucht es dieses Projekt? Mindestens 50 Zeichen.',
      goals: 'Was soll am Ende erreicht sein? Mindestens 20 Zeichen.',
      targetGroups: 'Wen spricht das Projekt an?',
      activities:
        'Gliedern Sie das Vorhaben in Arbeitspakete mit Beginn und Ende in Projektmonaten (Monat 1 ist der Projektbeginn).',
      results: 'Jedes Ergebnis mit einem Indikator und einem Zielwert, an dem sich der Erfolg messen lässt.',
      priorities:
        'Wählen Sie mindestens einen Handlungsschwerpunkt der Fachkräftestrategie und die Ziele, zu denen das Projekt beiträgt.',
      priorityGoals: 'Die Ziele, zu denen das Projekt beiträgt.',
      themes: 'Freiwillig: Querschnittsthemen, die das Projekt berührt.',
      subRegions:
        'Wählen Sie die Teilräume, in denen das Projekt wirkt, und geben Sie für jeden den Anteil am Budget in Prozent an (z. B. 40 oder 33,33). Zusammen 100 %.',
      districts: 'Nur Landkreise der gewählten Teilräume.',
      rationale: 'Warum wirkt das Projekt in diesen Teilräumen? Mindestens 20 Zeichen.',
      continuation: 'Wie geht es nach dem Ende der Förderung weiter? Mindestens 20 Zeichen.',
      modelCharacter:
        'Was ist neu, und lässt es sich auf andere Regionen oder Branchen übertragen? Mindestens 20 Zeichen.',
      runtime: (months: number, latest: string) =>
        `Höchstens ${months} Monate; das Projekt muss spätestens am ${latest} enden.`,
      localAlliance:
        'Die Strategie verlangt, dass das Projekt vor der Einreichung in der lokalen Allianz seines Teilraums vorgestellt wurde.',
      presentedOn:
        'Das Datum der Sitzung, in der Sie das Projekt vorgestellt haben; es darf nicht in der Zukunft liegen.',
      statement:
        'Was hat die lokale Allianz zum Projekt gesagt? Eine schriftliche Stellungnahme können Sie unten beifügen.',
      costs:
        'Eine Zeile je Kostenart, Zweck und Jahr. Beträge in Euro, z. B. 12.500 oder 1.234,56. Die Summen rechnen sich beim Tippen.',
      esfRate: (rate: string, max: string) =>
        `Höchstens ${rate} der Personalkosten, nach Ihrem Kostenplan also höchstens ${max}.`,
      thirdParty: 'Zuschüsse anderer Geldgeber, jeweils mit Quelle.',
      capJustification: 'Mindestens 50 Zeichen.',
    },
  },
  review: {
    title: 'Prüfen und einreichen',
    incomplete: (n: number) =>
      n === 1
        ? 'Ihre Skizze ist noch nicht vollständig: 1 Angabe fehlt oder ist fehlerhaft'
        : `Ihre Skizze ist noch nicht vollständig: ${n} Angaben fehlen oder sind fehlerhaft`,
    complete: 'Ihre Skizze ist vollständig. Lesen Sie sie noch einmal durch und reichen Sie sie dann ein.',
    intro:
      'So wird Ihre Skizze der Koordinierungsstelle vorliegen. Jeder Abschnitt lässt sich von hier aus bearbeiten.',
    submitHeading: 'Einreichen',
    submitText: (alliance: string) =>
      `Mit dem Einreichen geht die Skizze an die Koordinierungsstelle des ${alliance}. Danach können Sie sie nicht mehr ändern, es sei denn, die Koordinierungsstelle gibt sie Ihnen zur Überarbeitung zurück.`,
    submit: 'Projektskizze einreichen',
    sending: 'Wird eingereicht …',
    conflict:
      'Die Skizze wurde inzwischen in einem anderen Fenster geändert. Bitte laden Sie die Seite neu und prüfen Sie die aktuelle Fassung, bevor Sie einreichen.',
    reload: 'Seite neu laden',
    notEditable: 'Diese Skizze ist bereits eingereicht.',
    signedOut:
      'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich in einem neuen Fenster an und reichen Sie dann hier erneut ein.',
  },
  print: {
    print: 'Drucken',
    back: 'Zurück zur Skizze',
    alliance: 'Fachkräftebündnis',
    printedOn: 'Gedruckt am',
  },
  view: {
    empty: 'keine Angabe',
    invalid: 'ungültige Eingabe',
    costsCaption: 'Kostenplan',
    noCosts: 'Noch keine Kostenzeilen.',
    totalCost: 'Gesamtkosten',
    byCategoryCaption: 'Kosten nach Kostenart und Jahr',
    sum: 'Summe',
    financing: 'Finanzierung',
    thirdParty: 'Drittmittel',
    totalFinancing: 'Finanzierung gesamt',
    difference: 'Differenz zu den Gesamtkosten',
    balanced: 'keine, die Finanzierung entspricht den Kosten',
    personnelRate: 'ESF-Anteil an den Personalkosten',
    atMost: 'höchstens',
    address: 'Anschrift',
    contact: 'Ansprechperson',
    partners: 'Partner',
    activities: 'Arbeitspakete',
    number: 'Nr.',
    monthsColumn: 'Projektmonate',
    results: 'Erwartete Ergebnisse',
    months: (n: number) => (n === 1 ? '1 Monat' : `${n} Monate`),
    duration: 'Dauer',
    confirmed: 'bestätigt',
    notConfirmed: 'nicht bestätigt',
    edit: 'Bearbeiten',
  },
  mySketches: {
    title: 'Meine Projektskizzen',
    intro: 'Hier sehen Sie jede Ihrer Projektskizzen, ihren Stand und was als Nächstes geschieht.',
    loading: 'Ihre Projektskizzen werden geladen …',
    empty: 'Sie haben noch keine Projektskizze angelegt.',
    newSketch: 'Neue Projektskizze anlegen',
    status: 'Stand',
    nextStep: 'Wie es weitergeht',
    due: 'Bis',
    edit: 'Bearbeiten',
    view: 'Ansehen',
    mailsHeading: 'E-Mails an Sie',
    mailsCaption: 'E-Mails, die das Portal Ihnen geschickt hat, neueste zuerst',
    mailsEmpty: 'Das Portal hat Ihnen noch keine E-Mail geschickt.',
    mailColumns: { date: 'Datum', subject: 'Betreff', status: 'Versand' },
    mailStatus: {
      sent: 'Versendet',
      pending: 'Wird versendet',
      failed: 'Nicht zugestellt',
    } as Record<string, string>,
  },
  withdraw: {
    button: 'Zurückziehen',
    question: (title: string) => `„${title}“ wirklich zurückziehen?`,
    consequence:
      'Eine zurückgezogene Skizze kann nicht mehr bearbeitet, eingereicht oder abgestimmt werden. Das lässt sich nicht rückgängig machen.',
    reason: 'Begründung (freiwillig)',
    confirm: 'Ja, endgültig zurückziehen',
    busy: 'Wird zurückgezogen …',
    cancel: 'Abbrechen',
    done: (title: string) => `„${title}“ ist zurückgezogen.`,
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
