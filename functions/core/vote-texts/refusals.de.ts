/** The core's refusals of a vote action (core/vote.ts): each with its conflict code there. */
export const deadlinePast = (date: string) => `Frist: Der ${date} liegt in der Vergangenheit.`;
export const noSeat = 'Dieser Sitz gehört nicht zu dieser Abstimmung.';
export const closedUntil = (date: string) =>
  `Die Abstimmung ist beendet (Frist: ${date}). Stimmen können nicht mehr abgegeben oder geändert werden.`;
export const closed = 'Die Abstimmung ist beendet.';
export const noSketch = 'Über diese Skizze wird in dieser Abstimmung nicht entschieden.';
export const handedToDeputy =
  'Die Stimme dieses Sitzes ist an die Stellvertretung übergeben; nur sie kann jetzt abstimmen.';
export const memberOnly =
  'Nur das Mitglied kann für diesen Sitz abstimmen, solange es die Stimme nicht übergeben hat.';
export const recused = 'Dieser Sitz ist bei dieser Skizze befangen und stimmt nicht ab.';
export const reasonMissing = 'Begründung: Bitte begründen Sie Ihren Einwand.';
export const handOverMemberOnly = 'Nur das Mitglied kann seine Stimme übergeben.';
export const noDeputy = 'Für diesen Sitz ist keine Stellvertretung benannt.';
export const alreadyHanded = 'Die Stimme ist bereits übergeben.';
export const takeBackMemberOnly = 'Nur das Mitglied kann die Stimme zurücknehmen.';
export const notHanded = 'Die Stimme ist nicht übergeben.';
export const deputyVoted =
  'Die Stellvertretung hat bereits abgestimmt; die Stimme kann nicht mehr zurückgenommen werden.';
export const recuseHolderOnly = 'Nur wer die Stimme des Sitzes hält, kann die Befangenheit erklären.';
export const alreadyRecused = 'Die Befangenheit ist bereits erklärt.';
export const becauseMissing = 'Anlass: Bitte angeben, warum Sie für den Sitz handeln (z. B. „per Telefon“).';
export const deputiesNoVote = 'Stellvertretungen haben nach der Geschäftsordnung kein Stimmrecht.';
export const notADeputy = 'Stellvertretung: Diese Person ist für den Sitz nicht als Stellvertretung benannt.';
export const whichDeputy = 'Stellvertretung: Der Sitz hat mehrere Stellvertretungen; bitte eine wählen.';
export const unknownCriterion = (id: string) => `Kriterium „${id}“ gibt es nicht.`;
export const criterionTwice = (id: string) => `Kriterium „${id}“ ist doppelt angegeben.`;
export const criteriaAboveCap = (names: readonly string[]) =>
  `Kriterien: Die Skizze liegt über der Kostenobergrenze; dann sind alle Kriterien besonders zu berücksichtigen. Bitte bewerten: ${names.join('; ')}.`;
export const unknownSeat = (id: string) => `Anwesenheit: Den Sitz ${id} gibt es nicht.`;
export const seatTwice = (id: string) => `Anwesenheit: Der Sitz ${id} ist doppelt angegeben.`;
export const meetingNoDeputy =
  'Anwesenheit: Ein Sitz ohne Stellvertretung kann nicht durch sie vertreten sein.';
export const recusedUnknown = (id: string) => `Befangene Sitze: Der Sitz ${id} gehört nicht zur Sitzung.`;
export const tooManyVotes = (votes: number, present: number) =>
  `Zustimmungen, Einwände und Enthaltungen (zusammen ${votes}) sind mehr als anwesende, nicht befangene Sitze (${present}).`;
