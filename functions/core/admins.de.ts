/*
 * The German texts of the office's access management (Verwaltung → Zugänge): field names in the
 * API's 400s and the reasons of its 409s.
 */
export const adminMessages = {
  email: 'E-Mail-Adresse',
  name: 'Name',
  sessionId: 'Sitzung',
  alreadyAdmin: 'Diese Person steht bereits auf der Liste der Koordinierungsstelle.',
  notAdmin: 'Diese Person steht nicht auf der Liste der Koordinierungsstelle.',
  selfRemoval:
    'Sie können sich nicht selbst von der Liste der Koordinierungsstelle nehmen. Bitten Sie eine andere Person der Koordinierungsstelle darum.',
  lastAdmin:
    'Die letzte Person der Koordinierungsstelle kann nicht entfernt werden: Sonst könnte niemand mehr die Verwaltung öffnen.',
  sessionGone: 'Diese Sitzung besteht nicht mehr (abgemeldet, abgelaufen oder bereits beendet).',
} as const;
