import { formatDateTime } from './dates.ts';
import type { TrailBreak } from './trail.ts';

/* The German words of the trail's check (core/trail.ts): on the admin pages (trailTexts) and in its CSV export (trailCsv). */

export const trailBreaks: Record<TrailBreak, string> = {
  unchained: 'trägt keine Prüfsumme (geschrieben vor der Verkettung und nicht nachgetragen)',
  altered: 'wurde nach dem Schreiben verändert',
  link: 'passt nicht zu seinem Vorgänger: der Vorgänger wurde verändert oder ersetzt',
  missing: 'steht nicht an seiner Stelle: ein Eintrag davor fehlt oder ist doppelt',
  head: 'ist nicht der zuletzt geschriebene: Einträge am Ende fehlen oder sind hinzugekommen',
};

export const trailTexts = {
  heading: 'Prüfung des Protokolls',
  intro:
    'Jeder Eintrag des Protokolls trägt die Prüfsumme (SHA-256) seines Vorgängers. Die Prüfung rechnet die Kette nach.',
  check: 'Protokoll prüfen',
  checking: 'Das Protokoll wird geprüft …',
  failed: 'Die Prüfung konnte nicht ausgeführt werden. Bitte später erneut versuchen.',
  download: 'Protokoll mit Prüfsummen (CSV)',
  unchanged: (length: number) =>
    `Protokoll geprüft: unverändert (${length} ${length === 1 ? 'Eintrag' : 'Einträge'}).`,
  broken: (position: number, at: string | undefined, reason: TrailBreak) =>
    `Protokoll geprüft: verändert! Eintrag ${position}${at ? ` vom ${formatDateTime(at)}` : ''} ${trailBreaks[reason]}.`,
} as const;

/** The trail's CSV export: apart from the page's texts, which the export's bundles do not keep. */
export const trailCsv = {
  /** The columns: enough to recompute each hash without us. */
  header: {
    position: 'Position',
    at: 'Zeitpunkt',
    prevHash: 'Prüfsumme des Vorgängers',
    hash: 'Prüfsumme (SHA-256)',
    form: 'Geprüfte Form (JSON, Felder nach Namen sortiert, ohne Leerraum, ohne „hash“)',
    check: 'Ergebnis der Prüfung',
  },
  rowOk: 'unverändert',
  /** Download file names (ASCII). */
  fileNames: { sketch: 'Protokoll-Skizze', vote: 'Protokoll-Abstimmung' },
} as const;
