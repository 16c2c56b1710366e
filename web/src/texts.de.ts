/*
 * The portal's own German texts that every page may show (header, footer, sign-in prompt, errors,
 * the sketch pages' frames). Each feature keeps the rest in a catalogue of its own beside its code, so
 * a page loads only its texts. Field labels, status names and the API's messages come from the shared
 * catalogue (functions/core/messages.de.ts).
 */
import type { ProfileNames } from '../../functions/core/profile.ts';

export const texts = {
  /** Stand-ins while the profile's names load: they name no alliance's own body. */
  neutralNames: {
    alliance: {
      name: 'Fachkräftebündnis',
      gender: 'neuter',
      nominative: 'das Fachkräftebündnis',
      accusative: 'das Fachkräftebündnis',
      dative: 'dem Fachkräftebündnis',
      genitive: 'des Fachkräftebündnisses',
    },
    decisionBody: {
      name: 'Entscheidungsgremium',
      gender: 'neuter',
      nominative: 'das Entscheidungsgremium',
      accusative: 'das Entscheidungsgremium',
      dative: 'dem Entscheidungsgremium',
      genitive: 'des Entscheidungsgremiums',
    },
    office: {
      name: 'Koordination',
      gender: 'feminine',
      nominative: 'die Koordination',
      accusative: 'die Koordination',
      dative: 'der Koordination',
      genitive: 'der Koordination',
    },
    bank: {
      name: 'Förderbank',
      gender: 'feminine',
      nominative: 'die Förderbank',
      accusative: 'die Förderbank',
      dative: 'der Förderbank',
      genitive: 'der Förderbank',
    },
  } satisfies ProfileNames,
  portal: {
    name: 'Votum',
    tagline: 'Portal für Fachkräfteprojekte',
    skipLink: 'Zum Inhalt springen',
    mainNav: 'Hauptnavigation',
    signedInAs: 'Angemeldet als',
    signOut: 'Abmelden',
    signingOut: 'Abmelden …',
    newSketch: 'Neue Projektskizze',
    mySketches: 'Meine Skizzen',
    votes: 'Abstimmungen',
    admin: 'Verwaltung',
    local: 'Skizzen meiner Teilräume',
    footer: (n: ProfileNames) =>
      `${n.alliance.name} – Projektskizzen, Votum ${n.decisionBody.genitive} und Fristen an einem Ort.`,
    footerNote: (n: ProfileNames) =>
      `Fragen zum Verfahren beantwortet ${n.office.nominative} ${n.alliance.genitive}.`,
    documentTitle: (page: string) => `${page} – Votum`,
    /** The footer's links to the legal pages, and the download of one's own data (Art. 15, 20 DSGVO). */
    footerNav: 'Rechtliches',
    myData: 'Meine Daten herunterladen',
  },
  prompt: {
    heading: 'Bitte melden Sie sich an',
    text: 'Diese Seite steht nur angemeldeten Personen zur Verfügung.',
    link: 'Zur Anmeldung',
    linkNewWindow: 'Erneut anmelden (öffnet ein neues Fenster)',
  },
  sketch: {
    loading: 'Die Projektskizze wird geladen …',
  },
  editSketch: {
    title: 'Projektskizze bearbeiten',
    notEditable: {
      heading: 'Diese Skizze ist eingereicht',
      text: 'Die Skizze wurde inzwischen eingereicht und kann nicht mehr bearbeitet werden. Ihre letzten Änderungen in diesem Fenster wurden nicht gespeichert.',
      submittedText: 'Eine eingereichte Skizze kann nicht mehr bearbeitet werden.',
      link: 'Zur eingereichten Skizze',
    },
  },
  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Diese Adresse gibt es im Portal nicht. Vielleicht ist der Link veraltet oder unvollständig.',
    home: 'Zur Startseite',
  },
  error: {
    network:
      'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    chunk: 'Dieser Teil des Portals konnte nicht geladen werden. Bitte laden Sie die Seite neu.',
    busy: 'Das Portal ist gerade stark ausgelastet. Bitte versuchen Sie es in einer Minute erneut.',
    loading: 'Wird geladen …',
  },
} as const;
