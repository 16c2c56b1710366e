/*
 * The German texts of the budget page. The column names come from the core
 * (functions/core/budget.ts, `budgetColumnLabels`), so the page and the CSV say the same.
 */
export const budgetTexts = {
  title: 'Budget',
  intro: (period: string, budget: string) =>
    `Virtuelles ESF-Budget der Förderperiode ${period}: ${budget}. Projekte, die mehrere Teilräume betreffen, zählen mit ihren Anteilen.`,
  prior: (n: number) =>
    n === 1
      ? 'Darin enthalten ist ein Projekt, das vor der Nutzung des Portals bewilligt wurde.'
      : `Darin enthalten sind ${n} Projekte, die vor der Nutzung des Portals bewilligt wurden.`,
  periodLabel: 'Förderperiode',
  currentPeriod: '(laufend)',
  managePeriods: 'Förderperioden und früher bewilligte Projekte verwalten',
  downloadSvg: 'Grafik als SVG herunterladen',
  downloadPng: 'Grafik als PNG herunterladen',
  pngFailed: 'Die Grafik ließ sich in diesem Browser nicht als PNG umwandeln. Bitte die SVG-Datei verwenden.',
  chartTableCaption: 'Werte der Grafik (in Euro, gerundet)',
  counted: (n: number) =>
    n === 1
      ? 'Eine Projektskizze ist berücksichtigt.'
      : `${new Intl.NumberFormat('de-DE').format(n)} Projektskizzen sind berücksichtigt.`,
  warningsHeading: 'Warnungen',
  noWarnings: 'Weder ein Teilraum noch das Gesamtbudget ist überzeichnet.',
  caption: 'Budget je Teilraum und gesamt (in Euro)',
  subRegion: 'Teilraum',
  overdrawn: 'überzeichnet',
  chartHeading: 'Grafik',
  chartHint:
    'Je Teilraum: gebunden und verfügbar bis zum fairen Anteil, darunter beantragt. Die Tabelle daneben enthält dieselben Werte.',
  definitionsHeading: 'Was die Spalten zählen',
  definitions: [
    [
      'Fairer Anteil',
      'Das Budget des Förderzeitraums, nach dem Schlüssel des Bündnisses auf die Teilräume verteilt.',
    ],
    [
      'Beantragt',
      'Beantragte ESF-Mittel aller eingereichten Skizzen, die nicht zurückgezogen, nicht abgelehnt und nicht ohne positives Votum geblieben sind. Zur Überarbeitung zurückgegebene Skizzen zählen erst wieder nach der erneuten Einreichung.',
    ],
    ['Befürwortet', 'Beantragte ESF-Mittel der Skizzen mit positivem Votum (auch nach der Bewilligung).'],
    ['Bewilligt', 'Bewilligte Beträge der in der Verwaltung bestätigten Förderentscheidungen.'],
    ['Ausgegeben', 'Im Abschlussbericht als ausgegeben gemeldete Beträge.'],
    [
      'Gebunden',
      'Was ein Projekt vom Budget bindet: nach dem Abschluss der ausgegebene Betrag, nach der Bewilligung der bewilligte, nach dem positiven Votum der beantragte.',
    ],
    ['Verfügbar', 'Fairer Anteil minus gebunden. Negativ heißt: überzeichnet.'],
  ] as [string, string][],
  downloadsHeading: 'Exporte (CSV)',
  downloadsHint:
    'Für Excel mit deutschen Einstellungen: Semikolon als Trennzeichen, UTF-8, Beträge mit Dezimalkomma. Per Doppelklick zu öffnen.',
  downloads: {
    sketches: 'Projektskizzen',
    ballots: 'Stimmen der Umlaufverfahren',
    decisions: 'Entscheidungen (Voten und Förderentscheidungen)',
    budget: 'Budget je Teilraum',
  },
  csv: '(CSV)',
  contacts: 'Mit Kontaktdaten',
  contactsHint:
    'Nur wenn Sie sie brauchen: Ansprechperson, Anschrift, E-Mail und Telefon der Antragstellenden sowie wer im Umlaufverfahren abgestimmt hat. Ohne Häkchen enthalten die Dateien keine Kontaktdaten.',
} as const;
