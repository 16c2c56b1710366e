/*
 * The texts of the Votum as the sketch pages show it (the applicant's and the office's). Kept apart
 * from ./texts.de.ts so the applicant's sketch page loads only these few lines.
 */
import { capitalised } from '../../../../functions/core/names.ts';
import type { ProfileNames } from '../../../../functions/core/profile.ts';
export const votumTexts = {
  heading: (n: ProfileNames) => `Votum ${n.decisionBody.genitive}`,
  decision: 'Votum',
  decisions: {
    endorsed: 'Befürwortet',
    not_endorsed: 'Nicht befürwortet',
    deferred: 'Zurückgestellt',
  } as Record<string, string>,
  writtenAt: 'Beschlossen am',
  conditions: 'Auflagen',
  criteria: 'Bewertung nach den Kriterien',
  justification: 'Begründung',
  assessments: {
    met: 'erfüllt',
    not_met: 'nicht erfüllt',
    not_assessed: 'nicht bewertet',
  } as Record<string, string>,
  write: 'Votum schreiben',
  writeHint: (n: ProfileNames) =>
    `${capitalised(n.decisionBody.nominative)} hat entschieden; das Votum steht noch aus.`,
  letter: 'Votum als PDF herunterladen',
  /** Only an endorsement goes with the bank application; the other letters are for the files. */
  letterHint: {
    endorsed: (n: ProfileNames) => `Fügen Sie dieses Schreiben Ihrem Förderantrag bei ${n.bank.dative} bei.`,
    not_endorsed: (_: ProfileNames) => 'Das Schreiben enthält die Begründung des Votums.',
    deferred: (_: ProfileNames) => 'Das Schreiben enthält die Gründe für die Zurückstellung.',
  },
  deferredNote: (n: ProfileNames) =>
    `Die Entscheidung ist zurückgestellt: Die Skizze wird ${n.decisionBody.dative} in einer der nächsten Runden erneut vorgelegt.`,
  letterFailed:
    'Das Votum-Schreiben konnte nach mehreren Versuchen nicht erstellt werden. Der Betrieb ist benachrichtigt; die E-Mail mit dem Schreiben folgt, sobald es erstellt ist.',
  circulationRecord: (n: ProfileNames) => `Umlaufbeschluss ${n.decisionBody.genitive} (PDF)`,
  earlier: (n: number) =>
    n === 1 ? 'Zuvor wurde 1 Votum geschrieben.' : `Zuvor wurden ${n} Vota geschrieben.`,
} as const;
