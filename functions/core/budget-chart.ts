import { budgetChartTexts as t } from './budget.de.ts';
import type { Budget } from './contract/budget-answers.ts';
import { formatDate } from './dates.ts';
import { formatPercent, formatWhole, shareBp } from './money.ts';

/*
 * The budget chart the office puts on a slide (issue 18): per sub-region one bar of what is bound
 * and what is still available up to the fair share (a dashed line; what is bound beyond it is
 * overdrawn, in red), and below it what is requested, each with its value written out in whole
 * euros. A pure function from the budget to SVG markup: the page shows exactly what the office
 * downloads (as SVG, or as PNG drawn from it in the browser). Self-contained: fonts, colours and
 * sizes are attributes, no style sheet, so it looks the same in a slide program.
 */

const colours = {
  text: '#1a1a1a',
  muted: '#4a4a4a',
  committed: '#1d4e89',
  available: '#d6e6f5',
  availableEdge: '#1d4e89',
  overdrawn: '#b3261e',
  requested: '#b45309',
  fair: '#1a1a1a',
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Whole euros for a slide: 91685012 → "916.850 €". */
export const slideEuro = (cents: number) => `${formatWhole(cents / 100)}\u00a0€`;

/** The chart's text alternative: one sentence per sub-region. */
export function budgetChartDescription(budget: Budget): string {
  return budget.lines
    .map((l) =>
      t.description(
        l.name,
        slideEuro(l.fairShareCents),
        slideEuro(l.committedCents),
        slideEuro(l.requestedCents),
        slideEuro(l.availableCents),
      ),
    )
    .join(' ');
}

export const budgetChartSize = { width: 960, rowHeight: 150, top: 120, bottom: 24 };

/** The budget chart as a standalone SVG document (UTF-8 text). */
export function budgetChartSvg(budget: Budget, allianceName: string): string {
  const { width, rowHeight, top, bottom } = budgetChartSize;
  const left = 24;
  const barsWidth = 620;
  const height = top + budget.lines.length * rowHeight + bottom;
  const largest = Math.max(
    1,
    ...budget.lines.flatMap((l) => [l.fairShareCents, l.committedCents, l.requestedCents]),
  );
  const x = (cents: number) => left + (Math.max(0, cents) / largest) * barsWidth;
  // Something above nothing stays visible however small against the fair share.
  const length = (cents: number) => (cents > 0 ? Math.max(3, x(cents) - left) : 0);
  const text = (
    tx: number,
    ty: number,
    content: string,
    { size = 16, weight = 400, fill = colours.text, anchor = 'start' } = {},
  ) =>
    `<text x="${tx.toFixed(1)}" y="${ty}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(content)}</text>`;
  const period = `${formatDate(budget.period.start)}–${formatDate(budget.period.end)}`;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(left, 36, t.title(allianceName), { size: 24, weight: 700 }),
    text(left, 64, t.subtitle(period, slideEuro(budget.budgetCents)), { size: 16, fill: colours.muted }),
    // The legend
    `<rect x="${left}" y="82" width="18" height="18" fill="${colours.committed}"/>`,
    text(left + 24, 97, t.committed, { size: 15 }),
    `<rect x="${left + 120}" y="82" width="18" height="18" fill="${colours.available}" stroke="${colours.availableEdge}"/>`,
    text(left + 144, 97, t.available, { size: 15 }),
    `<rect x="${left + 240}" y="82" width="18" height="18" fill="${colours.overdrawn}"/>`,
    text(left + 264, 97, t.overdrawn, { size: 15 }),
    `<rect x="${left + 380}" y="86" width="18" height="10" fill="${colours.requested}"/>`,
    text(left + 404, 97, t.requested, { size: 15 }),
    `<line x1="${left + 510}" y1="80" x2="${left + 510}" y2="102" stroke="${colours.fair}" stroke-width="2" stroke-dasharray="5 4"/>`,
    text(left + 518, 97, t.legendFair, { size: 15 }),
  ];
  budget.lines.forEach((line, i) => {
    const y = top + i * rowHeight;
    const fair = line.fairShareCents;
    const bound = Math.max(0, line.committedCents);
    const within = Math.min(bound, fair);
    const over = Math.max(0, bound - fair);
    const available = line.availableCents;
    parts.push(text(left, y + 20, line.name, { size: 19, weight: 700 }));
    parts.push(text(width - left, y + 20, t.fairShare(slideEuro(fair)), { size: 16, anchor: 'end' }));
    const barY = y + 32;
    // Available up to the fair share, bound over it from the left, overdrawn beyond the line.
    if (fair > 0)
      parts.push(
        `<rect x="${left}" y="${barY}" width="${(x(fair) - left).toFixed(1)}" height="34" fill="${colours.available}" stroke="${colours.availableEdge}"/>`,
      );
    if (within > 0)
      parts.push(
        `<rect x="${left}" y="${barY}" width="${length(within).toFixed(1)}" height="34" fill="${colours.committed}"/>`,
      );
    if (over > 0)
      parts.push(
        `<rect x="${x(fair).toFixed(1)}" y="${barY}" width="${length(over).toFixed(1)}" height="34" fill="${colours.overdrawn}"/>`,
      );
    const requestedY = barY + 44;
    if (line.requestedCents > 0)
      parts.push(
        `<rect x="${left}" y="${requestedY}" width="${length(line.requestedCents).toFixed(1)}" height="16" fill="${colours.requested}"/>`,
      );
    parts.push(
      text(
        Math.max(x(line.requestedCents), left) + 8,
        requestedY + 14,
        t.value(t.requested, slideEuro(line.requestedCents)),
        { size: 15 },
      ),
    );
    if (fair > 0)
      parts.push(
        `<line x1="${x(fair).toFixed(1)}" y1="${barY - 6}" x2="${x(fair).toFixed(1)}" y2="${requestedY + 22}" stroke="${colours.fair}" stroke-width="2" stroke-dasharray="5 4"/>`,
      );
    const percent = fair > 0 ? ` ${t.percentOfShare(formatPercent(shareBp(bound, fair)))}` : '';
    const status =
      available < 0
        ? t.value(t.overdrawn, slideEuro(-available))
        : t.value(t.available, slideEuro(available));
    parts.push(
      text(left, requestedY + 46, `${t.value(t.committed, slideEuro(bound))}${percent} · ${status}`, {
        size: 16,
        weight: 600,
        fill: available < 0 ? colours.overdrawn : colours.text,
      }),
    );
  });
  const title = t.title(allianceName);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="budget-chart-title budget-chart-desc" font-family="Arial, Helvetica, sans-serif">
<title id="budget-chart-title">${escapeXml(title)}</title>
<desc id="budget-chart-desc">${escapeXml(budgetChartDescription(budget))}</desc>
${parts.join('\n')}
</svg>
`;
}
