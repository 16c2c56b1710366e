import { formatDate, formatDateTime } from '../core/dates.ts';
import { formatEuro } from '../core/money.ts';
import { capitalised } from '../core/names.ts';
import { legalPages } from '../core/privacy.de.ts';
import { processTexts, stepsAfterSubmission } from '../core/process.de.ts';
import type { AllianceProfile, ProseProfile } from '../core/profile.ts';
import type { Sketch } from '../core/sketch-full.ts';
import { type RecordSection, sketchRecord } from '../core/sketch-record.ts';
import { config } from '../platform/config.ts';
import { escapeHtml } from './format.ts';

/** A mail as the outbox stores it: German, plain text and HTML. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

function layout(
  profile: AllianceProfile,
  portal: string,
  title: string,
  paragraphs: string[],
  rows?: [string, string][],
): string {
  const table = rows
    ? `<table role="presentation" cellpadding="6" style="border-collapse:collapse">${rows
        .map(
          ([k, v]) =>
            `<tr><th align="left" valign="top">${escapeHtml(k)}</th><td>${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:sans-serif;line-height:1.5;max-width:40em">
<h1 style="font-size:1.3em">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
${table}
<p style="color:#555;font-size:.9em">${escapeHtml(profile.name)} · ${escapeHtml(profile.office.name)} · ${escapeHtml(profile.office.email)}</p>
<p style="color:#555;font-size:.9em">${legalLinks(portal)
    .map(({ label, href }) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`)
    .join(' · ')}</p>
</body></html>`;
}

/**
 * The legal pages on the portal (every mail links them, as every page does): on the portal the
 * mail's own link leads to, or, where that link is sealed until sending (outbox `linkSlot`), on
 * the configured public address.
 */
const legalLinks = (portal: string) => {
  const origin = URL.canParse(portal) ? new URL(portal).origin : new URL(config().PUBLIC_URL).origin;
  return legalPages.map(({ label, path }) => ({ label, href: `${origin}${path}` }));
};

function footer(profile: AllianceProfile, portal: string): string {
  const legal = legalLinks(portal)
    .map(({ label, href }) => `${label}: ${href}`)
    .join('\n');
  return `\n-- \n${profile.name}\n${profile.office.name}\n${profile.office.email}\n\n${legal}\n`;
}

export function signInLinkMail(profile: AllianceProfile, link: string, validUntil: Date): MailContent {
  const until = formatDateTime(validUntil.toISOString());
  const subject = `Ihr Anmeldelink für das Portal ${profile.names.alliance.genitive}`;
  const text = `Guten Tag,

mit diesem Link melden Sie sich im Portal ${profile.names.alliance.genitive} an:

${link}

Der Link gilt bis ${until} und nur für eine Anmeldung. Wenn Sie keinen Link angefordert haben, können Sie diese E-Mail ignorieren.
${footer(profile, link)}`;
  const html = layout(profile, link, subject, [
    'Guten Tag,',
    `mit diesem Link melden Sie sich im Portal ${escapeHtml(profile.names.alliance.genitive)} an:`,
    `<a href="${escapeHtml(link)}">Jetzt anmelden</a>`,
    `Der Link gilt bis ${escapeHtml(until)} und nur für eine Anmeldung. Wenn Sie keinen Link angefordert haben, können Sie diese E-Mail ignorieren.`,
  ]);
  return { subject, text, html };
}

function sectionsHtml(sections: RecordSection[]): string {
  return sections
    .map(
      (section) =>
        `<h2 style="font-size:1.1em">${escapeHtml(section.title)}</h2><table role="presentation" cellpadding="6" style="border-collapse:collapse">${section.rows
          .map(
            ([k, v]) =>
              `<tr><th align="left" valign="top">${escapeHtml(k)}</th><td>${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`,
          )
          .join('')}</table>`,
    )
    .join('\n');
}

function sectionsText(sections: RecordSection[]): string {
  return sections
    .map((section) => `${section.title}\n\n${section.rows.map(([k, v]) => `${k}:\n${v}`).join('\n\n')}`)
    .join('\n\n');
}

/** A short mail about one sketch: a greeting, what happened, what to do, the link. */
function sketchNotice(
  profile: AllianceProfile,
  subject: string,
  paragraphs: string[],
  link: { href: string; text: string },
): MailContent {
  const text = `Guten Tag,

${paragraphs.join('\n\n')}

${link.text}: ${link.href}
${footer(profile, link.href)}`;
  const html = layout(profile, link.href, subject, [
    'Guten Tag,',
    ...paragraphs.map((p) => escapeHtml(p).replace(/\n/g, '<br>')),
    `<a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>`,
  ]);
  return { subject, text, html };
}

export function draftCreatedMail(profile: AllianceProfile, link: string): MailContent {
  return sketchNotice(
    profile,
    `Ihr Entwurf einer Projektskizze für ${profile.names.alliance.accusative}`,
    [
      'Sie haben im Portal eine Projektskizze begonnen. Ihr Entwurf wird beim Schreiben automatisch gespeichert.',
      'Über den Link unten können Sie jederzeit weiterarbeiten, auch auf einem anderen Gerät. Sie melden sich dabei mit Ihrer E-Mail-Adresse an.',
    ],
    { href: link, text: 'Am Entwurf weiterarbeiten' },
  );
}

/** The confirmation with the full record, so the applicant holds a copy of what was submitted. */
export function sketchSubmittedMail(
  profile: ProseProfile,
  sketch: Sketch,
  submission: { n: number; at: string },
  link: string,
): MailContent {
  const sections = sketchRecord(sketch, profile);
  const again = submission.n > 1 ? ` (Fassung ${submission.n})` : '';
  const subject = `Projektskizze eingereicht${again}: ${sketch.project.title}`;
  const intro = `vielen Dank: Ihre Projektskizze${again} ist am ${formatDateTime(submission.at)} bei ${profile.names.office.dative} ${profile.names.alliance.genitive} eingegangen. Sie prüft die Skizze auf Vollständigkeit und meldet sich bei Ihnen. Unten finden Sie Ihre Angaben, wie Sie sie eingereicht haben.`;
  // The alliance's own steps from here on (profile `process.steps`).
  const next = stepsAfterSubmission(profile);
  const text = `Guten Tag,

${intro}

${processTexts.nextHeading}:
${next.map((step, i) => `${i + 1}. ${step}`).join('\n')}

Ihre Skizze im Portal: ${link}

${sectionsText(sections)}
${footer(profile, link)}`;
  const html = layout(profile, link, subject, [
    'Guten Tag,',
    escapeHtml(intro),
    `${escapeHtml(processTexts.nextHeading)}:</p><ol>${next.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol><p>`,
    `<a href="${escapeHtml(link)}">Ihre Skizze im Portal</a>`,
    sectionsHtml(sections),
  ]);
  return { subject, text, html };
}

export function sketchReturnedMail(
  profile: AllianceProfile,
  title: string,
  note: string,
  link: string,
): MailContent {
  return sketchNotice(
    profile,
    `Bitte überarbeiten: ${title}`,
    [
      `${profile.names.office.nominative} ${profile.names.alliance.genitive} hat Ihre Projektskizze „${title}“ geprüft und bittet Sie, sie zu überarbeiten:`,
      note,
      'Bitte passen Sie die Skizze im Portal an und reichen Sie sie erneut ein.',
    ],
    { href: link, text: 'Skizze überarbeiten' },
  );
}

export function sketchAcceptedMail(profile: AllianceProfile, title: string, link: string): MailContent {
  return sketchNotice(
    profile,
    `Vollständig und bereit zur Abstimmung: ${title}`,
    [
      `Ihre Projektskizze „${title}“ ist vollständig. ${capitalised(profile.names.office.nominative)} legt sie ${profile.names.decisionBody.dative} zur Abstimmung vor.`,
      `Sie erhalten das Votum ${profile.names.decisionBody.genitive} per E-Mail.`,
    ],
    { href: link, text: 'Ihre Skizze im Portal' },
  );
}

export function sketchWithdrawnMail(
  profile: AllianceProfile,
  title: string,
  by: 'applicant' | 'admin',
  reason: string | undefined,
  link: string,
): MailContent {
  const who = by === 'admin' ? `${capitalised(profile.names.office.nominative)} hat` : 'Sie haben';
  return sketchNotice(
    profile,
    `Projektskizze zurückgezogen: ${title}`,
    [
      `${who} die Projektskizze „${title}“ zurückgezogen. Sie wird ${profile.names.decisionBody.dative} nicht vorgelegt.`,
      ...(reason ? [`Begründung: ${reason}`] : []),
    ],
    { href: link, text: 'Ihre Skizze im Portal' },
  );
}

/**
 * A local alliance's statement on a sketch (contract/local.ts), to its applicant and to the office:
 * the same words to both, the link to each one's view of the sketch.
 */
export function localStatementMail(
  profile: AllianceProfile,
  statement: { title: string; alliance: string; verdict: string; note: string },
  link: string,
): MailContent {
  const { title, alliance, verdict, note } = statement;
  return sketchNotice(
    profile,
    `Stellungnahme der lokalen Allianz: ${title}`,
    [
      `${alliance} hat zur Projektskizze „${title}“ Stellung genommen: ${verdict}.`,
      ...(note ? [`Anmerkung: ${note}`] : []),
      `Die Stellungnahme liegt ${profile.names.decisionBody.dative} mit der Skizze vor.`,
    ],
    { href: link, text: 'Die Skizze im Portal' },
  );
}

export interface VoteMailSketch {
  title: string;
  organisation: string;
  summary: string;
  costCents: number;
  esfCents: number;
}

function sketchList(sketches: VoteMailSketch[]): string {
  return sketches
    .map(
      (s, i) =>
        `${i + 1}. ${s.title} (${s.organisation})\n   Gesamtkosten ${formatEuro(s.costCents)}, davon ESF ${formatEuro(s.esfCents)}\n   ${s.summary}`,
    )
    .join('\n\n');
}

/** The invitation to a circulation vote, with a link that signs the seat's holder in. */
/** What a vote mail's link does a second time, on the same device and on another. */
const linkOnce =
  'Der Link meldet Sie einmal an. Auf dem Gerät, auf dem Sie sich damit angemeldet haben, öffnet er die Abstimmung auch später wieder; auf einem anderen Gerät fordern Sie auf der Startseite des Portals einen neuen Anmeldelink an.';

export function voteOpenedMail(
  profile: AllianceProfile,
  vote: { institution: string; deadline: string; asDeputy: boolean; extended?: boolean },
  sketches: VoteMailSketch[],
  link: string,
): MailContent {
  const subject = vote.extended
    ? `Frist verlängert bis ${formatDate(vote.deadline)}: Umlaufverfahren ${profile.names.decisionBody.genitive}`
    : `Umlaufverfahren ${profile.names.decisionBody.genitive}: bitte bis ${formatDate(vote.deadline)} abstimmen`;
  const paragraphs = [
    vote.extended
      ? `die Frist des Umlaufverfahrens ${profile.names.decisionBody.genitive} ist bis zum ${formatDate(vote.deadline)} verlängert.`
      : `${profile.names.office.nominative} ${profile.names.alliance.genitive} legt ${profile.names.decisionBody.dative} im Umlaufverfahren ${sketches.length === 1 ? 'eine Projektskizze' : `${sketches.length} Projektskizzen`} vor. Bitte stimmen Sie für den Sitz „${vote.institution}“ bis zum ${formatDate(vote.deadline)} (24 Uhr) ab: Zustimmung, Einwand (mit Begründung) oder Enthaltung.`,
    ...(vote.asDeputy
      ? ['Das Mitglied hat die Stimme des Sitzes an Sie als Stellvertretung übergeben.']
      : []),
    sketchList(sketches),
    'Der Link meldet Sie an und führt zu den vollständigen Skizzen. Sind Sie bei einer Skizze befangen, erklären Sie das dort; dann stimmen Sie über sie nicht ab.',
    linkOnce,
  ];
  return sketchNotice(profile, subject, paragraphs, { href: link, text: 'Zur Abstimmung' });
}

export function voteReminderMail(
  profile: AllianceProfile,
  vote: { institution: string; deadline: string },
  pending: VoteMailSketch[],
  link: string,
): MailContent {
  return sketchNotice(
    profile,
    `Erinnerung: Umlaufverfahren endet am ${formatDate(vote.deadline)}`,
    [
      `für den Sitz „${vote.institution}“ fehlt noch Ihre Stimme zu ${pending.length === 1 ? 'dieser Skizze' : 'diesen Skizzen'}:`,
      sketchList(pending),
      `Die Abstimmung endet am ${formatDate(vote.deadline)} um 24 Uhr.`,
      linkOnce,
    ],
    { href: link, text: 'Zur Abstimmung' },
  );
}

export function voteClosedMail(profile: AllianceProfile, lines: string[], link: string): MailContent {
  return sketchNotice(
    profile,
    'Umlaufverfahren beendet: Ergebnis',
    [
      `das Umlaufverfahren ${profile.names.decisionBody.genitive} ist beendet. Das Ergebnis:`,
      lines.join('\n'),
      'Bitte schreiben Sie nun das Votum je Skizze.',
    ],
    { href: link, text: 'Zum Ergebnis' },
  );
}

export function votumMail(
  profile: AllianceProfile,
  title: string,
  decision: 'endorsed' | 'not_endorsed' | 'deferred',
  link: string,
): MailContent {
  const words = {
    endorsed: `befürwortet Ihre Projektskizze. Bitte fügen Sie das Votum (PDF im Anhang) Ihrem Förderantrag bei ${profile.names.bank.dative} bei und melden Sie die Förderentscheidung anschließend im Portal.`,
    not_endorsed: 'befürwortet Ihre Projektskizze nicht. Die Begründung finden Sie im Votum (PDF im Anhang).',
    deferred:
      'hat die Entscheidung über Ihre Projektskizze zurückgestellt; sie wird in einer der nächsten Runden erneut beraten. Die Gründe finden Sie im Votum (PDF im Anhang).',
  }[decision];
  return sketchNotice(
    profile,
    `Votum ${profile.names.decisionBody.genitive}: ${title}`,
    [`${profile.names.decisionBody.nominative} ${words}`],
    {
      href: link,
      text: 'Ihre Skizze im Portal',
    },
  );
}

// ---- After the Votum: funding decision, reports, reminders, the office's digest -------------------

export function fundingReportedMail(
  profile: AllianceProfile,
  project: { title: string; organisation: string },
  lines: string[],
  differences: string[],
  link: string,
): MailContent {
  return sketchNotice(
    profile,
    `Förderentscheidung gemeldet: ${project.title}`,
    [
      `${project.organisation || 'Der Projektträger'} hat die Förderentscheidung ${profile.names.bank.genitive} zum Projekt „${project.title}“ gemeldet:`,
      lines.join('\n'),
      ...(differences.length ? ['Abweichungen von der Skizze:', differences.join('\n')] : []),
      'Bitte prüfen Sie die Angaben und die Kopie des Bescheids und bestätigen Sie die Förderentscheidung im Portal.',
    ],
    { href: link, text: 'Förderentscheidung prüfen' },
  );
}

export function fundingConfirmedMail(
  profile: AllianceProfile,
  title: string,
  lines: string[],
  finalReportDue: string | undefined,
  link: string,
): MailContent {
  return sketchNotice(
    profile,
    `Förderentscheidung bestätigt: ${title}`,
    [
      `${profile.names.office.nominative} ${profile.names.alliance.genitive} hat die Förderentscheidung zu Ihrem Projekt „${title}“ bestätigt:`,
      lines.join('\n'),
      ...(finalReportDue
        ? [
            `Bitte reichen Sie den Abschlussbericht bis zum ${formatDate(finalReportDue)} im Portal ein (einen Monat nach Projektende). Wir erinnern Sie rechtzeitig daran.`,
          ]
        : []),
    ],
    { href: link, text: 'Ihr Projekt im Portal' },
  );
}

export function endChangedMail(
  profile: AllianceProfile,
  title: string,
  change: { from: string; to: string; finalReportDue: string; note?: string | undefined },
  link: string,
): MailContent {
  return sketchNotice(
    profile,
    `Projektende geändert: ${title}`,
    [
      `${profile.names.office.nominative} hat das Ende Ihres Projekts „${title}“ vom ${formatDate(change.from)} auf den ${formatDate(change.to)} geändert.`,
      ...(change.note ? [`Begründung: ${change.note}`] : []),
      `Der Abschlussbericht ist damit bis zum ${formatDate(change.finalReportDue)} fällig.`,
    ],
    { href: link, text: 'Ihr Projekt im Portal' },
  );
}

export function reportAgreedMail(
  profile: AllianceProfile,
  title: string,
  report: { label: string; due: string },
  link: string,
): MailContent {
  return sketchNotice(
    profile,
    `${report.label} bis ${formatDate(report.due)}: ${title}`,
    [
      `${profile.names.office.nominative} ${profile.names.alliance.genitive} bittet Sie für Ihr Projekt „${title}“ um einen ${report.label}, fällig am ${formatDate(report.due)}.`,
      `Sie können ihn im Portal mit einem kurzen Formular einreichen (Verlauf, Ergebnisse zu den Indikatoren, Verstetigung) oder den Sachbericht an ${profile.names.bank.accusative} anhängen.`,
    ],
    { href: link, text: 'Bericht einreichen' },
  );
}

export function reportSubmittedMail(
  profile: AllianceProfile,
  project: { title: string; organisation: string },
  label: string,
  link: string,
): MailContent {
  return sketchNotice(
    profile,
    `${label} eingegangen: ${project.title}`,
    [
      `${project.organisation || 'Der Projektträger'} hat den ${label} zum Projekt „${project.title}“ eingereicht.`,
      'Bitte prüfen Sie ihn im Portal: annehmen oder mit einem Hinweis nachfordern.',
    ],
    { href: link, text: 'Bericht prüfen' },
  );
}

export function reportReviewedMail(
  profile: AllianceProfile,
  title: string,
  review: { label: string; decision: 'accepted' | 'more'; note?: string | undefined; due?: string },
  link: string,
): MailContent {
  if (review.decision === 'accepted')
    return sketchNotice(
      profile,
      `${review.label} angenommen: ${title}`,
      [
        `${profile.names.office.nominative} hat den ${review.label} zu Ihrem Projekt „${title}“ angenommen.`,
        ...(review.note ? [review.note] : []),
      ],
      { href: link, text: 'Ihr Projekt im Portal' },
    );
  return sketchNotice(
    profile,
    `Bitte ergänzen: ${review.label} zu ${title}`,
    [
      `${profile.names.office.nominative} bittet Sie, den ${review.label} zu Ihrem Projekt „${title}“ zu ergänzen:`,
      review.note ?? '',
      ...(review.due ? [`Bitte reichen Sie ihn bis zum ${formatDate(review.due)} erneut ein.`] : []),
    ],
    { href: link, text: 'Bericht ergänzen' },
  );
}

export function projectClosedMail(profile: AllianceProfile, title: string, link: string): MailContent {
  return sketchNotice(
    profile,
    `Projekt abgeschlossen: ${title}`,
    [
      `${profile.names.office.nominative} ${profile.names.alliance.genitive} hat den Abschlussbericht zu Ihrem Projekt „${title}“ angenommen. Das Projekt ist damit abgeschlossen.`,
      `Vielen Dank für Ihre Arbeit mit ${profile.names.alliance.dative}.`,
    ],
    { href: link, text: 'Ihr Projekt im Portal' },
  );
}

const dayCount = (n: number) => `${n} ${n === 1 ? 'Tag' : 'Tagen'}`;

/** When a deadline is due, relative to today, as a reminder says it. */
function dueWords(due: string, daysLeft: number): string {
  if (daysLeft > 1) return `ist am ${formatDate(due)} fällig, in ${dayCount(daysLeft)}`;
  if (daysLeft === 1) return `ist morgen, am ${formatDate(due)}, fällig`;
  if (daysLeft === 0) return `ist heute, am ${formatDate(due)}, fällig`;
  return `war am ${formatDate(due)} fällig und ist seit ${dayCount(-daysLeft)} überfällig`;
}

/** A reminder to the applicant: the project, the date, what is missing, the link. */
export function deadlineReminderMail(
  profile: AllianceProfile,
  reminder: {
    label: string;
    title: string;
    due: string;
    daysLeft: number;
    missing: string;
    funding: boolean;
  },
  link: string,
): MailContent {
  const overdue = reminder.daysLeft < 0;
  const subject = `${overdue ? 'Überfällig' : 'Erinnerung'}: ${reminder.label} zu „${reminder.title}“ ${overdue ? 'seit' : 'bis'} ${formatDate(reminder.due)}`;
  const lead = reminder.funding
    ? `für Ihr Projekt „${reminder.title}“ hat ${profile.names.office.nominative} ${profile.names.alliance.genitive} noch keine Förderentscheidung ${profile.names.bank.genitive} erhalten. Die Wartezeit nach dem Votum endete am ${formatDate(reminder.due)}.`
    : `für Ihr Projekt „${reminder.title}“: Der ${reminder.label} ${dueWords(reminder.due, reminder.daysLeft)}.`;
  return sketchNotice(
    profile,
    subject,
    [
      lead,
      `Es fehlt ${reminder.missing}.`,
      reminder.funding
        ? `Bitte melden Sie die Entscheidung im Portal, sobald sie Ihnen vorliegt. Falls sich das Verfahren bei ${profile.names.bank.dative} verzögert, geben Sie ${profile.names.office.dative} bitte kurz Bescheid.`
        : 'Bitte reichen Sie ihn im Portal ein. Haben Sie ihn schon abgegeben, ist diese E-Mail gegenstandslos.',
    ],
    { href: link, text: reminder.funding ? 'Förderentscheidung melden' : 'Bericht einreichen' },
  );
}

export interface DigestEntry {
  label: string;
  title: string;
  organisation: string;
  due: string;
  daysOverdue: number;
  link: string;
}

/** The office's digest: every deadline escalated in one run, in one mail. */
export function escalationDigestMail(
  profile: AllianceProfile,
  entries: DigestEntry[],
  overviewLink: string,
): MailContent {
  const one = entries.length === 1 ? entries[0] : undefined;
  const subject = one
    ? `Überfällig: ${one.label} zu „${one.title}“`
    : `Überfällig: ${entries.length} Fristen von Projekten`;
  const intro = one
    ? 'eine Frist eines Projekts ist überschritten; der Projektträger wurde bereits erinnert:'
    : `${entries.length} Fristen von Projekten sind überschritten; die Projektträger wurden bereits erinnert:`;
  const line = (e: DigestEntry) =>
    `${e.label} – ${e.title} (${e.organisation || 'Projektträger'}): fällig am ${formatDate(e.due)}, seit ${dayCount(e.daysOverdue)} überfällig`;
  const text = `Guten Tag,

${intro}

${entries.map((e) => `- ${line(e)}\n  ${e.link}`).join('\n')}

Bitte nehmen Sie Kontakt mit den Projektträgern auf.

Alle Fristen: ${overviewLink}
${footer(profile, overviewLink)}`;
  const html = layout(profile, overviewLink, subject, [
    'Guten Tag,',
    escapeHtml(intro),
    `<ul>${entries.map((e) => `<li><a href="${escapeHtml(e.link)}">${escapeHtml(line(e))}</a></li>`).join('')}</ul>`,
    'Bitte nehmen Sie Kontakt mit den Projektträgern auf.',
    `<a href="${escapeHtml(overviewLink)}">Alle Fristen</a>`,
  ]);
  return { subject, text, html };
}

// ---- Every step to the sketch's owner, the office's submissions, the meeting cycle (issue 15) ----

/** A step of the decision the applicant hears of (the steps before and after have their own mails). */
export type DecisionStep =
  | { kind: 'in_vote'; deadline: string }
  | { kind: 'decided_in_writing' }
  | { kind: 'decided_in_meeting'; date: string }
  | { kind: 'on_agenda'; date: string; place?: string | undefined };

export function decisionStepMail(
  profile: AllianceProfile,
  title: string,
  step: DecisionStep,
  link: string,
): MailContent {
  const body = profile.names.decisionBody;
  const votum = `Das Votum ${body.genitive} schreibt ${profile.names.office.nominative}; Sie erhalten es per E-Mail mit dem Schreiben als PDF.`;
  const texts: Record<DecisionStep['kind'], () => [string, string[]]> = {
    in_vote: () => [
      `In der Abstimmung: ${title}`,
      [
        `Ihre Projektskizze „${title}“ liegt ${body.dative} im Umlaufverfahren zur Entscheidung vor. Die Abstimmung läuft bis zum ${formatDate((step as { deadline: string }).deadline)}.`,
      ],
    ],
    decided_in_writing: () => [
      `Abstimmung abgeschlossen: ${title}`,
      [`Das Umlaufverfahren ${body.genitive} über Ihre Projektskizze „${title}“ ist abgeschlossen.`, votum],
    ],
    decided_in_meeting: () => [
      `Beraten: ${title}`,
      [
        `${capitalised(body.nominative)} hat in ${body.gender === 'masculine' || body.gender === 'neuter' ? 'seiner' : 'ihrer'} Sitzung am ${formatDate((step as { date: string }).date)} über Ihre Projektskizze „${title}“ entschieden.`,
        votum,
      ],
    ],
    on_agenda: () => {
      const { date, place } = step as { date: string; place?: string };
      return [
        `Auf der Tagesordnung: ${title}`,
        [
          `Ihre Projektskizze „${title}“ steht auf der Tagesordnung der Sitzung ${body.genitive} am ${formatDate(date)}${place ? ` (${place})` : ''}.`,
          votum,
        ],
      ];
    },
  };
  const [subject, paragraphs] = texts[step.kind]();
  return sketchNotice(profile, subject, paragraphs, { href: link, text: 'Ihre Skizze im Portal' });
}

/** A submission as the office hears of it: who, what, which submission, and what the applicant says changed. */
export interface SubmissionNotice {
  title: string;
  organisation: string;
  n: number;
  at: string;
  changeNote?: string | undefined;
  link: string;
}

const submissionLines = (s: SubmissionNotice): string[] => [
  `„${s.title}“ (${s.organisation}), ${s.n === 1 ? 'eingereicht' : `zum ${s.n}. Mal eingereicht`} am ${formatDateTime(s.at)}`,
  ...(s.n > 1
    ? [`Was sich laut Antragsteller geändert hat: ${s.changeNote?.trim() || '(keine Angabe)'}`]
    : []),
  s.link,
];

/** One submission (the office's choice „jede einzeln“) or a day's digest of them („täglich gesammelt“). */
export function submissionsMail(
  profile: AllianceProfile,
  submissions: SubmissionNotice[],
  listLink: string,
): MailContent {
  const one = submissions.length === 1 ? submissions[0] : undefined;
  const subject = one
    ? `${one.n === 1 ? 'Neue Projektskizze' : 'Erneut eingereicht'}: ${one.title}`
    : `${submissions.length} Projektskizzen eingereicht (tägliche Übersicht)`;
  const intro = one
    ? 'im Portal ist eine Projektskizze eingereicht worden:'
    : `seit der letzten Übersicht sind im Portal ${submissions.length} Projektskizzen eingereicht worden:`;
  const text = `Guten Tag,

${intro}

${submissions.map((s) => submissionLines(s).join('\n')).join('\n\n')}

Alle Skizzen: ${listLink}
${footer(profile, listLink)}`;
  const html = layout(profile, listLink, subject, [
    'Guten Tag,',
    escapeHtml(intro),
    ...submissions.map((s) => {
      const [head = '', ...rest] = submissionLines(s);
      const linkLine = rest.pop() ?? '';
      return `<strong>${escapeHtml(head)}</strong>${rest.map((r) => `<br>${escapeHtml(r)}`).join('')}<br><a href="${escapeHtml(linkLine)}">Skizze öffnen</a>`;
    }),
    `<a href="${escapeHtml(listLink)}">Alle Skizzen</a>`,
  ]);
  return { subject, text, html };
}

/** The invitation to a meeting with its agenda; the dossier (all sketches of the agenda) is attached. */
export function meetingInvitationMail(
  profile: AllianceProfile,
  meeting: { date: string; place?: string | undefined; asDeputy: boolean; institution: string },
  agenda: { title: string; organisation: string }[],
  link: string,
): MailContent {
  const body = profile.names.decisionBody;
  const subject = `Einladung zur Sitzung ${body.genitive} am ${formatDate(meeting.date)}`;
  const paragraphs = [
    `hiermit lädt ${profile.names.office.nominative} ${profile.names.alliance.genitive} Sie zur Sitzung ${body.genitive} am ${formatDate(meeting.date)}${meeting.place ? ` (${meeting.place})` : ''} ein (Sitz: ${meeting.institution}).`,
    ...(meeting.asDeputy
      ? [
          'Sie erhalten die Einladung als Stellvertretung: Ihr Stimmrecht gilt nur, wenn Sie das Mitglied vertreten.',
        ]
      : []),
    agenda.length
      ? 'Zur Entscheidung liegen vor (Unterlagen im Anhang als eine PDF-Datei):'
      : 'Zur Entscheidung liegen keine Projektskizzen vor.',
  ];
  const list = agenda.map((a, i) => `${i + 1}. ${a.title} (${a.organisation})`);
  const text = `Guten Tag,

${paragraphs.join('\n\n')}
${list.length ? `\n${list.join('\n')}\n` : ''}
Im Portal: ${link}
${footer(profile, link)}`;
  const html = layout(profile, link, subject, [
    'Guten Tag,',
    ...paragraphs.map(escapeHtml),
    ...(list.length ? [list.map(escapeHtml).join('<br>')] : []),
    `<a href="${escapeHtml(link)}">Im Portal ansehen</a>`,
  ]);
  return { subject, text, html };
}

/** The confirmation of an erasure on request, with what a retention duty keeps. */
export function erasureConfirmedMail(
  profile: AllianceProfile,
  kept: readonly { title: string; until: string }[],
  portal: string,
): MailContent {
  const subject = `Ihre Daten im Portal ${profile.names.alliance.genitive} wurden gelöscht`;
  const paragraphs = [
    `auf Ihren Antrag hat ${profile.names.office.nominative} ${profile.names.alliance.genitive} Ihre Daten im Portal gelöscht: Ihre Entwürfe, Ihre Kontaktdaten in eingereichten Skizzen, deren Anlagen, die E-Mails an Sie und Ihre Anmeldungen. Entscheidungen und Beträge bleiben ohne Bezug zu Ihrer Person.`,
    ...(kept.length
      ? [
          `Eine Aufbewahrungspflicht (ESF) gilt noch für: ${kept.map((k) => `„${k.title}“ (bis ${formatDate(k.until.slice(0, 10))})`).join(', ')}. Diese Unterlagen sind gesperrt: Nur ${profile.names.office.nominative} kann sie noch lesen; nach Ablauf der Frist werden sie pseudonymisiert.`,
        ]
      : []),
    'Von dieser E-Mail bleibt nur ein Vermerk ohne Ihre Adresse.',
  ];
  const text = `Guten Tag,

${paragraphs.join('\n\n')}
${footer(profile, portal)}`;
  const html = layout(profile, portal, subject, ['Guten Tag,', ...paragraphs.map(escapeHtml)]);
  return { subject, text, html };
}
