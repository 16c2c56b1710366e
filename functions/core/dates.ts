/**
 * Calendar dates ("2028-12-31") and deadlines in Europe/Berlin. A date is due at the end of that
 * day in Berlin (DOMAIN.md). Pure: "now" is always passed in.
 */
export type IsoDate = `${number}-${number}-${number}`;

/** A date's year, month and day; undefined when it is not written as one. */
function partsOf(date: string): [number, number, number] | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function parts(date: string): [number, number, number] {
  const found = partsOf(date);
  if (!found) throw new RangeError(`not a calendar date: ${date}`);
  return found;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fromParts = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}` as IsoDate;

export function isValidDate(date: string): boolean {
  const found = partsOf(date);
  if (!found) return false;
  const [y, m, d] = found;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days from `from` to `to` (calendar dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = parts(date);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/*
 * Berlin's clock follows the EU summer-time rule (Directive 2000/84/EC): CEST, UTC+2, from the last
 * Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC; CET, UTC+1, otherwise.
 * Written out rather than asked of Intl: the first Intl object of a process loads ICU's data (about
 * 16 ms), which every cold start that reads a date would pay. test/unit/money-dates.test.ts checks
 * it against Intl's Europe/Berlin for instants from 1996 to 2100, so should the rule change in the
 * runtime's time-zone data, the tests fail.
 */
const lastSundayAt1Utc = (year: number, month: number): number => {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
};

/** Berlin's offset from UTC in minutes at the instant `at` (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(at: Date): number {
  const year = at.getUTCFullYear();
  const t = at.getTime();
  return t >= lastSundayAt1Utc(year, 2) && t < lastSundayAt1Utc(year, 9) ? 120 : 60;
}

/** The wall clock in Berlin at `at`: a Date whose UTC fields read Berlin's date and time. */
const berlinWallClock = (at: Date) => new Date(at.getTime() + berlinOffsetMinutes(at) * 60_000);

/** The calendar date in Berlin at the instant `at`. */
export function berlinDate(at: Date): IsoDate {
  const wall = berlinWallClock(at);
  return fromParts(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
}

/** The time of day in Berlin at the instant `at`, "14:05". */
export function berlinTimeOfDay(at: Date): string {
  const wall = berlinWallClock(at);
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** The instant midnight starts `date` in Berlin. */
export function startOfDayBerlin(date: string): Date {
  const [y, m, d] = parts(date);
  const guess = Date.UTC(y, m - 1, d);
  // The offset at midnight local time; checking twice handles the days the clocks change.
  const first = guess - berlinOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess - berlinOffsetMinutes(new Date(first)) * 60_000);
}

/** The deadline of a date: the end of that day in Berlin (the first instant after it). */
export function dueAt(date: string): Date {
  return startOfDayBerlin(addDays(date, 1));
}

/** Whether `date` is over at `now` (due dates count until the end of their day in Berlin). */
export function isOverdue(date: string, now: Date): boolean {
  return now.getTime() >= dueAt(date).getTime();
}

export function addDays(date: string, days: number): IsoDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fromParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Adds calendar months; a day that the target month lacks becomes its last day (31.01. + 1 → 28./29.02.). */
export function addMonths(date: string, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * The runtime in months from start to end, both days included, counting a started month as a
 * whole one: 01.01.2026–31.12.2028 is 36 months, 15.01.2026–14.01.2029 is 36, 15.01.2026–15.01.2029 is 37.
 */
export function runtimeMonths(start: string, end: string): number {
  const after = addDays(end, 1);
  const [y1, m1] = parts(start);
  const [y2, m2] = parts(after);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (addMonths(start, months) < after) months += 1;
  else if (months > 0 && addMonths(start, months - 1) >= after) months -= 1;
  return months;
}

/** "2028-12-31" → "31.12.2028". */
export function formatDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${pad(d)}.${pad(m)}.${pad(y, 4)}`;
}

/** The years a runtime touches, for cost lines by year. */
export function yearsOf(start: string, end: string): number[] {
  const first = parts(start)[0];
  const last = parts(end)[0];
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** German formats for what people read: "31.12.2028, 14:05 Uhr" (Berlin time). */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  return `${formatDate(berlinDate(at))}, ${berlinTimeOfDay(at)} Uhr`;
}
