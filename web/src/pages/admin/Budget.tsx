import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  type BudgetColumn,
  type Budget as BudgetData,
  type BudgetLine,
  budgetColumnLabels,
  budgetColumns,
} from '../../../../functions/core/budget.ts';
import { budgetChartSvg, slideEuro } from '../../../../functions/core/budget-chart.ts';
import { formatDate } from '../../../../functions/core/dates.ts';
import { exportKinds } from '../../../../functions/core/exports.ts';
import { formatEuro } from '../../../../functions/core/money.ts';
import { Checkbox } from '../../components/ChoiceFields.tsx';
import { Page } from '../../components/Page.tsx';
import { type AnswerOf, href } from '../../lib/api.ts';
import { NotLoaded, useLoad } from '../../lib/load.tsx';
import { useNames } from '../../names.ts';
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

/** Draws the chart's SVG on a canvas at twice its size and answers it as PNG. */
async function pngOf(svg: string): Promise<Blob> {
  const image = new Image();
  // A data address: the page's content security policy lets images load from `data:`, not `blob:`.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * 2;
  canvas.height = image.naturalHeight * 2;
  const context = canvas.getContext('2d');
  if (!context) throw new Error(t.pngFailed);
  context.scale(2, 2);
  context.drawImage(image, 0, 0);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t.pngFailed))), 'image/png'),
  );
}

/** Hands a made file to the browser as a download. */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The chart a steering group puts on a slide (core/budget-chart.ts, the same SVG the office
 * downloads), with its values as a table beside it, and its downloads as SVG and PNG.
 */
function BudgetChart({ budget }: { budget: BudgetData }) {
  const names = useNames();
  const [error, setError] = useState('');
  const svg = budgetChartSvg(budget, names.alliance.name);
  const fileName = `Budget-${budget.period.id}`;
  const png = async () => {
    setError('');
    try {
      save(await pngOf(svg), `${fileName}.png`);
    } catch (failure) {
      setError((failure as Error).message || t.pngFailed);
    }
  };
  return (
    <div class="budget-chart-layout">
      <figure class="budget-chart">
        {/* Our own markup from the core (every text escaped there), the same the download holds. */}
        <div class="budget-chart__image" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption>{t.chartHint}</figcaption>
        <div class="actions">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => save(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`)}
          >
            {t.downloadSvg}
          </button>
          <button type="button" class="button button--secondary" onClick={() => void png()}>
            {t.downloadPng}
          </button>
        </div>
        {error ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </figure>
      <div class="table-wrap budget-chart__table">
        <table>
          <caption>{t.chartTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.subRegion}</th>
              {chartColumns.map((column) => (
                <th key={column} scope="col" class="num">
                  {budgetColumnLabels[column]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {budget.lines.map((line) => (
              <tr key={line.subRegionId ?? line.name}>
                <th scope="row">{line.name}</th>
                {chartColumns.map((column) => (
                  <td key={column} class="num">
                    {slideEuro(line[column])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const chartColumns = ['fairShareCents', 'committedCents', 'requestedCents', 'availableCents'] as const;

/** The downloads, without people's contact details unless the office ticks the box (issue 16). */
function Downloads() {
  const [contacts, setContacts] = useState(false);
  return (
    <section aria-labelledby="budget-downloads">
      <h2 id="budget-downloads">{t.downloadsHeading}</h2>
      <p>{t.downloadsHint}</p>
      <Checkbox
        id="export-contacts"
        label={t.contacts}
        hint={t.contactsHint}
        checked={contacts}
        onChange={setContacts}
      />
      <ul>
        {exportKinds.map((kind) => (
          <li key={kind}>
            <a
              href={href('exportCsv', {
                params: { file: `${kind}.csv` },
                query: contacts ? { contacts: 'true' } : {},
              })}
              download
            >
              {t.downloads[kind]} {t.csv}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Periods = AnswerOf<'listPeriods'>['items'];
const periodName = (p: { start: string; end: string }) => `${formatDate(p.start)}–${formatDate(p.end)}`;

/** Which period's budget is shown: a choice that changes the address (`?periode=`), so it can be linked. */
function PeriodChoice({ periods, chosen }: { periods: Periods; chosen: string }) {
  const { route } = useLocation();
  return (
    <div class="field budget-period">
      <label for="budget-period">{t.periodLabel}</label>
      <select
        id="budget-period"
        class="input"
        value={chosen}
        onChange={(event) =>
          route(
            `/verwaltung/budget?periode=${encodeURIComponent((event.currentTarget as HTMLSelectElement).value)}`,
          )
        }
      >
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {periodName(p)}
            {p.current ? ` ${t.currentPeriod}` : ''}
          </option>
        ))}
      </select>
      <p class="hint">
        <a href="/verwaltung/budget/perioden">{t.managePeriods}</a>
      </p>
    </div>
  );
}

function BudgetView({ budget }: { budget: BudgetData }) {
  const period = periodName(budget.period);
  return (
    <>
      <p class="lead">{t.intro(period, formatEuro(budget.budgetCents))}</p>
      {budget.priorCount ? <p>{t.prior(budget.priorCount)}</p> : null}
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
  const { path, query } = useLocation();
  const chosen = query.periode || undefined;
  const loaded = useLoad('getBudget', { query: { period: chosen } });
  const periods = useLoad('listPeriods');
  return (
    <div class="page--wide">
      <Page title={t.title}>
        <OfficeNav current="budget" />
        {periods.state === 'loaded' && loaded.state === 'loaded' ? (
          <PeriodChoice periods={periods.data.items} chosen={loaded.data.period.id} />
        ) : null}
        {loaded.state === 'loaded' ? (
          <BudgetView budget={loaded.data} />
        ) : (
          <NotLoaded loaded={loaded} path={path} />
        )}
      </Page>
    </div>
  );
}
