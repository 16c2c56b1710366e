import { formatWhole } from '../../functions/core/money.ts';
import type { ProfileNames } from '../../functions/core/profile.ts';

/*
 * The texts of the sketch form's steps 2 to 9 (SketchSteps.tsx) and its cost plan (CostTable.tsx),
 * loaded with their code; the editor's and the first step's are in form.texts.de.ts.
 */

export const stepTexts = {
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
  privacyText: (n: ProfileNames) =>
    `Die Angaben dieser Skizze werden zur Beurteilung durch ${n.office.accusative}, die lokale Allianz und ${n.decisionBody.accusative} ${n.alliance.genitive} verarbeitet und an sie weitergegeben. Personenbezogene Daten (Ansprechperson) werden nur für Rückfragen und Mitteilungen zum Verfahren genutzt und nach Abschluss des Verfahrens gelöscht, soweit keine Aufbewahrungspflicht besteht.`,
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
  lines: (n: number) => (n === 1 ? '1 Zeile' : `${formatWhole(n)} Zeilen`),
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
  requiredRaisingFunding:
    '(erforderlich, da die Gesamtkosten über der Obergrenze liegen und die Überschreitung die Förderung erhöht)',
  onlyAboveCap: (cap: string) => `(nur erforderlich bei Gesamtkosten über ${cap})`,
  onlyRaisingFunding: (cap: string) =>
    `(nur erforderlich, wenn Gesamtkosten über ${cap} die Förderung erhöhen)`,
  capInfoRaising: (total: string, cap: string, needed: boolean, atCap: string) =>
    needed
      ? `Gesamtkosten ${total}: über der Obergrenze von ${cap}, und die beantragte Förderung liegt über den ${atCap}, die bei Kosten in Höhe der Obergrenze möglich wären. Bitte begründen Sie das unten.`
      : `Gesamtkosten ${total}: über der Obergrenze von ${cap}; eine Begründung ist nicht nötig, solange die Förderung höchstens ${atCap} beträgt.`,
  hints: {
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
    continuation: 'Wie geht es nach dem Ende der Förderung weiter? Wenn ausgefüllt, mindestens 20 Zeichen.',
    modelCharacter:
      'Was ist neu, und lässt es sich auf andere Regionen oder Branchen übertragen? Wenn ausgefüllt, mindestens 20 Zeichen.',
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
} as const;
