import { hasLocalStep } from '../../functions/core/local.ts';
import type { AllianceProfile } from '../../functions/core/profile.ts';
import { stepTitles } from '../../functions/core/sketch.de.ts';
import type { sketchShape } from '../../functions/core/sketch-full.ts';

/** The form's steps and the addresses of a sketch's pages: light, so pages link to the form without loading it. */

export type SectionKey = keyof ReturnType<typeof sketchShape>;

/** The form's sections in DOMAIN.md's order, with the slug that names each step in the address. */
export const sections = [
  { key: 'applicant', slug: 'antragsteller', title: stepTitles.applicant },
  { key: 'project', slug: 'projekt', title: stepTitles.project },
  { key: 'strategy', slug: 'strategie', title: stepTitles.strategy },
  { key: 'space', slug: 'raum', title: stepTitles.space },
  { key: 'continuation', slug: 'verstetigung', title: stepTitles.continuation },
  { key: 'runtime', slug: 'laufzeit', title: stepTitles.runtime },
  { key: 'finance', slug: 'kosten', title: stepTitles.finance },
  { key: 'localAlliance', slug: 'allianz', title: stepTitles.localAlliance },
  { key: 'declarations', slug: 'erklaerungen', title: stepTitles.declarations },
] as const satisfies readonly { key: SectionKey; slug: string; title: string }[];

export type Section = (typeof sections)[number];

/**
 * The steps of the profile's form: the local alliance only where its process has the local step.
 * Without a profile (not loaded yet) none is assumed, so no page shows a step the alliance lacks.
 */
export function sectionsOf(
  profile: Pick<AllianceProfile, 'localStatements'> | undefined,
): readonly [Section, ...Section[]] {
  const [first, ...rest] = sections;
  return [
    first,
    ...rest.filter((s) => s.key !== 'localAlliance' || (profile !== undefined && hasLocalStep(profile))),
  ];
}

const base = (id: string) => `/skizzen/${encodeURIComponent(id)}`;

export const sketchPath = (id: string) => base(id);
export const editPath = (id: string, slug?: string) =>
  `${base(id)}/bearbeiten${slug ? `?abschnitt=${slug}` : ''}`;
export const reviewPath = (id: string) => `${base(id)}/pruefen`;
export const printPath = (id: string) => `${base(id)}/druck`;
/** Set by the review page when the sketch had errors: from then on every error shows at its field. */
export const attemptedKey = (id: string) => `votum:attempted:${id}`;
