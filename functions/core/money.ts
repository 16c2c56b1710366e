/*
 * Money is integer cents everywhere; only what people read is formatted. German amounts are
 * written out here rather than with Intl.NumberFormat: the first Intl object of a process loads
 * ICU's data (about 16 ms), which every function that mails an amount would pay on a cold start.
 * test/unit/money-dates.test.ts checks these against Intl's de-DE output for any amount.
 */

/** A whole number grouped by thousands with dots, as German writes it: 1234567 → "1.234.567". */
export function formatWhole(n: number): string {
  const digits = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+$)/g, '.');
  return n <= -0.5 ? `-${digits}` : digits;
}

/** Cents as an amount without its sign, as it stands in a field beside "€": 123456 → "1.234,56". */
export function formatAmount(cents: number): string {
  const abs = Math.abs(Math.round(cents));
  const sign = cents <= -0.5 ? '-' : '';
  return `${sign}${formatWhole(Math.floor(abs / 100))},${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "1.234,56 €" (with a no-break space before the sign, as German typesetting wants). */
export function formatEuro(cents: number): string {
  return `${formatAmount(cents)}\u00a0€`;
}

/**
 * Reads an amount as people type it in German ("1.234,56", "1234,5", "1234 €") into cents;
 * undefined when it is not an amount.
 */
export function parseEuro(input: string): number | undefined {
  const text = input.replace(/\s|€|\u00a0/g, '');
  if (!/^-?\d{1,3}(\.\d{3})*(,\d{1,2})?$|^-?\d+(,\d{1,2})?$/.test(text)) return undefined;
  const [whole = '0', fraction = ''] = text.replace(/\./g, '').split(',');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0')));
}

/** Basis points as a German number of percent, without the sign: 7000 → "70", 3333 → "33,33", 1250 → "12,5". */
export function formatShare(bp: number): string {
  const abs = Math.abs(Math.round(bp));
  const sign = bp <= -0.5 ? '-' : '';
  const fraction = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${formatWhole(Math.floor(abs / 100))}${fraction ? `,${fraction}` : ''}`;
}

/** Basis points (10000 = 100 %) as German percent: 7000 → "70 %", 3333 → "33,33 %". */
export function formatPercent(bp: number): string {
  return `${formatShare(bp)}\u00a0%`;
}

/** `part` of `whole` in basis points, rounded down, so a limit is never shown as met when it is not. */
export function shareBp(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 10_000) / whole);
}
