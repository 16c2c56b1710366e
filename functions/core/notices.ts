import { addDays, berlinDate, berlinOffsetMinutes, startOfDayBerlin } from './dates.ts';

/*
 * How the office hears of submissions and resubmissions (issue 15, item 6): a mail for each, or a
 * daily digest, the office's choice (stored in the table; default: each).
 */

export const submissionNoticeModes = ['each', 'digest'] as const;
export type SubmissionNoticeMode = (typeof submissionNoticeModes)[number];

/** The hour (Berlin) at which the daily digest goes out. */
export const digestHour = 7;

/** When a submission at `at` goes out in the digest: at the next `digestHour` o'clock in Berlin. */
export function nextDigestAt(at: Date): Date {
  const hourAt = (day: string) => {
    const midnight = startOfDayBerlin(day);
    // The hour on the wall clock, also on the days the clock changes.
    const shift =
      (berlinOffsetMinutes(midnight) -
        berlinOffsetMinutes(new Date(midnight.getTime() + digestHour * 3_600_000))) *
      60_000;
    return new Date(midnight.getTime() + digestHour * 3_600_000 + shift);
  };
  const today = berlinDate(at);
  const due = hourAt(today);
  return due > at ? due : hourAt(addDays(today, 1));
}
