import { outcomeLabels } from './labels.de.ts';
export const notYours = 'Diese Abstimmung gibt es nicht, oder Sie gehören ihr nicht an.';
export const noSuchSeat = 'Diesen Sitz gibt es in dieser Abstimmung nicht.';
export const alreadyClosed = 'Die Abstimmung ist bereits beendet.';
export const closed = 'Die Abstimmung ist beendet.';
export const closedNoExtension =
  'Die Abstimmung ist bereits beendet; ihre Frist kann nicht mehr verlängert werden.';
/** A sketch's line in the office's mail with the result of a circulation vote. */
export const resultLine = (
  title: string,
  result: string,
  outcome: {
    counts: { approve: number; object: number; abstain: number };
    recusedSeatIds: readonly string[];
    silentSeatIds: readonly string[];
  },
) =>
  `${title}: ${result} – Zustimmung ${outcome.counts.approve}, Einwand ${outcome.counts.object}, Enthaltung ${outcome.counts.abstain}, befangen ${outcome.recusedSeatIds.length}, nicht abgestimmt ${outcome.silentSeatIds.length}`;
/** The audit note of a sketch decided by a circulation vote. */
/** The audit note of a circulation vote's result: in words, never the code. */
export const decidedNote = (result: keyof typeof outcomeLabels) =>
  `Umlaufverfahren: ${outcomeLabels[result]}`;
