import type { Person } from '../../../../functions/core/vote.ts';
import { voteTexts } from './texts.de.ts';
import './votes.css';

/* What the steering group's pages share beyond the kit (web/src/lib): people and times as shown. */

export const person = (p: Person | undefined) =>
  p ? voteTexts.common.person(p.name, p.email) : voteTexts.common.none;

/** A local time "14:32:05" for "Stand: … Uhr". */
export const clockTime = (at: Date) =>
  at.toLocaleTimeString('de-DE', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Europe/Berlin',
  });
