import { formatDate, runtimeMonths } from './dates.ts';
import { hasLocalStep } from './local.ts';
import { formatEuro, formatPercent } from './money.ts';
import type { ProseProfile } from './profile.ts';
import { recordSections } from './sketch.de.ts';
import { costCategories, costCategoryLabels, sketchLabels as L, totals } from './sketch-fields.ts';
import type { Sketch } from './sketch-full.ts';

/** One section of the readable record: a heading and label/value rows. */
export interface RecordSection {
  title: string;
  rows: [string, string][];
}

/**
 * The full record of a submitted sketch in German, section by section as DOMAIN.md orders them:
 * what the confirmation mail carries, so the applicant holds a copy of exactly what was submitted.
 */
export function sketchRecord(sketch: Sketch, profile: ProseProfile): RecordSection[] {
  const region = (id: string) => profile.subRegions.find((r) => r.id === id);
  const a = sketch.applicant;
  const p = sketch.project;
  const f = sketch.finance;
  const sum = totals(f);
  const lines = (items: string[]) => items.join('\n') || '–';
  // Section 8 only where the profile's process has the local step (and the sketch the section).
  const local = hasLocalStep(profile) ? sketch.localAlliance : undefined;
  return [
    {
      title: recordSections.applicant,
      rows: [
        [L.organisation, a.organisation],
        [L.legalForm, a.legalForm],
        ['Anschrift', `${a.street}, ${a.postalCode} ${a.city}`],
        ['Ansprechperson', `${a.contactName} (${a.contactRole})`],
        [L.contactEmail, a.contactEmail],
        [L.contactPhone, a.contactPhone],
        ['Partner', lines(a.partners.map((x) => (x.role ? `${x.name} (${x.role})` : x.name)))],
      ],
    },
    {
      title: recordSections.project,
      rows: [
        [L.title, p.title],
        [L.summary, p.summary],
        [L.situation, p.situation],
        [L.goals, p.goals],
        [L.targetGroups, p.targetGroups],
        [
          'Arbeitspakete',
          lines(
            p.activities.map((x) => `${x.title} (Monat ${x.startMonth}–${x.endMonth}): ${x.description}`),
          ),
        ],
        ['Ergebnisse', lines(p.results.map((x) => `${x.result} – ${x.indicator}: ${x.target}`))],
      ],
    },
    {
      title: recordSections.strategy,
      rows: [
        [
          L.priorities,
          lines(
            sketch.strategy.priorities.map((chosen) => {
              const name = profile.priorities.find((x) => x.id === chosen.id)?.name ?? chosen.id;
              return chosen.goals.length
                ? `${chosen.id} ${name}: ${chosen.goals.join('; ')}`
                : `${chosen.id} ${name}`;
            }),
          ),
        ],
        [
          L.themes,
          lines(
            sketch.strategy.themes.map(
              (id) => profile.crossCuttingThemes.find((t) => t.id === id)?.name ?? id,
            ),
          ),
        ],
      ],
    },
    {
      title: recordSections.space,
      rows: [
        [
          L.subRegions,
          lines(
            sketch.space.subRegions.map((s) => `${region(s.id)?.name ?? s.id}: ${formatPercent(s.shareBp)}`),
          ),
        ],
        [L.districts, sketch.space.districts.join(', ')],
        [L.spatialRationale, sketch.space.rationale],
      ],
    },
    {
      title: recordSections.continuation,
      rows: [
        [L.continuation, sketch.continuation.continuation],
        [L.modelCharacter, sketch.continuation.modelCharacter],
      ],
    },
    {
      title: recordSections.runtime,
      rows: [
        [
          'Laufzeit',
          `${formatDate(sketch.runtime.start)} bis ${formatDate(sketch.runtime.end)} (${runtimeMonths(sketch.runtime.start, sketch.runtime.end)} Monate)`,
        ],
      ],
    },
    {
      title: recordSections.finance,
      rows: [
        ...costCategories
          .filter((c) => sum.byCategory[c] > 0)
          .map((c): [string, string] => [costCategoryLabels[c], formatEuro(sum.byCategory[c])]),
        ...Object.entries(sum.byYear).map(([year, cents]): [string, string] => [
          `Kosten ${year}`,
          formatEuro(cents),
        ]),
        ['Gesamtkosten', formatEuro(sum.costCents)],
        [L.esf, formatEuro(f.esfCents)],
        [L.own, formatEuro(f.ownCents)],
        ...f.thirdParty.map((t): [string, string] => [`Drittmittel: ${t.source}`, formatEuro(t.amountCents)]),
        ['Gesamtfinanzierung', formatEuro(sum.financingCents)],
        ...(f.capJustification ? [[L.capJustification, f.capJustification] as [string, string]] : []),
      ],
    },
    ...(local
      ? [
          {
            title: recordSections.localAlliance,
            rows: [
              [L.localAlliance, region(local.subRegionId)?.localAlliance ?? local.subRegionId],
              ['Vorgestellt am', formatDate(local.presentedOn)],
              ...(local.statement ? [[L.statement, local.statement]] : []),
            ] as [string, string][],
          },
        ]
      : []),
  ];
}
