import { addDays } from './dates.ts';

/*
 * The meeting cycle of the decision body (issue 15, item 5): the office plans meetings, each with
 * the submission deadline before it; the invitation carries the agenda (the sketches ready for a
 * decision and in by the deadline) and the dossier (all of them as one PDF). Pure.
 */

export interface AgendaSketch {
  sketchId: string;
  title: string;
  organisation: string;
}

export interface MeetingPlan {
  id: string;
  date: string;
  place?: string | undefined;
  /** Sketches submitted by the end of this day (Berlin) are on the agenda. */
  submissionDeadline: string;
  plannedBy: string;
  plannedAt: string;
  invitation?:
    | { sentAt: string; sentBy: string; agenda: AgendaSketch[]; dossierId: string; recipients: number }
    | undefined;
}

/** What a plan needs: a deadline before the meeting. Answers the problems by field. */
export function planProblems(plan: Pick<MeetingPlan, 'date' | 'submissionDeadline'>): 'deadlineNotBefore'[] {
  return plan.submissionDeadline < plan.date ? [] : ['deadlineNotBefore'];
}

/**
 * Dates for a year of meetings at the profile's rhythm, for the office to adjust: `perYear`
 * meetings spread over the year (two: in March and September), each on the 15th.
 */
export function suggestedMeetings(
  year: number,
  rhythm: { perYear: number; submissionDaysBefore: number },
): { date: string; submissionDeadline: string }[] {
  const step = 12 / rhythm.perYear;
  return Array.from({ length: rhythm.perYear }, (_, i) => {
    const month = Math.floor(2 + i * step) + 1;
    const date = `${year}-${String(month).padStart(2, '0')}-15`;
    return { date, submissionDeadline: addDays(date, -rhythm.submissionDaysBefore) };
  });
}

/** A sketch as the agenda looks at it. */
export interface AgendaCandidate extends AgendaSketch {
  status: string;
  /** Its (last) submission day (Berlin). */
  submittedOn?: string | undefined;
}

/** The states whose sketches await a decision: ready, or deferred to the next round by a Votum. */
export const agendaStatuses = ['ready_for_vote', 'deferred'] as const;

/** The agenda: the sketches awaiting a decision and submitted by the deadline, oldest submission first. */
export function agendaOf(candidates: readonly AgendaCandidate[], deadline: string): AgendaSketch[] {
  return candidates
    .filter(
      (c) =>
        (agendaStatuses as readonly string[]).includes(c.status) &&
        c.submittedOn !== undefined &&
        c.submittedOn <= deadline,
    )
    .sort(
      (a, b) => (a.submittedOn ?? '').localeCompare(b.submittedOn ?? '') || a.title.localeCompare(b.title),
    )
    .map(({ sketchId, title, organisation }) => ({ sketchId, title, organisation }));
}

/** A year without the meetings the rhythm asks for: the office sees a note. */
export function yearsShort(
  plans: readonly Pick<MeetingPlan, 'date'>[],
  perYear: number,
): { year: number; planned: number }[] {
  const counts = new Map<number, number>();
  for (const p of plans)
    counts.set(Number(p.date.slice(0, 4)), (counts.get(Number(p.date.slice(0, 4))) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n < perYear)
    .map(([year, planned]) => ({ year, planned }))
    .sort((a, b) => a.year - b.year);
}
