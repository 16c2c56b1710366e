import { de } from '../core/messages.de.ts';
import type { AllianceProfile } from '../core/profile.ts';
import type { Sketch } from '../store/sketches.ts';
import { escapeHtml, formatDateTime } from './format.ts';

/** A mail as the outbox stores it: German, plain text and HTML. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

function layout(
  profile: AllianceProfile,
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
</body></html>`;
}

function footer(profile: AllianceProfile): string {
  return `\n-- \n${profile.name}\n${profile.office.name}\n${profile.office.email}\n`;
}

export function signInLinkMail(profile: AllianceProfile, link: string, validUntil: Date): MailContent {
  const until = formatDateTime(validUntil.toISOString());
  const subject = `Ihr Anmeldelink für ${profile.name}`;
  const text = `Guten Tag,

mit diesem Link melden Sie sich im Portal des ${profile.name} an:

${link}

Der Link gilt bis ${until} und nur für eine Anmeldung. Wenn Sie keinen Link angefordert haben, können Sie diese E-Mail ignorieren.
${footer(profile)}`;
  const html = layout(profile, subject, [
    'Guten Tag,',
    `mit diesem Link melden Sie sich im Portal des ${escapeHtml(profile.name)} an:`,
    `<a href="${escapeHtml(link)}">Jetzt anmelden</a>`,
    `Der Link gilt bis ${escapeHtml(until)} und nur für eine Anmeldung. Wenn Sie keinen Link angefordert haben, können Sie diese E-Mail ignorieren.`,
  ]);
  return { subject, text, html };
}

export function sketchSubmittedMail(profile: AllianceProfile, sketch: Sketch, link: string): MailContent {
  const f = de.field;
  const rows: [string, string][] = [
    [f.title, sketch.title],
    [f.organisation, sketch.organisation],
    [f.contactName, sketch.contactName],
    [f.contactEmail, sketch.contactEmail],
    [f.summary, sketch.summary],
    ['Eingereicht am', formatDateTime(sketch.submittedAt ?? sketch.createdAt)],
  ];
  const subject = `Projektskizze eingereicht: ${sketch.title}`;
  const text = `Guten Tag,

vielen Dank: Ihre Projektskizze ist bei der Koordinierungsstelle des ${profile.name} eingegangen. Sie prüft die Skizze auf Vollständigkeit und meldet sich bei Ihnen.

${rows.map(([k, v]) => `${k}:\n${v}`).join('\n\n')}

Ihre Skizze im Portal: ${link}
${footer(profile)}`;
  const html = layout(
    profile,
    subject,
    [
      'Guten Tag,',
      `vielen Dank: Ihre Projektskizze ist bei der Koordinierungsstelle des ${escapeHtml(profile.name)} eingegangen. Sie prüft die Skizze auf Vollständigkeit und meldet sich bei Ihnen.`,
      `<a href="${escapeHtml(link)}">Ihre Skizze im Portal</a>`,
    ],
    rows,
  );
  return { subject, text, html };
}
