import { useLocation } from 'preact-iso';
import {
  type BudgetColumn,
  type Budget as BudgetData,
  type BudgetLine,
  budgetColumnLabels,
  budgetColumns,
} from '../../../../functions/core/budget.ts';
import { formatDate } from '../../../../functions/core/dates.ts';
import { exportKinds } from '../../../../functions/core/exports.ts';
import { formatEuro } from '../../../../functions/core/money.ts';
import { Page } from '../../components/Page.tsx';
import { href } from '../../lib/api.ts';
import { NotLoaded, useLoad } from '../../lib/load.tsx';
import { OfficeNav } from '../votes/OfficeNav.tsx';
import { budgetTexts as t } from './Budget.texts.de.ts';
import './budget.css';

/*
 * `/verwaltung/budget`: the budget per sub-region and in total (getBudget), what is
 * overdrawn, a bar chart, and the CSV exports. The table is the accessible source; the chart
 * repeats it for the eye and carries the same values as its text alternative.
 */

function Amount({ cents, column }: { cents: number; column: BudgetColumn }) {
  return (
    <>
      {formatEuro(cents)}
      {column === 'availableCents' && cents < 0 ? <span class="budget-over"> ({t.overdrawn})</span> : null}
    </>
  );
}

function BudgetTable({ budget }: { budget: BudgetData }) {
  const row = (line: BudgetLine, total = false) => (
    <tr key={line.subRegionId ?? line.name} class={total ? 'total' : undefined}>
      <th scope="row">{line.name}</th>
      {budgetColumns.map((column) => (
        <td key={column} class="num">
          <Amount cents={line[column]} column={column} />
        </td>
      ))}
    </tr>
  );
  return (
    <div class="table-wrap">
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.subRegion}</th>
            {budgetColumns.map((column) => (
              <th key={column} scope="col" class="num">
                {budgetColumnLabels[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{budget.lines.map((line) => row(line))}</tbody>
        <tfoot>{row(budget.total, true)}</tfoot>
      </table>
    </div>
  );
}

/** One bar of the chart with its value written after it. */
function Bar({
  y,
  length,
  kind,
  children,
}: {
  y: number;
  length: number;
  kind: 'requested' | 'committed';
  children: string;
}) {
  return (
    <>
      <rect x="0" y={y} width={length} height="14" class={`budget-chart__${kind}`} />
      <text x={length + 6} y={y + 12}>
        {children}
      </text>
    </>
  );
}

/** Horizontal bars per sub-region: requested and committed, against a line at the fair share. */
function BudgetChart({ budget }: { budget: BudgetData }) {
  const width = 700;
  const barsWidth = 420;
  const group = 64;
  const top = 36;
  const height = top + budget.lines.length * group;
  const largest = Math.max(
    1,
    ...budget.lines.flatMap((l) => [l.fairShareCents, l.requestedCents, l.committedCents]),
  );
  const x = (cents: number) => Math.max(0, (cents / largest) * barsWidth);
  return (
    <figure class="budget-chart">
      <svg
        role="img"
        aria-labelledby="budget-chart-title budget-chart-desc"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
      >
        <title id="budget-chart-title">{t.chartTitle}</title>
        <desc id="budget-chart-desc">
          {budget.lines
            .map((l) =>
              t.chartLine(
                l.name,
                formatEuro(l.requestedCents),
                formatEuro(l.committedCents),
                formatEuro(l.fairShareCents),
              ),
            )
            .join(' ')}
        </desc>
        <g class="budget-chart__legend">
          <rect x="0" y="4" width="14" height="14" class="budget-chart__requested" />
          <text x="20" y="16">
            {t.legendRequested}
          </text>
          <rect x="130" y="4" width="14" height="14" class="budget-chart__committed" />
          <text x="150" y="16">
            {t.legendCommitted}
          </text>
          <line x1="262" y1="2" x2="262" y2="20" class="budget-chart__fair" />
          <text x="270" y="16">
            {t.legendFairShare}
          </text>
        </g>
        {budget.lines.map((line, i) => {
          const y = top + i * group;
          return (
            <g key={line.subRegionId ?? line.name}>
              <text x="0" y={y + 12} class="budget-chart__name">
                {line.name}
              </text>
              <Bar y={y + 18} length={x(line.requestedCents)} kind="requested">
                {t.barValue(t.legendRequested, formatEuro(line.requestedCents))}
              </Bar>
              <Bar y={y + 36} length={x(line.committedCents)} kind="committed">
                {t.barValue(t.legendCommitted, formatEuro(line.committedCents))}
              </Bar>
              {line.fairShareCents > 0 ? (
                <line
                  x1={x(line.fairShareCents)}
                  y1={y + 15}
                  x2={x(line.fairShareCents)}
                  y2={y + 53}
                  class="budget-chart__fair"
                />
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>{t.chartHint}</figcaption>
    </figure>
  );
}

function Downloads() {
  return (
    <section aria-labelledby="budget-downloads">
      <h2 id="budget-downloads">{t.downloadsHeading}</h2>
      <p>{t.downloadsHint}</p>
      <ul>
        {exportKinds.map((kind) => (
          <li key={kind}>
            <a href={href('exportCsv', { params: { file: `${kind}.csv` } })} download>
              {t.downloads[kind]} {t.csv}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BudgetView({ budget }: { budget: BudgetData }) {
  const period = `${formatDate(budget.period.start)}–${formatDate(budget.period.end)}`;
  return (
    <>
      <p class="lead">{t.intro(period, formatEuro(budget.budgetCents))}</p>
      {budget.warnings.length ? (
        <div class="notice notice--error" role="alert" aria-labelledby="budget-warnings">
          <h2 id="budget-warnings" class="notice__heading">
            {t.warningsHeading}
          </h2>
          <ul>
            {budget.warnings.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t.noWarnings}</p>
      )}
      <BudgetTable budget={budget} />
      <p>{t.counted(budget.sketchCount)}</p>
      <section aria-labelledby="budget-chart-heading">
        <h2 id="budget-chart-heading">{t.chartHeading}</h2>
        <BudgetChart budget={budget} />
      </section>
      <section aria-labelledby="budget-definitions">
        <h2 id="budget-definitions">{t.definitionsHeading}</h2>
        <dl class="details">
          {t.definitions.map(([term, meaning]) => (
            <div key={term} class="details__row">
              <dt>{term}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Downloads />
    </>
  );
}

/** `/verwaltung/budget`. */
export function Budget() {
  const { path } = useLocation();
  const loaded = useLoad('getBudget');
  return (
    <div class="page--wide">
      <Page title={t.title}>
        <OfficeNav current="budget" />
        {loaded.state === 'loaded' ? (
          <BudgetView budget={loaded.data} />
        ) : (
          <NotLoaded loaded={loaded} path={path} />
        )}
      </Page>
    </div>
  );
}
