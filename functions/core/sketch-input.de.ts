/*
 * What the sketch's schema and rules say, in German (sketch-full.ts): a module apart from the
 * sketch's labels (sketch.de.ts), so the form's first step does not wait for them.
 */
import { sketchLabels as L } from './sketch.de.ts';

/**
 * What the sketch's schema and rules (sketch-full.ts) say about its fields, each message naming its
 * field. Values come in formatted (euros, percent, dates); of ours, only the labels are imported.
 */
export const sketchInput = {
  /** The names of lists that have no field label of their own. */
  lists: {
    partners: 'Partner',
    activities: 'Arbeitspakete',
    results: 'Ergebnisse',
    goals: 'Ziele',
    costs: 'Kostenplan',
    thirdParty: 'Drittmittel',
  },
  date: (label: string) => `${label}: Bitte ein gültiges Datum angeben.`,
  centsFraction: (label: string) => `${label}: Bitte höchstens zwei Nachkommastellen angeben.`,
  centsNotAmount: (label: string) => `${label}: Bitte einen Betrag in Euro angeben.`,
  centsNegative: (label: string) => `${label}: Der Betrag darf nicht negativ sein.`,
  centsTooHigh: (label: string) => `${label}: Der Betrag ist unrealistisch hoch.`,
  tooMany: (label: string, max: number) => `${label}: höchstens ${max}.`,
  fromMonthOne: (label: string) => `${label}: ab Monat 1.`,
  postalCode: () => `${L.postalCode}: Bitte fünf Ziffern eingeben.`,
  formOfAddress: () => `${L.contactAddress}: Bitte „Frau“, „Herr“ oder „ohne“ wählen.`,
  phone: () => `${L.contactPhone}: Bitte eine Telefonnummer angeben (z. B. 05121 123456).`,
  noActivities: 'Arbeitspakete: Bitte mindestens ein Arbeitspaket angeben.',
  noResults: 'Ergebnisse: Bitte mindestens ein erwartetes Ergebnis mit Indikator angeben.',
  noPriorities: () => `${L.priorities}: Bitte mindestens einen Handlungsschwerpunkt wählen.`,
  noSubRegions: () => `${L.subRegions}: Bitte mindestens einen Teilraum wählen.`,
  shareZero: () => `${L.share}: mehr als 0 %.`,
  noDistricts: () => `${L.districts}: Bitte mindestens einen Landkreis wählen.`,
  category: () => `${L.category}: Bitte eine Kostenart wählen.`,
  noCosts: 'Kostenplan: Bitte mindestens eine Kostenzeile angeben.',
  privacy: () => `${L.privacy}: Bitte bestätigen Sie, dass Sie den Datenschutzhinweis gelesen haben.`,
  truthful: () => `${L.truthful}: Bitte bestätigen Sie, dass Ihre Angaben richtig und vollständig sind.`,
  /** The profile's rules (ruleIssues). */
  rules: {
    unknownPriority: (id: string) => `${L.priorities}: „${id}“ gibt es in diesem Bündnis nicht.`,
    goalNotInPriority: (goal: string, priority: string) =>
      `Ziel „${goal}“ gehört nicht zu Handlungsschwerpunkt ${priority}.`,
    unknownTheme: (id: string) => `${L.themes}: „${id}“ gibt es in diesem Bündnis nicht.`,
    unknownSubRegion: (id: string | undefined) => `${L.subRegions}: „${id}“ gibt es in diesem Bündnis nicht.`,
    shareSum: (sum: string) => `${L.share}: Die Anteile der Teilräume ergeben ${sum}, nicht 100 %.`,
    subRegionTwice: () => `${L.subRegions}: Jeder Teilraum nur einmal.`,
    districtOutside: (district: string) =>
      `${L.districts}: „${district}“ liegt in keinem der gewählten Teilräume.`,
    endBeforeStart: () => `${L.end}: Das Projektende liegt vor dem Beginn.`,
    runtimeTooLong: (months: number, max: number) =>
      `${L.end}: Die Laufzeit beträgt ${months} Monate; erlaubt sind höchstens ${max}.`,
    endTooLate: (latest: string) => `${L.end}: Projekte müssen bis spätestens ${latest} abgeschlossen sein.`,
    startTooEarly: (periodStart: string) => `${L.start}: Die Förderperiode beginnt am ${periodStart}.`,
    activityEndBeforeStart: () => `${L.endMonth}: liegt vor dem Beginn des Arbeitspakets.`,
    activityAfterEnd: (months: number) => `${L.endMonth}: Das Projekt dauert nur ${months} Monate.`,
    yearOutside: (year: number, first: number | undefined, last: number | undefined) =>
      `${L.year}: ${year} liegt nicht in der Laufzeit (${first}–${last}).`,
    amountZero: () => `${L.amount}: Bitte einen Betrag größer als 0 angeben oder die Zeile löschen.`,
    financingMismatch: (financing: string, costs: string, tooMuch: boolean, difference: string) =>
      `Finanzierung: Die Finanzierung (${financing}) muss den Gesamtkosten (${costs}) entsprechen; es ${tooMuch ? 'sind' : 'fehlen'} ${difference}${tooMuch ? ' zu viel' : ''}.`,
    capJustification: (costs: string, cap: string) =>
      `${L.capJustification}: Die Gesamtkosten (${costs}) liegen über ${cap}; bitte begründen Sie das (mindestens 50 Zeichen).`,
    capJustificationRaising: (costs: string, cap: string, atCap: string) =>
      `${L.capJustification}: Die Gesamtkosten (${costs}) liegen über ${cap}, und die beantragte Förderung übersteigt, was bei Kosten in Höhe der Obergrenze möglich wäre (${atCap}); bitte begründen Sie das (mindestens 50 Zeichen).`,
    esfTooHigh: (rate: string, maxEsf: string, esf: string) =>
      `${L.esf}: Gefördert werden höchstens ${rate} der Personalkosten, also ${maxEsf}; beantragt sind ${esf}.`,
    localAlliance: () =>
      `${L.localAlliance}: Bitte die lokale Allianz wählen, in der das Projekt vorgestellt wurde.`,
    localAllianceOutside: (chosen: string, covered: string[]) =>
      `${L.localAlliance}: ${chosen} ist für keinen der Teilräume des Projekts zuständig; bitte ${covered.length ? `eine dieser Allianzen wählen: ${covered.join(', ')}` : 'zuerst die Teilräume wählen'}.`,
    presentedInFuture: () =>
      `${L.presentedOn}: Das Datum liegt in der Zukunft; die Vorstellung muss vor der Einreichung stattgefunden haben.`,
  },
} as const;

/**
 * What the draft's envelope (draftSchema) says: apart from `sketchInput`, so the routes that only
 * save a draft do not keep every message of the full sketch and its labels.
 */
export const draftInput = {
  notObject: 'Entwurf: Bitte die Abschnitte des Entwurfs als Objekt senden.',
  unknownSection: 'Entwurf: unbekannter Abschnitt.',
  tooLarge: 'Entwurf: Der Entwurf ist zu groß (höchstens 300 KB).',
} as const;
