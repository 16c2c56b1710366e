import { capitalised } from './names.ts';
import type { AllianceProfile, ProfileNames } from './profile.ts';

/* The alliance's process (profile `process.steps`) in words, for the start page and the mails. */

type StepKind = AllianceProfile['process']['steps'][number]['kind'];

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
  } satisfies Record<StepKind, (n: ProfileNames) => string>,
  nextHeading: 'So geht es weiter',
} as const;

/** The process's steps as sentences, each with what the profile adds to it. */
export function processSteps(profile: Pick<AllianceProfile, 'names' | 'process'>): string[] {
  return profile.process.steps.map((step) => {
    const text = processTexts.steps[step.kind](profile.names);
    return step.note ? `${text} ${step.note}` : text;
  });
}

/** The steps after the office's check: what a submitted sketch still passes. */
export function stepsAfterSubmission(profile: Pick<AllianceProfile, 'names' | 'process'>): string[] {
  const steps = processSteps(profile);
  const from = profile.process.steps.findIndex((s) => s.kind === 'office_check');
  return steps.slice(Math.max(from, 0));
}
