/* The legal pages' and the privacy notice's German texts (the facts come from the profile's `legal`). */
export const legalTexts = {
  loading: 'Wird geladen …',
  imprint: {
    title: 'Impressum',
    provider: 'Anbieter (§ 5 DDG)',
    representedBy: 'Vertreten durch',
    contact: 'Kontakt',
    responsible: 'Verantwortlich für den Inhalt (§ 18 Abs. 2 MStV)',
  },
  privacy: {
    title: 'Datenschutzerklärung',
    controller: 'Verantwortlich (Art. 4 Nr. 7 DSGVO)',
    officer: 'Datenschutzbeauftragte/r',
    purpose: 'Zweck der Verarbeitung',
    legalBasis: 'Rechtsgrundlage',
    data: 'Welche Daten',
    dataText:
      'Ihre E-Mail-Adresse (Anmeldung), die Angaben Ihrer Projektskizze mit Kontaktdaten der Ansprechperson, hochgeladene Anlagen, E-Mails an Sie und die Zeiten Ihrer Anmeldungen. Das Portal setzt nur ein technisch notwendiges Sitzungs-Cookie, keine Analyse- oder Werbe-Cookies.',
    recipients: 'Empfänger',
    retention: 'Wie lange die Daten gespeichert werden',
    rights: 'Ihre Rechte',
    rightsText: [
      'Auskunft (Art. 15 DSGVO): Angemeldet laden Sie unter „Meine Daten“ alles herunter, was das Portal über Sie gespeichert hat (Art. 20 DSGVO: als ZIP mit JSON und Dateien).',
      'Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung (Art. 18) und Widerspruch (Art. 21): wenden Sie sich an die verantwortliche Stelle (oben); Daten, die eine Aufbewahrungspflicht hält, werden gesperrt und nach Ablauf der Frist gelöscht.',
      'Beschwerde bei der Aufsichtsbehörde (Art. 77 DSGVO):',
    ],
  },
  accessibility: {
    title: 'Erklärung zur Barrierefreiheit',
    intro: (name: string) =>
      `${name} ist bemüht, dieses Portal im Einklang mit dem Niedersächsischen Behindertengleichstellungsgesetz (NBGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.`,
    status: 'Stand der Vereinbarkeit',
    statusText: {
      full: 'Das Portal ist mit den Anforderungen der BITV 2.0 vollständig vereinbar.',
      partial:
        'Das Portal ist mit den Anforderungen der BITV 2.0 teilweise vereinbar. Die Ausnahmen sind unten aufgeführt.',
      none: 'Das Portal ist mit den Anforderungen der BITV 2.0 nicht vereinbar.',
    },
    prepared: (date: string, method: string) =>
      `Diese Erklärung wurde am ${date} erstellt. Methode: ${method}.`,
    gaps: 'Nicht barrierefreie Inhalte',
    feedback: 'Barrieren melden: Kontakt',
    feedbackText:
      'Sind Ihnen Mängel aufgefallen? Schreiben Sie uns; wir antworten innerhalb von sechs Wochen.',
    enforcement: 'Schlichtungsverfahren',
    enforcementText:
      'Wenn Sie auf Ihre Meldung innerhalb von sechs Wochen keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle wenden. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.',
  },
  notice: {
    heading: 'Datenschutzhinweise (Art. 13 DSGVO)',
    intro: 'Bevor Sie beginnen: Ihr Entwurf wird ab der ersten Eingabe gespeichert.',
    controller: 'Verantwortlich',
    purpose: 'Zweck und Rechtsgrundlage',
    recipients: 'Wer Ihre Skizze erhält',
    retention: 'Wie lange',
    rights: 'Ihre Rechte',
    rightsText:
      'Auskunft und Download Ihrer Daten, Berichtigung, Löschung, Einschränkung, Widerspruch und Beschwerde bei der Aufsichtsbehörde.',
    full: 'Vollständige Datenschutzerklärung',
    acknowledge: 'Ich habe die Datenschutzhinweise gelesen.',
    mustAcknowledge: 'Bitte bestätigen Sie zuerst, dass Sie die Datenschutzhinweise gelesen haben.',
  },
} as const;
