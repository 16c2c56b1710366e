import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import { attachmentKindLabels } from '../../functions/core/attachments.de.ts';
import { attachmentKinds, followUpAttachmentKinds } from '../../functions/core/attachments.ts';
import { deadlineKindLabels, fundingOutcomeWords } from '../../functions/core/followup.de.ts';
import { deadlineKinds, deadlineStates, fundingOutcomes } from '../../functions/core/followup.ts';
import { sketchStatuses } from '../../functions/core/lifecycle.ts';
import { nextSteps, statusLabels } from '../../functions/core/messages.de.ts';
import { costCategoryLabels } from '../../functions/core/sketch.de.ts';
import { nextStep } from '../../functions/core/sketch-doc.ts';
import { costCategories } from '../../functions/core/sketch-fields.ts';
import { statusText } from '../../functions/core/status.ts';
import {
  assessments,
  ballotChoices,
  choiceLabels,
  outcomeResults,
  presences,
  votumDecisions,
} from '../../functions/core/vote.ts';
import { outcomeLabels, votumDecisionLabels } from '../../functions/core/votes.de.ts';
import { de as documentTexts } from '../../functions/documents/texts.de.ts';
import { votumMail } from '../../functions/mail/templates.de.ts';
import { followUpTexts as webFollowUp } from '../../web/src/pages/followup/texts.de.ts';
import { votumTexts } from '../../web/src/pages/votes/votum.texts.de.ts';
import { sketchTexts } from '../../web/src/sketch.texts.de.ts';

/*
 * No internal code reaches a German page, mail or PDF (issue 18: "Votum: deferred", "approved",
 * dates as 2026-12-02): every value of every enum a reader meets is rendered with each catalogue
 * that names it, and what comes out is German words.
 */

const profile = loadProfile('leine-weser');
const codeLike = /(^|[^\p{L}])[a-z]+_[a-z_]+|\b\d{4}-\d{2}-\d{2}\b/u;

/** Asserts a catalogue has words for every value, none of them the code or a code-like token. */
function wordsFor<T extends string>(values: readonly T[], render: (value: T) => string | undefined) {
  for (const value of values) {
    const text = render(value);
    expect(text, `no words for ${value}`).toBeTruthy();
    expect(text, `${value} reads as its code`).not.toBe(value);
    expect(text, `${value}: ${text}`).not.toMatch(codeLike);
  }
}

describe('the words for every code', () => {
  it('names every state of a sketch, in lists and in its next step', () => {
    // Act & Assess
    wordsFor(sketchStatuses, (s) => statusLabels[s]);
    wordsFor(sketchStatuses, (s) => statusText(s, '2027-01-01', '2027-03-01'));
    wordsFor(sketchStatuses, (s) =>
      typeof nextSteps[s as keyof typeof nextSteps] === 'undefined' && s !== 'running'
        ? undefined
        : nextStep({ status: s, statementsComplete: true, names: profile.names }).text,
    );
  });

  it('says a project approved but not yet begun is approved, with its start, and running once it has begun', () => {
    // Act
    const before = statusText('running', '2027-02-28', '2027-03-01');
    const on = statusText('running', '2027-03-01', '2027-03-01');
    // Assess
    expect(before).toBe('Bewilligt – beginnt am 01.03.2027');
    expect(on).toBe('Laufend');
  });

  it('names every outcome, Votum, assessment, choice and presence on pages, in letters and mails', () => {
    // Act & Assess
    wordsFor(outcomeResults, (r) => outcomeLabels[r]);
    wordsFor(outcomeResults, (r) => documentTexts.circulation.results[r]);
    wordsFor(votumDecisions, (d) => votumDecisionLabels[d]);
    wordsFor(votumDecisions, (d) => votumTexts.decisions[d]);
    wordsFor(votumDecisions, (d) => votumTexts.letterHint[d](profile.names));
    wordsFor(votumDecisions, (d) => documentTexts.decision[d]);
    wordsFor(votumDecisions, (d) => documentTexts.letter.closing[d](profile.names, true));
    wordsFor(votumDecisions, (d) => {
      const mail = votumMail(profile, 'Pflege', d, 'https://portal.example.org/s');
      return `${mail.subject} ${mail.text}`.replace('https://portal.example.org/s', '');
    });
    wordsFor(assessments, (a) => votumTexts.assessments[a]);
    wordsFor(assessments, (a) => documentTexts.assessment[a]);
    wordsFor(ballotChoices, (c) => choiceLabels[c]);
    wordsFor(ballotChoices, (c) => documentTexts.circulation.choice[c]);
    wordsFor(presences, (p) => documentTexts.presence[p]);
  });

  it('tells only an endorsement to go with the NBank application', () => {
    // Act
    const hints = votumDecisions.map((d) => votumTexts.letterHint[d](profile.names));
    const mails = votumDecisions.map(
      (d) => votumMail(profile, 'Pflege', d, 'https://portal.example.org/s').text,
    );
    // Assess
    expect(hints.filter((h) => h.includes('NBank'))).toEqual([votumTexts.letterHint.endorsed(profile.names)]);
    expect(mails.filter((m) => m.includes('Förderantrag'))).toHaveLength(1);
  });

  it('names every funding outcome, deadline, report state, attachment, cost category and mail state', () => {
    // Act & Assess
    wordsFor(fundingOutcomes, (o) => fundingOutcomeWords[o]);
    wordsFor(fundingOutcomes, (o) => webFollowUp.decision.outcomes[o]);
    wordsFor(deadlineKinds, (k) => deadlineKindLabels[k]);
    wordsFor(deadlineStates, (s) => webFollowUp.reports.states(profile.names)[s]);
    wordsFor([...attachmentKinds, ...followUpAttachmentKinds], (k) => attachmentKindLabels[k]);
    wordsFor(costCategories, (c) => costCategoryLabels[c]);
    wordsFor(['held', 'pending', 'sent'] as const, (s) => sketchTexts.mySketches.mailStatus[s]);
  });
});
