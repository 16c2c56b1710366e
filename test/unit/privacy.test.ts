import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkedProfile } from '../../functions/alliances/index.ts';
import { legalPages } from '../../functions/core/privacy.de.ts';
import { sketchRetentionDue } from '../../functions/core/retention.ts';
import { link, pseudonymiseEvent, verifyTrail } from '../../functions/core/trail.ts';
import * as templates from '../../functions/mail/templates.de.ts';
import { leineWeserSketch } from '../support/sketches.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const profile = checkedProfile('leine-weser');
const retention = profile.retention;

describe('retention periods', () => {
  it.each([
    // a draft: 12 months after its last change, at the end of that day in Berlin
    ['draft', '2026-01-31T12:00:00.000Z', '2027-01-31T23:00:00.000Z'], // winter: midnight is 23:00 UTC
    ['draft', '2027-02-28T23:30:00.000Z', '2028-03-01T23:00:00.000Z'], // 00:30 on 1 March in Berlin
    ['draft', '2028-02-29T10:00:00.000Z', '2029-02-28T23:00:00.000Z'], // leap day: the month's last day
    ['draft', '2026-08-31T21:59:59.000Z', '2027-08-31T22:00:00.000Z'], // summer: midnight is 22:00 UTC
    // a decision on the day summer time begins (29 March 2026, 01:30 in Berlin)
    ['decided', '2026-03-29T00:30:00.000Z', '2027-03-29T22:00:00.000Z'],
    // the day winter time begins (25 October 2026, 02:30 CEST); a year later still summer time
    ['decided', '2026-10-25T00:30:00.000Z', '2027-10-25T22:00:00.000Z'],
    // a funded project closed in 2026: 31 December 2026 + 5 years, end of that day
    ['funded', '2026-06-15T10:00:00.000Z', '2031-12-31T23:00:00.000Z'],
    // closed at 00:30 on 1 January 2027 in Berlin (still 31 December in UTC): the year is Berlin's
    ['funded', '2026-12-31T23:30:00.000Z', '2032-12-31T23:00:00.000Z'],
  ] as const)('%s from %s ends at %s', (kind, at, due) => {
    // Act & Assess
    expect(sketchRetentionDue(kind, at, retention).toISOString()).toBe(due);
  });
});

describe('pseudonymising the audit trail', () => {
  it('keeps a trail in the digest form verifiable, and drops name and address', () => {
    // Prepare
    const first = link(
      {
        sketchId: 's',
        transition: 'create',
        actor: 'anna@example.org',
        role: 'applicant',
        at: '2026-01-01T00:00:00.000Z',
      },
      undefined,
      sha256,
      'a1b2c3',
    );
    const second = link(
      {
        sketchId: 's',
        transition: 'return',
        actor: 'amt@example.org',
        note: 'Frau Anna Beispiel, bitte ergänzen',
        at: '2026-01-02T00:00:00.000Z',
      },
      { hash: first.hash, length: 1 },
      sha256,
      'd4e5f6',
    );
    // Act
    const stored = [first, second].map((e) =>
      pseudonymiseEvent(e as unknown as Record<string, unknown>, sha256, '2027-01-01T00:00:00.000Z'),
    );
    // Assess
    expect(JSON.stringify(stored)).not.toMatch(/anna|Beispiel|amt@/i);
    expect(
      verifyTrail(stored as Record<string, unknown>[], { hash: second.hash, length: 2 }, sha256),
    ).toEqual({ ok: true, length: 2 });
    const altered = stored.map((e, i) => (i === 0 ? { ...e, transition: 'submit' } : e));
    expect(
      verifyTrail(altered as Record<string, unknown>[], { hash: second.hash, length: 2 }, sha256),
    ).toMatchObject({ ok: false, reason: 'altered' });
  });

  it('seals an event from before the digest form: its links still checked', () => {
    // Prepare: linked without a salt, as events before this change were
    const old = link(
      { sketchId: 's', transition: 'create', actor: 'anna@example.org', at: '2025-01-01T00:00:00.000Z' },
      undefined,
      sha256,
    );
    // Act
    const sealed = pseudonymiseEvent(
      old as unknown as Record<string, unknown>,
      sha256,
      '2027-01-01T00:00:00.000Z',
    ) as Record<string, unknown>;
    // Assess
    expect(sealed.actor).toBeUndefined();
    expect(sealed.sealedAt).toBe('2027-01-01T00:00:00.000Z');
    expect(verifyTrail([sealed], { hash: old.hash, length: 1 }, sha256)).toEqual({ ok: true, length: 1 });
    expect(
      verifyTrail([{ ...sealed, prevHash: '1'.repeat(64) }], { hash: old.hash, length: 1 }, sha256),
    ).toMatchObject({ ok: false, reason: 'link' });
  });
});

describe('every mail', () => {
  const sketch = leineWeserSketch();
  sketch.applicant.contactName = 'Hermine Kontaktperson';
  const mailSketch = {
    title: sketch.project.title,
    organisation: 'Bildungswerk',
    summary: 'Kurz.',
    costCents: 100,
    esfCents: 50,
  };
  const link = 'https://portal.example.org/skizzen/s1';
  const t = templates;
  const mails: Record<string, templates.MailContent> = {
    signInLinkMail: t.signInLinkMail(profile, link, new Date('2026-11-01T10:00:00Z')),
    draftCreatedMail: t.draftCreatedMail(profile, link),
    sketchSubmittedMail: t.sketchSubmittedMail(
      profile,
      sketch,
      { n: 1, at: '2026-11-01T10:00:00.000Z' },
      link,
    ),
    sketchReturnedMail: t.sketchReturnedMail(profile, 'Titel', 'Bitte ergänzen', link),
    sketchAcceptedMail: t.sketchAcceptedMail(profile, 'Titel', link),
    sketchWithdrawnMail: t.sketchWithdrawnMail(profile, 'Titel', 'admin', 'Grund', link),
    voteOpenedMail: t.voteOpenedMail(
      profile,
      { institution: 'IHK', deadline: '2026-12-01', asDeputy: false },
      [mailSketch],
      link,
    ),
    voteReminderMail: t.voteReminderMail(
      profile,
      { institution: 'IHK', deadline: '2026-12-01' },
      [mailSketch],
      link,
    ),
    voteClosedMail: t.voteClosedMail(profile, ['Titel: befürwortet'], link),
    votumMail: t.votumMail(profile, 'Titel', 'endorsed', link),
    fundingReportedMail: t.fundingReportedMail(
      profile,
      { title: 'Titel', organisation: 'Org' },
      ['Zeile'],
      [],
      link,
    ),
    fundingConfirmedMail: t.fundingConfirmedMail(profile, 'Titel', ['Zeile'], '2029-01-31', link),
    endChangedMail: t.endChangedMail(
      profile,
      'Titel',
      { from: '2028-12-31', to: '2029-03-31', finalReportDue: '2029-04-30' },
      link,
    ),
    reportAgreedMail: t.reportAgreedMail(
      profile,
      'Titel',
      { label: 'Zwischenbericht', due: '2027-06-30' },
      link,
    ),
    reportSubmittedMail: t.reportSubmittedMail(
      profile,
      { title: 'Titel', organisation: 'Org' },
      'Abschlussbericht',
      link,
    ),
    reportReviewedMail: t.reportReviewedMail(
      profile,
      'Titel',
      { label: 'Abschlussbericht', decision: 'accepted' },
      link,
    ),
    reportMoreMail: t.reportReviewedMail(
      profile,
      'Titel',
      { label: 'Abschlussbericht', decision: 'more', note: 'mehr', due: '2027-01-31' },
      link,
    ),
    projectClosedMail: t.projectClosedMail(profile, 'Titel', link),
    deadlineReminderMail: t.deadlineReminderMail(
      profile,
      {
        label: 'Abschlussbericht',
        title: 'Titel',
        due: '2027-01-31',
        daysLeft: 3,
        missing: 'der Bericht',
        funding: false,
      },
      link,
    ),
    escalationDigestMail: t.escalationDigestMail(
      profile,
      [{ label: 'Bericht', title: 'Titel', organisation: 'Org', due: '2027-01-31', daysOverdue: 2, link }],
      link,
    ),
    localStatementMail: t.localStatementMail(
      profile,
      { title: 'Titel', alliance: 'Lokale Allianz', verdict: 'befürwortet', note: 'Gut' },
      link,
    ),
    decisionStepMail: t.decisionStepMail(profile, 'Titel', { kind: 'in_vote', deadline: '2027-01-31' }, link),
    submissionsMail: t.submissionsMail(
      profile,
      [
        {
          title: 'Titel',
          organisation: 'Org',
          n: 2,
          at: '2027-01-01T09:00:00.000Z',
          changeNote: 'Kosten',
          link,
        },
      ],
      link,
    ),
    meetingInvitationMail: t.meetingInvitationMail(
      profile,
      { date: '2027-03-01', asDeputy: true, institution: 'IHK' },
      [{ title: 'Titel', organisation: 'Org' }],
      link,
    ),
    erasureConfirmedMail: t.erasureConfirmedMail(
      profile,
      [{ title: 'Titel', until: '2031-12-31T23:00:00.000Z' }],
      'https://portal.example.org',
    ),
  };

  it('covers every template of the catalogue', () => {
    // Assess: a template added later must be added above
    const functions = Object.entries(templates)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k);
    expect(functions.filter((name) => !(name in mails)).sort()).toEqual([]);
  });

  it.each(Object.keys(mails))(
    '%s links the three legal pages in its text and its HTML, and names no person in its subject',
    (name) => {
      // Prepare
      const mail = mails[name] as templates.MailContent;
      // Assess
      for (const page of legalPages) {
        expect(mail.text).toContain(`${page.label}: https://portal.example.org${page.path}`);
        expect(mail.html).toContain(`<a href="https://portal.example.org${page.path}">`);
      }
      expect(mail.subject).not.toContain('Hermine');
      expect(mail.subject).not.toMatch(/@/);
    },
  );
});
