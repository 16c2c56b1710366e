/*
 * The German texts of what follows the Votum on the server: the messages of the routes' input
 * (core/contract/followup.ts), what its handlers and its application layer refuse, the calendar
 * feed's words, and the notes its changes leave in a sketch's history. The pages and the tests
 * read them word for word.
 *
 * The larger catalogues are modules of their own in ./followup-texts/, one export per text: a
 * function imports one as a namespace (`import * as followUpNotes from './followup-texts/notes.de.ts'`),
 * so esbuild keeps only the texts it reads (a property of an object it cannot drop). They are
 * gathered here under their old names for the web and the tests.
 */
import * as followUpErrors from './followup-texts/errors.de.ts';
import * as followUpInput from './followup-texts/input.de.ts';
import * as followUpLabels from './followup-texts/labels.de.ts';
import * as followUpNotes from './followup-texts/notes.de.ts';
import * as followUpTexts from './followup-texts/texts.de.ts';

export { fundingOutcomeWords } from './followup-texts/words.de.ts';
export { followUpErrors, followUpInput, followUpLabels, followUpNotes, followUpTexts };

/** The calendar feed's words. */
export const calendarTexts = {
  name: (alliance: string) => `Fristen – ${alliance}`,
  due: (date: string, overdue: boolean) => `Fällig am ${date}${overdue ? ' (überfällig)' : ''}.`,
  waiting: (by: string, on: string, what: string) => `${by} wartet auf ${on}: ${what}.`,
} as const;

/**
 * The deadlines' kinds in words. An export of its own: core/followup.ts names it at its top level,
 * and a property read there (`followUpTexts.kindLabels`) would keep the whole catalogue below in
 * every bundle that imports that module.
 */
export const deadlineKindLabels = {
  funding_decision: 'Förderentscheidung',
  final_report: 'Abschlussbericht',
  interim_report: 'Zwischenbericht',
} as const;
