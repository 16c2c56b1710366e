import * as l from './period-labels.de.ts';

// A text that names a label is a function: a template of an imported label is kept by esbuild in
// every bundle that imports this module (it cannot know the label is a string), used or not.

export const date = (field: string) => `${field}: Bitte ein Datum angeben.`;
export const validDate = (field: string) => `${field}: Dieses Datum gibt es nicht.`;
export const endBeforeStart = () => `${l.end}: Das Ende liegt vor dem Beginn.`;
export const overlaps = (other: string) =>
  `${l.start}: Der Zeitraum überschneidet sich mit der Förderperiode ${other}.`;
export const cents = (field: string) => `${field}: Bitte einen ganzen Betrag in Cent angeben.`;
export const negative = (field: string) => `${field}: Der Betrag darf nicht negativ sein.`;
export const tooHigh = (field: string) => `${field}: Der Betrag ist unrealistisch hoch.`;
export const shareBp = () =>
  `${l.share}: Bitte einen Anteil in Basispunkten zwischen 0 und 10.000 angeben (10.000 = 100 %).`;
export const sharesMissing = () => `${l.shares}: Bitte für mindestens einen Teilraum einen Anteil angeben.`;
export const sharesSum = (percent: string) => `${l.shares}: Die Anteile ergeben ${percent} statt 100 %.`;
export const subRegion = () => `${l.subRegion}: Bitte einen Teilraum wählen.`;
export const unknownRegion = (id: string) => `${l.subRegion}: Den Teilraum „${id}“ gibt es im Bündnis nicht.`;
export const regionTwice = (name: string) => `${l.subRegion}: „${name}“ ist doppelt angegeben.`;
export const text = (field: string) => `${field}: Bitte als Text angeben.`;
export const required = (field: string) => `${field}: Bitte ausfüllen.`;
export const tooLong = (field: string, max: number) => `${field}: Bitte höchstens ${max} Zeichen eingeben.`;
export const amountsMissing = () =>
  `${l.amounts}: Bitte für mindestens einen Teilraum einen Betrag über 0 € angeben.`;
export const unknownPeriod = () => `${l.period}: Diese Förderperiode gibt es nicht.`;
export const unknownPriorProject = () =>
  `${l.priorProject}: Dieses Projekt ist in der Förderperiode nicht erfasst.`;
export const opened = (period: string) => `Förderperiode ${period} eröffnet.`;
