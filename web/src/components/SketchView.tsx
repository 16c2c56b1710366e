import type { ComponentChildren } from 'preact';
import { formatDate, isValidDate, runtimeMonths } from '../../../functions/core/dates.ts';
import { formatEuro, formatPercent, shareBp } from '../../../functions/core/money.ts';
import {
  type CostCategory,
  costCategories,
  costCategoryLabels,
  sketchLabels as L,
  totals,
} from '../../../functions/core/sketch-fields.ts';
import type { SketchDraft } from '../../../functions/core/sketch-full.ts';
import { sketchTexts } from '../sketch.texts.de.ts';
import {
  type FormDraft,
  type Num,
  normalizeDraft,
  type PublicProfile,
  type SectionKey,
  sectionsOf,
} from '../sketch-form.ts';

const t = sketchTexts.view;

const shown = (value: string): string => value.trim() || t.empty;
const money = (value: Num): string =>
  typeof value === 'number' ? formatEuro(value) : value ? `${value} (${t.invalid})` : t.empty;
const date = (value: string): string => (isValidDate(value) ? formatDate(value) : value || t.empty);
const share = (value: Num): string =>
  typeof value === 'number' ? formatPercent(value) : value ? `${value} (${t.invalid})` : t.empty;
const months = (value: Num): string => (value === undefined ? '?' : String(value));
const cents = (value: Num): number => (typeof value === 'number' ? value : 0);

function Rows({ rows }: { rows: readonly (readonly [string, ComponentChildren])[] }) {
  return (
    <dl class="details">
      {rows.map(([term, value]) => (
        <div key={term} class="details__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function List({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <>{t.empty}</>;
  return (
    <ul class="plain-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function Finance({
  d,
  profile,
  idPrefix,
  level,
}: {
  d: FormDraft;
  profile: PublicProfile;
  idPrefix: string;
  level: 3 | 4;
}) {
  const Sub = level === 3 ? 'h3' : 'h4';
  const f = d.finance;
  const sum = totals({
    costs: f.costs.map((c) => ({
      category: (costCategories as readonly string[]).includes(c.category)
        ? (c.category as CostCategory)
        : 'material',
      description: c.description,
      year: typeof c.year === 'number' ? c.year : 0,
      amountCents: cents(c.amountCents),
    })),
    esfCents: cents(f.esfCents),
    ownCents: cents(f.ownCents),
    thirdParty: f.thirdParty.map((x) => ({ source: x.source, amountCents: cents(x.amountCents) })),
  });
  const years = Object.keys(sum.byYear)
    .map(Number)
    .filter((y) => y > 0)
    .sort();
  const used = costCategories.filter((c) => sum.byCategory[c] !== 0);
  const difference = sum.financingCents - sum.costCents;
  const rate = profile.funding.maxFundingRateOfPersonnelBp;
  return (
    <>
      <div class="table-wrap table-wrap--costs">
        <table>
          <caption id={`${idPrefix}-costs`}>{t.costsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{L.category}</th>
              <th scope="col">{L.costDescription}</th>
              <th scope="col">{L.year}</th>
              <th scope="col" class="num">
                {L.amount}
              </th>
            </tr>
          </thead>
          <tbody>
            {f.costs.length === 0 ? (
              <tr>
                <td colSpan={4}>{t.noCosts}</td>
              </tr>
            ) : (
              f.costs.map((c, i) => (
                <tr key={i}>
                  <td>{costCategoryLabels[c.category as CostCategory] ?? shown(c.category)}</td>
                  <td>{shown(c.description)}</td>
                  <td>{c.year ?? t.empty}</td>
                  <td class="num">{money(c.amountCents)}</td>
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t.totalCost}
              </th>
              <td class="num">{formatEuro(sum.costCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {used.length && years.length ? (
        <div class="table-wrap table-wrap--costs">
          <table>
            <caption>{t.byCategoryCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{L.category}</th>
                {years.map((y) => (
                  <th key={y} scope="col" class="num">
                    {y}
                  </th>
                ))}
                <th scope="col" class="num">
                  {t.sum}
                </th>
              </tr>
            </thead>
            <tbody>
              {used.map((category) => (
                <tr key={category}>
                  <th scope="row">{costCategoryLabels[category]}</th>
                  {years.map((y) => (
                    <td key={y} class="num">
                      {formatEuro(
                        f.costs
                          .filter((c) => c.category === category && c.year === y)
                          .reduce((s, c) => s + cents(c.amountCents), 0),
                      )}
                    </td>
                  ))}
                  <td class="num">{formatEuro(sum.byCategory[category])}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.sum}</th>
                {years.map((y) => (
                  <td key={y} class="num">
                    {formatEuro(sum.byYear[y] ?? 0)}
                  </td>
                ))}
                <td class="num">{formatEuro(sum.costCents)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      <Sub class="view-subheading">{t.financing}</Sub>
      <Rows
        rows={[
          [L.esf, money(f.esfCents)],
          [L.own, money(f.ownCents)],
          ...f.thirdParty.map(
            (x, i) => [`${t.thirdParty} ${i + 1}: ${shown(x.source)}`, money(x.amountCents)] as const,
          ),
          [t.totalFinancing, formatEuro(sum.financingCents)],
          ...(sum.costCents > 0
            ? [[t.esfRate, formatPercent(shareBp(cents(f.esfCents), sum.costCents))] as const]
            : []),
          [t.difference, difference === 0 ? t.balanced : formatEuro(difference)],
          ...(rate !== undefined
            ? [
                [
                  t.personnelRate,
                  `${formatPercent(sum.esfOfPersonnelBp)} (${t.atMost} ${formatPercent(rate)})`,
                ] as const,
              ]
            : []),
          ...(f.capJustification.trim() ? [[L.capJustification, f.capJustification] as const] : []),
        ]}
      />
    </>
  );
}

/**
 * A sketch to read: every section as a definition list or table, money as „1.234,56 €“, dates as
 * „31.12.2028“, the profile's names instead of ids. Reads a draft tolerantly, so it shows a half
 * finished sketch as well as a submitted one. Used by the review, print and status pages and by
 * the office's pages.
 */
export function SketchView({
  draft,
  profile,
  headingLevel = 2,
  idPrefix = 'sketch-view',
  editHref,
}: {
  draft: SketchDraft;
  profile: PublicProfile;
  headingLevel?: 2 | 3;
  /** Prefix of the ids in the view, when a page shows more than one. */
  idPrefix?: string;
  /** Adds a link to edit each section. */
  editHref?: (slug: string) => string;
}) {
  const d = normalizeDraft(draft);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const a = d.applicant;
  const p = d.project;
  const regionName = (id: string) => profile.subRegions.find((r) => r.id === id)?.name ?? id;
  const { start, end } = d.runtime;
  const runtime =
    isValidDate(start) && isValidDate(end) && end >= start ? t.months(runtimeMonths(start, end)) : t.empty;
  const alliance = profile.subRegions.find((r) => r.id === d.localAlliance.subRegionId);

  const body: Record<SectionKey, ComponentChildren> = {
    applicant: (
      <Rows
        rows={[
          [L.organisation, shown(a.organisation)],
          [L.legalForm, shown(a.legalForm)],
          [
            t.address,
            shown([a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')),
          ],
          [t.contact, shown([a.contactName, a.contactRole].filter(Boolean).join(', '))],
          [L.contactEmail, shown(a.contactEmail)],
          [L.contactPhone, shown(a.contactPhone)],
          [
            t.partners,
            <List
              key="partners"
              items={a.partners.map((x) => (x.role.trim() ? `${x.name} (${x.role})` : x.name))}
            />,
          ],
        ]}
      />
    ),
    project: (
      <>
        <Rows
          rows={[
            [L.title, shown(p.title)],
            [L.summary, shown(p.summary)],
            [L.situation, shown(p.situation)],
            [L.goals, shown(p.goals)],
            [L.targetGroups, shown(p.targetGroups)],
          ]}
        />
        <div class="table-wrap table-wrap--costs">
          <table>
            <caption>{t.activities}</caption>
            <thead>
              <tr>
                <th scope="col">{t.number}</th>
                <th scope="col">{L.activityTitle}</th>
                <th scope="col">{L.activityDescription}</th>
                <th scope="col">{t.monthsColumn}</th>
              </tr>
            </thead>
            <tbody>
              {p.activities.length === 0 ? (
                <tr>
                  <td colSpan={4}>{t.empty}</td>
                </tr>
              ) : (
                p.activities.map((x, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>{shown(x.title)}</td>
                    <td class="pre">{shown(x.description)}</td>
                    <td>
                      {months(x.startMonth)}–{months(x.endMonth)}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <div class="table-wrap table-wrap--costs">
          <table>
            <caption>{t.results}</caption>
            <thead>
              <tr>
                <th scope="col">{L.result}</th>
                <th scope="col">{L.indicator}</th>
                <th scope="col">{L.targetValue}</th>
              </tr>
            </thead>
            <tbody>
              {p.results.length === 0 ? (
                <tr>
                  <td colSpan={3}>{t.empty}</td>
                </tr>
              ) : (
                p.results.map((x, i) => (
                  <tr key={i}>
                    <td>{shown(x.result)}</td>
                    <td>{shown(x.indicator)}</td>
                    <td>{shown(x.target)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </>
    ),
    strategy: (
      <Rows
        rows={[
          [
            L.priorities,
            d.strategy.priorities.length === 0 ? (
              t.empty
            ) : (
              <ul class="plain-list">
                {d.strategy.priorities.map((chosen) => {
                  const priority = profile.priorities.find((x) => x.id === chosen.id);
                  return (
                    <li key={chosen.id}>
                      {priority ? `${priority.id}: ${priority.name}` : chosen.id}
                      {chosen.goals.length ? (
                        <ul>
                          {chosen.goals.map((goal) => (
                            <li key={goal}>{goal}</li>
                          ))}
                        </ul>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ),
          ],
          [
            L.themes,
            <List
              key="themes"
              items={d.strategy.themes.map(
                (id) => profile.crossCuttingThemes.find((x) => x.id === id)?.name ?? id,
              )}
            />,
          ],
        ]}
      />
    ),
    space: (
      <Rows
        rows={[
          [
            L.subRegions,
            <List
              key="regions"
              items={d.space.subRegions.map((s) => `${regionName(s.id)}: ${share(s.shareBp)}`)}
            />,
          ],
          [L.districts, <List key="districts" items={d.space.districts} />],
          [L.spatialRationale, shown(d.space.rationale)],
        ]}
      />
    ),
    continuation: (
      <Rows
        rows={[
          [L.continuation, shown(d.continuation.continuation)],
          [L.modelCharacter, shown(d.continuation.modelCharacter)],
        ]}
      />
    ),
    runtime: (
      <Rows
        rows={[
          [L.start, date(start)],
          [L.end, date(end)],
          [t.duration, runtime],
        ]}
      />
    ),
    finance: <Finance d={d} profile={profile} idPrefix={idPrefix} level={headingLevel === 3 ? 4 : 3} />,
    localAlliance: (
      <Rows
        rows={[
          [L.localAlliance, alliance ? alliance.localAlliance : shown(d.localAlliance.subRegionId)],
          [L.presentedOn, date(d.localAlliance.presentedOn)],
          [L.statement, shown(d.localAlliance.statement)],
        ]}
      />
    ),
    declarations: (
      <Rows
        rows={[
          [L.privacy, d.declarations.privacy ? t.confirmed : t.notConfirmed],
          [L.truthful, d.declarations.truthful ? t.confirmed : t.notConfirmed],
        ]}
      />
    ),
  };

  return (
    <div class="sketch-view">
      {sectionsOf(profile).map((section, i) => (
        <section
          key={section.key}
          class="sketch-view__section"
          aria-labelledby={`${idPrefix}-${section.key}`}
        >
          <div class="sketch-view__head">
            <Heading id={`${idPrefix}-${section.key}`}>
              {i + 1}. {section.title}
            </Heading>
            {editHref ? (
              <a class="no-print" href={editHref(section.slug)}>
                {t.edit}
                <span class="visually-hidden">: {section.title}</span>
              </a>
            ) : null}
          </div>
          {body[section.key]}
        </section>
      ))}
    </div>
  );
}
