import { lazy } from './lazy.ts';

/** Money is integer cents everywhere; only what people read is formatted. */
const euro = lazy(() => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }));
const percent = lazy(() => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }));

/** 123456 → "1.234,56 €" (with a no-break space before the sign, as German typesetting wants). */
export function formatEuro(cents: number): string {
  return euro().format(cents / 100);
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

/** Basis points (10000 = 100 %) as German percent: 7000 → "70 %", 3333 → "33,33 %". */
export function formatPercent(bp: number): string {
  return `${percent().format(bp / 100)}\u00a0%`;
}

/** `part` of `whole` in basis points, rounded down, so a limit is never shown as met when it is not. */
export function shareBp(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 10_000) / whole);
}
