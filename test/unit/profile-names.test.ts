import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import { exportTexts } from '../../functions/core/exports.de.ts';
import { decisionsTable } from '../../functions/core/exports.ts';
import { decisionLines } from '../../functions/core/followup.ts';
import { nextSteps } from '../../functions/core/messages.de.ts';
import type { ProseProfile } from '../../functions/core/profile.ts';
import { nextStep } from '../../functions/core/sketch-doc.ts';
import type { Sketch } from '../../functions/core/sketch-full.ts';
import { voteMessages } from '../../functions/core/votes.de.ts';
import { de as documentTexts } from '../../functions/documents/texts.de.ts';
import * as mails from '../../functions/mail/templates.de.ts';
import { leineWeserSketch } from '../support/sketches.ts';

/*
 * Every text that names the alliance or its decision body takes the name from the profile. Rendered
 * with another alliance's profile, no text may speak of Leine-Weser or its Lenkungsgruppe.
 */

const link = 'https://portal.example.org/x';
const at = '2026-11-20T10:00:00.000Z';
/** The test sketch with its own words about Leine-Weser taken out: only the profile may name it. */
const sketch = () =>
  JSON.parse(JSON.stringify(leineWeserSketch()).replaceAll('Leine-Weser', 'Weserland')) as Sketch;
const voteSketch = {
  title: 'Pflege',
  organisation: 'Bildungswerk',
  summary: 'Kurz',
  costCents: 1,
  esfCents: 1,
};

/** Every mail template, and every catalogue text that takes the names, rendered for one profile. */
function everyText(profile: ProseProfile): string {
  const n = profile.names;
  const rendered = [
    mails.signInLinkMail(profile, link, new Date(at)),
    mails.draftCreatedMail(profile, link),
    mails.sketchSubmittedMail(profile, sketch(), { n: 2, at }, link),
    mails.sketchWithdrawnMail(profile, 'Pflege', 'admin', undefined, link),
    mails.fundingConfirmedMail(
      profile,
      'Pflege',
      decisionLines(profile.names, {
        outcome: 'rejected',
        status: 'confirmed',
        reportedBy: 'x',
        reportedAt: at,
      }),
      '2028-01-31',
      link,
    ),
    mails.sketchReturnedMail(profile, 'Pflege', 'Bitte ergänzen.', link),
    mails.sketchAcceptedMail(profile, 'Pflege', link),
    mails.sketchWithdrawnMail(profile, 'Pflege', 'admin', 'Doppelt', link),
    mails.voteOpenedMail(
      profile,
      { institution: 'IHK', deadline: '2026-12-01', asDeputy: true },
      [voteSketch],
      link,
    ),
    mails.voteOpenedMail(
      profile,
      { institution: 'IHK', deadline: '2026-12-01', asDeputy: false, extended: true },
      [voteSketch],
      link,
    ),
    mails.voteReminderMail(profile, { institution: 'IHK', deadline: '2026-12-01' }, [voteSketch], link),
    mails.voteClosedMail(profile, ['Pflege: befürwortet'], link),
    mails.votumMail(profile, 'Pflege', 'endorsed', link),
    mails.votumMail(profile, 'Pflege', 'not_endorsed', link),
    mails.votumMail(profile, 'Pflege', 'deferred', link),
    mails.fundingReportedMail(profile, { title: 'Pflege', organisation: 'Bildungswerk' }, ['a'], ['b'], link),
    mails.fundingConfirmedMail(profile, 'Pflege', ['a'], '2028-01-31', link),
    mails.endChangedMail(
      profile,
      'Pflege',
      { from: '2027-12-31', to: '2028-06-30', finalReportDue: '2028-07-31' },
      link,
    ),
    mails.reportAgreedMail(profile, 'Pflege', { label: 'Zwischenbericht', due: '2027-06-30' }, link),
    mails.reportSubmittedMail(
      profile,
      { title: 'Pflege', organisation: 'Bildungswerk' },
      'Zwischenbericht',
      link,
    ),
    mails.reportReviewedMail(profile, 'Pflege', { label: 'Zwischenbericht', decision: 'accepted' }, link),
    mails.reportReviewedMail(
      profile,
      'Pflege',
      { label: 'Zwischenbericht', decision: 'more', note: 'Mehr', due: '2027-07-31' },
      link,
    ),
    mails.projectClosedMail(profile, 'Pflege', link),
    mails.deadlineReminderMail(
      profile,
      {
        label: 'Abschlussbericht',
        title: 'Pflege',
        due: '2028-01-31',
        daysLeft: 3,
        missing: 'x',
        funding: false,
      },
      link,
    ),
    mails.escalationDigestMail(
      profile,
      [
        {
          label: 'Abschlussbericht',
          title: 'Pflege',
          organisation: 'B',
          due: '2028-01-31',
          daysOverdue: 2,
          link,
        },
      ],
      link,
    ),
  ].flatMap((mail) => [mail.subject, mail.text, mail.html]);
  const d = documentTexts;
  return [
    ...rendered,
    d.letter.subject(n, 'Pflege'),
    d.letter.procedure.meeting(n, '2026-11-12', 'Hildesheim'),
    d.letter.opening(n, 'Pflege', 'im Umlaufverfahren', 'befürwortet'),
    d.letter.closing.not_endorsed(n),
    d.letter.closing.deferred(n),
    d.letter.onBehalf(n),
    d.letter.footer(n),
    d.minutes.title(n, '2026-11-12'),
    d.minutes.footer(n, '2026-11-12'),
    d.circulation.title(n, 'Pflege'),
    d.circulation.chairSigns(n),
    d.circulation.footer(n, '2026-11-12'),
    exportTexts.votum(n),
    nextSteps.ready_for_vote(n),
    nextSteps.submitted(n),
    nextSteps.returned(n, 'x'),
    nextSteps.rejected(n),
    exportTexts.fundingDecision(n),
    nextSteps.in_vote(n),
    nextSteps.endorsed(n),
    nextSteps.not_endorsed(n),
    voteMessages.open.noSeats(n),
    voteMessages.open.reasonMissing(n),
    voteMessages.votum.contradicts(n, 'befürwortet', 'Kein Einvernehmen'),
    voteMessages.votum.noOutcome(n),
  ].join('\n');
}

describe('the names in mails, letters, exports and messages', () => {
  it.each(['nordostniedersachsen', 'suedostniedersachsen'])('speak of %s’s own alliance and body', (id) => {
    // Prepare
    const profile = checkedProfile(id);
    // Act
    const texts = everyText(profile);
    // Assess
    expect(texts).not.toMatch(/Leine-Weser|Lenkungsgruppe/);
    if (profile.names.office.name !== 'Koordinierungsstelle')
      expect(texts).not.toContain('Koordinierungsstelle');
    expect(texts).toContain(profile.names.office.nominative);
    expect(texts).toContain(profile.names.alliance.genitive);
    expect(texts).toContain(profile.names.decisionBody.genitive);
  });

  it('put Leine-Weser’s names in the right case', () => {
    // Prepare
    const profile = checkedProfile('leine-weser');
    // Act
    const texts = everyText(profile);
    // Assess
    expect(texts).toContain('im Portal des Fachkräftebündnisses Leine-Weser an');
    expect(texts).toContain('Votum der Lenkungsgruppe');
    expect(texts).not.toMatch(/des Fachkräftebündnis Leine-Weser|für Fachkräftebündnis/);
  });

  it('give the Sprecherkreis its own article and possessive', () => {
    // Prepare
    const { names } = checkedProfile('suedostniedersachsen');
    // Act
    const meeting = documentTexts.letter.procedure.meeting(names, '2026-11-12');
    const step = nextStep({ status: 'endorsed', statementsComplete: true, names }).text;
    const table = decisionsTable(names, []);
    // Assess
    expect(meeting).toBe('in seiner Sitzung am 12.11.2026');
    expect(step).toMatch(/^Der Sprecherkreis hat ein positives Votum abgegeben/);
    expect(table.header).toBeDefined();
  });
});

describe('the decision body’s name', () => {
  it('is written in Leine-Weser’s profile only, never in code or catalogues', () => {
    // Prepare
    const root = join(import.meta.dirname, '../..');
    const files = ['functions', 'web/src'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(tsx?|json)$/.test(name))
        .map((name) => join(root, dir, name)),
    );
    // Act
    const naming = files
      .filter((file) => readFileSync(file, 'utf8').includes('Lenkungsgruppe'))
      .map((file) => relative(root, file));
    // Assess
    expect(files.length).toBeGreaterThan(50);
    expect(naming).toEqual(['functions/alliances/leine-weser.json']);
  });
});

/** The code of a source file without its comments (block comments keep their lines blank). */
const withoutComments = (code: string) =>
  code
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'));

/** Where code or a catalogue writes one of Leine-Weser's names instead of taking it from the profile. */
function profileWords(file: string, code: string): string[] {
  const words = /Koordinierungsstelle|NBank|Lenkungsgruppe|Leine-Weser/;
  return withoutComments(code).flatMap((line, i) =>
    words.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 100)}`] : [],
  );
}

describe('the names of the office, the bank, the body and the alliance', () => {
  it('come from the profile: no code or catalogue writes them', () => {
    // Prepare
    const root = join(import.meta.dirname, '../..');
    const files = ['functions', 'web/src'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => join(root, dir, name)),
    );
    // Act
    const found = files.flatMap((file) => profileWords(relative(root, file), readFileSync(file, 'utf8')));
    // Assess
    expect(files.length).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('are found where a text writes them, and not in comments (the test can fail)', () => {
    // Prepare
    const code = [
      "  forbidden: 'Dieser Bereich ist der Koordinierungsstelle vorbehalten.',",
      '  // the NBank decides after the Votum',
      '  /* Leine-Weser: the seed */ heading: `Förderentscheidung der NBank`,',
    ].join('\n');
    // Act
    const found = profileWords('x.de.ts', code);
    // Assess
    expect(found).toEqual([
      "x.de.ts:1: forbidden: 'Dieser Bereich ist der Koordinierungsstelle vorbehalten.',",
      'x.de.ts:3: heading: `Förderentscheidung der NBank`,',
    ]);
  });
});
