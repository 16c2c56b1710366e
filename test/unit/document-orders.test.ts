import { describe, expect, it } from 'vitest';
import { meetingDetails, meetingMinutes } from '../../functions/app/documents.ts';
import type { Meeting } from '../../functions/core/vote.ts';
import type { SketchRecord } from '../../functions/store/sketches.ts';

/*
 * What the minutes are ordered with, from a meeting as the office records it: the invitation date,
 * the chair and the agenda when the record has them, and people by name, never by email address.
 */

const meeting: Meeting = {
  id: 'm-1',
  date: '2026-11-12',
  place: 'Hildesheim',
  attendance: [
    {
      seat: {
        id: 's-1',
        institution: 'IHK Hannover',
        member: { name: 'Ina Kammer', email: 'ina@example.org' },
        deputies: [{ name: 'Jörg Vertreter', email: 'joerg@example.org' }],
      },
      presence: 'deputy',
    },
    {
      seat: {
        id: 's-2',
        institution: 'DGB',
        member: { name: 'Petra Test', email: 'petra@example.org' },
        deputies: [],
      },
      presence: 'absent',
    },
  ],
  decisions: [
    {
      sketchId: 'k-1',
      result: 'endorsed',
      counts: { approve: 1, object: 0, abstain: 0 },
      recusedSeatIds: ['s-2'],
    },
  ],
  recordedBy: 'office@example.org',
  recordedAt: '2026-11-12T15:00:00.000Z',
};
const sketches = [{ id: 'k-1', title: 'Pflege', organisation: 'Bildungswerk' } as SketchRecord];

describe('the minutes’ order', () => {
  it('names people by name and leaves the recorder’s email address out', () => {
    // Act
    const { order, head } = meetingMinutes(meeting, sketches);
    // Assess
    expect(head.fileName).toBe('Sitzungsprotokoll-2026-11-12.pdf');
    expect(order).toMatchObject({
      kind: 'minutes',
      input: {
        attendance: [
          { institution: 'IHK Hannover', presence: 'deputy', name: 'Jörg Vertreter' },
          { institution: 'DGB', presence: 'absent', name: 'Petra Test' },
        ],
        decisions: [{ title: 'Pflege', applicant: 'Bildungswerk', decision: 'endorsed', recused: ['DGB'] }],
      },
    });
    expect(JSON.stringify(order)).not.toContain('@');
  });

  it('takes invitation date, chair and agenda from the meeting when it has them, and leaves out empty ones', () => {
    // Prepare
    const detailed = {
      ...meeting,
      invitedOn: '2026-10-29',
      chair: ' Dr. Erika Vorsitz ',
      agenda: [
        { title: 'Begrüßung' },
        { title: 'Skizze Pflege', sketchId: 'k-1', note: 'Vorgestellt.' },
        { title: '  ' },
      ],
    };
    // Act
    const details = meetingDetails(detailed);
    const none = meetingDetails(meeting);
    // Assess
    expect(details).toEqual({
      invitedOn: '2026-10-29',
      chair: 'Dr. Erika Vorsitz',
      agenda: [{ title: 'Begrüßung' }, { title: 'Skizze Pflege', sketchId: 'k-1', note: 'Vorgestellt.' }],
    });
    expect(none).toEqual({});
    expect(meetingMinutes(detailed, sketches).order).toMatchObject({ input: details });
  });
});
