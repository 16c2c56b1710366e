/* The meeting cycle's fields and what its routes refuse (core/meetings.ts). */
export const meetingPlanLabels = {
  plan: 'Geplante Sitzung',
  date: 'Sitzungstermin',
  deadline: 'Einreichungsfrist',
  place: 'Ort',
  meetings: 'Sitzungen',
} as const;

const l = meetingPlanLabels;
// A text that names a label is a function: as a template of a live object's property, esbuild would
// keep it (and the whole object) in every bundle that imports this module, read or not.
export const meetingPlanMessages = {
  date: (field: string) => `${field}: Bitte ein Datum angeben.`,
  validDate: (field: string) => `${field}: Dieses Datum gibt es nicht.`,
  placeTooLong: () => `${l.place}: Bitte höchstens 200 Zeichen eingeben.`,
  placeNotText: () => `${l.place}: Bitte als Text angeben.`,
  meetings: () => `${l.meetings}: Bitte ein bis zwölf Sitzungen angeben.`,
  deadlineNotBefore: () => `${l.deadline}: Die Frist muss vor dem Sitzungstermin liegen.`,
  unknownPlan: () => `${l.plan}: Diese Sitzung ist nicht geplant.`,
  alreadyInvited: 'Zu dieser Sitzung ist bereits eingeladen worden.',
  noSeats: 'Es gibt keine aktiven Sitze, die eingeladen werden könnten.',
} as const;
