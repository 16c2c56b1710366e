/*
 * The German texts of the office's access management (Verwaltung → Zugänge): field names in the
 * API's 400s and the reasons of its 409s.
 */
export const adminMessages = {
  email: 'E-Mail-Adresse',
  name: 'Name',
  sessionId: 'Sitzung',
  alreadyAdmin: 'Diese Person hat bereits Zugang zur Verwaltung.',
  notAdmin: 'Diese Person hat keinen Zugang zur Verwaltung.',
  selfRemoval:
    'Sie können sich nicht selbst den Zugang zur Verwaltung entziehen. Bitten Sie eine andere Person mit Zugang darum.',
  lastAdmin:
    'Die letzte Person mit Zugang zur Verwaltung kann nicht entfernt werden: Sonst könnte niemand mehr die Verwaltung öffnen.',
  sessionGone: 'Diese Sitzung besteht nicht mehr (abgemeldet, abgelaufen oder bereits beendet).',
} as const;
