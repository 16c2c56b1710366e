/**
 * One line of the benchmark table, as written to `.bench/results.json`.
 *
 * `pass` is true or false where the row has a target; null where there is nothing to miss: the
 * feature is not built yet, or the figure is only reported (then `target` says so).
 */
export interface Row {
  name: string;
  unit: string;
  value: number | null;
  baseline: number | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
  /** What the figure is made of, or why it is missing. */
  note?: string;
}

/**
 * The two sides of round `round` of an interleaved measurement, in turns: `a` first on even rounds,
 * `b` first on odd ones, so neither side always runs on a machine the other has just warmed.
 */
export async function inTurns(
  round: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<void> {
  for (const side of round % 2 === 0 ? [a, b] : [b, a]) await side();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function round(value: number | null, digits = 3): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function ratioOf(value: number | null, baseline: number | null): number | null {
  if (value === null || baseline === null || baseline === 0) return null;
  return value / baseline;
}

/** A row for a feature that is not in the code yet: present, says so, not counted as a miss. */
export function notBuilt(name: string, unit: string, target: string, what: string): Row {
  return {
    name,
    unit,
    value: null,
    baseline: null,
    ratio: null,
    target,
    pass: null,
    note: `not built yet: ${what}`,
  };
}

/** A row whose measurement could not be made: counted as a miss, with the reason. */
export function broken(name: string, unit: string, target: string, reason: string): Row {
  return { name, unit, value: null, baseline: null, ratio: null, target, pass: false, note: reason };
}

export function row(fields: Omit<Row, 'ratio'> & { ratio?: number | null }): Row {
  const ratio = fields.ratio === undefined ? ratioOf(fields.value, fields.baseline) : fields.ratio;
  return {
    ...fields,
    value: round(fields.value),
    baseline: round(fields.baseline),
    ratio: round(ratio),
  };
}

const show = (value: number | null) => (value === null ? '—' : String(value));

/** The table printed at the end of a run. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'pass', 'note'];
  const lines = rows.map((r) => [
    r.name,
    show(r.value),
    r.unit,
    show(r.baseline),
    show(r.ratio),
    r.target,
    r.pass === null ? '—' : r.pass ? 'ok' : 'MISS',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) =>
    Math.min(i === 7 ? 80 : 60, Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length))),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const text = cell.length > width ? `${cell.slice(0, width - 1)}…` : cell;
        return i === 1 || i === 3 || i === 4 ? text.padStart(width) : text.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

/** The same table in Markdown, written to .bench/results.md for docs/benchmarks.md. */
export function formatMarkdown(rows: readonly Row[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| name | value | unit | baseline | ratio | target | pass | note |',
    '|---|--:|---|--:|--:|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${show(r.value)} | ${cell(r.unit)} | ${show(r.baseline)} | ${show(r.ratio)} | ${cell(r.target)} | ${
          r.pass === null ? '—' : r.pass ? 'ok' : '**MISS**'
        } | ${cell(r.note ?? '')} |`,
    ),
  ].join('\n');
}
