import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../functions/alliances/index.ts';
import { reportFunding } from '../../functions/core/contract/followup.ts';
import { dueAt, startOfDayBerlin } from '../../functions/core/dates.ts';
import {
  type Deadline,
  dueActions,
  dueAfterMore,
  finalReportDue,
  fundingDecisionDue,
  fundingDifferences,
  markDone,
  moveDue,
  newDeadline,
  nextActionAt,
  type OverviewItem,
  officeParty,
  overview,
  type ReportRules,
  reminderAt,
  reportContent,
  reportReviewed,
  reportSubmitted,
  schedule,
  waitingFor,
} from '../../functions/core/followup.ts';
import { next, TransitionError } from '../../functions/core/lifecycle.ts';

const profile = loadProfile('leine-weser');
/** Leine-Weser: final report a month after the end, reminders −14/0/+7, escalation after 3, 90 days' wait. */
const rules: ReportRules = profile.reports;
const iso = (at: Date | undefined) => at?.toISOString();

function report(due: string, overrides: Partial<Deadline> = {}): Deadline {
  return {
    ...newDeadline({
      sketchId: 's1',
      id: 'final',
      kind: 'final_report',
      due,
      project: { title: 'Pflege', organisation: 'Bildungswerk', ownerEmail: 'a@example.org' },
      by: 'office@example.org',
      now: new Date('2026-11-23T10:00:00Z'),
    }),
    ...overrides,
  };
}

describe('the final report’s due date', () => {
  it.each([
    ['2028-06-30', '2028-07-30'],
    ['2027-01-31', '2027-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2028-02-29', '2028-03-29'],
    ['2100-01-31', '2100-02-28'],
    ['2027-12-31', '2028-01-31'],
    ['2028-11-30', '2028-12-30'],
  ])('is one month after an end on %s: %s', (end, due) => {
    // Act & Assess
    expect(finalReportDue(end, rules)).toBe(due);
  });

  it('falls due at the end of that day in Berlin, whatever the clocks do that day', () => {
    // Prepare: 28.03.2027 and 25.10.2026 are the last Sundays of March and October
    const spring = '2027-03-28';
    const autumn = '2026-10-25';
    // Act
    const springDue = dueAt(spring);
    const autumnDue = dueAt(autumn);
    // Assess: midnight CEST after the spring change, midnight CET after the autumn change
    expect(iso(springDue)).toBe('2027-03-28T22:00:00.000Z');
    expect(iso(autumnDue)).toBe('2026-10-25T23:00:00.000Z');
    expect(springDue.getTime() - startOfDayBerlin(spring).getTime()).toBe(23 * 3_600_000);
    expect(autumnDue.getTime() - startOfDayBerlin(autumn).getTime()).toBe(25 * 3_600_000);
    const deadline = report(spring);
    expect(dueActions(deadline, rules, new Date(springDue.getTime() - 1)).escalate).toBe(false);
    expect(
      dueActions(markDone(deadline, ['remind:-14', 'remind:0']), rules, new Date(springDue.getTime() - 1)),
    ).toEqual({ reminders: [], escalate: false });
  });

  it('moves with an end that is the last day of February in a leap year into the summer time', () => {
    // Prepare: end 28.02.2027 → due 28.03.2027, the day the clocks go forward
    const due = finalReportDue('2027-02-28', rules);
    // Act
    const actions = schedule({ kind: 'final_report', due }, rules);
    // Assess: −14 in winter time, 0 at the start of the short day, +7 in summer time
    expect(due).toBe('2027-03-28');
    expect(actions.map((a) => [a.key, iso(a.at)])).toEqual([
      ['remind:-14', '2027-03-13T23:00:00.000Z'],
      ['remind:0', '2027-03-27T23:00:00.000Z'],
      ['remind:7', '2027-04-03T22:00:00.000Z'],
      ['escalate', '2027-04-03T22:00:00.000Z'],
    ]);
  });
});

describe('reminders and the escalation of a report', () => {
  it('go out at the profile’s offsets and escalate with the third, once overdue', () => {
    // Prepare
    const deadline = report('2028-07-30');
    // Act
    const actions = schedule(deadline, rules);
    // Assess
    expect(actions.map((a) => [a.key, iso(a.at)])).toEqual([
      ['remind:-14', '2028-07-15T22:00:00.000Z'],
      ['remind:0', '2028-07-29T22:00:00.000Z'],
      ['remind:7', '2028-08-05T22:00:00.000Z'],
      ['escalate', '2028-08-05T22:00:00.000Z'],
    ]);
    expect(iso(reminderAt('2028-07-30', -14))).toBe('2028-07-15T22:00:00.000Z');
  });

  it('are due one after the other, each once, and stop when the report arrives', () => {
    // Prepare
    let deadline = report('2028-07-30');
    const before = new Date('2028-07-15T21:59:59Z');
    const first = new Date('2028-07-15T22:00:00Z');
    // Act & Assess: nothing before the first offset
    expect(dueActions(deadline, rules, before)).toEqual({ reminders: [], escalate: false });
    expect(iso(nextActionAt(deadline, rules))).toBe('2028-07-15T22:00:00.000Z');
    const atFirst = dueActions(deadline, rules, first);
    expect(atFirst.reminders.map((a) => a.key)).toEqual(['remind:-14']);
    deadline = markDone(deadline, ['remind:-14']);
    expect(dueActions(deadline, rules, first)).toEqual({ reminders: [], escalate: false });
    expect(iso(nextActionAt(deadline, rules))).toBe('2028-07-29T22:00:00.000Z');
    // Act: the report arrives
    const received = reportSubmitted(deadline, { course: 'x' }, 'a@example.org', first);
    // Assess: nothing left to do, it leaves the due index
    expect(nextActionAt(received, rules)).toBeUndefined();
    expect(dueActions(received, rules, new Date('2028-09-01T00:00:00Z'))).toEqual({
      reminders: [],
      escalate: false,
    });
    expect(received.revision).toBe(deadline.revision + 1);
  });

  it('sends one reminder for several missed ones and escalates in the same run', () => {
    // Prepare: the job did not run for weeks
    const deadline = report('2028-07-30');
    // Act
    const due = dueActions(deadline, rules, new Date('2028-08-10T08:00:00Z'));
    // Assess
    expect(due.reminders.map((a) => a.key)).toEqual(['remind:-14', 'remind:0', 'remind:7']);
    expect(due.escalate).toBe(true);
    expect(nextActionAt(markDone(deadline, ['remind:-14', 'remind:0', 'remind:7', 'escalate']), rules)).toBe(
      undefined,
    );
  });

  it('escalates no earlier than the end of the due date, and at most after as many reminders as there are', () => {
    // Prepare
    const due = '2028-07-30';
    // Act
    const afterOne = schedule({ kind: 'final_report', due }, { ...rules, escalateAfterReminders: 1 });
    const afterNine = schedule({ kind: 'final_report', due }, { ...rules, escalateAfterReminders: 9 });
    const none = schedule({ kind: 'final_report', due }, { ...rules, reminderDaysRelative: [] });
    // Assess
    expect(iso(afterOne.find((a) => a.kind === 'escalate')?.at)).toBe(iso(dueAt(due)));
    expect(iso(afterNine.find((a) => a.kind === 'escalate')?.at)).toBe('2028-08-05T22:00:00.000Z');
    expect(none.map((a) => [a.key, iso(a.at)])).toEqual([['escalate', iso(dueAt(due))]]);
  });

  it('are armed again when the due date moves, and not before', () => {
    // Prepare: the first reminder went out for 30.07.
    const sent = markDone(report('2028-07-30'), ['remind:-14']);
    const by = {
      by: 'office@example.org',
      now: new Date('2028-07-20T10:00:00Z'),
      reason: 'Projektende geändert',
    };
    // Act
    const moved = moveDue(sent, '2028-09-30', by);
    const same = moveDue(sent, '2028-07-30', by);
    // Assess
    expect(moved.done).toEqual([]);
    expect(moved.moves).toEqual([
      {
        from: '2028-07-30',
        to: '2028-09-30',
        at: '2028-07-20T10:00:00.000Z',
        by: 'office@example.org',
        reason: 'Projektende geändert',
      },
    ]);
    expect(iso(nextActionAt(moved, rules))).toBe('2028-09-15T22:00:00.000Z');
    expect(same).toBe(sent);
  });
});

describe('the wait for the funding decision', () => {
  it('ends the profile’s days after the Votum; the applicant is reminded then, the office a week later', () => {
    // Prepare
    const due = fundingDecisionDue('2026-11-23', rules);
    // Act
    const actions = schedule({ kind: 'funding_decision', due }, rules);
    // Assess: 90 days after 23.11.2026 is 21.02.2027 (winter time)
    expect(due).toBe('2027-02-21');
    expect(actions.map((a) => [a.key, iso(a.at)])).toEqual([
      ['remind:wait', '2027-02-21T23:00:00.000Z'],
      ['escalate', '2027-02-28T23:00:00.000Z'],
    ]);
  });
});

describe('the funding decision', () => {
  const requested = { esfCents: 26_817_000, start: '2026-01-01', end: '2028-12-31' };

  it('shows a smaller amount and a shorter runtime as differences', () => {
    // Act
    const differences = fundingDifferences(requested, {
      outcome: 'approved',
      approvedCents: 20_000_000,
      start: '2027-01-01',
      end: '2028-06-30',
    });
    // Assess
    expect(differences).toMatchObject({
      esf: { requestedCents: 26_817_000, approvedCents: 20_000_000, differenceCents: -6_817_000 },
      runtime: {
        requested: { months: 36 },
        approved: { months: 18 },
        monthsDifference: -18,
        startShiftDays: 365,
        endShiftDays: -184,
      },
      differs: true,
    });
    expect(differences?.lines).toEqual([
      'ESF-Mittel: 200.000,00\u00a0€ bewilligt, 268.170,00\u00a0€ beantragt (68.170,00\u00a0€ weniger).',
      'Laufzeit: 01.01.2027–30.06.2028 (18 Monate) bewilligt, 01.01.2026–31.12.2028 (36 Monate) beantragt (18 Monate kürzer).',
    ]);
  });

  it('has no differences when it approves what was asked for, and none to show for a rejection', () => {
    // Act
    const same = fundingDifferences(requested, {
      outcome: 'approved',
      approvedCents: 26_817_000,
      start: '2026-01-01',
      end: '2028-12-31',
    });
    const rejected = fundingDifferences(requested, { outcome: 'rejected' });
    // Assess
    expect(same?.differs).toBe(false);
    expect(same?.lines).toEqual([]);
    expect(rejected).toBeUndefined();
  });

  it('needs amount, start and end for an approval, the end not before the start', () => {
    // Prepare: what the route takes (the middy stack parses every request with it)
    const fundingReportRequest = reportFunding.body;
    // Act
    const missing = fundingReportRequest.safeParse({ outcome: 'approved' });
    const backwards = fundingReportRequest.safeParse({
      outcome: 'approved',
      approvedCents: 1,
      start: '2027-01-01',
      end: '2026-12-31',
    });
    const rejected = fundingReportRequest.safeParse({ outcome: 'rejected' });
    // Assess
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['approvedCents', 'start', 'end']);
    expect(backwards.error?.issues.map((i) => i.message)).toEqual(['Ende: Das Ende liegt vor dem Beginn.']);
    expect(rejected.success).toBe(true);
  });

  it('is reported by the applicant and confirmed by the office, leading to running or rejected', () => {
    // Act & Assess
    expect(next('endorsed', 'reportFunding', 'applicant')).toBe('endorsed');
    expect(next('endorsed', 'confirmFunding', 'admin')).toBe('running');
    expect(next('endorsed', 'confirmRejection', 'admin')).toBe('rejected');
    expect(next('running', 'close', 'admin')).toBe('closed');
    expect(() => next('endorsed', 'confirmFunding', 'applicant')).toThrow(TransitionError);
    expect(() => next('in_vote', 'reportFunding', 'applicant')).toThrow(TransitionError);
    expect(() => next('closed', 'submitReport', 'applicant')).toThrow(TransitionError);
  });
});

describe('a report', () => {
  const expected = [{ result: 'Vermittlungen', indicator: 'Anzahl Ausbildungen', target: '60' }];
  const text = 'Das Projekt verlief wie geplant, mit allen Partnern.';

  it('takes the short form with every indicator, and for the final report the funds spent', () => {
    // Act
    const complete = reportContent(
      { course: text, indicators: [{ achieved: '64' }], continuation: text, spentCents: 19_500_000 },
      expected,
      'final_report',
    );
    const empty = reportContent({}, expected, 'final_report');
    // Assess
    expect(complete).toEqual({
      content: {
        course: text,
        indicators: [{ ...expected[0], achieved: '64' }],
        continuation: text,
        spentCents: 19_500_000,
      },
    });
    expect('problems' in empty && empty.problems.map((p) => p.field)).toEqual([
      'course',
      'indicators',
      'continuation',
      'spentCents',
    ]);
  });

  it('may be the attached NBank Sachbericht instead of the form', () => {
    // Act
    const interim = reportContent({ attachmentId: 'att-1' }, expected, 'interim_report');
    // Assess
    expect(interim).toEqual({ content: { attachmentId: 'att-1' } });
  });

  it('is opened again when the office asks for more, due on the same date while it is ahead', () => {
    // Prepare
    const submitted = reportSubmitted(report('2028-07-30'), { course: text }, 'a@example.org', new Date());
    // Act
    const more = reportReviewed(
      submitted,
      {
        decision: 'more',
        note: 'Bitte die Indikatoren ergänzen.',
        due: dueAfterMore('2028-07-30', undefined, '2028-07-20'),
      },
      'office@example.org',
      new Date('2028-07-20T10:00:00Z'),
    );
    const late = dueAfterMore('2028-07-30', undefined, '2028-08-10');
    // Assess
    expect(more).toMatchObject({ state: 'open', due: '2028-07-30' });
    expect(more.reviews).toHaveLength(1);
    expect(late).toBe('2028-08-24');
    expect(() => reportReviewed(more, { decision: 'accepted' }, 'office@example.org', new Date())).toThrow(
      /kein eingereichter Bericht/,
    );
  });
});

describe('who waits on whom', () => {
  const office = officeParty(profile);

  it('is the office on the applicant while a deadline is open, the applicant on the office once handed in', () => {
    // Prepare
    const open = report('2028-07-30');
    const handedIn = reportSubmitted(open, { course: 'x' }, 'a@example.org', new Date());
    // Act & Assess
    expect(waitingFor(open, office)).toEqual({
      by: { role: 'office', name: profile.office.name },
      on: { role: 'applicant', name: 'Bildungswerk' },
      what: 'Abschlussbericht einreichen',
    });
    expect(waitingFor(handedIn, office).on.role).toBe('office');
  });

  it('lists everything overdue and what is due in the next weeks, soonest first', () => {
    // Prepare
    const item = (id: string, due: string, overdue = false): OverviewItem => ({
      id,
      kind: 'final_report',
      label: 'Abschlussbericht',
      title: id,
      due,
      overdue,
      daysLeft: 0,
      waiting: waitingFor(report(due), office),
      path: '/',
    });
    const items = [
      item('later', '2027-03-01'),
      item('soon', '2026-12-01'),
      item('late', '2026-10-01', true),
      item('final', '2029-01-31'),
    ];
    // Act
    const result = overview(items, '2026-11-23', 4);
    const all = overview(items, '2026-11-23');
    // Assess: four weeks ahead, or every future deadline (a final report in 2029 too)
    expect(result.until).toBe('2026-12-21');
    expect(result.overdue.map((i) => i.id)).toEqual(['late']);
    expect(result.upcoming.map((i) => i.id)).toEqual(['soon']);
    expect(all.until).toBeUndefined();
    expect(all.upcoming.map((i) => i.id)).toEqual(['soon', 'later', 'final']);
  });
});
