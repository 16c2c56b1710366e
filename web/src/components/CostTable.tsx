import { useMemo, useRef } from 'preact/hooks';
import { isValidDate } from '../../../functions/core/dates.ts';
import { capJustificationNeeded, fundingAtCapCents } from '../../../functions/core/funding-rules.ts';
import { formatEuro, formatPercent } from '../../../functions/core/money.ts';
import {
  type CostCategory,
  costCategories,
  costCategoryLabels,
  sketchLabels as L,
  limits,
  totals,
} from '../../../functions/core/sketch-fields.ts';
import { formTexts } from '../form.texts.de.ts';
import { memo } from '../memo.ts';
import { sketchTexts } from '../sketch.texts.de.ts';
import type { CostLine, FormDraft, Num, Path } from '../sketch-form.ts';
import { stepTexts } from '../steps.texts.de.ts';
import { NumberField, NumberInput } from './ChoiceFields.tsx';
import { describedBy, ErrorText, TextField } from './FormField.tsx';
import { type FormApi, Items, pid } from './SketchSections.tsx';

const t = formTexts.form;
const cents = (value: Num): number => (typeof value === 'number' ? value : 0);
const categoryOf = (value: string): CostCategory =>
  (costCategories as readonly string[]).includes(value) ? (value as CostCategory) : 'material';

type Set = (path: Path, value: unknown) => void;
type Touch = (field: string) => void;
type Remove = (list: Path, index: number, firstKey: string, label: string) => void;

/**
 * One cost line. Memoised: typing in one row re-renders that row and the sums, not the other 99
 * (its props are the row's own object, its error texts and stable callbacks).
 */
const CostRow = memo(function CostRow({
  i,
  line,
  years,
  categoryError,
  descriptionError,
  yearError,
  amountError,
  set,
  touch,
  remove,
}: {
  i: number;
  line: CostLine;
  years: readonly number[];
  categoryError: string | undefined;
  descriptionError: string | undefined;
  yearError: string | undefined;
  amountError: string | undefined;
  set: Set;
  touch: Touch;
  remove: Remove;
}) {
  const path = ['finance', 'costs', i] as const;
  const id = (k: string) => pid([...path, k]);
  const field = (k: string) => `finance.costs.${i}.${k}`;
  const row = stepTexts.row(i + 1);
  const yearOptions =
    typeof line.year === 'number' && !years.includes(line.year) ? [...years, line.year].sort() : years;
  return (
    <tr
      role="row"
      class={categoryError || descriptionError || yearError || amountError ? 'row--error' : undefined}
    >
      <th scope="row" role="rowheader" class="num">
        {i + 1}
      </th>
      <td role="cell">
        <label class="visually-hidden" for={id('category')}>
          {L.category}, {row}
        </label>
        <ErrorText id={id('category')} error={categoryError} />
        <select
          id={id('category')}
          class={`input${categoryError ? ' input--error' : ''}`}
          value={line.category}
          aria-invalid={categoryError ? 'true' : undefined}
          aria-describedby={describedBy(categoryError && `${id('category')}-error`)}
          onChange={(event) => {
            set([...path, 'category'], (event.currentTarget as HTMLSelectElement).value);
            touch(field('category'));
          }}
        >
          <option value="">{t.choose}</option>
          {costCategories.map((c) => (
            <option key={c} value={c}>
              {costCategoryLabels[c]}
            </option>
          ))}
        </select>
      </td>
      <td role="cell">
        <label class="visually-hidden" for={id('description')}>
          {L.costDescription}, {row}
        </label>
        <ErrorText id={id('description')} error={descriptionError} />
        <input
          id={id('description')}
          type="text"
          autoComplete="off"
          class={`input${descriptionError ? ' input--error' : ''}`}
          value={line.description}
          aria-invalid={descriptionError ? 'true' : undefined}
          aria-describedby={describedBy(descriptionError && `${id('description')}-error`)}
          onInput={(event) => set([...path, 'description'], (event.currentTarget as HTMLInputElement).value)}
          onBlur={() => touch(field('description'))}
        />
      </td>
      <td role="cell">
        <label class="visually-hidden" for={id('year')}>
          {L.year}, {row}
        </label>
        <ErrorText id={id('year')} error={yearError} />
        <select
          id={id('year')}
          class={`input input--year${yearError ? ' input--error' : ''}`}
          value={line.year === undefined ? '' : String(line.year)}
          aria-invalid={yearError ? 'true' : undefined}
          aria-describedby={describedBy(yearError && `${id('year')}-error`)}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            set([...path, 'year'], value === '' ? undefined : Number(value));
            touch(field('year'));
          }}
        >
          <option value="">{t.choose}</option>
          {yearOptions.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </td>
      <td role="cell">
        <label class="visually-hidden" for={id('amountCents')}>
          {stepTexts.amountEuro}, {row}
        </label>
        <ErrorText id={id('amountCents')} error={amountError} />
        <NumberInput
          id={id('amountCents')}
          kind="money"
          value={line.amountCents}
          error={Boolean(amountError)}
          describedBy={describedBy(amountError && `${id('amountCents')}-error`)}
          onValue={(v) => set([...path, 'amountCents'], v)}
          onBlur={() => touch(field('amountCents'))}
        />
      </td>
      <td role="cell">
        <button
          type="button"
          class="button button--quiet button--small"
          aria-label={`${t.remove}: ${stepTexts.costLine(i + 1)}`}
          onClick={() => remove(['finance', 'costs'], i, 'category', stepTexts.costLine(i + 1))}
        >
          {t.remove}
        </button>
      </td>
    </tr>
  );
});

interface SumLine {
  category: CostCategory;
  description: '';
  year: number;
  amountCents: number;
}

/**
 * The cost lines as the sums read them: the same array as long as no category, year or amount
 * changed, so typing a description re-renders its row, not the sums (and nothing is added up again).
 */
function useSumLines(costs: readonly CostLine[]): readonly SumLine[] {
  const last = useRef<{ key: string; lines: readonly SumLine[] } | null>(null);
  const key = costs.map((c) => `${c.category}|${c.year}|${c.amountCents}`).join(';');
  if (last.current?.key !== key)
    last.current = {
      key,
      lines: costs.map((c) => ({
        category: categoryOf(c.category),
        description: '',
        year: typeof c.year === 'number' ? c.year : 0,
        amountCents: cents(c.amountCents),
      })),
    };
  return last.current.lines;
}

/** The sums beside the plan: per category, per year, in total. Memoised on its lines (see useSumLines). */
const Sums = memo(function Sums({ lines }: { lines: readonly SumLine[] }) {
  const sum = useMemo(() => totals({ costs: [...lines], esfCents: 0, ownCents: 0, thirdParty: [] }), [lines]);
  const years = Object.keys(sum.byYear)
    .map(Number)
    .filter((y) => y > 0)
    .sort();
  return (
    <div class="sums">
      <table class="table--compact">
        <caption>{stepTexts.byCategory}</caption>
        <tbody>
          {costCategories.map((c) => (
            <tr key={c}>
              <th scope="row">{costCategoryLabels[c]}</th>
              <td class="num">{formatEuro(sum.byCategory[c])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{sketchTexts.view.totalCost}</th>
            <td class="num">{formatEuro(sum.costCents)}</td>
          </tr>
        </tfoot>
      </table>
      <table class="table--compact">
        <caption>{stepTexts.byYear}</caption>
        <tbody>
          {years.length === 0 ? (
            <tr>
              <td colSpan={2}>{stepTexts.noYears}</td>
            </tr>
          ) : (
            years.map((y) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                <td class="num">{formatEuro(sum.byYear[y] ?? 0)}</td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{sketchTexts.view.totalCost}</th>
            <td class="num">{formatEuro(sum.costCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
});

/** Section 7: cost lines by category and year, the financing, and the profile's rules beside their cells. */
export function FinanceSection({
  f,
  set,
  touch,
  remove,
  visible,
}: {
  f: FormApi;
  set: Set;
  touch: Touch;
  remove: Remove;
  /** The errors shown now, by field. */
  visible: ReadonlyMap<string, string>;
}) {
  const { draft, profile } = f;
  const fin = draft.finance;
  const funding = profile.funding;
  const years = useMemo(() => yearChoices(draft, profile.funding), [draft.runtime, funding]);
  const lines = useSumLines(fin.costs);
  const sum = useMemo(
    () =>
      totals({
        costs: [...lines],
        esfCents: cents(fin.esfCents),
        ownCents: cents(fin.ownCents),
        thirdParty: fin.thirdParty.map((x) => ({ source: '', amountCents: cents(x.amountCents) })),
      }),
    [lines, fin.esfCents, fin.ownCents, fin.thirdParty],
  );
  const difference = sum.financingCents - sum.costCents;
  const overCap = sum.costCents > funding.totalCostCapCents;
  // Whether the excess needs a justification is the profile's rule (core/funding-rules.ts).
  const justify = capJustificationNeeded(sum, cents(fin.esfCents), funding);
  const raising = funding.capJustification === 'above_cap_raising_funding';
  const rate = funding.maxFundingRateOfPersonnelBp;
  const costsError = visible.get('finance.costs');
  const lastLine = fin.costs.at(-1);
  const firstYear = isValidDate(draft.runtime.start) ? Number(draft.runtime.start.slice(0, 4)) : undefined;
  return (
    <>
      <p class="hint">{stepTexts.hints.costs}</p>
      <div id="f-finance-costs" class={costsError ? 'field--error' : undefined}>
        <ErrorText id="f-finance-costs" error={costsError} />
        <div class="table-wrap">
          {/* Roles spelled out: the rows are grids (styles.css), which drops implied table semantics. */}
          <table class="cost-table" role="table" aria-labelledby="f-finance-costs-caption">
            <caption id="f-finance-costs-caption">
              {stepTexts.costLines} <span class="caption-count">({stepTexts.lines(fin.costs.length)})</span>
            </caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader" class="num">
                  {stepTexts.number}
                </th>
                <th scope="col" role="columnheader">
                  {L.category}
                </th>
                <th scope="col" role="columnheader">
                  {L.costDescription}
                </th>
                <th scope="col" role="columnheader">
                  {L.year}
                </th>
                <th scope="col" role="columnheader">
                  {stepTexts.amountEuro}
                </th>
                <th scope="col" role="columnheader">
                  <span class="visually-hidden">{stepTexts.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {fin.costs.map((line, i) => (
                <CostRow
                  key={i}
                  i={i}
                  line={line}
                  years={years}
                  categoryError={visible.get(`finance.costs.${i}.category`)}
                  descriptionError={visible.get(`finance.costs.${i}.description`)}
                  yearError={visible.get(`finance.costs.${i}.year`)}
                  amountError={visible.get(`finance.costs.${i}.amountCents`)}
                  set={set}
                  touch={touch}
                  remove={remove}
                />
              ))}
            </tbody>
            <tfoot role="rowgroup">
              <tr role="row">
                <th scope="row" role="rowheader" colSpan={4}>
                  {sketchTexts.view.totalCost}
                </th>
                <td role="cell" class="num total" id="f-finance-total">
                  {formatEuro(sum.costCents)}
                </td>
                <td role="cell" />
              </tr>
            </tfoot>
          </table>
        </div>
        <button
          type="button"
          id="f-finance-costs-add"
          class="button button--quiet"
          onClick={() =>
            f.addItem(
              ['finance', 'costs'],
              {
                category: lastLine?.category ?? '',
                description: '',
                year: lastLine?.year ?? firstYear,
                amountCents: undefined,
              },
              'category',
            )
          }
        >
          {stepTexts.addCost}
        </button>
      </div>
      <Sums lines={lines} />
      <p class={`sum${overCap ? ' sum--off' : ''}`} id="f-finance-cap">
        {overCap && raising
          ? stepTexts.capInfoRaising(
              formatEuro(sum.costCents),
              formatEuro(funding.totalCostCapCents),
              justify,
              formatEuro(fundingAtCapCents(sum, funding)),
            )
          : stepTexts.capInfo(formatEuro(sum.costCents), formatEuro(funding.totalCostCapCents), overCap)}
      </p>

      <h3>{stepTexts.financing}</h3>
      <NumberField
        id="f-finance-esfCents"
        kind="money"
        unit="€"
        label={L.esf}
        hint={
          rate !== undefined
            ? stepTexts.hints.esfRate(
                formatPercent(rate),
                formatEuro(Math.floor((sum.personnelCents * rate) / 10_000)),
              )
            : undefined
        }
        value={fin.esfCents}
        error={visible.get('finance.esfCents')}
        onValue={(v) => set(['finance', 'esfCents'], v)}
        onBlur={() => touch('finance.esfCents')}
      />
      <NumberField
        id="f-finance-ownCents"
        kind="money"
        unit="€"
        label={L.own}
        value={fin.ownCents}
        error={visible.get('finance.ownCents')}
        onValue={(v) => set(['finance', 'ownCents'], v)}
        onBlur={() => touch('finance.ownCents')}
      />
      <h4>{stepTexts.thirdParty}</h4>
      <Items
        f={f}
        path={['finance', 'thirdParty']}
        count={fin.thirdParty.length}
        itemLabel={(i) => `${sketchTexts.view.thirdParty} ${i + 1}`}
        addLabel={stepTexts.addThirdParty}
        blank={() => ({ source: '', amountCents: undefined })}
        firstKey="source"
        hint={stepTexts.hints.thirdParty}
      >
        {(i) => (
          <div class="field-row">
            <TextField
              id={pid(['finance', 'thirdParty', i, 'source'])}
              label={L.thirdPartySource}
              value={fin.thirdParty[i]?.source ?? ''}
              error={visible.get(`finance.thirdParty.${i}.source`)}
              onValue={(v) => set(['finance', 'thirdParty', i, 'source'], v)}
              onBlur={() => touch(`finance.thirdParty.${i}.source`)}
            />
            <NumberField
              id={pid(['finance', 'thirdParty', i, 'amountCents'])}
              kind="money"
              unit="€"
              label={L.amount}
              value={fin.thirdParty[i]?.amountCents}
              error={visible.get(`finance.thirdParty.${i}.amountCents`)}
              onValue={(v) => set(['finance', 'thirdParty', i, 'amountCents'], v)}
              onBlur={() => touch(`finance.thirdParty.${i}.amountCents`)}
            />
          </div>
        )}
      </Items>
      <dl class="details details--sums" id="f-finance-balance">
        <div class="details__row">
          <dt>{sketchTexts.view.totalFinancing}</dt>
          <dd class="num">{formatEuro(sum.financingCents)}</dd>
        </div>
        <div class="details__row">
          <dt>{sketchTexts.view.totalCost}</dt>
          <dd class="num">{formatEuro(sum.costCents)}</dd>
        </div>
        <div class={`details__row${difference === 0 ? '' : ' sum--off'}`}>
          <dt>{sketchTexts.view.difference}</dt>
          <dd class="num">
            {difference === 0
              ? sketchTexts.view.balanced
              : difference > 0
                ? stepTexts.tooMuch(formatEuro(difference))
                : stepTexts.missing(formatEuro(-difference))}
          </dd>
        </div>
        {rate !== undefined ? (
          <div class={`details__row${sum.esfOfPersonnelBp > rate ? ' sum--off' : ''}`}>
            <dt>{sketchTexts.view.personnelRate}</dt>
            <dd class="num">
              {formatPercent(sum.esfOfPersonnelBp)} ({sketchTexts.view.atMost} {formatPercent(rate)})
            </dd>
          </div>
        ) : null}
      </dl>
      <TextField
        id="f-finance-capJustification"
        label={L.capJustification}
        labelNote={
          justify
            ? raising
              ? stepTexts.requiredRaisingFunding
              : stepTexts.requiredAboveCap
            : raising
              ? stepTexts.onlyRaisingFunding(formatEuro(funding.totalCostCapCents))
              : stepTexts.onlyAboveCap(formatEuro(funding.totalCostCapCents))
        }
        hint={stepTexts.hints.capJustification}
        value={fin.capJustification}
        error={visible.get('finance.capJustification')}
        max={limits.capJustification}
        multiline
        rows={4}
        onValue={(v) => set(['finance', 'capJustification'], v)}
        onBlur={() => touch('finance.capJustification')}
      />
    </>
  );
}

/** The years a cost line may name: the funding period through the latest end, and the runtime's. */
function yearChoices(draft: FormDraft, funding: { period: { start: string }; latestEnd: string }): number[] {
  const years = [funding.period.start, funding.latestEnd, draft.runtime.start, draft.runtime.end]
    .filter(isValidDate)
    .map((d) => Number(d.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
