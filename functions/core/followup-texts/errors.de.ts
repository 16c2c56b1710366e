/** What the follow-up's handlers and its application layer answer when they refuse. */
export const alreadyConfirmed = 'Die Förderentscheidung ist bereits bestätigt.';
export const notAReport = 'Das ist kein Bericht.';
export const reportAccepted = 'Dieser Bericht ist bereits angenommen.';
export const reportNotExpected = 'Dieser Bericht wird nicht mehr erwartet.';
export const noReportToReview = 'Es liegt kein eingereichter Bericht zur Prüfung vor.';
export const notYours = 'Diese Projektskizze gibt es nicht, oder Sie dürfen sie nicht sehen.';
export const unknownDeadline = 'Diese Frist gibt es bei diesem Projekt nicht.';
export const attachFundingDecision =
  'Anhang: Bitte laden Sie zuerst die Kopie des Bescheids hoch und wählen Sie sie aus.';
export const attachReport = 'Anhang: Bitte laden Sie zuerst den Bericht hoch und wählen Sie ihn aus.';
export const changedElsewhere =
  'Die Angaben wurden gerade an anderer Stelle geändert. Bitte laden Sie die Seite neu.';
export const notReported = 'Es ist keine Förderentscheidung gemeldet, die bestätigt werden könnte.';
export const notConfirmed = 'Das Projekt hat keine bestätigte Bewilligung.';
export const calendarChanged = 'Der Kalender wurde gerade an anderer Stelle geändert. Bitte laden Sie neu.';
export const unknownCalendar = 'Diesen Kalender gibt es nicht (mehr).';
