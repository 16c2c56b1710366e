import { capitalised } from './names.ts';
import type { ProcessStepKind, ProfileNames, ProseProfile } from './profile.ts';

/* The alliance's process (profile `process.steps`) in words, for the start page and the mails. */

export const processTexts = {
  heading: 'So läuft das Verfahren',
  decisionBodyHeading: (n: ProfileNames) => `Wer entscheidet: ${n.decisionBody.name}`,
  steps: {
    submission: (n: ProfileNames) => `Sie reichen Ihre Projektskizze im Portal bei ${n.alliance.dative} ein.`,
    office_check: (n: ProfileNames) =>
      `${capitalised(n.office.nominative)} prüft die Skizze auf Vollständigkeit und gibt sie Ihnen bei Bedarf zur Überarbeitung zurück.`,
    decision: (n: ProfileNames) =>
      `${capitalised(n.decisionBody.nominative)} berät über die Skizze, in einer Sitzung oder schriftlich.`,
    votum: (n: ProfileNames) =>
      `${capitalised(n.decisionBody.nominative)} gibt ${n.decisionBody.gender === 'feminine' ? 'ihr' : 'sein'} Votum ab; Sie erhalten es per E-Mail mit einem Schreiben für Ihren Förderantrag.`,
    bank: (n: ProfileNames) =>
      `Mit einem positiven Votum stellen Sie den Förderantrag bei ${n.bank.dative} und melden deren Entscheidung im Portal.`,
    report: () => 'Nach dem Ende des Projekts reichen Sie den Abschlussbericht im Portal ein.',
  } satisfies Record<ProcessStepKind, (n: ProfileNames) => string>,
  /** Where the profile has the local alliances' statement (`localStatements`), it follows the submission. */
  localStatement:
    'Die lokale Allianz jedes Teilraums, den das Projekt betrifft, nimmt im Portal zur Skizze Stellung.',
  nextHeading: 'So geht es weiter',
} as const;

// The steps' notes are the profile's prose (functions/alliances/prose.ts).
type ProcessProfile = Pick<ProseProfile, 'names' | 'process' | 'localStatements'>;

/**
 * The process's steps as sentences, each with what the profile adds to it; the local alliances'
 * statement after the submission where the profile has that step.
 */
export function processSteps(profile: ProcessProfile): string[] {
  return stepSentences(profile).map((step) => step.text);
}

/** The steps after the submission: what a submitted sketch still passes. */
export function stepsAfterSubmission(profile: ProcessProfile): string[] {
  return stepSentences(profile)
    .filter((step) => step.kind !== 'submission')
    .map((step) => step.text);
}

function stepSentences(profile: ProcessProfile): { kind: ProcessStepKind | 'local'; text: string }[] {
  return profile.process.steps.flatMap((step) => {
    const text = processTexts.steps[step.kind](profile.names);
    const sentence = { kind: step.kind, text: step.note ? `${text} ${step.note}` : text };
    return step.kind === 'submission' && profile.localStatements.required
      ? [sentence, { kind: 'local' as const, text: processTexts.localStatement }]
      : [sentence];
  });
}
