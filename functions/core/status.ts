import { formatDate } from './dates.ts';
import type { SketchStatus } from './lifecycle.ts';
import { statusLabels, statusWords } from './messages.de.ts';

/**
 * A sketch's state as people read it. A confirmed approval is `running` from the office's
 * confirmation on, but the project has not begun before its approved start: until then it reads
 * "Bewilligt – beginnt am …". Pure: the caller passes today (a Berlin calendar date).
 */
export function statusText(status: SketchStatus, today: string, startsOn?: string | undefined): string {
  if (status === 'running' && startsOn && startsOn > today) return statusWords.startsOn(formatDate(startsOn));
  return statusLabels[status];
}
